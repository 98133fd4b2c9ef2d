// Starts the built API for the load benchmark (NODE_ENV=production, its own port, the heap probe preloaded) and
// collects one memory sample a second: VmRSS from /proc/<pid>/status, the V8 heap and the event loop's delay
// from the probe.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const ADMIN = { email: 'bench-load@example.org', password: 'bench-load-password-123' };

export const freePort = () =>
  new Promise((res, rej) => {
    const s = net.createServer();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => res(p));
    });
  });

/** A value (kB) from /proc/<pid>/status, e.g. VmRSS or VmHWM; 0 when the process is gone. */
export function procStatusKb(pid, key) {
  try {
    const m = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`${key}:\\s+(\\d+)`));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * The CPU time (user + system, ms) the process has used so far, from /proc/<pid>/stat (clock ticks of 10 ms);
 * 0 when the process is gone. Unlike latency, it hardly depends on what else the machine runs.
 */
export function procCpuMs(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime (fields 14 and 15, USER_HZ 100)
  } catch {
    return 0;
  }
}

/**
 * Runs `<tree>/dist/apps/api/main.js` with cwd `<tree>` against `databaseUrl`. `extraEnv` is added last (e.g. a
 * public rate limit setting); `nodeArgs` go to Node itself (e.g. `--cpu-prof`, not allowed in NODE_OPTIONS). Resolves once /health/ready answers 200.
 */
export async function startApi({ tree, databaseUrl, extraEnv = {}, nodeArgs = [], log = console.log, logFile }) {
  const port = await freePort();
  const main = path.join(tree, 'dist', 'apps', 'api', 'main.js');
  if (!fs.existsSync(main)) throw new Error(`${main} is missing: build the API first`);
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    SOCIUM_DEMO: 'false',
    SOCIUM_ADMIN_EMAIL: ADMIN.email,
    SOCIUM_ADMIN_PASSWORD: ADMIN.password,
    SOCIUM_JWT_SECRET: randomBytes(32).toString('base64url'),
    // The benchmark's public requests carry X-Forwarded-For from a pool of client addresses (see mixed.mjs):
    // as behind one reverse proxy, so that the per-address public rate limit sees many clients.
    SOCIUM_TRUST_PROXY_HOPS: '1',
    ...extraEnv,
  };
  delete env.DB_DRIVER;
  const child = spawn(
    process.execPath,
    ['--expose-gc', ...nodeArgs, '-r', path.join(import.meta.dirname, 'heap-probe.cjs'), main],
    {
      cwd: tree,
      env,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    },
  );
  let output = '';
  // The API's own output (errors with their stacks) goes to `logFile` too, for the diagnosis of any 5xx.
  const file = logFile ? fs.createWriteStream(logFile) : null;
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-20000);
    file?.write(chunk);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const samples = [];
  const gcWaiters = [];
  child.on('message', (m) => {
    if (m && typeof m.gcHeapUsed === 'number') gcWaiters.shift()?.(m.gcHeapUsed);
    if (m && typeof m.rss === 'number') samples.push({ ...m, vmRss: procStatusKb(child.pid, 'VmRSS') * 1024 });
  });
  const exited = new Promise((res) => child.on('exit', (code, signal) => res({ code, signal })));
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited at start (code ${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${base}/health/ready`)).ok) break;
    } catch {
      /* starting */
    }
    if (performance.now() - started > 180_000) throw new Error(`the API did not become ready in 180 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  log(`   API ready on ${base} in ${((performance.now() - started) / 1000).toFixed(1)} s (pid ${child.pid})`);
  return {
    base,
    port,
    pid: child.pid,
    samples,
    output: () => output,
    /** The V8 heap in use after two full collections (bytes), or null when the process does not answer in 10 s. */
    gcHeap() {
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(null), 10_000);
        gcWaiters.push((v) => {
          clearTimeout(timer);
          resolve(v);
        });
        child.send('gc');
      });
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
      file?.end();
    },
  };
}
