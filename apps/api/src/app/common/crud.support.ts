import type { ListQuery, Page } from '@socium/contracts';

import { randomUUID } from 'node:crypto';
import { EntityManager, FilterQuery, QueryOrderMap, raw } from '@mikro-orm/core';
import type { QueryBuilder, SqlEntityManager } from '@mikro-orm/knex';

import { staleVersion } from '../http/app-error';
import {
  ident,
  plainColumns,
  plainCondition,
  plainOrder,
  runSql,
  tableShape,
  TakenFragments,
  toRecords,
} from './plain-sql';

export const newId = (): string => randomUUID();

/** The page query's extra column: the number of rows the filter matches, counted by the same query. */
const TOTAL = 'page_total__';

/** A plain ascending or descending order by a stored property (no expression, no NULLS placement). */
const PLAIN_DIRECTION = /^(asc|desc)$/i;

/**
 * The ids of a page of the matches of `filtered`, in `orderBy` then id, each row with the total (`TOTAL`). Every
 * match is needed for the total, so the page must not be read in an index's order: with plain property keys the
 * matches (id and order keys alone, not whole rows) are numbered in a subquery and sorted outside it — PostgreSQL's
 * planner, seeing LIMIT 20 beside the window, walked the order index over the whole table testing each row (821 ms
 * for a search its trigram indexes answer in 45 ms, docs/benchmarks.md). An order by an expression or with a NULLS
 * placement (the agreements by party name, by end date) is sorted in the one query.
 */
async function matchedIds<T extends object>(
  em: EntityManager,
  entity: new () => T,
  filtered: QueryBuilder<T>,
  orderBy: QueryOrderMap<T>,
  q: Pick<ListQuery, 'limit' | 'offset'>,
): Promise<Record<string, unknown>[]> {
  const meta = em.getMetadata().get(entity.name);
  const entries = [...Object.entries(orderBy as Record<string, unknown>), ['id', 'asc'] as [string, unknown]];
  if (
    !entries.every(
      ([prop, dir]) => meta.properties[prop]?.fieldNames?.length === 1 && PLAIN_DIRECTION.test(String(dir)),
    )
  )
    return filtered
      .clone()
      .select('id')
      .addSelect(raw(`count(*) over () as ${TOTAL}`))
      .orderBy([orderBy, { id: 'asc' }] as never)
      .limit(q.limit)
      .offset(q.offset)
      .execute<Record<string, unknown>[]>('all', false);
  const matches = filtered
    .clone()
    .select([...new Set(entries.map(([prop]) => prop))] as never)
    .addSelect(raw(`count(*) over () as ${TOTAL}`))
    .getKnexQuery();
  const page = (em as unknown as SqlEntityManager)
    .getKnex()
    .select('id', TOTAL)
    .from(matches.as('matches__'))
    .orderBy(
      entries.map(([prop, dir]) => ({
        column: meta.properties[prop]?.fieldNames[0] as string,
        order: String(dir).toLowerCase() as 'asc' | 'desc',
      })),
    )
    .limit(q.limit)
    .offset(q.offset);
  return em.getConnection().execute(page as never, [], 'all');
}

/**
 * The statements of a page and its count (with `?` for `params`) when the filter and the order are plain
 * (`plain-sql.ts`); `null` otherwise. With `totalWithRows` the page's statement reads the matches' ids and order
 * keys, numbers them with the total (`count(*) over ()`, as `matchedIds` does) and keeps the page's ids. `taken`
 * holds the raw fragments the statements took in: release them once the statements are the ones run.
 */
