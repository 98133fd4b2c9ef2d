import type { Cell } from './report-cells';
import { indicatorRows } from './report-indicator-table';
import { formName, partnerTypeName } from './report-labels';
import { BreakdownRow, ReportJson, TOTAL_KEYS } from './report.model';
import type { ActivityListRow } from './report.queries';

/** The tables every file format is built from (so XLSX, CSV and PDF carry the same numbers). */
export const REPORT_TABLES = [
  'summary',
  'indicators',
  'schools',
  'directions',
  'forms',
  'partnerTypes',
  'activities',
] as const;
export type ReportTableKey = (typeof REPORT_TABLES)[number];

export type ColumnType = 'text' | 'int' | 'num' | 'pct' | 'any';
export interface Column {
  key: string;
  header: string;
  type: ColumnType;
  /** width in characters (XLSX) */
  width: number;
}
export interface Table {
  key: ReportTableKey;
  title: string;
  columns: Column[];
  rows: Cell[][];
  /** further rows streamed in chunks after `rows` (large tables: the XLSX activities sheet) */
  more?: () => AsyncIterable<Cell[][]>;
}

type T = (key: string) => string;

const typeOf = (key: string): ColumnType =>
  key === 'planExecution' ? 'pct' : key === 'careerGuidanceHours' || key === 'hours' ? 'num' : 'int';

function summary(r: ReportJson, t: T): Table {
  return {
    key: 'summary',
    title: t('summary'),
    columns: [
      { key: 'code', header: 'code', type: 'text', width: 24 },
      { key: 'indicator', header: t('indicator'), type: 'text', width: 44 },
      { key: 'value', header: t('value'), type: 'any', width: 16 },
    ],
    rows: [['period', t('period'), r.period.label], ...TOTAL_KEYS.map((k): Cell[] => [k, t(k), r.totals[k]])],
  };
}

/** G2 #1–#14: key, name, value and details (or why there is no value), in the report's language. */
function indicators(r: ReportJson, t: T): Table {
  return {
    key: 'indicators',
    title: t('indicators'),
    columns: [
      { key: 'code', header: 'code', type: 'text', width: 32 },
      { key: 'indicator', header: t('indicator'), type: 'text', width: 44 },
      { key: 'value', header: t('value'), type: 'any', width: 14 },
      { key: 'details', header: t('details'), type: 'text', width: 80 },
    ],
    rows: indicatorRows(r.indicators, t),
  };
}

function schools(r: ReportJson, t: T): Table {
  const rows: Cell[][] = r.schools.map((s) => [s.name, ...TOTAL_KEYS.map((k) => s[k])]);
  if (!r.organisationId) rows.push([t('districtWide'), ...TOTAL_KEYS.map((k) => r.totals[k])]);
  return {
    key: 'schools',
    title: t('schools'),
    columns: [
      { key: 'name', header: t('school'), type: 'text', width: 40 },
      ...TOTAL_KEYS.map((k) => ({
        key: k,
        header: t(k),
        type: typeOf(k),
        width: 14,
      })),
    ],
    rows,
  };
}

const BREAKDOWN_KEYS = [
  'activitiesPlanned',
  'activitiesHeld',
  'activitiesCancelled',
  'planExecution',
  'participants',
  'hours',
] as const;

function breakdown(
  key: ReportTableKey,
  title: string,
  first: string,
  rows: BreakdownRow[],
  name: (row: BreakdownRow) => string,
  t: T,
  extra: { key: 'partners'; of: (row: BreakdownRow) => number } | null = null,
): Table {
  return {
    key,
    title,
    columns: [
      { key: 'name', header: first, type: 'text', width: 36 },
      ...(extra
        ? [
            {
              key: extra.key,
              header: t(extra.key),
              type: 'int' as const,
              width: 14,
            },
          ]
        : []),
      ...BREAKDOWN_KEYS.map((k) => ({
        key: k,
        header: t(k),
        type: typeOf(k),
        width: 14,
      })),
    ],
    rows: rows.map((row) => [name(row), ...(extra ? [extra.of(row)] : []), ...BREAKDOWN_KEYS.map((k) => row[k])]),
  };
}

const ACTIVITY_COLUMNS: [string, ColumnType, number][] = [
  ['startsOn', 'text', 12],
  ['school', 'text', 28],
  ['title', 'text', 50],
  ['direction', 'text', 24],
  ['form', 'text', 24],
  ['partner', 'text', 28],
  ['status', 'text', 16],
  ['targetGrades', 'text', 12],
  ['plannedParticipants', 'int', 14],
  ['actualParticipants', 'int', 14],
  ['hours', 'num', 12],
];

function activities(list: readonly ActivityListRow[], t: T): Table {
  return {
    key: 'activities',
    title: t('activities'),
    columns: ACTIVITY_COLUMNS.map(([key, type, width]) => ({
      key,
      header: t(key),
      type,
      width,
    })),
    rows: list.map((a) => activityCells(a, t)),
  };
}

/**
 * The last row of an activities list cut at its cap: how many of how many are listed, in the first
 * column (numbers grouped the way the language writes them).
 */
export function activitiesOmittedRow(shown: number, total: number, t: T, lang: string): Cell[] {
  const n = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'ru-RU');
  const text = t('activitiesOmitted').replace('{shown}', n.format(shown)).replace('{total}', n.format(total));
  return [text, ...Array<Cell>(ACTIVITY_COLUMNS.length - 1).fill(null)];
}

/** One activity as a row of cells in a language. */
export function activityCells(a: ActivityListRow, t: T): Cell[] {
  return [
    a.startsOn,
    a.school,
    a.title,
    t(`dir_${a.directionCode}`),
    t(`form_${a.form}`),
    a.partner ?? t('own'),
    t(`status_${a.status}`),
    a.targetGrades.join(', '),
    a.plannedParticipants,
    a.actualParticipants,
    a.hours,
  ];
}

/** Builds the requested tables of a report in a language. */
export function buildTables(
  r: ReportJson,
  list: readonly ActivityListRow[],
  t: T,
  keys: readonly ReportTableKey[],
): Table[] {
  const partnerName = (row: BreakdownRow) => partnerTypeName(t, row.key);
  const byKey: Record<ReportTableKey, () => Table> = {
    summary: () => summary(r, t),
    indicators: () => indicators(r, t),
    schools: () => schools(r, t),
    directions: () =>
      breakdown(
        'directions',
        t('directions'),
        t('direction'),
        r.byDirection,
        (row) => (t(`dir_${row.key}`) === `dir_${row.key}` ? row.name : t(`dir_${row.key}`)),
        t,
      ),
    forms: () => breakdown('forms', t('forms'), t('form'), r.byForm, (row) => formName(t, row.key), t),
    partnerTypes: () =>
      breakdown('partnerTypes', t('partnerTypes'), t('partnerType'), r.byPartnerType, partnerName, t, {
        key: 'partners',
        of: (row) => r.byPartnerType.find((p) => p.key === row.key)?.partners ?? 0,
      }),
    activities: () => activities(list, t),
  };
  return keys.map((k) => byKey[k]());
}
