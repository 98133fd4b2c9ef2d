// npm run test:pg — the API suites on PostgreSQL (DATABASE_URL, default the local socium_test database).
import { spawnSync } from 'node:child_process';

const url = process.env.DATABASE_URL ?? 'postgresql://socium:socium@127.0.0.1:5432/socium_test';
const r = spawnSync('npx', ['nx', 'test', 'api', '--outputStyle=static', '--skip-nx-cache'], {
  stdio: 'inherit',
  env: { ...process.env, DB_DRIVER: 'postgresql', DATABASE_URL: url, TEST_COUNT_TAG: 'pg', NX_DAEMON: 'false' },
});
process.exit(r.status ?? 1);
