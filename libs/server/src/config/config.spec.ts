import { ConfigError, PUBLIC_SECRETS, bytes, loadConfig } from './config';

describe('config', () => {
  it('has defaults for local use', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.CORS_ORIGINS).toContain('http://localhost:4200');
  });
  it('names every bad variable', () => {
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x' })).toThrow(/PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*PORT/);
  });
  it('refuses to start outside development and test without JWT_SECRET, in one line', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/^Invalid configuration: JWT_SECRET: is required when NODE_ENV=production$/);
  });
  it('never signs with a published secret, whatever NODE_ENV says', () => {
    for (const NODE_ENV of ['development', 'test', 'production']) {
      expect(() => loadConfig({ NODE_ENV, JWT_SECRET: PUBLIC_SECRETS[0] })).toThrow(/JWT_SECRET: is a published value/);
    }
  });
  it('gives development a random secret of its own when none is set', () => {
    const a = loadConfig({});
    const b = loadConfig({});
    expect(a.jwtSecretEphemeral).toBe(true);
    expect(a.JWT_SECRET).toHaveLength(48);
    expect(a.JWT_SECRET).not.toEqual(b.JWT_SECRET);
    expect(PUBLIC_SECRETS).not.toContain(a.JWT_SECRET);
    const set = loadConfig({ JWT_SECRET: 'x'.repeat(40) });
    expect(set).toMatchObject({ JWT_SECRET: 'x'.repeat(40), jwtSecretEphemeral: false });
  });
  it('takes a hop count or proxy addresses for TRUST_PROXY, never "trust everyone"', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 10.1.0.0/16,loopback' }).TRUST_PROXY).toEqual(['10.0.0.1', '10.1.0.0/16', 'loopback']);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: 'proxy.example.org' })).toThrow(/TRUST_PROXY/);
  });
  it('parses sizes', () => {
    expect(bytes('100kb')).toBe(102400);
    expect(bytes('1mb')).toBe(1048576);
  });
});
