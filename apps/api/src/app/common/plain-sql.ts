import { EntityManager, QueryOrderMap, RawQueryFragment } from '@mikro-orm/core';
import type { Knex } from '@mikro-orm/knex';

/**
 * Hand-written reads for the simplest filters, on both databases. The ORM's query builder and entity factory cost a
 * private list page most of its CPU (about 1 ms a query against 0.05 ms for SQLite to run it, docs/benchmarks.md);
 * a filter of equalities, lists, ranges, `like`s and standalone raw fragments (the text index's) is turned into SQL
 * here instead, and its rows into plain records as `readPlain` returns them. Anything else (a JSON value, another
 * operator) answers `null`, and the caller asks the ORM. Values are bound to `?` placeholders (`runSql`).
 */

/** One property of a record: its column and how a value read from the database becomes the record's value. */
interface Column {
  prop: string;
  column: string;
  /** a JSON or other custom-typed column: compared only by the ORM */
  custom: boolean;
  convert: ((v: unknown) => unknown) | null;
}
/** A record's table as hand-written statements see it. */
export interface TableShape {
  table: string;
  columns: Column[];
  byProp: Map<string, Column>;
}

const shapes = new WeakMap<object, TableShape>();

/** The table, columns and conversions of a record class (read once from the ORM's metadata). */
export function tableShape(em: EntityManager, entity: new () => object): TableShape {
  let shape = shapes.get(entity);
  if (shape) return shape;
  const meta = em.getMetadata().get(entity.name);
  const platform = em.getPlatform();
  const columns: Column[] = meta.props
    .filter((p) => p.fieldNames?.length === 1 && p.persist !== false)
    .map((p) => ({
      prop: p.name,
      column: p.fieldNames[0] as string,
      custom: !!p.customType,
      convert: p.customType
        ? (v: unknown) => (v === null || v === undefined ? v : p.customType?.convertToJSValue(v, platform))
        : p.runtimeType === 'boolean'
          ? // 0 or 1 on SQLite, a boolean on PostgreSQL
            (v: unknown) => (v === null || v === undefined ? v : v === true || Number(v) === 1)
          : null,
    }));
  shape = { table: meta.tableName, columns, byProp: new Map(columns.map((c) => [c.prop, c])) };
  shapes.set(entity, shape);
  return shape;
}

/** A quoted SQL identifier (a table or a column), as both databases read it. */
export const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;
type Scalar = string | number | boolean;
const isScalar = (v: unknown): v is Scalar => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

const isOnly = (v: unknown, op: string): boolean =>
  typeof v === 'object' && v !== null && Object.keys(v).length === 1 && op in v;

const RANGE: Record<string, string> = { $lt: '<', $lte: '<=', $gt: '>', $gte: '>=' };
/** The ORM's `$like` and `$ilike`, as it writes them (no ESCAPE clause: a backslash escapes on both databases). */
const LIKE: Record<string, string> = { $like: 'like', $ilike: 'ilike' };
/** The ORM's stand-in for the table's alias in a raw fragment made by a function (`raw(alias => …)`). */
const ALIAS = '[::alias::]';

/**
 * The raw fragments a hand-written condition took in (their keys): once its statement is the one run, `release`
 * forgets them as the ORM does after using one; if the ORM runs the filter instead, it finds them still known.
 */
export class TakenFragments {
  readonly keys: string[] = [];

  release(): void {
    for (const key of this.keys) RawQueryFragment.getKnownFragment(key, true);
    this.keys.length = 0;
  }
}

/**
 * `where` as an SQL condition with `?` placeholders, when it holds only equalities to a string, number or boolean,
 * `null`, `$in` lists, `$ne`, `$lt`/`$lte`/`$gt`/`$gte`, `$like`/`$ilike` of a string, and `$and`/`$or` of those over
 * stored properties (not JSON ones), and standalone raw fragments (`{[raw(…)]: []}`, noted in `taken`); otherwise
 * `null`.
 */