export function plainPageSql<T extends object>(
  em: EntityManager,
  entity: new () => T,
  where: FilterQuery<T>,
  q: Pick<ListQuery, 'limit' | 'offset'>,
  orderBy: QueryOrderMap<T>[],
  { totalWithRows = false }: { totalWithRows?: boolean } = {},
): { page: string; count: string; params: unknown[]; taken: TakenFragments } | null {
  const shape = tableShape(em, entity);
  const params: unknown[] = [];
  const taken = new TakenFragments();
  const cond = plainCondition(shape, where, params, taken);
  const order = plainOrder(shape, orderBy as QueryOrderMap<object>[]);
  if (cond === null || order === null) return null;
  const from = `from ${ident(shape.table)} where ${cond}`;
  const window = `limit ${Math.trunc(q.limit)} offset ${Math.trunc(q.offset)}`;
  const count = `select count(*) as n ${from}`;
  if (!totalWithRows) return { page: `select * ${from} order by ${order} ${window}`, count, params, taken };
  const keys = [
    ...new Set(orderBy.flatMap((o) => Object.keys(o)).map((prop) => ident(shape.byProp.get(prop)?.column as string))),
  ];
  if (!keys.includes(ident('id'))) keys.push(ident('id'));
  return {
    page: `select ${ident('id')}, ${TOTAL} from (select ${keys.join(', ')}, count(*) over () as ${TOTAL} ${from}) as matches__ order by ${order} ${window}`,
    count,
    params,
    taken,
  };
}

/**
 * A page of records mapped to responses: `{items, total, limit, offset}`. Two queries: the page (an index in the
 * order asked can stop after it) and the count. With `totalWithRows` — for a filter that is costly to evaluate, a
 * text search over the whole table — the total comes with the page's ids (`count(*) over ()`, `matchedIds`), so the
 * filter is evaluated once, not again by the count (measured at region size, docs/benchmarks.md: it halves a text
 * search, and doubles an unfiltered page of a large table, whose rows it must all read); the page's rows are then
 * read by id. Only a page past the end, which has no row to carry the total, counts separately.
 */
export async function findPage<T extends object, R>(
  em: EntityManager,
  entity: new () => T,
  where: FilterQuery<T>,
  q: Pick<ListQuery, 'limit' | 'offset'>,
  orderBy: QueryOrderMap<T>,
  map: (r: T) => R,
  { totalWithRows = false }: { totalWithRows?: boolean } = {},
): Promise<Page<R>> {
  const order = [orderBy, { id: 'asc' }] as never;
  // a plain filter by two hand-written statements, as plain records (display only, like `readPlain`'s)
  const plain = plainPageSql(em, entity, where, q, order, { totalWithRows });
  if (plain) {
    plain.taken.release();
    if (!totalWithRows) {
      const [rows, counted] = await Promise.all([
        runSql<Record<string, unknown>>(em, plain.page, plain.params),
        runSql<{ n: number | string }>(em, plain.count, plain.params),
      ]);
      const items = toRecords<T>(tableShape(em, entity), rows).map(map);
      return { items, total: Number(counted[0]?.n ?? 0), limit: q.limit, offset: q.offset };
    }
    const found = await runSql<Record<string, unknown>>(em, plain.page, plain.params);
    const total = found.length
      ? Number(found[0]?.[TOTAL])
      : q.offset === 0
        ? 0
        : Number((await runSql<{ n: number | string }>(em, plain.count, plain.params))[0]?.n ?? 0);
    return { items: (await readByIds(em, entity, found)).map(map), total, limit: q.limit, offset: q.offset };
  }
  if (!totalWithRows) {
    const [rows, total] = await em.findAndCount(entity, where, { limit: q.limit, offset: q.offset, orderBy: order });
    return { items: rows.map(map), total, limit: q.limit, offset: q.offset };
  }
  // the filter is turned into SQL once (its raw fragments are used up by that), for the page and, if need be, the count
  const filtered = (em as unknown as SqlEntityManager).createQueryBuilder(entity).where(where);
  const found = await matchedIds(em, entity, filtered as unknown as QueryBuilder<T>, orderBy, q);
  const total = found.length ? Number(found[0][TOTAL]) : q.offset === 0 ? 0 : await filtered.clone().getCount();
  return { items: (await readByIds(em, entity, found)).map(map), total, limit: q.limit, offset: q.offset };
}

/** The records of a page's ids (rows with an `id`), in their order; a row removed between the two reads is left out. */
async function readByIds<T extends object>(
  em: EntityManager,
  entity: new () => T,
  found: Record<string, unknown>[],
): Promise<T[]> {
  const ids = found.map((r) => r['id'] as string);
  if (!ids.length) return [];
  const byId = new Map(
    (await readPlain(em, entity, { id: { $in: ids } } as unknown as FilterQuery<T>)).map((r) => [
      (r as { id: string }).id,
      r,
    ]),
  );
  return ids.map((id) => byId.get(id)).filter((r): r is T => r !== undefined);
}

