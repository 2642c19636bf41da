/** Query parameters whose values are secrets wherever they appear (token, apiKey, client_secret, password…). */
const SECRET_PARAM = /token|key|secret|passw/i;
export const REDACTED = '[REDACTED]';

/**
 * A URL fit for a log line: the value of every query parameter whose name says it is a
 * secret is replaced. Nothing Tandem issues travels in a URL (links carry secrets in the
 * fragment, which browsers never send), but a client may still put one there.
 */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const hash = url.indexOf('#', q);
  const query = url.slice(q + 1, hash < 0 ? undefined : hash);
  const redacted = query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const rawName = eq < 0 ? pair : pair.slice(0, eq);
      let name = rawName;
      try {
        name = decodeURIComponent(rawName.replace(/\+/g, ' '));
      } catch {
        /* keep the raw name */
      }
      return SECRET_PARAM.test(name) && eq >= 0 ? `${rawName}=${REDACTED}` : pair;
    })
    .join('&');
  return `${url.slice(0, q + 1)}${redacted}${hash < 0 ? '' : url.slice(hash)}`;
}
