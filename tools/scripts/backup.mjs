// npm run backup [-- --database URL] [--out FILE] [--json]
// Backs up the Socium database while the API keeps running, and checks the copy. The database is read from
// DATABASE_URL like the API does (or --database): `sqlite:PATH`, `postgresql://…`, unset = SQLite data/socium.sqlite.
// Uploaded files (agreement scans) are rows of the table stored_file, so they are in the backup.
//   SQLite:     VACUUM INTO, one read transaction: a consistent copy while the API writes (WAL lets writers go on),
//               checked with PRAGMA integrity_check; default file backups/socium-<time>.sqlite
//   PostgreSQL: pg_dump -Fc from an exported snapshot, the row counts read in the same snapshot; default file
//               backups/socium-<time>.dump; checked with pg_restore --list
// Next to the copy, <file>.json records the driver, the time, the size and the rows per table (npm run restore
// compares the restored database with it). --json prints that record as the last line.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { describeTarget, listTables, openDb, parseTarget, sqliteIntegrity, tableCounts } from './db-tools.mjs';

const argv = process.argv.slice(2);
const arg = (name) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const root = path.resolve(import.meta.dirname, '..', '..');

function run(cmd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${cmd} exited with ${code}: ${err.trim()}`)),
    );
  });
}

async function backupSqlite(target, out) {
  if (!fs.existsSync(target.path)) throw new Error(`no database at ${target.path}`);
  const db = await openDb(target);
  try {
    // VACUUM INTO writes the database as one read transaction sees it: consistent while the API goes on writing.
    await db.all('VACUUM INTO ?', [out]);
  } finally {
    await db.close();
  }
  const integrity = await sqliteIntegrity(out);
  if (integrity !== 'ok') throw new Error(`the copy fails integrity_check: ${integrity}`);
  return { counts: await tableCounts(parseTarget(`sqlite:${out}`)), check: 'PRAGMA integrity_check = ok' };
}

async function backupPostgres(target, out) {
  const db = await openDb(target);
  try {
    // The counts and the dump see one snapshot: this transaction exports it and pg_dump uses it.
    await db.all('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const [{ snapshot }] = await db.all('SELECT pg_export_snapshot() AS snapshot');
    const counts = {};
    for (const t of await listTables(db, 'postgresql'))
      counts[t] = Number((await db.all(`SELECT COUNT(*) AS n FROM "${t}"`))[0].n);
    await run('pg_dump', ['-Fc', '--no-owner', '--snapshot', snapshot, '-f', out, '-d', target.url]);
    await db.all('COMMIT');
    const list = await run('pg_restore', ['--list', out]);
    const tableData = list.split('\n').filter((l) => / TABLE DATA /.test(l)).length;
    if (tableData < Object.keys(counts).length)
      throw new Error(`the dump lists ${tableData} tables' data, the database has ${Object.keys(counts).length}`);
    return { counts, check: `pg_restore --list: ${tableData} tables with data` };
  } finally {
    await db.close();
  }
}

async function main() {
  const target = parseTarget(arg('database') ?? process.env.DATABASE_URL);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const ext = target.driver === 'sqlite' ? 'sqlite' : 'dump';
  const out = path.resolve(arg('out') ?? path.join(root, 'backups', `socium-${stamp}.${ext}`));
  if (fs.existsSync(out)) throw new Error(`${out} exists; choose another --out`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  console.log(`Backing up ${describeTarget(target)} to ${out}`);
  const t0 = performance.now();
  const partial = `${out}.partial`;
  fs.rmSync(partial, { force: true });
  const { counts, check } =
    target.driver === 'sqlite' ? await backupSqlite(target, partial) : await backupPostgres(target, partial);
  fs.renameSync(partial, out);
  const ms = Math.round(performance.now() - t0);
  const record = {
    driver: target.driver,
    file: out,
    createdAt: new Date().toISOString(),
    bytes: fs.statSync(out).size,
    ms,
    tables: Object.keys(counts).length,
    rows: Object.values(counts).reduce((a, b) => a + b, 0),
    counts,
  };
  fs.writeFileSync(`${out}.json`, JSON.stringify(record, null, 2));
  console.log(`  ${check}`);
  console.log(
    `  ${(record.bytes / 1024).toFixed(0)} KB, ${record.tables} tables, ${record.rows} rows (uploaded files: ${counts.stored_file ?? 0}), ${ms} ms`,
  );
  for (const [t, n] of Object.entries(counts)) console.log(`    ${t.padEnd(28)} ${n}`);
  console.log(`  record: ${out}.json`);
  if (argv.includes('--json')) console.log(JSON.stringify(record));
}

main().catch((e) => {
  console.error(`backup failed: ${e.message}`);
  process.exit(1);
});
