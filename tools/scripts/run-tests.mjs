// `npm test`: project-tag check, then lint and every test of every project, then the closing
// "N passed, N failed" line (tools/scripts/test-summary.mjs). Exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
fs.rmSync(path.join(root, 'tmp', 'test-counts'), { recursive: true, force: true });
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', TZ: 'UTC' };
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env }).status ?? 1;

let failed = run(process.execPath, [path.join(root, 'tools/scripts/check-project-tags.mjs')]);
// --skip-nx-cache: counts are written only when tests really run.
failed ||= run('npx', ['nx', 'run-many', '-t', 'lint', 'test', '--outputStyle=static', '--skip-nx-cache', ...process.argv.slice(2)]);
const summary = run(process.execPath, [path.join(root, 'tools/scripts/test-summary.mjs')]);
process.exit(failed || summary);
