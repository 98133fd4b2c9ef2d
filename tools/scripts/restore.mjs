// npm run restore -- FILE [--database URL] [--force] [--json]
// Restores a backup made by `npm run backup` into the database of DATABASE_URL (or --database), then checks it: the
// rows per table must equal the backup's record (FILE.json) when there is one. Stop the API first.
// A target that already holds data is refused unless --force (then it is replaced).
//   SQLite backup (a database file): copied beside the target, checked with PRAGMA integrity_check, then moved over
//               the target (its -wal and -shm files removed)
//   PostgreSQL backup (pg_dump -Fc): the target database is created if missing, then
//               pg_restore --clean --if-exists --no-owner --single-transaction --exit-on-error
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import {
  describeTarget,
  ensurePgDatabase,
  listTables,
  openDb,
  parseTarget,
  rebuildSqliteTextIndexes,
  removeSqlite,
  sqliteIntegrity,
  tableCounts,
} from './db-tools.mjs';

const argv = process.argv.slice(2);
const arg = (name) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const valued = new Set(['--database', '--from']);
const positional = argv.filter((a, i) => !a.startsWith('--') && !valued.has(argv[i - 1]));

function run(cmd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} exited with ${code}: ${err.trim()}`)),
    );
  });
}

/** Rows in the target's tables; 0 when it has no table (or no file). */
async function rowsIn(target) {
  if (target.driver === 'sqlite' && !fs.existsSync(target.path)) return 0;
  if (target.driver === 'postgresql') {
    const db = await openDb(target);
    try {
      if ((await listTables(db, 'postgresql')).length === 0) return 0;
    } finally {
      await db.close();
    }
  }
  return Object.values(await tableCounts(target)).reduce((a, b) => a + b, 0);
}

async function main() {
  const file = path.resolve(arg('from') ?? positional[0] ?? '');
  if (!positional[0] && !arg('from')) throw new Error('usage: npm run restore -- FILE [--database URL] [--force]');
  if (!fs.existsSync(file)) throw new Error(`no backup at ${file}`);
  const target = parseTarget(arg('database') ?? process.env.DATABASE_URL);
  const head = fs.readFileSync(file).subarray(0, 16).toString('latin1');
  const kind = head.startsWith('SQLite format 3') ? 'sqlite' : head.startsWith('PGDMP') ? 'postgresql' : null;
  if (!kind) throw new Error(`${file} is neither a SQLite database nor a pg_dump -Fc archive`);
  if (kind !== target.driver)
    throw new Error(`a ${kind} backup cannot be restored into ${describeTarget(target)} (the same kind only)`);
  const recordFile = `${file}.json`;
  const record = fs.existsSync(recordFile) ? JSON.parse(fs.readFileSync(recordFile, 'utf8')) : null;

  if (target.driver === 'postgresql') await ensurePgDatabase(target.url).catch(() => undefined);
  const existing = await rowsIn(target);
  if (existing > 0 && !argv.includes('--force'))
    throw new Error(
      `${describeTarget(target)} is not empty (${existing} rows); add --force to replace it (stop the API first)`,
    );
  console.log(`Restoring ${file} into ${describeTarget(target)}${existing ? ` (replacing ${existing} rows)` : ''}`);
  const t0 = performance.now();
  if (target.driver === 'sqlite') {
    fs.mkdirSync(path.dirname(target.path), { recursive: true });
    const incoming = `${target.path}.restoring`;
    removeSqlite(incoming);
    fs.copyFileSync(file, incoming);
    const integrity = await sqliteIntegrity(incoming);
    if (integrity !== 'ok') throw new Error(`the backup fails integrity_check: ${integrity}`);
    await rebuildSqliteTextIndexes(incoming);
    removeSqlite(target.path);
    fs.renameSync(incoming, target.path);
  } else {
    await run('pg_restore', [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--single-transaction',
      '--exit-on-error',
      '-d',
      target.url,
      file,
    ]);
  }
  const ms = Math.round(performance.now() - t0);
  const counts = await tableCounts(target);
  const rows = Object.values(counts).reduce((a, b) => a + b, 0);
  const differ = record
    ? Object.keys({ ...record.counts, ...counts }).filter((t) => record.counts[t] !== counts[t])
    : [];
  if (differ.length)
    throw new Error(
      `restored row counts differ from the backup's record: ${differ.map((t) => `${t} ${counts[t]} ≠ ${record.counts[t]}`).join(', ')}`,
    );
  const check = target.driver === 'sqlite' ? 'PRAGMA integrity_check = ok, ' : '';
  console.log(
    `  ${check}${Object.keys(counts).length} tables, ${rows} rows (uploaded files: ${counts.stored_file ?? 0}), ${ms} ms`,
  );
  console.log(
    record
      ? `  row counts equal the backup's record (${recordFile})`
      : '  no record beside the backup: counts not compared',
  );
  if (argv.includes('--json')) console.log(JSON.stringify({ driver: target.driver, ms, rows, counts }));
}

main().catch((e) => {
  console.error(`restore failed: ${e.message}`);
  process.exit(1);
});
