// Starts the production build of the API (dist/apps/api/main.js) as a child process, for the tests in this folder
// (crash, backup and restore, two instances) and for scripts that need a real server.
//
//   import { buildApi, startApi, DEMO_ACCOUNTS } from './api-process.mjs';
//   buildApi();                                  // once per run: skipped when dist is newer than the sources
//   const api = await startApi({ databaseUrl: 'sqlite:/tmp/x.sqlite' });
//   const token = await api.login(DEMO_ACCOUNTS.coordinator);
//   const res = await api.request('GET', '/api/v1/organisations', { token });
//   await api.stop();                            // SIGTERM; api.kill() is SIGKILL (kill -9)
//
// `buildApi()` runs `nx build api` unless env SKIP_BUILD=1 or dist/apps/api/main.js is newer than every file under
// apps/api/src and libs/*/src; a lock directory keeps parallel test files from building at the same time.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..', '..');
export const MAIN = path.join(root, 'dist', 'apps', 'api', 'main.js');

/** The demo log-ins created on an empty database when SOCIUM_DEMO=true (apps/api/src/app/db/demo-seed.ts). */
export const DEMO_ACCOUNTS = {
  coordinator: { email: 'coordinator@demo.socium.local', password: 'demo-coordinator-2020' },
  school_admin: { email: 'gymnasium@demo.socium.local', password: 'demo-school-2020' },
  partner_rep: { email: 'tapart@demo.socium.local', password: 'demo-partner-2020' },
};

/** Shared by every process started here, so a token issued by one instance is accepted by another. */
export const TEST_JWT_SECRET = 'process-tests-secret-0123456789abcdef';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function newestMtime(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** True when dist/apps/api/main.js exists and is newer than every API and library source file. */
export function distIsFresh() {
  if (!fs.existsSync(MAIN)) return false;
  const built = fs.statSync(MAIN).mtimeMs;
  const sources = [path.join(root, 'apps', 'api', 'src')];
  for (const lib of ['domain', 'contracts', path.join('api', 'persistence')])
    sources.push(path.join(root, 'libs', lib, 'src'));
  return sources.every((d) => newestMtime(d) < built);
}

/** Builds the API once (`nx build api`), unless SKIP_BUILD=1 or the build is fresh. Throws when the build fails. */
export async function buildApi({ force = false } = {}) {
  if (!force && (process.env.SKIP_BUILD === '1' || distIsFresh())) return { built: false };
  const lock = path.join(root, 'tmp', 'process-tests', 'build.lock');
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  // mkdir is atomic: the first caller builds, the others wait for the lock to go and then find dist fresh.
  for (let waited = 0; ; waited += 500) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      if (waited > 10 * 60_000) throw new Error(`build lock ${lock} held for 10 minutes; remove it if stale`);
      await sleep(500);
      if (!force && distIsFresh() && !fs.existsSync(lock)) return { built: false };
    }
  }
  try {
    if (!force && distIsFresh()) return { built: false };
    const r = spawnSync('npx', ['nx', 'build', 'api', '--outputStyle=static'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
      maxBuffer: 1e8,
    });
    if (r.status !== 0) throw new Error(`nx build api failed:\n${r.stdout}\n${r.stderr}`);
    return { built: true };
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** A TCP port nobody listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/**
 * Starts `node dist/apps/api/main.js` with the given database and environment and waits until GET /health/ready
 * answers 200. Defaults: demo data on, "today" pinned to 2026-11-28 (like the e2e harness), a shared JWT secret.
 * Pass an env value `undefined` to drop a default. Rejects (and kills the child) if the process exits or is not
 * ready within `readyTimeoutMs`; the error carries the child's last output. `waitReady: false` returns at once
 * (then `await api.ready()`), e.g. to kill the process while it starts.
 */
export async function startApi({
  databaseUrl,
  env = {},
  port,
  readyTimeoutMs = 60_000,
  echo = false,
  waitReady = true,
} = {}) {
  if (!fs.existsSync(MAIN)) throw new Error(`${MAIN} is missing: call buildApi() first`);
  port ??= await freePort();
  const merged = {
    ...process.env,
    NODE_ENV: 'development',
    SOCIUM_DEMO: 'true',
    SOCIUM_TODAY: '2026-11-28',
    SOCIUM_JWT_SECRET: TEST_JWT_SECRET,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...env,
    PORT: String(port),
  };
  // DB_DRIVER from a jest environment must not override the database given here.
  if (databaseUrl && !('DB_DRIVER' in env)) delete merged.DB_DRIVER;
  for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
  const child = spawn(process.execPath, [MAIN], { cwd: root, env: merged, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-20_000);
    if (echo || process.env.PROCESS_TESTS_VERBOSE === '1') process.stderr.write(chunk);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  const exit = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      resolve(exited);
    }),
  );
  const base = `http://127.0.0.1:${port}`;

  const api = {
    base,
    port,
    child,
    pid: child.pid,
    /** The child's last 20 000 characters of stdout and stderr. */
    output: () => output,
    /** `{ code, signal }` once the process has exited, else null. */
    exited: () => exited,
    /** Resolves with `{ code, signal }` when the process exits. */
    waitForExit: () => exit,
    /** SIGTERM (or `signal`), then waits for the exit. */
    async stop(signal = 'SIGTERM') {
      if (!exited) child.kill(signal);
      return exit;
    },
    /** kill -9: the process gets no chance to finish anything. */
    async kill() {
      return api.stop('SIGKILL');
    },
    /**
     * One HTTP request; answers `{ status, body, headers }` (body parsed as JSON when it is JSON). `token` adds the
     * bearer header. Network errors (a killed server) reject.
     */
    async request(method, urlPath, { token, body, headers = {}, signal } = {}) {
      const h = { ...headers };
      if (token) h.authorization = `Bearer ${token}`;
      if (body !== undefined && !Object.keys(h).some((k) => k.toLowerCase() === 'content-type'))
        h['content-type'] = body instanceof Uint8Array ? 'application/octet-stream' : 'application/json';
      const res = await fetch(base + urlPath, {
        method,
        headers: h,
        body:
          body === undefined || typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body),
        signal,
      });
      const text = await res.text();
      let parsed = text;
      if ((res.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
      return { status: res.status, body: parsed, headers: res.headers };
    },
    /** Logs in (`{ email, password }`, e.g. DEMO_ACCOUNTS.coordinator) and returns the access token. */
    async login({ email, password }) {
      const r = await api.request('POST', '/api/v1/auth/login', { body: { email, password } });
      if (r.status !== 200 && r.status !== 201)
        throw new Error(`login ${email}: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body.accessToken;
    },
  };

  /** Waits until GET /health/ready answers 200; rejects (and kills the child) on exit or timeout. */
  api.ready = async (timeoutMs = readyTimeoutMs) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (exited) throw new Error(`API exited (${JSON.stringify(exited)}) before it was ready:\n${output}`);
      try {
        const r = await fetch(`${base}/health/ready`);
        if (r.ok) return api;
      } catch {
        /* not listening yet */
      }
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        await exit;
        throw new Error(`API not ready on ${base} within ${timeoutMs} ms:\n${output}`);
      }
      await sleep(50);
    }
  };
  return waitReady ? api.ready() : api;
}
