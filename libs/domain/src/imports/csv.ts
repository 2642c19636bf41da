import { IMPORT_COLUMNS, IMPORT_REQUIRED_COLUMNS, type ImportColumn } from '@tandem/contracts';
import { codePointName, type RefusedCharacter } from '../text/control-characters';

/**
 * Pure checks of an imported CSV file (metrics.md, "Units matter in import"): the header,
 * the delimiter, the encoding, and the shape of a value. The same patterns are handed to
 * PostgreSQL by the import worker, so a rule reads the same in SQL and here.
 */

export type ImportDelimiter = ',' | ';';

/**
 * A plain decimal number: optional sign, digits, optional fraction. No units, no
 * thousands separators, no exponent. POSIX-compatible, so PostgreSQL's `~` uses it as is.
 */
export const PLAIN_NUMBER_PATTERN = '^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)$';
const PLAIN_NUMBER = new RegExp(PLAIN_NUMBER_PATTERN);

/** Period codes `YYYY-Qn` and `YYYY-MM` (libs/domain periods/calendar.ts names the same two). */
export const PERIOD_CODE_PATTERN = '^[0-9]{4}-(Q[1-4]|0[1-9]|1[0-2])$';

export function isPlainNumber(text: string): boolean {
  return PLAIN_NUMBER.test(text);
}

/** Normalised header name: trimmed, lower case, spaces and dashes as underscores. */
export function normaliseHeaderName(name: string): string {
  return name.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/**
 * The delimiter of a file, from its header line: whichever of `,` and `;` occurs more often
 * outside quotes. A header with neither is one column, which the header check rejects.
 */
export function detectDelimiter(headerLine: string): ImportDelimiter {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

export type HeaderCheck = { ok: true; columns: ImportColumn[] } | { ok: false; message: string };

/**
 * The header line must name every required column once, may name the optional ones, and
 * nothing else; order is free. The message names what is wrong and lists the columns.
 */
export function checkHeader(fields: readonly string[]): HeaderCheck {
  const names = fields.map(normaliseHeaderName);
  const expected = `expected columns: ${IMPORT_REQUIRED_COLUMNS.join(', ')} (required), ${IMPORT_COLUMNS.filter((c) => !(IMPORT_REQUIRED_COLUMNS as readonly string[]).includes(c)).join(', ')} (optional)`;
  const problems: string[] = [];
  const unknown = names.filter((n) => !(IMPORT_COLUMNS as readonly string[]).includes(n));
  if (unknown.length > 0) problems.push(`unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `"${n}"`).join(', ')}`);
  const missing = IMPORT_REQUIRED_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length > 0) problems.push(`missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  const repeated = names.filter((n, i) => names.indexOf(n) !== i);
  if (repeated.length > 0) problems.push(`repeated column${repeated.length > 1 ? 's' : ''} ${[...new Set(repeated)].join(', ')}`);
  if (problems.length > 0) return { ok: false, message: `Wrong header on line 1: ${problems.join('; ')}; ${expected}` };
  return { ok: true, columns: names as ImportColumn[] };
}

/**
 * Streaming UTF-8 validation that remembers where it is: fed chunk by chunk, it answers
 * the line (1-based) of the first byte that is not UTF-8, e.g. a Latin-1 "é" (0xE9).
 * Overlong forms, surrogates and code points above U+10FFFF are invalid too (RFC 3629).
 */
export class Utf8Scanner {
  private line = 1;
  /** bytes still expected of the current sequence */
  private need = 0;
  /** allowed range of the next continuation byte (narrowed after some lead bytes) */
  private lower = 0x80;
  private upper = 0xbf;
  private sequenceLine = 1;
  /** line of the first invalid byte, once found */
  badLine: number | null = null;
  /** lines seen so far (a final line without newline counts once `end` is called) */
  newlines = 0;

  /** Feed bytes; returns false once the input is known not to be UTF-8. */
  push(bytes: Uint8Array): boolean {
    if (this.badLine !== null) return false;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i] as number;
      if (this.need === 0) {
        if (b < 0x80) {
          if (b === 0x0a) {
            this.line++;
            this.newlines++;
          }
          continue;
        }
        this.sequenceLine = this.line;
        if (b >= 0xc2 && b <= 0xdf) {
          this.need = 1;
        } else if (b >= 0xe0 && b <= 0xef) {
          this.need = 2;
          if (b === 0xe0) this.lower = 0xa0;
          if (b === 0xed) this.upper = 0x9f;
        } else if (b >= 0xf0 && b <= 0xf4) {
          this.need = 3;
          if (b === 0xf0) this.lower = 0x90;
          if (b === 0xf4) this.upper = 0x8f;
        } else {
          this.badLine = this.line;
          return false;
        }
        continue;
      }
      if (b < this.lower || b > this.upper) {
        this.badLine = this.sequenceLine;
        return false;
      }
      this.lower = 0x80;
      this.upper = 0xbf;
      this.need--;
    }
    return true;
  }

  /** End of input: a sequence cut short is invalid. */
  end(): boolean {
    if (this.badLine === null && this.need > 0) this.badLine = this.sequenceLine;
    return this.badLine === null;
  }
}

export function invalidEncodingMessage(line: number): string {
  return `The file is not UTF-8: line ${line} has bytes that are not UTF-8 text (saved as Latin-1 or Windows-1252?). Save it as "CSV UTF-8" and upload it again.`;
}

/**
 * A header with a control character (NUL above all) is what a UTF-16 file without a byte
 * order mark or a binary file looks like when read as UTF-8: the whole file is refused.
 */
export function headerControlCharacterMessage(found: RefusedCharacter): string {
  return `The header on line 1 contains the control character ${codePointName(found.code)} at position ${found.index + 1}: this is not a CSV text file (saved as UTF-16 or as a spreadsheet?). Save it as "CSV UTF-8" and upload it again.`;
}

export const EMPTY_FILE_MESSAGE = 'The file is empty: expected a header line and at least one row';
export const NO_ROWS_MESSAGE = 'The file has a header but no rows';

/** Messages of duplicate rows: every row of a group names all of them (at most ten listed). */
export function duplicateRowsMessage(rowNumbers: readonly number[]): string {
  const shown = rowNumbers.slice(0, 10).join(', ');
  const more = rowNumbers.length > 10 ? ` and ${rowNumbers.length - 10} more` : '';
  return `duplicate rows ${shown}${more}: same org_code, period, metric and customer_code`;
}
