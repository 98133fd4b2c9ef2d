// The public endpoint's maximum throughput against a bare node:http server that returns the same bytes with the
// same headers (bare-server.mjs), with the same autocannon settings: without Accept-Encoding, with
// `Accept-Encoding: gzip`, with a browser's `gzip, deflate, br` (brotli), and revalidating with If-None-Match (304). The two servers are measured in turn, case
// by case, each after a short unrecorded warm-up.
//
// The clients are the widget's visitors: each address sends `REQUESTS_PER_VISITOR` requests in a row and is not seen
// again (addresses from 10.16.0.0 on, apart from the mixed load's pool). The API limits each address per minute and
// decides alone only for an address far below its limit; an earlier version sent every run's hundreds of thousands
// of requests from the mixed load's 5,000 addresses, so within one minute the later cases (gzip, brotli, 304) went
// through the database-backed limiter, not the cache alone, and their ratio moved with the clock (0.07–0.58).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';

import { makeClient } from './http.mjs';

/** What browsers send. */
const BROWSER_ENCODINGS = 'gzip, deflate, br';

const record = (r) => ({
  status: r.status,
  rawHeaders: r.rawHeaders,
  body: r.body.toString('base64'),
  bytes: r.body.length,
});

/** Fetches the answer of `urlPath` four ways from the API, as recorded bytes for the bare server. */
export async function recordAnswers(base, urlPath, address) {
  const c = makeClient(base, { maxSockets: 1 });
  const plain = await c.request('GET', urlPath, { headers: { 'x-forwarded-for': address } });
  const gzip = await c.request('GET', urlPath, { headers: { 'x-forwarded-for': address, 'accept-encoding': 'gzip' } });
  const br = await c.request('GET', urlPath, {
    headers: { 'x-forwarded-for': address, 'accept-encoding': BROWSER_ENCODINGS },
  });
  const etag = gzip.headers.etag ?? plain.headers.etag ?? null;
  const notModified = etag
    ? await c.request('GET', urlPath, {
        headers: { 'x-forwarded-for': address, 'accept-encoding': 'gzip', 'if-none-match': etag },
      })
    : null;
  c.close();
  if (plain.status !== 200)
    throw new Error(`${urlPath} answered ${plain.status}: ${plain.body.toString().slice(0, 300)}`);
  return {
    etag,
    plain: record(plain),
    gzip: record(gzip),
    br: record(br),
    notModified: notModified && record(notModified),
    compressed: gzip.headers['content-encoding'] ?? null,
    brCompressed: br.headers['content-encoding'] ?? null,
  };
}