/**
 * Records read for display only, as plain objects outside the unit of work: a public page reads a hundred
 * activities or more, and building, registering and watching them as entities was its largest part after SQLite
 * itself (docs/benchmarks.md). Never hand them to `flush`, `assign` or `remove`.
 */
export async function readPlain<T extends object>(
  em: EntityManager,
  entity: new () => T,
  where: FilterQuery<T>,
  { orderBy, fields, limit }: { orderBy?: QueryOrderMap<T>; fields?: (keyof T & string)[]; limit?: number } = {},
): Promise<T[]> {
  // a filter of equalities, lists and ranges by hand (plain-sql.ts); the query builder for anything else
  const shape = tableShape(em, entity);
  const params: unknown[] = [];
  const taken = new TakenFragments();
  const cond = plainCondition(shape, where, params, taken);
  const order = orderBy ? plainOrder(shape, [orderBy as QueryOrderMap<object>]) : '';
  const selected = plainColumns(shape, fields);
  if (cond !== null && order !== null && selected) {
    taken.release();
    let sql = `select ${selected.sql} from ${ident(shape.table)} where ${cond}`;
    if (order) sql += ` order by ${order}`;
    if (limit !== undefined) sql += ` limit ${Math.trunc(limit)}`;
    return toRecords<T>(shape, await runSql(em, sql, params), selected.columns);
  }
  const qb = (em as unknown as SqlEntityManager)
    .createQueryBuilder(entity)
    .select(fields ?? '*')
    .where(where);
  if (orderBy) qb.orderBy(orderBy as never);
  if (limit !== undefined) qb.limit(limit);
  return plainRecords(em, entity, await qb.execute<Record<string, unknown>[]>('all'));
}

/**
 * Whether some record matches `where`: one plain read of at most one id (`readPlain`). It sees what is stored, not
 * what the unit of work holds unflushed: ask it of records the request has not changed.
 */
export async function anyRecord<T extends object>(
  em: EntityManager,
  entity: new () => T,
  where: FilterQuery<T>,
): Promise<boolean> {
  return (await readPlain(em, entity, where, { fields: ['id' as keyof T & string], limit: 1 })).length > 0;
}

/**
 * Rows the query builder mapped to property names (booleans included), finished as the ORM's hydration would
 * finish them (JSON text parsed on SQLite, numbers of `double` columns).
 */
export function plainRecords<T extends object>(em: EntityManager, entity: new () => T, rows: unknown[]): T[] {
  const platform = em.getPlatform();
  const converted = em
    .getMetadata()
    .get(entity.name)
    .props.filter((p) => p.customType);
  for (const r of rows as Record<string, unknown>[])
    for (const p of converted) {
      const v = r[p.name];
      if (v !== null && v !== undefined) r[p.name] = p.customType?.convertToJSValue(v, platform);
    }
  return rows as T[];
}

let searchOperator: '$like' | '$ilike' = '$like';
/** Set once at start from the configured driver: PostgreSQL has ILIKE; SQLite's LIKE is replaced by a Unicode case-insensitive one. */
export function configureSearch(driver: 'sqlite' | 'postgresql'): void {
  searchOperator = driver === 'postgresql' ? '$ilike' : '$like';
}

/** Case-insensitive "contains" for free-text search, Cyrillic included, on both databases. */
export function like(text: string): { $like: string } {
  return { [searchOperator]: `%${text.replace(/[%_\\]/g, (c) => '\\' + c)}%` } as { $like: string };
}

/**
 * The searched tables that have a text index on SQLite (migration 0031, FTS5 trigram): the index and, per
 * property, its column. PostgreSQL serves the same searches from trigram GIN indexes (migration 0026) with ILIKE.
 */
const TEXT_INDEXES = {
  organisation: { index: 'organisation_search', columns: { name: 'name', shortName: 'short_name', slug: 'slug' } },
  agreement: { index: 'agreement_search', columns: { number: 'number', subject: 'subject' } },
  activity: {
    index: 'activity_search',
    // the academic year is indexed to narrow a search to one year inside the index (migration 0034, `within`)
    columns: { title: 'title', venue: 'venue', academicYear: 'academic_year' },
  },
} as const;
type TextIndexed = typeof TEXT_INDEXES;
/** FTS5's trigram index finds texts of this many characters or more; shorter ones scan as before. */
const INDEXED_FROM = 3;

