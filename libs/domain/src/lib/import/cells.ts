import { IMPORT_RULES, LocalDate } from '../common';

/**
 * Rules for the cells of an imported spreadsheet (C10). A cell is text as the file carries it; these
 * functions say what is wrong with it, or what it means, without knowing the column it stands in.
 */

export type CellRule =
  | typeof IMPORT_RULES.cellFormula
  | typeof IMPORT_RULES.cellControlCharacter
  | typeof IMPORT_RULES.cellDate
  | typeof IMPORT_RULES.cellNumber
  | typeof IMPORT_RULES.cellBoolean;

const PLAIN_NUMBER = /^[+-]?\d+([.,]\d+)?$/;

/**
 * Whether a cell would run as a formula when the file is opened again in a spreadsheet program: it starts
 * (after leading spaces) with `=`, `+`, `-`, `@`, a tab or a carriage return. A plain number such as `-5`
 * is not a formula where the column is numeric.
 */
export function isFormulaLike(text: string, numericColumn = false): boolean {
  const t = text.replace(/^ +/, '');
  if (t === '') return false;
  if (numericColumn && PLAIN_NUMBER.test(t.trim())) return false;
  return /^[=+\-@\t\r]/.test(t);
}

/** Whether a cell holds a control character (U+0000–U+001F, U+007F) other than a line feed inside free text. */
export function hasControlCharacter(text: string, allowLineBreaks = false): boolean {
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (allowLineBreaks && c === 0x0a) continue;
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

/** The first rule a cell breaks regardless of its column (formula-like text, control characters), or null. */
export function cellProblem(text: string, numericColumn = false, allowLineBreaks = false): CellRule | null {
  if (isFormulaLike(text, numericColumn)) return IMPORT_RULES.cellFormula;
  if (hasControlCharacter(text, allowLineBreaks)) return IMPORT_RULES.cellControlCharacter;
  return null;
}

/** A date cell: `YYYY-MM-DD` or `DD.MM.YYYY` (a real calendar date), as ISO; null when it is neither. */
export function parseCellDate(text: string): string | null {
  const t = text.trim();
  const ru = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  const iso = ru ? `${ru[3]}-${(ru[2] as string).padStart(2, '0')}-${(ru[1] as string).padStart(2, '0')}` : t;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  return LocalDate.parse(iso).ok ? iso : null;
}

/** A whole-number cell (spaces as thousands separators allowed); null when it is not one. */
export function parseCellInteger(text: string): number | null {
  const t = text.replace(/[\s\u00a0]/g, '');
  if (!/^[+-]?\d{1,15}$/.test(t)) return null;
  return Number(t);
}

/** A decimal cell (`,` or `.` as the decimal mark); null when it is not one. */
export function parseCellNumber(text: string): number | null {
  const t = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (!/^[+-]?\d{1,15}(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

const TRUE = ['да', 'yes', 'true', '1', 'y', 'д', 'әйе'];
const FALSE = ['нет', 'no', 'false', '0', 'n', 'н', 'юк', ''];
/** A yes/no cell (да/нет, yes/no, true/false, 1/0; empty is no); null when it is neither. */
export function parseCellBoolean(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (TRUE.includes(t)) return true;
  if (FALSE.includes(t)) return false;
  return null;
}

/** A list cell (`9, 10` or `9; 10`): its trimmed non-empty items. */
export function splitCellList(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The most rows one import takes. */
export const IMPORT_MAX_ROWS = 10000;
/** The largest file one import takes, in bytes. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

/** What a spreadsheet import can bring in: one kind of record per file. */
export const IMPORT_KINDS = ['organisations', 'agreements', 'activities', 'labour-needs', 'enrolment'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
