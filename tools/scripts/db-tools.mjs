// Database helpers shared by `npm run backup`, `npm run restore` and tools/process-tests: read a database target the
// way the API does (DATABASE_URL: `sqlite:PATH`, `postgres(ql)://…`, unset = SQLite data/socium.sqlite), run queries,
// count rows per table, create and empty PostgreSQL databases.
import fs from 'node:fs';
import path from 'node:path';

/** `{ driver: 'sqlite', path }` (absolute) or `{ driver: 'postgresql', url }`, as apps/api/src/app/config reads it. */
export function parseTarget(url, cwd = process.cwd()) {
  const u = url?.trim();
  if (u && /^postgres(ql)?:\/\//.test(u)) return { driver: 'postgresql', url: u };
  if (u && u.startsWith('sqlite:')) {
    const p = u.slice('sqlite:'.length);
    if (!p || p === ':memory:') throw new Error('an in-memory SQLite database cannot be backed up or restored');
    return { driver: 'sqlite', path: path.resolve(cwd, p) };
  }
  if (u) throw new Error(`expected sqlite:PATH or postgresql://…, got "${u.split(':')[0]}:…"`);
  return { driver: 'sqlite', path: path.resolve(cwd, 'data/socium.sqlite') };
}

/** The target as a DATABASE_URL. */
export const targetUrl = (t) => (t.driver === 'sqlite' ? `sqlite:${t.path}` : t.url);

/** A URL without its password, for printing. */
export function describeTarget(t) {
  if (t.driver === 'sqlite') return `SQLite ${t.path}`;
  const u = new URL(t.url);
  if (u.password) u.password = '***';
  return `PostgreSQL ${u.toString()}`;
}

/** The same server and credentials, another database name. */
export function pgUrlWithDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
export const pgDatabaseName = (url) => decodeURIComponent(new URL(url).pathname.slice(1));

async function pgClient(url) {
  const { default: pg } = await import('pg');
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  return c;
}

/** Opens a connection: `{ all(sql, params) → rows, close() }`. SQLite opens read-only unless `{ write: true }`. */
export async function openDb(t, { write = false } = {}) {
  if (t.driver === 'sqlite') {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(t.path, { readonly: !write, fileMustExist: !write });
    db.pragma('busy_timeout = 10000');
    return {
      raw: db,
      all: async (sql, params = []) => {
        const st = db.prepare(sql);
        return st.reader ? st.all(...params) : (st.run(...params), []);
      },
      close: async () => db.close(),
    };
  }
  const c = await pgClient(t.url);
  return {
    raw: c,
    all: async (sql, params = []) => (await c.query(sql, params)).rows,
    close: async () => c.end(),
  };
}

/** The application's tables (no SQLite internals), sorted. */
export async function listTables(db, driver) {
  const rows =
    driver === 'sqlite'
      ? // text indexes (virtual tables) and their shadow tables are derived from the others: not counted
        await db.all(
          "SELECT t.name FROM sqlite_master t WHERE t.type = 'table' AND t.name NOT LIKE 'sqlite_%' " +
            "AND t.sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND NOT EXISTS (SELECT 1 FROM sqlite_master v " +
            "WHERE v.type = 'table' AND v.sql LIKE 'CREATE VIRTUAL TABLE%' AND t.name LIKE v.name || '\\_%' ESCAPE '\\') " +
            'ORDER BY t.name',
        )
      : await db.all("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
  return rows.map((r) => r.name);
}

/** `{ table: rows }` for every table, read in one transaction so the counts belong to one moment. */
export async function tableCounts(t) {
  const db = await openDb(t);
  try {
    if (t.driver === 'postgresql') await db.all('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    else db.raw.prepare('BEGIN').run();
    const counts = {};
    for (const name of await listTables(db, t.driver))
      counts[name] = Number((await db.all(`SELECT COUNT(*) AS n FROM "${name}"`))[0].n);
    if (t.driver === 'postgresql') await db.all('COMMIT');
    else db.raw.prepare('COMMIT').run();
    return counts;
  } finally {
    await db.close();
  }
}

/** `PRAGMA integrity_check` of a SQLite file: 'ok' or the problems it lists. */
export async function sqliteIntegrity(file) {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db
      .pragma('integrity_check')
      .map((r) => r.integrity_check)
      .join('; ');
  } finally {
    db.close();
  }
}

/**
 * Rebuilds a SQLite file's text indexes (FTS5 tables of migration 0031, keyed by row number): a copy made by
 * `VACUUM INTO` may number a table's rows afresh. Returns the indexes rebuilt.
 */
export async function rebuildSqliteTextIndexes(file) {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(file, { fileMustExist: true });
  try {
    const indexes = db
      .prepare("select name from sqlite_master where type = 'table' and sql like 'CREATE VIRTUAL TABLE%fts5%'")
      .all()
      .map((r) => r.name);
    for (const name of indexes) db.prepare(`insert into "${name}"("${name}") values ('rebuild')`).run();
    return indexes;
  } finally {
    db.close();
  }
}

/** Creates the PostgreSQL database of `url` (owned by the URL's user) if it does not exist. Needs CREATEDB. */
export async function ensurePgDatabase(url) {
  const name = pgDatabaseName(url);
  const admin = await pgClient(pgUrlWithDatabase(url, 'postgres'));
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await admin.end();
  }
}

/** Empties a PostgreSQL database (schema public dropped and created again). */
export async function resetPgDatabase(url) {
  const c = await pgClient(url);
  try {
    await c.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public');
  } finally {
    await c.end();
  }
}

/** Is a PostgreSQL server reachable with these credentials (the `postgres` database)? */
export async function pgReachable(url) {
  try {
    const c = await pgClient(pgUrlWithDatabase(url, 'postgres'));
    await c.end();
    return true;
  } catch {
    return false;
  }
}

/** Removes a SQLite file with its -wal and -shm companions. */
export function removeSqlite(file) {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
}
