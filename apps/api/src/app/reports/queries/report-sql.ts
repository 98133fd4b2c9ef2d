import { isPostgres } from '@socium/api-persistence';
import { ACTIVITY_STATUSES, ActivityStatus, Condition, HELD_ACTIVITY_STATUS } from '@socium/domain';

import type { Knex } from '@mikro-orm/knex';

/**
 * The SQL helpers of the department report's queries: the window, dialect checks, index hints, the
 * domain's conditions as SQL, and the per-status sums. Dates are ISO text and JSON columns are cast to
 * text, so one query reads the same on SQLite and PostgreSQL; booleans are only tested, never bound.
 */
export interface ReportWindow {
  /** first day of the period, inclusive (`YYYY-MM-DD`) */
  start: string;
  /** last day of the period, inclusive */
  end: string;
  /** one organisation, or null for the whole district */
  scope: string | null;
  /** today, for overdue documents */
  today: string;
  /** the academic year whose labour-market needs are matched (`2019-2020`) */
  academicYear: string;
}

/** One report's database context: the knex of the request, its window, and the results shared between queries. */
export class ReportSql {
  private readonly memo = new Map<string, Promise<unknown>>();

  constructor(
    readonly k: Knex,
    readonly w: ReportWindow,
  ) {}

  get pg(): boolean {
    return isPostgres(this.k);
  }

  /** Runs a query once per report: several figures read the same rows. */
  once<T>(key: string, run: () => Promise<T>): Promise<T> {
    let p = this.memo.get(key) as Promise<T> | undefined;
    if (!p) this.memo.set(key, (p = run()));
    return p;
  }

  scoped(qb: Knex.QueryBuilder, column: string): Knex.QueryBuilder {
    return this.w.scope ? qb.where(column, this.w.scope) : qb;
  }

  inPeriod(qb: Knex.QueryBuilder, column: string): Knex.QueryBuilder {
    return qb.where(column, '>=', this.w.start).andWhere(column, '<=', this.w.end);
  }

  /** ` INDEXED BY <index>` on SQLite (constant index names only), nothing on PostgreSQL. */
  hint(index: string): string {
    return this.pg ? '' : ` INDEXED BY ${index}`;
  }

  /**
   * `table as alias`, read through one of the report indexes of migration 0003 on SQLite (its planner
   * would otherwise weigh a look-up index against them on its sampled statistics); PostgreSQL picks its own.
   * A report of one school is not forced (unless `always`): its rows are found by the school's own index, where
   * a forced region-wide index would read the whole period's rows of every school (38 ms instead of 0.1 ms for
   * one school's activities of a year at region size).
   */
  indexed(table: string, alias: string, index: string, { always = false } = {}): Knex.QueryBuilder {
    const hint = this.w.scope && !always ? '' : this.hint(index);
    return this.k.from(this.k.raw(`?? as ??${hint}`, [table, alias]));
  }

  /** Activities scheduled in the period (by `startsOn`), in scope. */
  periodActivities(): Knex.QueryBuilder {
    return this.scoped(this.inPeriod(this.k('activity as a'), 'a.starts_on'), 'a.organisation_id');
  }
}

/** A domain condition as SQL over the given columns: `[sql, bindings]` for `whereRaw` or a `CASE WHEN`. */
export function sqlCondition<F extends string>(
  c: Condition<F>,
  columns: Readonly<Record<F, string>>,
): [string, Knex.Value[]] {
  const join = (parts: readonly Condition<F>[], op: 'AND' | 'OR', empty: string): [string, Knex.Value[]] => {
    if (!parts.length) return [empty, []];
    const sql = parts.map((x) => sqlCondition(x, columns));
    return [`(${sql.map(([s]) => s).join(` ${op} `)})`, sql.flatMap(([, b]) => b)];
  };
  if ('all' in c) return join(c.all, 'AND', '1 = 1');
  if ('any' in c) return join(c.any, 'OR', '1 = 0');
  const col = columns[c.field];
  if ('isNull' in c) return [`?? IS ${c.isNull ? '' : 'NOT '}NULL`, [col]];
  if ('isTrue' in c) return [c.isTrue ? '??' : 'NOT ??', [col]];
  if ('oneOf' in c)
    return c.oneOf.length ? [`?? IN (${c.oneOf.map(() => '?').join(', ')})`, [col, ...c.oneOf]] : ['1 = 0', []];
  if ('value' in c) return [`?? ${c.op} ?`, [col, c.value]];
  return [`?? ${c.op} ??`, [col, columns[c.otherField]]];
}

/** `SUM(CASE WHEN <condition> THEN 1 ELSE 0 END) as <alias>`. */
export function countWhere<F extends string>(
  k: Knex,
  c: Condition<F>,
  columns: Readonly<Record<F, string>>,
  alias: string,
): Knex.Raw {
  const [sql, bindings] = sqlCondition(c, columns);
  return k.raw(`SUM(CASE WHEN ${sql} THEN 1 ELSE 0 END) as ??`, [...bindings, alias]);
}

/** `<column> IN (<statuses>)` as SQL and bindings. */
export function statusIn(column: string, statuses: readonly ActivityStatus[]): [string, Knex.Value[]] {
  return sqlCondition<'status'>({ field: 'status', oneOf: statuses }, { status: column });
}

/** 1 when the activity (or the grouped row's `column`) has a partner, else 0. */
export const hasPartner = (column = 'a.partner_id'): string => `CASE WHEN ${column} IS NULL THEN 0 ELSE 1 END`;

/** Participants of held activities only (planned ones have none yet), summed as `participants`. */
export const heldParticipants = (k: Knex): Knex.Raw =>
  k.raw('SUM(CASE WHEN a.status = ? THEN COALESCE(a.actual_participants, 0) ELSE 0 END) as participants', [
    HELD_ACTIVITY_STATUS,
  ]);

/** Count and hours of one status as two columns (`n_<status>`, `h_<status>`) of a per-key row. */
const statusSums = (k: Knex, status: ActivityStatus): Knex.Raw[] => [
  k.raw('SUM(CASE WHEN a.status = ? THEN 1 ELSE 0 END) as ??', [status, `n_${status}`]),
  k.raw('SUM(CASE WHEN a.status = ? THEN a.hours ELSE 0 END) as ??', [status, `h_${status}`]),
];

/** `statusSums` of every status of the domain. */
export const allStatusSums = (k: Knex): Knex.Raw[] => ACTIVITY_STATUSES.flatMap((st) => statusSums(k, st));

/** Count, participants of the held ones and hours of a group of activities (`n`, `participants`, `hours`). */
export const groupSums = (k: Knex): Knex.Raw[] => [
  k.raw('COUNT(*) as n'),
  heldParticipants(k),
  k.raw('SUM(a.hours) as hours'),
];

/** `CROSS JOIN LATERAL (subquery [UNION ALL subquery…]) AS alias`, as `joinRaw` arguments (PostgreSQL). */
export const lateral = (parts: Knex.QueryBuilder[], alias: string): [string, Knex.Value[]] => {
  const qs = parts.map((qb) => qb.toSQL());
  return [
    `CROSS JOIN LATERAL (${qs.map((q) => `(${q.sql})`).join(' UNION ALL ')}) as ${alias}`,
    qs.flatMap((q) => [...q.bindings]),
  ];
};
