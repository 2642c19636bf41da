import { createHash, randomBytes } from 'node:crypto';
import { API_KEY_PREFIX } from '@tandem/contracts';

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** URL-safe random secret with `bytes` bytes of entropy. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** An API key as shown once to its owner: `tdm_` + 43 characters. */
export function newApiKey(): { key: string; prefix: string; hash: string } {
  const key = `${API_KEY_PREFIX}${randomSecret(32)}`;
  return { key, prefix: key.slice(0, 12), hash: sha256(key) };
}

/** Refresh tokens carry their family id so a reused one can be traced to its family. */
export function newRefreshToken(familyId: string): { token: string; hash: string } {
  const token = `${familyId}.${randomSecret(32)}`;
  return { token, hash: sha256(token) };
}

export function familyOf(token: string): string | undefined {
  const dot = token.indexOf('.');
  return dot > 0 ? token.slice(0, dot) : undefined;
}
