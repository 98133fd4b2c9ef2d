// npm run bench:reports [-- --sizes district,region,country --dbs sqlite,postgresql]
// Generates each synthetic size on each database, starts the built API against it and measures the
// JSON report time, the XLSX time and the server's memory growth. Prints a table and the cost ratio
// between sizes. Needs `nx build api` (done first) and, for PostgreSQL, a reachable server
// (BENCH_PG_URL, default postgresql://socium:socium@127.0.0.1:5432/socium_bench).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
const arg = (n, d) => { const i = process.argv.indexOf(`--${n}`); return i > 0 ? process.argv[i + 1] : d; };
const SIZES = { district: 20, region: 1500, country: 15000 };
const sizes = arg('sizes', 'district,region,country').split(',');
const dbs = arg('dbs', 'sqlite,postgresql').split(',');
const period = arg('period', '2024-2025');
const pgUrl = process.env.BENCH_PG_URL ?? 'postgresql://socium:socium@127.0.0.1:5432/socium_bench';
const freePort = () => new Promise((res) => { const s = net.createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => res(p)); }); });
const kb = (pid, key) => Number((fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`${key}:\\s+(\\d+)`)) ?? [0, 0])[1]);

spawnSync('npx', ['nx', 'build', 'api', '--outputStyle=static'], { cwd: root, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false' } });
if (dbs.includes('postgresql')) {
  spawnSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-qAt', '-d', 'postgres', '-c', 'CREATE DATABASE socium_bench OWNER socium'], { stdio: 'ignore' });
}

async function timeIt(fn, runs = 3) {
  const times = [];
  let last;
  for (let i = 0; i < runs; i++) { const t = performance.now(); last = await fn(); times.push(performance.now() - t); }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], last };
}

const results = [];
fs.mkdirSync(path.join(root, 'tmp', 'bench'), { recursive: true });
for (const db of dbs) {
  for (const size of sizes) {
    const schools = SIZES[size] ?? Number(size);
    const url = db === 'postgresql' ? pgUrl : `sqlite:${path.join(root, 'tmp', 'bench', `${size}.sqlite`)}`;
    if (db === 'sqlite') for (const f of fs.readdirSync(path.join(root, 'tmp', 'bench'), { withFileTypes: true }).filter((e) => e.name.startsWith(`${size}.sqlite`))) fs.rmSync(path.join(root, 'tmp', 'bench', f.name));
    if (db === 'postgresql') spawnSync('psql', [pgUrl, '-qc', 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;'], { stdio: 'ignore' });
    console.log(`\n== ${size} (${schools} schools) on ${db}: generating`);
    const g0 = performance.now();
    const gen = spawnSync(process.execPath, ['-r', '@swc-node/register', 'tools/bench/generate-region.ts', '--schools', String(schools), '--seed', '42', '--db', url], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json' }, maxBuffer: 1e8 });
    if (gen.status !== 0) { console.error('generation failed'); process.exit(1); }
    const rows = JSON.parse(gen.stdout.toString().trim().split('\n').pop());
    console.log(`   generated in ${((performance.now() - g0) / 1000).toFixed(1)} s: ${rows.activity} activities, ${rows.organisation} organisations`);
    const port = await freePort();
    const server = spawn(process.execPath, [path.join(root, 'dist/apps/api/main.js')], {
      cwd: root,
      env: { ...process.env, PORT: String(port), DATABASE_URL: url, SOCIUM_DEMO: 'false', SOCIUM_ADMIN_EMAIL: 'bench@example.org', SOCIUM_ADMIN_PASSWORD: 'bench-password-123', NODE_ENV: 'development' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 300; i++) { try { if ((await fetch(`${base}/health/ready`)).ok) break; } catch { /* starting */ } await new Promise((r) => setTimeout(r, 200)); }
    const login = await (await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bench@example.org', password: 'bench-password-123' }) })).json();
    const auth = { authorization: `Bearer ${login.accessToken}` };
    const rssBefore = kb(server.pid, 'VmRSS');
    const json = await timeIt(async () => { const r = await fetch(`${base}/api/v1/reports/summary?period=${period}`, { headers: auth }); const b = await r.json(); if (!r.ok) throw new Error(JSON.stringify(b)); return b; });
    const xlsx = await timeIt(async () => { const r = await fetch(`${base}/api/v1/reports/summary?period=${period}&format=xlsx`, { headers: auth }); const b = Buffer.from(await r.arrayBuffer()); if (!r.ok) throw new Error(b.toString()); return b.length; }, 1);
    const peak = kb(server.pid, 'VmHWM');
    server.kill('SIGTERM');
    await new Promise((r) => server.on('exit', r));
    const row = { db, size, schools, activities: rows.activity, jsonMs: Math.round(json.ms), xlsxMs: Math.round(xlsx.ms), xlsxKB: Math.round(xlsx.last / 1024), memGrowthMB: Math.round((peak - rssBefore) / 1024), peakRssMB: Math.round(peak / 1024), heldInReport: json.last?.totals?.activitiesHeld };
    results.push(row);
    console.log(`   JSON ${row.jsonMs} ms · XLSX ${row.xlsxMs} ms (${row.xlsxKB} KB) · memory growth ${row.memGrowthMB} MB (peak RSS ${row.peakRssMB} MB)`);
  }
}
console.log(`\nMachine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
console.table(results);
for (const db of dbs) {
  const r = results.filter((x) => x.db === db);
  for (let i = 1; i < r.length; i++) {
    const a = r[i - 1], b = r[i];
    const dataRatio = b.activities / a.activities;
    console.log(`${db}: ${a.size} → ${b.size}: data ×${dataRatio.toFixed(1)}, JSON time ×${(b.jsonMs / Math.max(1, a.jsonMs)).toFixed(1)}, XLSX time ×${(b.xlsxMs / Math.max(1, a.xlsxMs)).toFixed(1)}`);
  }
}

fs.writeFileSync(path.join(root, 'tmp', 'bench', 'results.json'), JSON.stringify(results, null, 2));
