/**
 * Cell-level safety and encoding shared by every report file format.
 *
 * Formula injection (CWE-1236): a spreadsheet treats a text cell beginning with `=`, `+`, `-`, `@`, a tab
 * or a carriage return as a formula. Every text cell of a CSV or XLSX export goes through
 * `neutraliseFormula`, which prefixes such text with an apostrophe so it is shown, never evaluated.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export type Cell = string | number | null | undefined;

/** A safe cell value: text neutralised, numbers kept as numbers, empty as null. */
export function safeCell(value: Cell): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return neutraliseFormula(value);
}

/** A character after which a spreadsheet may start a new cell: either CSV separator (`,` here, `;` in Russian Excel), a tab, a line break. */
const CELL_BREAK = /([,;\t\r\n])([=+\-@])/g;
/** A field that must be quoted: it holds a separator (`,` or `;`), a tab, a quote or a line break. */
const NEEDS_QUOTES = /[",;\t\r\n]/;

/**
 * One CSV field, the only way any CSV writer turns a value into text. A reader may split on `;` (Russian Excel) or
 * `,`, so the guard is applied wherever a cell could start: formula text at the beginning of the value and after every
 * separator or line break inside it gets an apostrophe (`;=1+1` → `;'=1+1`), and a value holding a separator, a tab,
 * a quote or a line break is quoted with its quotes doubled (RFC 4180). Numbers are written as they are.
 */
export function csvField(value: Cell): string {
  const v = safeCell(value);
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  const text = v.replace(CELL_BREAK, "$1'$2");
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV: UTF-8 with a byte-order mark (Excel reads Cyrillic right), CRLF line ends, a final CRLF. */
export function toCsv(rows: readonly (readonly Cell[])[]): Buffer {
  const body = rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, 'utf8')]);
}

/**
 * `Content-Disposition` for a download: an ASCII `filename` fallback and the exact name as RFC 5987
 * `filename*=UTF-8''…`.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase(),
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
