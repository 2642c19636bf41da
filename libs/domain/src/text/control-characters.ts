/**
 * Which characters Tandem refuses in any text it is given (JSON bodies, query parameters,
 * route parameters, CSV cells), so that text is refused where it enters rather than failing
 * where it is stored:
 *
 * - U+0000: PostgreSQL cannot store it in text at all (an unhandled error, i.e. a 500, or a
 *   failed COPY of a whole import);
 * - the other C0 controls but TAB, LF and CR, DEL, and the C1 controls (U+0080–U+009F): no
 *   domain text means them; they are what binary files, mis-decoded uploads and attacks
 *   carry, and they would travel on into CSV exports, emails and the console;
 * - unpaired UTF-16 surrogates (possible in JSON as "\ud800"): UTF-8 cannot encode them, so
 *   the driver would store U+FFFD instead of what was sent.
 *
 * TAB, LF and CR stay allowed: notes and reasons are multi-line text a person typed.
 */
const REFUSED =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface RefusedCharacter {
  /** index (UTF-16 code units) of the first refused character */
  index: number;
  /** its code unit, e.g. 0 for NUL */
  code: number;
}

/** The first character of `text` that Tandem refuses, or null when the text may be stored. */
export function findRefusedCharacter(text: string): RefusedCharacter | null {
  const m = REFUSED.exec(text);
  if (!m) return null;
  return { index: m.index, code: m[0].charCodeAt(0) };
}

/** `U+0000`: how a refused character is named in messages (never the character itself). */
export function codePointName(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The field message for text that contains a refused character. */
export function refusedCharacterMessage(found: RefusedCharacter): string {
  const what = found.code >= 0xd800 && found.code <= 0xdfff ? 'an unpaired surrogate' : 'a control character';
  return `must not contain ${what} (${codePointName(found.code)} at position ${found.index + 1}); tabs and line breaks are allowed`;
}

/**
 * `text` with every refused character written as `\uXXXX`, for echoing a name or a message
 * that came from outside (a field name, a CSV parser's error) without carrying the character.
 */
export function escapeRefusedCharacters(text: string): string {
  let out = text;
  for (let found = findRefusedCharacter(out); found; found = findRefusedCharacter(out)) {
    out = `${out.slice(0, found.index)}\\u${found.code.toString(16).padStart(4, '0')}${out.slice(found.index + 1)}`;
  }
  return out;
}