/**
 * A trigram found in at least this many rows counts as common; counting stops there (a bounded read, ~5 ms, once per
 * trigram and `COUNT_TTL_MS`). Below it, reading and checking the rows holding the rare trigrams costs less than the
 * phrase's postings (region size: 49,500 candidates 48 ms against the phrase's 74 ms; 4,500 candidates 7 ms against
 * 35 ms, docs/benchmarks.md).
 */
const COMMON_FROM = 100_000;
/** At most this many of a text's rarest trigrams narrow the index's candidates. */
const RARE_USED = 3;
/**
 * At most this many of a text's trigrams are counted, spread over it: a long text (up to 200 characters) would
 * otherwise cost a count for each of its ~200 trigrams at first sight. Any of them narrows the candidates correctly.
 */
const COUNTED_AT_MOST = 12;
/** How long a trigram's count is trusted, and how many counts are kept. */
const COUNT_TTL_MS = 10 * 60_000;
const COUNTS_KEPT = 20_000;
/**
 * Trigram counts (capped at `COMMON_FROM`) per index and columns. They only choose how a search asks the index —
 * by the text's rare trigrams and a check of the rows, or by the whole phrase — never which rows are found, so a
 * count kept in one process's memory (or a stale one) may make a search slower, never wrong.
 */
const trigramCounts = new Map<string, { n: number; at: number }>();

/** A character in lower case when that is one character too (FTS5 folds case itself; this only merges repeats). */
const fold = (c: string): string => {
  const lower = c.toLowerCase();
  return [...lower].length === 1 ? lower : c;
};

/** The text's trigrams as FTS5's `trigram` tokenizer makes them (every three characters, case folded), each once. */
export function trigramsOf(text: string): string[] {
  const chars = [...text].map(fold);
  const out = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) out.add(chars.slice(i, i + 3).join(''));
  return [...out];
}

/** An FTS5 string: in double quotes, a double quote doubled. */
const ftsString = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/**
 * The few trigrams of `text` that are rare in the given columns of `table`'s text index (found in fewer than
 * `COMMON_FROM` rows), rarest first; none on PostgreSQL, for a text too short for the index, or when every trigram is
 * common. A search of «Мероприятие 65» over 300,000 activities titled «Мероприятие N» reads the index's postings of
 * « 65» (4,500 rows) instead of the phrase's twelve, eleven of which are in every row (docs/benchmarks.md).
 */
export async function rareTrigrams<K extends keyof TextIndexed>(
  em: EntityManager,
  table: K,
  properties: readonly (keyof TextIndexed[K]['columns'] & string)[],
  text: string,
  {
    commonFrom = COMMON_FROM,
    used = RARE_USED,
    now = performance.now(),
  }: { commonFrom?: number; used?: number; now?: number } = {},
): Promise<string[]> {
  if (searchOperator === '$ilike' || [...text].length < INDEXED_FROM) return [];
  const { index, columns } = TEXT_INDEXES[table];
  const named = properties.map((p) => (columns as Record<string, string>)[p]).join(' ');
  const counted: [trigram: string, n: number][] = [];
  const all = trigramsOf(text);
  const step = Math.max(1, all.length / COUNTED_AT_MOST);
  const sampled =
    all.length <= COUNTED_AT_MOST
      ? all
      : Array.from({ length: COUNTED_AT_MOST }, (_, i) => all[Math.floor(i * step)] as string);
  for (const trigram of sampled) {
    const key = `${index}\u0000${named}\u0000${commonFrom}\u0000${trigram}`;
    let kept = trigramCounts.get(key);
    if (!kept || now - kept.at > COUNT_TTL_MS) {
      const [row] = await runSql<{ n: number }>(
        em,
        `select count(*) as n from (select rowid from ${index} where ${index} match ? limit ${commonFrom})`,
        [`{${named}} : ${ftsString(trigram)}`],
      );
      kept = { n: Number(row?.n ?? 0), at: now };
      if (trigramCounts.size >= COUNTS_KEPT) trigramCounts.clear();
      trigramCounts.set(key, kept);
    }
    counted.push([trigram, kept.n]);
  }
  return counted
    .filter(([, n]) => n < commonFrom)
    .sort((a, b) => a[1] - b[1])
    .slice(0, used)
    .map(([t]) => t);
}

