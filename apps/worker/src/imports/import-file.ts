import { parse as parseSync } from 'csv-parse/sync';
import { createReadStream } from 'node:fs';
import {
  checkHeader,
  detectDelimiter,
  EMPTY_FILE_MESSAGE,
  findRefusedCharacter,
  headerControlCharacterMessage,
  invalidEncodingMessage,
  NO_ROWS_MESSAGE,
  Utf8Scanner,
  type ImportDelimiter,
} from '@tandem/domain';
import type { ImportColumn } from '@tandem/contracts';

/** What the first pass over a file learns: enough to refuse it whole, or to parse it. */
export type FileSurvey =
  | { ok: true; delimiter: ImportDelimiter; columns: ImportColumn[]; lines: number; bytes: number }
  | { ok: false; message: string };

const BOM = [0xef, 0xbb, 0xbf];

function isBlank(bytes: Uint8Array, from: number): boolean {
  for (let i = from; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return false;
  }
  return true;
}

/**
 * Whole-file checks before a single row is staged: not empty, UTF-8 throughout (the line
 * of the first bad byte is named), a header line naming the columns of metrics.md, at
 * least one row. Reads the file once, as a stream; keeps only the header line in memory.
 */
export async function surveyFile(path: string): Promise<FileSurvey> {
  const scanner = new Utf8Scanner();
  let headerBytes: Buffer[] = [];
  let headerDone = false;
  let headerLength = 0;
  let bytes = 0;
  let content = false;
  let afterHeader = false;
  let bomChecked = false;
  let skip = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    if (!scanner.push(chunk)) break;
    let data = chunk;
    if (!bomChecked) {
      bomChecked = true;
      if (BOM.every((b, i) => chunk[i] === b)) skip = 3;
      data = chunk.subarray(skip);
    }
    if (!content && !isBlank(data, 0)) content = true;
    if (!headerDone) {
      const nl = data.indexOf(0x0a);
      const part = nl < 0 ? data : data.subarray(0, nl);
      headerLength += part.length;
      if (headerLength > 64 * 1024) return { ok: false, message: 'The first line is longer than 64 KiB: this is not a CSV file with a header line' };
      headerBytes.push(Buffer.from(part));
      if (nl >= 0) {
        headerDone = true;
        if (!isBlank(data, nl + 1)) afterHeader = true;
      }
    } else if (!afterHeader && !isBlank(data, 0)) {
      afterHeader = true;
    }
  }
  if (!scanner.end()) return { ok: false, message: invalidEncodingMessage(scanner.badLine ?? 1) };
  if (!content) return { ok: false, message: EMPTY_FILE_MESSAGE };

  const headerLine = Buffer.concat(headerBytes).toString('utf8').replace(/\r$/, '');
  headerBytes = [];
  const refused = findRefusedCharacter(headerLine);
  if (refused) return { ok: false, message: headerControlCharacterMessage(refused) };
  const delimiter = detectDelimiter(headerLine);
  let fields: string[];
  try {
    const records = parseSync(headerLine, { delimiter, trim: true, relax_quotes: true }) as string[][];
    fields = records[0] ?? [];
  } catch (error) {
    return { ok: false, message: `Wrong header on line 1: it could not be read (${error instanceof Error ? error.message : String(error)})` };
  }
  const header = checkHeader(fields);
  if (!header.ok) return { ok: false, message: header.message };
  if (!afterHeader) return { ok: false, message: NO_ROWS_MESSAGE };
  return { ok: true, delimiter, columns: header.columns, lines: scanner.newlines + 1, bytes };
}

/** COPY text format: tab-separated, \N for null, backslash escapes. */
const SPECIAL = /[\\\t\n\r]/;
export function copyField(value: string | undefined): string {
  if (value === undefined || value === '') return '\\N';
  if (!SPECIAL.test(value)) return value;
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}