export function plainCondition(
  shape: TableShape,
  where: unknown,
  params: unknown[],
  taken: TakenFragments = new TakenFragments(),
): string | null {
  if (where === null || typeof where !== 'object' || Array.isArray(where)) return null;
  const parts: string[] = [];
  for (const [key, value] of Object.entries(where)) {
    if (key === '$and' || key === '$or') {
      if (!Array.isArray(value)) return null;
      // the ORM leaves an empty `$and` or `$or` out (no condition), and so does this
      if (value.length === 0) continue;
      const inner: string[] = [];
      for (const w of value) {
        const c = plainCondition(shape, w, params, taken);
        if (c === null) return null;
        inner.push(`(${c})`);
      }
      parts.push(`(${inner.join(key === '$and' ? ' and ' : ' or ')})`);
      continue;
    }
    const col = shape.byProp.get(key);
    if (!col) {
      // a raw fragment standing alone (an empty value), its alias the table's; any other unknown key: the ORM's
      const fragment = RawQueryFragment.isKnownFragment(key) ? RawQueryFragment.getKnownFragment(key, false) : null;
      // `??` is knex's identifier placeholder, which only the ORM's query builder fills in
      if (!fragment || !Array.isArray(value) || value.length !== 0 || fragment.sql.includes('??')) return null;
      parts.push(`(${fragment.sql.split(ALIAS).join(ident(shape.table))})`);
      params.push(...(fragment.params as unknown[]));
      taken.keys.push(key);
      continue;
    }
    // a JSON column: only whether it is null is asked here
    if (col.custom && !(value === null || (isOnly(value, '$ne') && (value as { $ne: unknown }).$ne === null)))
      return null;
    const c = ident(col.column);
    if (value === null) parts.push(`${c} is null`);
    else if (isScalar(value)) {
      parts.push(`${c} = ?`);
      params.push(value);
    } else if (typeof value === 'object' && !Array.isArray(value)) {
      const ops = Object.entries(value as Record<string, unknown>);
      for (const [op, v] of ops) {
        if (op === '$in' && Array.isArray(v) && v.every(isScalar)) {
          if (v.length === 0) parts.push('1 = 0');
          else {
            parts.push(`${c} in (${v.map(() => '?').join(', ')})`);
            params.push(...v);
          }
        } else if (op in LIKE && typeof v === 'string') {
          parts.push(`${c} ${LIKE[op]} ?`);
          params.push(v);
        } else if (op in RANGE && isScalar(v)) {
          parts.push(`${c} ${RANGE[op]} ?`);
          params.push(v);
        } else if (op === '$ne' && v === null) parts.push(`${c} is not null`);
        else if (op === '$ne' && isScalar(v)) {
          // SQL's `<>` leaves out NULLs; the ORM's `$ne` is the same comparison
          parts.push(`${c} <> ?`);
          params.push(v);
        } else return null;
      }
      if (ops.length === 0) return null;
    } else return null;
  }
  return parts.length ? parts.join(' and ') : '1 = 1';
}

/** `orderBy` as SQL when it is a list of plain properties with `asc`/`desc`; otherwise `null`. */
export function plainOrder(shape: TableShape, orderBy: QueryOrderMap<object>[]): string | null {
  const out: string[] = [];
  for (const o of orderBy)
    for (const [prop, dir] of Object.entries(o)) {
      const col = shape.byProp.get(prop);
      const d = String(dir).toLowerCase();
      if (!col || (d !== 'asc' && d !== 'desc')) return null;
      out.push(`${ident(col.column)} ${d}`);
    }
  return out.join(', ');
}

/** The columns of `props` (all when left out) as a select list; `null` when one is not a stored property. */
export function plainColumns(shape: TableShape, props?: readonly string[]): { sql: string; columns: Column[] } | null {
  if (!props) return { sql: '*', columns: shape.columns };
  const columns = props.map((p) => shape.byProp.get(p));
  if (columns.some((c) => !c) || columns.length === 0) return null;
  return { sql: (columns as Column[]).map((c) => ident(c.column)).join(', '), columns: columns as Column[] };
}

/**
 * Rows read by hand made into plain records (property names, booleans, parsed JSON), as `readPlain` gives them;
 * only `columns` when given (the ones selected).
 */
export function toRecords<T>(shape: TableShape, rows: Record<string, unknown>[], columns = shape.columns): T[] {
  return rows.map((row) => {
    const r: Record<string, unknown> = {};
    for (const c of columns) {
      const v = row[c.column];
      r[c.prop] = c.convert ? c.convert(v) : v;
    }
    return r as T;
  });
}

/** The parts of the ORM's SQL connection a hand-written statement runs through (`transformRawResult` and `executeQuery` are protected there). */
interface SqlConnection {
  getKnex(): Knex;
  transformRawResult<T>(res: unknown, method: 'all'): T;
  executeQuery<T>(query: string, cb: () => Promise<T>, context?: { query: string; params: unknown[] }): Promise<T>;
}

/**
 * Runs a hand-written statement in the entity manager's transaction, if it is in one, with its values bound: the
 * ORM's `execute` writes them into the text, so on SQLite each new value was a new statement to compile (some 500 a
 * second under the load benchmark, docs/benchmarks.md), where one text with `?` is compiled once and kept
 * (`reusePreparedStatements`). Logged as the ORM logs its queries.
 */
export function runSql<R>(em: EntityManager, sql: string, params: unknown[]): Promise<R[]> {
  const conn = em.getConnection() as unknown as SqlConnection;
  const ctx = em.getTransactionContext<Knex.Transaction>();
  return conn.executeQuery(
    sql,
    async () => {
      const query = conn.getKnex().raw(sql, params as Knex.RawBinding[]);
      if (ctx) query.transacting(ctx);
      return conn.transformRawResult<R[]>(await query, 'all');
    },
    { query: sql, params },
  );
}
