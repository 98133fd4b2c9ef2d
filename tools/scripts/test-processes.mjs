// `npm run test:processes`: the process tests (tools/process-tests/*.test.mjs: crash, backup and restore, two
// instances) against the built API, one file at a time, then their counts in tmp/test-counts/processes.json for
// tools/scripts/test-summary.mjs. Short by default (CRASH_ROUNDS=3); `npm run test:crash` runs the crash test longer.
// PostgreSQL: databases named after DATABASE_URL's (when it is a PostgreSQL URL) with a suffix, created by the tests.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const files = only.length
  ? only
  : fs
      .readdirSync(path.join(root, 'tools', 'process-tests'))
      .filter((f) => f.endsWith('.test.mjs'))
      .sort()
      .map((f) => path.join('tools', 'process-tests', f));
const tap = path.join(root, 'tmp', 'process-tests', 'results.tap');
fs.mkdirSync(path.dirname(tap), { recursive: true });
fs.rmSync(tap, { force: true });
const r = spawnSync(
  process.execPath,
  [
    '--test',
    '--test-concurrency=1',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...files,
  ],
  { cwd: root, stdio: 'inherit', env: { CRASH_ROUNDS: '3', ...process.env } },
);
// The TAP summary's "# pass N" / "# fail N" (cancelled tests count as failed).
const text = fs.existsSync(tap) ? fs.readFileSync(tap, 'utf8') : '';
const count = (key) => Number(text.match(new RegExp(`^# ${key} (\\d+)$`, 'm'))?.[1] ?? 0);
const passed = count('pass');
let failed = count('fail') + count('cancelled');
if (r.status !== 0 && failed === 0) failed = 1; // the runner itself failed
const counts = path.join(root, 'tmp', 'test-counts');
fs.mkdirSync(counts, { recursive: true });
fs.writeFileSync(
  path.join(counts, 'processes.json'),
  JSON.stringify({ project: 'process-tests', passed, failed, skipped: count('skipped') }),
);
console.log(`process tests: ${passed} passed, ${failed} failed`);
process.exit(r.status ?? 1);
