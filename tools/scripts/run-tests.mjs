// `npm test`: project-tag check, the formatting check, then lint and every test of every project, then the closing
// "N passed, N failed" line (tools/scripts/test-summary.mjs). Exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
fs.rmSync(path.join(root, 'tmp', 'test-counts'), { recursive: true, force: true });
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', TZ: 'UTC' };
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env }).status ?? 1;

const counts = path.join(root, 'tmp', 'test-counts');
/** A failed step that is not a jest test (tag check, lint, a crashed task) still counts as a failure in the closing line. */
const recordStepFailure = (name) => {
  fs.mkdirSync(counts, { recursive: true });
  fs.writeFileSync(
    path.join(counts, `step-${name}.json`),
    JSON.stringify({ project: `step:${name}`, passed: 0, failed: 1, skipped: 0 }),
  );
};
let failed = run(process.execPath, [path.join(root, 'tools/scripts/check-project-tags.mjs')]);
if (failed) recordStepFailure('project-tags');
// Formatting and import order (.prettierrc): an unformatted file fails npm test (proved by tools/lint-rules/format-check.spec.ts).
const format = run('npm', ['run', '--silent', 'format:check']);
if (format) recordStepFailure('format');
failed ||= format;
// --skip-nx-cache: counts are written only when tests really run.
const lint = run('npx', [
  'nx',
  'run-many',
  '-t',
  'lint',
  '--outputStyle=static',
  '--skip-nx-cache',
  ...process.argv.slice(2),
]);
if (lint) recordStepFailure('lint');
const tests = run('npx', [
  'nx',
  'run-many',
  '-t',
  'test',
  '--outputStyle=static',
  '--skip-nx-cache',
  ...process.argv.slice(2),
]);
if (tests) {
  const reported = fs.existsSync(counts)
    ? fs
        .readdirSync(counts)
        .map((f) => JSON.parse(fs.readFileSync(path.join(counts, f), 'utf8')))
        .reduce((n, c) => n + c.failed + (c.failedSuites ?? 0), 0)
    : 0;
  if (reported === 0) recordStepFailure('test-tasks');
}
failed ||= lint || tests;
const summary = run(process.execPath, [path.join(root, 'tools/scripts/test-summary.mjs')]);
process.exit(failed || summary);
