// The databases a process test runs on: a SQLite file under tmp/process-tests/, and a PostgreSQL database named after
// the base database of DATABASE_URL (when it is a PostgreSQL URL) or PROCESS_TESTS_PG_URL, default
// postgresql://socium:socium@127.0.0.1:5432/socium_test, with a suffix (`socium_test_crash`, …). The test creates that
// database itself (the role needs CREATEDB) and empties it before use; never the base database itself. PostgreSQL
// is skipped (with a note) when the server cannot be reached, or when PROCESS_TESTS_PG=0.
import fs from 'node:fs';
import path from 'node:path';

import {
  ensurePgDatabase,
  parseTarget,
  pgDatabaseName,
  pgReachable,
  pgUrlWithDatabase,
  removeSqlite,
  resetPgDatabase,
} from '../scripts/db-tools.mjs';
import { root } from './api-process.mjs';

export const WORK_DIR = path.join(root, 'tmp', 'process-tests');

export function pgBaseUrl() {
  if (process.env.PROCESS_TESTS_PG_URL) return process.env.PROCESS_TESTS_PG_URL;
  if (/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '')) return process.env.DATABASE_URL;
  return 'postgresql://socium:socium@127.0.0.1:5432/socium_test';
}

let reachable;
export async function postgresAvailable() {
  if (process.env.PROCESS_TESTS_PG === '0') return false;
  reachable ??= await pgReachable(pgBaseUrl());
  return reachable;
}

/** A database for one test: `{ driver, url, target, reset() }`; `reset()` leaves it empty (and creates it). */
export function database(driver, suffix) {
  if (driver === 'sqlite') {
    fs.mkdirSync(WORK_DIR, { recursive: true });
    const file = path.join(WORK_DIR, `${suffix}-${process.pid}.sqlite`);
    const url = `sqlite:${file}`;
    return {
      driver,
      url,
      file,
      target: parseTarget(url),
      reset: async () => removeSqlite(file),
      drop: async () => removeSqlite(file),
    };
  }
  const base = pgBaseUrl();
  const url = pgUrlWithDatabase(base, `${pgDatabaseName(base)}_${suffix}`);
  return {
    driver,
    url,
    target: parseTarget(url),
    reset: async () => {
      await ensurePgDatabase(url);
      await resetPgDatabase(url);
    },
    drop: async () => undefined, // the database stays (emptied by the next reset)
  };
}

/** ['sqlite'] plus 'postgresql' when reachable. */
export async function drivers() {
  return (await postgresAvailable()) ? ['sqlite', 'postgresql'] : ['sqlite'];
}