export async function startBareServer(recorded, dir) {
  const file = path.join(dir, 'bare-server-answers.json');
  fs.writeFileSync(file, JSON.stringify(recorded));
  const child = spawn(process.execPath, [path.join(import.meta.dirname, 'bare-server.mjs'), file], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise((res, rej) => {
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
      const m = out.match(/listening (\d+)/);
      if (m) res(Number(m[1]));
    });
    child.on('exit', (code) => rej(new Error(`bare server exited (${code})`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    pid: child.pid,
    stop: () =>
      new Promise((res) => {
        if (child.exitCode !== null) return res();
        child.on('exit', res);
        child.kill('SIGTERM');
      }),
  };
}

/** How many requests one visitor (address) sends: a page with the widget loaded and reloaded a few times. */
const REQUESTS_PER_VISITOR = 4;
/** The next visitor's number over the whole comparison: no address comes back in a later run or case. */
let visitors = 0;
/** The address of visitor `n`: 10.16.0.0 and on (the mixed load's pool is below 10.1.0.0). */
const visitorAddress = (n) => `10.${16 + ((n >> 16) & 127)}.${(n >> 8) & 255}.${n & 255}`;

function cannon({ base, urlPath, headers, connections, seconds }) {
  // Each request is rebuilt with its visitor's address, at the same cost for both servers (the bare server ignores
  // the header).
  let sent = 0;
  const first = visitors;
  return autocannon({
    url: base,
    connections,
    pipelining: 1,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        method: 'GET',
        path: urlPath,
        setupRequest: (req) => ({
          ...req,
          headers: { ...headers, 'x-forwarded-for': visitorAddress(first + Math.floor(sent++ / REQUESTS_PER_VISITOR)) },
        }),
      },
    ],
  }).then((r) => {
    visitors = first + Math.ceil(sent / REQUESTS_PER_VISITOR);
    return r;
  });
}

/** One server's turns at a case as one figure: the mean rate of the turns (equal lengths), the counts summed. */
const combine = (results, expected) => {
  const statuses = {};
  for (const r of results)
    for (const [k, v] of Object.entries(r.statusCodeStats ?? {})) statuses[k] = (statuses[k] ?? 0) + v.count;
  const total = Object.values(statuses).reduce((a, b) => a + b, 0);
  const unexpected = total - (statuses[expected] ?? 0);
  const mean = (f) => results.reduce((a, r) => a + f(r), 0) / results.length;
  return {
    requestsPerSecond: mean((r) => r.requests.average),
    total,
    bytesPerAnswer: total ? results.reduce((a, r) => a + r.throughput.total, 0) / total : 0,
    latencyP50: Math.round(mean((r) => r.latency.p50)),
    latencyP99: Math.max(...results.map((r) => r.latency.p99)),
    statuses,
    errors: results.reduce((a, r) => a + r.errors + r.timeouts, 0) + unexpected,
  };
};

/** Runs every case on both servers; returns one row per case with both rates and their ratio. */
export async function compareThroughput({ api, urlPath, addresses, connections, seconds, warmSeconds, dir, log }) {
  const recorded = await recordAnswers(api.base, urlPath, addresses[0]);
  log(
    `   ${urlPath}: ${recorded.plain.bytes} B plain, ${recorded.gzip.bytes} B with Accept-Encoding: gzip (${recorded.compressed ?? 'not compressed'}), ${recorded.br.bytes} B with ${BROWSER_ENCODINGS} (${recorded.brCompressed ?? 'not compressed'}), ETag ${recorded.etag ? 'yes' : 'no'}, If-None-Match → ${recorded.notModified?.status ?? '—'}`,
  );
  const bare = await startBareServer(recorded, dir);
  const cases = [
    { name: 'plain', headers: {}, expected: 200 },
    { name: 'gzip', headers: { 'accept-encoding': 'gzip' }, expected: 200 },
    { name: 'brotli', headers: { 'accept-encoding': BROWSER_ENCODINGS }, expected: 200 },
  ];
  if (recorded.etag)
    cases.push({
      name: 'If-None-Match',
      headers: { 'accept-encoding': 'gzip', 'if-none-match': recorded.etag },
      expected: recorded.notModified?.status === 304 ? 304 : 200,
    });
  const rows = [];
  // The two servers take turns within each case (API, bare, API, bare, …): on a shared machine whose speed drifts
  // by tens of per cent from one minute to the next, one long run of each would compare two different machines.
  const rounds = Math.max(1, Math.min(3, Math.floor(seconds / 3)));
  try {
    for (const c of cases) {
      const row = { case: c.name, expected: c.expected, rounds };
      const runs = { api: [], bare: [] };
      for (let i = 0; i < rounds; i++)
        for (const [who, base] of [
          ['api', api.base],
          ['bare', bare.base],
        ]) {
          if (i === 0 && warmSeconds > 0)
            await cannon({ base, urlPath, headers: c.headers, connections, seconds: warmSeconds });
          runs[who].push(await cannon({ base, urlPath, headers: c.headers, connections, seconds: seconds / rounds }));
        }
      row.api = combine(runs.api, c.expected);
      row.bare = combine(runs.bare, c.expected);
      row.ratio = row.api.requestsPerSecond / Math.max(1, row.bare.requestsPerSecond);
      log(
        `   ${c.name.padEnd(13)} API ${Math.round(row.api.requestsPerSecond)}/s (p99 ${row.api.latencyP99} ms, ${Math.round(row.api.bytesPerAnswer)} B, errors ${row.api.errors}) · bare ${Math.round(row.bare.requestsPerSecond)}/s (${Math.round(row.bare.bytesPerAnswer)} B) · ratio ${row.ratio.toFixed(2)}`,
      );
      rows.push(row);
    }
  } finally {
    await bare.stop();
  }
  return {
    recorded: {
      etag: recorded.etag,
      plainBytes: recorded.plain.bytes,
      gzipBytes: recorded.gzip.bytes,
      brBytes: recorded.br.bytes,
      compressed: recorded.compressed,
      brCompressed: recorded.brCompressed,
    },
    rows,
  };
}