/**
 * The trigrams that narrow a search to the rows whose `property` holds `value` (`textSearch`'s `within`): its two
 * rarest, each counted in full once (a year's trigrams are each in a large share of the rows, so no count is capped
 * as `rareTrigrams`' are; a third costs the index more than it saves, measured at region size). They only narrow:
 * the query keeps its own equality filter on the property.
 */
export function narrowingTrigrams<K extends keyof TextIndexed>(
  em: EntityManager,
  table: K,
  property: keyof TextIndexed[K]['columns'] & string,
  value: string,
): Promise<string[]> {
  return rareTrigrams(em, table, [property], value, { commonFrom: Number.MAX_SAFE_INTEGER, used: 2 });
}

/**
 * "Some of these properties contains `text`", as alternatives for an `$or`: the same case-insensitive "contains" as
 * `like` on every database, answered by the SQLite text index when the text is long enough to use it — unless the
 * query is already `narrowed` by an indexed filter to a few hundred rows (one school's activities): scanning those
 * beats the index. With the text's `rare` trigrams (`rareTrigrams`) the index gives the rows holding all of them and
 * `like` checks those; without, the index matches the whole phrase, whose trigrams' postings it reads in full (words
 * common to every title make that the slow case). With `within` (a property and its `narrowingTrigrams`) the index
 * also keeps only the rows holding those trigrams there — one academic year's activities, say — so the candidates
 * checked are that year's, not every year's. A fresh `raw()` fragment each call (a fragment is used up by the query
 * it is in).
 */
export function textSearch<T, K extends keyof TextIndexed>(
  table: K,
  properties: readonly (keyof TextIndexed[K]['columns'] & string)[],
  text: string,
  {
    narrowed = false,
    rare = [],
    within,
  }: {
    narrowed?: boolean;
    rare?: readonly string[];
    within?: { property: keyof TextIndexed[K]['columns'] & string; trigrams: readonly string[] };
  } = {},
): FilterQuery<T>[] {
  const scan = () => properties.map((p) => ({ [p]: like(text) }) as FilterQuery<T>);
  if (searchOperator === '$ilike' || narrowed || [...text].length < INDEXED_FROM) return scan();
  const { index, columns } = TEXT_INDEXES[table];
  const named = properties.map((p) => (columns as Record<string, string>)[p]).join(' ');
  // the rare trigrams all present, then the rows checked; or one phrase: the text's trigrams in a row, i.e. "contains"
  const found = rare.length ? `{${named}} : (${rare.map(ftsString).join(' AND ')})` : `{${named}} : ${ftsString(text)}`;
  const scope = within?.trigrams.length
    ? ` AND {${(columns as Record<string, string>)[within.property]}} : (${within.trigrams.map(ftsString).join(' AND ')})`
    : '';
  const match = found + scope;
  const inIndex = {
    // an empty value: the fragment stands alone (with `true` it would read `(… in …) = true`, which SQLite cannot
    // drive by the index's row ids and so evaluates on every row the other filters leave)
    [raw((alias: string) => `${alias}.rowid in (select rowid from ${index} where ${index} match ?)`, [match])]: [],
  } as FilterQuery<T>;
  return [rare.length ? ({ $and: [inIndex, { $or: scan() }] } as FilterQuery<T>) : inIndex];
}

/** Optimistic locking: a PATCH must carry the current version. */
export function checkVersion(record: { version: number }, given: number): void {
  if (record.version !== given) throw staleVersion(record.version);
}

/** Applies defined fields of a patch and bumps version/updatedAt (`now`, from the clock). Server-owned fields never come from a body. */
export function applyPatch<T extends { version: number; updatedAt: string }>(
  record: T,
  patch: Partial<T>,
  now: string,
): void {
  for (const [k, v] of Object.entries(patch)) {
    if (v !== undefined && !['id', 'version', 'createdAt', 'updatedAt', 'status'].includes(k))
      (record as Record<string, unknown>)[k] = v;
  }
  record.version += 1;
  record.updatedAt = now;
}

/** A plain copy of a record for the audit log. */
export function snapshot<T extends object>(r: T): Record<string, unknown> {
  return JSON.parse(JSON.stringify(r));
}
