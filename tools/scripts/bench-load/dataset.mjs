// The load benchmark's data: the synthetic region of tools/bench/generate-region.ts (seed 42), generated like
// `npm run bench:reports` does and in the same places (tmp/bench/<size>.sqlite, `<BENCH_PG_URL>_<size>`), so
// `--reuse` shares them with that benchmark. The load writes, so every run works on a fresh copy of it:
// tmp/bench-load/<size>.sqlite, or the PostgreSQL database `<base>_load` made with the base as its template.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const SIZES = { district: 20, region: 1500 };

const psql = (url, sql) => spawnSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-qAtc', sql], { encoding: 'utf8' });
const withDb = (url, name) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};
const dbName = (url) => new URL(url).pathname.slice(1);

function generate(tree, schools, url, log) {
  const root = tree;
  log(
    `   generating ${schools} schools (seed 42) into ${url.startsWith('sqlite:') ? path.relative(root, url.slice(7)) : dbName(url)}`,
  );
  const t0 = performance.now();
  const gen = spawnSync(
    process.execPath,
    [
      '-r',
      '@swc-node/register',
      'tools/bench/generate-region.ts',
      '--schools',
      String(schools),
      '--seed',
      '42',
      '--db',
      url,
    ],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json' },
      maxBuffer: 1e8,
    },
  );
  if (gen.status !== 0) throw new Error('generation failed');
  const rows = JSON.parse(gen.stdout.toString().trim().split('\n').pop());
  log(
    `   generated in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${rows.activity} activities, ${rows.organisation} organisations`,
  );
  return rows.activity;
}

/**
 * Makes sure the base dataset of `size` exists on `db` (generating it unless `reuse` finds it) and returns a
 * fresh working copy: `{ url, activities, schools, reused }`.
 */
export async function prepareDataset({ root, tree = root, commit = null, size, db, reuse, pgUrl, log }) {
  const schools = SIZES[size] ?? Number(size);
  if (!Number.isInteger(schools) || schools < 1) throw new Error(`unknown size ${size}`);
  // A build of another commit (`--ref`) gets its data from that commit's generator and migrations, in a base of
  // its own: the working tree's migrations may add columns that the older code would not fill.
  const own = tree !== root && commit ? `-${commit.slice(0, 8)}` : '';
  const dir = own ? path.join(root, 'tmp', 'bench-load', 'base') : path.join(root, 'tmp', 'bench');
  fs.mkdirSync(dir, { recursive: true });
  fs.mkdirSync(path.join(root, 'tmp', 'bench-load'), { recursive: true });
  if (db === 'sqlite') {
    const base = path.join(dir, `${size}${own}.sqlite`);
    let activities;
    let reused = false;
    if (reuse && fs.existsSync(base)) {
      const { default: Database } = await import('better-sqlite3');
      const conn = new Database(base, { readonly: true });
      activities = conn.prepare('SELECT COUNT(*) AS n FROM activity').get().n;
      conn.close();
      reused = true;
      log(`   reusing ${path.relative(root, base)} (${activities} activities)`);
    } else {
      for (const f of fs.readdirSync(dir).filter((f) => f.startsWith(`${size}${own}.sqlite`)))
        fs.rmSync(path.join(dir, f));
      activities = generate(tree, schools, `sqlite:${base}`, log);
    }
    const copy = path.join(root, 'tmp', 'bench-load', `${size}.sqlite`);
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(copy + suffix, { force: true });
    fs.copyFileSync(base, copy);
    // a write-ahead log left beside the base (no writer is running) belongs to it
    if (fs.existsSync(`${base}-wal`)) fs.copyFileSync(`${base}-wal`, `${copy}-wal`);
    return { url: `sqlite:${copy}`, activities, schools, reused };
  }
  if (db !== 'postgresql') throw new Error(`unknown database ${db}`);
  const admin = withDb(pgUrl, 'postgres');
  const baseName = `${dbName(pgUrl)}_${size}${own.replace('-', '_')}`;
  const baseUrl = withDb(pgUrl, baseName);
  let activities;
  let reused = false;
  const count = reuse ? psql(baseUrl, 'SELECT COUNT(*) FROM activity') : { status: 1 };
  if (count.status === 0 && Number(count.stdout.trim()) > 0) {
    activities = Number(count.stdout.trim());
    reused = true;
    log(`   reusing ${baseName} (${activities} activities)`);
  } else {
    if (psql(admin, `SELECT 1 FROM pg_database WHERE datname = '${baseName}'`).stdout.trim() !== '1') {
      const made = psql(admin, `CREATE DATABASE ${baseName}`);
      if (made.status !== 0) throw new Error(`cannot create ${baseName}: ${made.stderr}`);
    }
    psql(baseUrl, 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    activities = generate(tree, schools, baseUrl, log);
  }
  const copyName = `${baseName}_load`;
  const dropped = psql(admin, `DROP DATABASE IF EXISTS ${copyName}`);
  if (dropped.status !== 0) throw new Error(`cannot drop ${copyName}: ${dropped.stderr}`);
  const made = psql(admin, `CREATE DATABASE ${copyName} TEMPLATE ${baseName}`);
  if (made.status !== 0) throw new Error(`cannot copy ${baseName} to ${copyName}: ${made.stderr}`);
  return { url: withDb(pgUrl, copyName), activities, schools, reused };
}
