import type { ImportRowError } from '@socium/contracts';
import {
  cellProblem,
  CODE_LABELS,
  IMPORT_RULES,
  LANGUAGES,
  parseCellBoolean,
  parseCellDate,
  parseCellInteger,
  parseCellNumber,
  splitCellList,
  type CodeSection,
  type Message,
  type RuleCode,
} from '@socium/domain';

import { headerKey, type Column } from './import-columns';

/** Organisations and directions by every name a spreadsheet may give them. */
export interface Lookups {
  school(text: string): string | null;
  partner(text: string): string | null;
  direction(text: string): string | null;
}

export type Lang = 'ru' | 'tt' | 'en';
export const say = (m: Message, lang: Lang): string => (lang === 'tt' ? (m.tt ?? m.ru) : m[lang]);

const CELL_MESSAGES: Partial<Record<RuleCode, Message>> = {
  [IMPORT_RULES.cellFormula]: {
    ru: 'Ячейка похожа на формулу (начинается с =, +, -, @): уберите этот знак в начале ячейки',
    en: 'The cell looks like a formula (starts with =, +, -, @): remove that sign at its start',
    tt: 'Күзәнәк формулага охшаган (=, +, -, @ билгесеннән башлана): аның башындагы бу билгене бетерегез',
  },
  [IMPORT_RULES.cellControlCharacter]: {
    ru: 'Ячейка содержит управляющий символ',
    en: 'The cell contains a control character',
    tt: 'Күзәнәктә идарә символы бар',
  },
  [IMPORT_RULES.cellDate]: {
    ru: 'Дата в виде ГГГГ-ММ-ДД или ДД.ММ.ГГГГ',
    en: 'A date as YYYY-MM-DD or DD.MM.YYYY',
    tt: 'Дата ЕЕЕЕ-АА-КК яки КК.АА.ЕЕЕЕ рәвешендә',
  },
  [IMPORT_RULES.cellNumber]: { ru: 'Нужно число', en: 'A number is expected', tt: 'Сан кирәк' },
  [IMPORT_RULES.cellBoolean]: {
    ru: 'Нужно «да» или «нет»',
    en: '"yes" or "no" is expected',
    tt: '«да» яки «нет» кирәк',
  },
  [IMPORT_RULES.cellRequired]: {
    ru: 'Обязательная ячейка не заполнена',
    en: 'A required cell is empty',
    tt: 'Мәҗбүри күзәнәк тутырылмаган',
  },
  [IMPORT_RULES.referenceUnknown]: {
    ru: 'Не найдено в справочнике: проверьте название',
    en: 'Not found in the registry: check the name',
    tt: 'Белешмәлектә табылмады: исемен тикшерегез',
  },
};

/** A code from its code or its label in any language (case-insensitive); the text as given when neither. */
function resolveCode(section: CodeSection, text: string): string {
  const key = headerKey(text);
  for (const lang of LANGUAGES) {
    const labels = CODE_LABELS[lang][section] as Readonly<Record<string, string>>;
    for (const [code, label] of Object.entries(labels))
      if (headerKey(code) === key || headerKey(label) === key) return code;
  }
  return text.trim();
}

/** Sets `value` at a dotted path of `target`, creating the objects on the way. */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let at = target;
  for (const p of parts.slice(0, -1)) at = (at[p] ??= {}) as Record<string, unknown>;
  at[parts[parts.length - 1] as string] = value;
}

export interface RowContext {
  row: number;
  lang: Lang;
  /** the header a refusal names for each column (the file's own header text) */
  headerOf(column: Column): string;
}

/**
 * Reads one row's cells into request values, column by column: formula-like text and control characters are
 * refused first, then each cell is read by its type and references are looked up. Returns the values (by
 * request field path) and the row's errors.
 */
export function readRow(
  columns: readonly Column[],
  positions: readonly number[],
  cells: readonly string[],
  lookups: Lookups,
  ctx: RowContext,
): { values: Record<string, unknown>; errors: ImportRowError[] } {
  const values: Record<string, unknown> = {};
  const errors: ImportRowError[] = [];
  const refuse = (c: Column, rule: RuleCode, message?: Message) =>
    errors.push({
      row: ctx.row,
      column: ctx.headerOf(c),
      rule,
      message: say(message ?? (CELL_MESSAGES[rule] as Message), ctx.lang),
    });
  columns.forEach((c, i) => {
    const at = positions[i] as number;
    const cell = at >= 0 ? (cells[at] ?? '') : '';
    // a line break inside free text is kept as a line feed (Excel writes CRLF inside quoted cells)
    const text = c.type === 'longText' ? cell.replace(/\r\n?/g, '\n') : cell;
    const problem = cellProblem(text, c.type === 'int' || c.type === 'number', c.type === 'longText');
    if (problem) return refuse(c, problem);
    const t = text.trim();
    if (t === '') return c.required ? refuse(c, IMPORT_RULES.cellRequired) : undefined;
    const ref = (found: string | null) => (found === null ? refuse(c, IMPORT_RULES.referenceUnknown) : found);
    switch (c.type) {
      case 'text':
      case 'longText':
        return setPath(values, c.field, t);
      case 'int': {
        const n = parseCellInteger(t);
        return n === null ? refuse(c, IMPORT_RULES.cellNumber) : setPath(values, c.field, n);
      }
      case 'number': {
        const n = parseCellNumber(t);
        return n === null ? refuse(c, IMPORT_RULES.cellNumber) : setPath(values, c.field, n);
      }
      case 'date': {
        const d = parseCellDate(t);
        return d === null ? refuse(c, IMPORT_RULES.cellDate) : setPath(values, c.field, d);
      }
      case 'bool': {
        const b = parseCellBoolean(t);
        return b === null ? refuse(c, IMPORT_RULES.cellBoolean) : setPath(values, c.field, b);
      }
      case 'code':
        return setPath(values, c.field, resolveCode(c.section as CodeSection, t));
      case 'grades': {
        const grades = splitCellList(t).map(parseCellInteger);
        return grades.some((g) => g === null) ? refuse(c, IMPORT_RULES.cellNumber) : setPath(values, c.field, grades);
      }
      case 'school': {
        const id = ref(lookups.school(t));
        return typeof id === 'string' ? setPath(values, c.field, id) : undefined;
      }
      case 'partner': {
        const id = ref(lookups.partner(t));
        return typeof id === 'string' ? setPath(values, c.field, id) : undefined;
      }
      case 'direction': {
        const id = ref(lookups.direction(t));
        return typeof id === 'string' ? setPath(values, c.field, id) : undefined;
      }
      case 'directions': {
        const ids = splitCellList(t).map((name) => lookups.direction(name));
        return ids.some((id) => id === null) ? refuse(c, IMPORT_RULES.referenceUnknown) : setPath(values, c.field, ids);
      }
    }
  });
  return { values, errors };
}

/** The column a refused request field belongs to: the same field, else the first column of its top-level field. */
export function columnOfField(columns: readonly Column[], field: string | undefined): Column | undefined {
  if (!field) return undefined;
  const exact = columns.find((c) => c.field === field);
  if (exact) return exact;
  const top = field.split('.')[0];
  return columns.find((c) => c.field.split('.')[0] === top);
}
