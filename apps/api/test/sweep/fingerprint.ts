import { createHash } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';

/**
 * Tables a refused request may legitimately write, left out of the fingerprint:
 * - `login_throttle`: a log-in attempt is counted before its password is checked (issue 16, finding 1), so a
 *   refused log-in (401, 429) changes its counters by design.
 * - `public_rate_limit`: the public API's limit counts every request, refused or not (a 404 for an unknown slug
 *   is a request too), and each process adds its counts to the table on a timer, whatever request is running.
 */
export const TABLES_CHANGED_BY_REFUSALS: readonly string[] = ['login_throttle', 'public_rate_limit'];

/** Row count and a hash of every row of one table. */
export interface TablePrint {
  rows: number;
  hash: string;
}
export type Fingerprint = Record<string, TablePrint>;

/** The user tables of the database the ORM is connected to (SQLite or PostgreSQL), sorted by name. */
export async function listTables(orm: MikroORM): Promise<string[]> {
  const db = orm.em.getConnection();
  const pg = /postgre/i.test(orm.em.getPlatform().constructor.name);
  const rows = pg
    ? await db.execute<{ name: string }[]>(
        'select tablename as name from pg_tables where schemaname = current_schema() order by tablename',
      )
    : await db.execute<{ name: string }[]>(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
      );
  return rows.map((r: { name: string }) => r.name).filter((n: string) => !TABLES_CHANGED_BY_REFUSALS.includes(n));
}

/** One value as stable text: binary as its digest, so a stored scan is compared without being printed. */
const cell = (v: unknown): unknown =>
  Buffer.isBuffer(v) || v instanceof Uint8Array
    ? `bytes:${createHash('sha256').update(v).digest('hex')}`
    : v instanceof Date
      ? v.toISOString()
      : typeof v === 'bigint'
        ? v.toString()
        : v;

/**
 * The fingerprint of every listed table: its row count and a SHA-256 of its rows, each row written as
 * JSON with sorted columns and the rows sorted, so the order the database returns them in does not matter.
 */
export async function fingerprint(orm: MikroORM, tables: readonly string[]): Promise<Fingerprint> {
  const db = orm.em.getConnection();
  const out: Fingerprint = {};
  for (const table of tables) {
    const rows = await db.execute<Record<string, unknown>[]>(`select * from "${table}"`);
    const lines = rows
      .map((r: Record<string, unknown>) =>
        JSON.stringify(
          Object.keys(r)
            .sort()
            .map((k) => [k, cell(r[k])]),
        ),
      )
      .sort();
    const hash = createHash('sha256');
    for (const line of lines) hash.update(line).update('\n');
    out[table] = { rows: rows.length, hash: hash.digest('hex') };
  }
  return out;
}

/** The tables whose count or hash differ between two fingerprints. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((n) => before[n]?.rows !== after[n]?.rows || before[n]?.hash !== after[n]?.hash);
}
