import { IMPORT_MAX_ROWS, IMPORT_RULES } from '@socium/domain';

import ExcelJS from 'exceljs';

import { AppError, fail } from '../http/app-error';

/** A sheet as text: the header cells and each data row with its 1-based spreadsheet row number (header = 1). */
export interface Sheet {
  header: string[];
  rows: { row: number; cells: string[] }[];
}

/** Windows-1251, bytes 0x80–0xFF (0x98 is unassigned and reads as U+FFFD). */
const CP1251_HIGH =
  'ЂЃ‚ѓ„…†‡€‰Љ‹ЊЌЋЏђ‘’“”•–—\ufffd™љ›њќћџ\u00a0ЎўЈ¤Ґ¦§Ё©Є«¬\u00ad®Ї°±Ііґµ¶·ё№є»јЅѕї' +
  'АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюя';

/** Decodes Windows-1251 bytes with the table above (no extra package). */
export function decodeCp1251(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b < 0x80 ? String.fromCharCode(b) : CP1251_HIGH[b - 0x80];
  return out;
}

/** The text of a CSV file: UTF-8 (with or without a BOM) when the bytes are valid UTF-8, else Windows-1251. */
export function decodeText(bytes: Buffer): string {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return decodeCp1251(body);
  }
}

/** `;` or `,`: whichever the header row (outside quotes) holds more of; `;` on a tie (what Russian Excel writes). */
export function detectSeparator(text: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ';') semicolons++;
    else if (!quoted && ch === ',') commas++;
  }
  return commas > semicolons ? ',' : ';';
}

/**
 * Parses CSV text (RFC 4180: quoted fields with `""` escapes and line breaks inside; CRLF or LF) into rows of
 * cells, each with the spreadsheet row number it starts on. Stops counting after `limit` rows.
 */
export function parseCsv(text: string, separator: string, limit: number): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const endRow = () => {
    cells.push(cell);
    rows.push({ line: rows.length + 1, cells });
    cells = [];
    cell = '';
  };
  while (i < text.length) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === separator) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      endRow();
      i++;
    } else if (ch === '\n' || ch === '\r') {
      endRow();
    } else cell += ch;
    i++;
    if (rows.length > limit) return rows;
  }
  if (cell !== '' || cells.length) endRow();
  return rows;
}

const tooManyRows = (): AppError =>
  fail(IMPORT_RULES.tooManyRows, {
    ru: `В файле больше ${IMPORT_MAX_ROWS} строк: разделите его на части`,
    en: `The file has more than ${IMPORT_MAX_ROWS} rows: split it`,
    tt: `Файлда юллар саны чиктән артык (иң күбе ${IMPORT_MAX_ROWS}): аны өлешләргә бүлегез`,
  });

export const unreadable = (): AppError =>
  fail(IMPORT_RULES.fileUnreadable, {
    ru: 'Файл не читается: нужен CSV (UTF-8 или Windows-1251) или XLSX',
    en: 'The file cannot be read: send a CSV (UTF-8 or Windows-1251) or an XLSX file',
    tt: 'Файлны укып булмый: CSV (UTF-8 яки Windows-1251) яки XLSX кирәк',
  });

const isZip = (b: Buffer) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** Reads a CSV or XLSX file (recognised by its first bytes) into a sheet of text cells; empty rows are skipped. */
export async function readSheet(bytes: Buffer): Promise<Sheet> {
  const raw = isZip(bytes) ? await readXlsx(bytes) : readCsv(bytes);
  const nonEmpty = raw.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const [head, ...rest] = nonEmpty;
  if (!head) return { header: [], rows: [] };
  if (rest.length > IMPORT_MAX_ROWS) throw tooManyRows();
  return { header: head.cells.map((c) => c.trim()), rows: rest.map((r) => ({ row: r.line, cells: r.cells })) };
}

function readCsv(bytes: Buffer): { line: number; cells: string[] }[] {
  const text = decodeText(bytes);
  if (text.includes('\u0000')) throw unreadable();
  // one header row, up to IMPORT_MAX_ROWS data rows and empty lines between them
  return parseCsv(text, detectSeparator(text), IMPORT_MAX_ROWS * 2 + 1);
}

async function readXlsx(bytes: Buffer): Promise<{ line: number; cells: string[] }[]> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw unreadable();
  }
  const sheet = book.worksheets[0];
  if (!sheet) return [];
  if (sheet.actualRowCount > IMPORT_MAX_ROWS * 2 + 1) throw tooManyRows();
  const out: { line: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    out.push({ line, cells });
  });
  return out;
}

/** A cell's value as the text a user sees; a formula keeps its `=` so the cell rules refuse it. */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'object') {
    if ('formula' in v || 'sharedFormula' in v) return `=${(v as { formula?: string }).formula ?? ''}`;
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String((v as { text: unknown }).text);
    if ('error' in v) return String(v.error);
  }
  return String(v);
}

/**
 * The file of a `multipart/form-data` body (a browser form or `curl -F`): the first part that carries a file name,
 * else the first part. The raw body is the file itself for any other content type.
 */
export function fileOfBody(body: Buffer, contentType: string): Buffer {
  const m = /^multipart\/form-data\s*;.*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (!m) return body;
  const delimiter = Buffer.from(`--${m[1] ?? m[2]}`);
  const parts: Buffer[] = [];
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const next = body.indexOf(delimiter, at + delimiter.length);
    if (next < 0) break;
    parts.push(body.subarray(at + delimiter.length, next));
    at = next;
  }
  const files = parts
    .map((p) => {
      const split = p.indexOf('\r\n\r\n');
      if (split < 0) return null;
      const head = p.subarray(0, split).toString('latin1');
      let data = p.subarray(split + 4);
      if (data.subarray(-2).toString('latin1') === '\r\n') data = data.subarray(0, -2);
      return { named: /filename=/i.test(head), data };
    })
    .filter((p): p is { named: boolean; data: Buffer } => p !== null);
  return (files.find((f) => f.named) ?? files[0])?.data ?? Buffer.alloc(0);
}
