// The load benchmark's printed table and its docs/benchmarks.md section.
import { int, mb, ms } from './stats.mjs';

const perMin = (bytesPerSecond) => `${((bytesPerSecond * 60) / 2 ** 20).toFixed(1)} MB/min`;
const verdict = (ok) => (ok ? 'PASS' : 'FAIL');

function lines(r) {
  const m = r.mixed;
  const mem = r.memory;
  const cat = (name) => m.byCategory[name] ?? { count: 0, p50: NaN, p95: NaN, p99: NaN, max: NaN, errors: 0 };
  const slowest = Object.entries(m.byKind)
    .sort((a, b) => b[1].p95 - a[1].p95)
    .slice(0, 6);
  return { m, mem, cat, slowest };
}

export function renderText(r) {
  const { m, mem, cat, slowest } = lines(r);
  const out = [];
  out.push('', `== results (${r.dataset.schools} schools, ${int(r.dataset.activities)} activities, ${r.opts.db})`);
  out.push(
    `mixed load: ${int(m.completed)} answered of ${int(m.sent)} at ${m.rate}/s for ${m.seconds} s → achieved ${m.achievedRate.toFixed(1)}/s; max ${m.maxInFlight} in flight (${int(m.notSent ?? 0)} not sent at the cap, ${int(m.timeouts)} timed out); client lag max ${ms(m.maxLagMs)} ms; the server's queue drained ${(r.drainSeconds ?? 0).toFixed(1)} s after the last answer`,
  );
  const table = [['', 'count', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'errors']];
  for (const [name, s] of [['all', m.overall], ...['private', 'public', 'write'].map((c) => [c, cat(c)])])
    table.push([name, int(s.count), ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max), int(s.errors)]);
  table.push(['slowest kinds (p95):', '', '', '', '', '', '']);
  for (const [name, s] of slowest)
    table.push([`  ${name}`, int(s.count), ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max), int(s.errors)]);
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => String(row[i]).length)));
  for (const row of table)
    out.push(row.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  '));
  if (m.bySecond?.length) out.push(`p95 by second of the run (ms): ${m.bySecond.map((b) => ms(b.p95)).join(' ')}`);
  if (m.cpuMsPerRequest !== undefined)
    out.push(
      `API CPU: ${m.cpuMsPerRequest.toFixed(2)} ms per answered request, ${(100 * m.cpuShare).toFixed(0)} % of one core over the run`,
    );
  out.push(
    `statuses: ${JSON.stringify(m.statusCounts)}${
      m.errors.length
        ? `; first errors: ${m.errors
            .slice(0, 3)
            .map((e) => `${e.status} ${e.path} ${String(e.error).slice(0, 80)}`)
            .join(' | ')}`
        : ''
    }`,
  );
  out.push(
    `memory: RSS ${mb(mem.rssStart)} → ${mb(mem.rssEnd)} MB (max ${mb(mem.rssMax)}, peak of the process ${mb(r.peakRss)}), heap ${mb(mem.heapStart)} → ${mb(mem.heapEnd)} MB; last ${mem.lastSeconds} s: RSS slope ${perMin(mem.rssSlopeLast)} (change ${(mem.rssChangeLast / 2 ** 20).toFixed(1)} MB, noise ±${(mem.rssNoiseLast / 2 ** 20).toFixed(1)} MB), heap slope ${perMin(mem.heapSlopeLast)}; whole run RSS slope ${perMin(mem.rssSlopeAll)}; heap after a full collection ${mb(mem.gcHeapBefore)} → ${mb(mem.gcHeapAfter)} MB → ${mem.flat ? 'flat' : 'GROWING'}`,
  );
  out.push(
    `event loop delay: worst p99 of a second ${ms(mem.loopP99Max)} ms, worst single delay ${ms(mem.loopMaxMax)} ms`,
  );
  out.push(
    '',
    `public throughput (${r.throughput.recorded.plainBytes} B plain, ${r.throughput.recorded.gzipBytes} B gzip: ${r.throughput.recorded.compressed ?? 'not compressed'}${r.throughput.recorded.brBytes ? `, ${r.throughput.recorded.brBytes} B for gzip, deflate, br: ${r.throughput.recorded.brCompressed ?? 'not compressed'}` : ''}):`,
  );
  for (const t of r.throughput.rows)
    out.push(
      `  ${t.case.padEnd(13)} API ${int(t.api.requestsPerSecond)}/s (p50 ${t.api.latencyP50} ms, p99 ${t.api.latencyP99} ms, errors ${t.api.errors})  bare ${int(t.bare.requestsPerSecond)}/s  ratio ${t.ratio.toFixed(2)}`,
    );
  out.push('', 'checks:');
  for (const c of r.checks) out.push(`  ${verdict(c.ok)}  ${c.name}: ${c.value}`);
  return out.join('\n');
}

export function renderMarkdown(r) {
  const { m, mem, cat, slowest } = lines(r);
  const o = r.opts;
  const date = r.machine.startedAt.slice(0, 10);
  const time = `${r.machine.startedAt.slice(11, 16)}–${r.finishedAt.slice(11, 16)} UTC`;
  const out = [];
  out.push(
    `## ${date}: load (issue 16) on ${o.db === 'postgresql' ? 'PostgreSQL' : 'SQLite'}, ${r.build.commit}${r.build.dirty ? ' + uncommitted work' : ''}${o.ci ? ' (CI variant)' : ''}`,
    '',
  );
  out.push(
    `\`npm run bench:load -- --db ${o.db} --size ${o.size} --rate ${o.rate} --duration ${o.duration}${o.reuse ? ' --reuse' : ''}${o.processes > 1 ? ` --processes ${o.processes}` : ''}${o.exclude ? ` --exclude ${o.exclude}` : ''}${o.ref ? ` --ref ${o.ref}` : ''}\`, ${time}. ` +
      `Build ${r.build.commit} («${r.build.subject}»)${r.build.dirty ? ' with uncommitted changes in apps/api or libs' : ''}, production bundle, NODE_ENV=production. ` +
      `Machine: ${r.machine.cores} × ${r.machine.cpu}, ${r.machine.ramGiB} GiB, Node ${r.machine.node}; load average at start ${r.machine.loadStart.join(' ')}, at the end ${r.machine.loadEnd.join(' ')}. ` +
      `Dataset: ${o.size} (${int(r.dataset.schools)} schools, ${int(r.dataset.activities)} activities, seed 42), a fresh copy for the run.`,
    '',
  );
  if (o.note) out.push(o.note, '');
  out.push(
    `**Mixed load**, ${o.rate} requests/s for ${o.duration} s after a ${o.warmup} s warm-up (open model: latency from each request's planned departure): ` +
      `${int(m.completed)} answered, achieved ${m.achievedRate.toFixed(1)}/s, at most ${m.maxInFlight} in flight${m.notSent ? `, ${int(m.notSent)} not sent (1,000 already in flight)` : ''}${m.timeouts ? `, ${int(m.timeouts)} timed out (10 s)` : ''}.`,
    '',
    '| requests | count | p50 | p95 | p99 | max | errors |',
    '|---|---:|---:|---:|---:|---:|---:|',
  );
  for (const [name, s] of [
    ['**all**', m.overall],
    ['private reads (70 %)', cat('private')],
    ['public widget (20 %)', cat('public')],
    ['writes (10 %)', cat('write')],
    ...slowest.map(([k, s]) => [`slowest: ${k}`, s]),
  ])
    out.push(
      `| ${name} | ${int(s.count)} | ${ms(s.p50)} ms | ${ms(s.p95)} ms | ${ms(s.p99)} ms | ${ms(s.max)} ms | ${int(s.errors)} |`,
    );
  out.push('');
  if (r.solo?.length)
    out.push(
      `Each kind alone before the load (median of 3, one at a time): ${r.solo.map((x) => `${x.name} ${ms(x.medianMs)}`).join(', ')} ms.`,
      '',
    );
  if (r.soloCpu?.length)
    out.push(
      `The API's CPU time per request (each kind ${r.soloCpu[0].count} times in a row, /proc/<pid>/stat): ${r.soloCpu.map((x) => `${x.name} ${x.cpuMs === null ? '—' : x.cpuMs.toFixed(1)}`).join(', ')} ms.`,
      '',
    );
  if (m.cpuMsPerRequest !== undefined)
    out.push(
      `The API's CPU time over the mixed load: ${m.cpuMsPerRequest.toFixed(2)} ms per answered request, ${(100 * m.cpuShare).toFixed(0)} % of one core.`,
      '',
    );
  if (m.bySecond?.length)
    out.push(
      `p95 by second of the measured minute (ms, by each request's planned departure): ${m.bySecond.map((b) => ms(b.p95)).join(' ')}.`,
      '',
    );
  if (m.errorCount)
    out.push(
      `Statuses ${JSON.stringify(m.statusCounts)}; first errors: ${m.errors
        .slice(0, 3)
        .map((e) => `\`${e.status} ${e.path.split('?')[0]}\``)
        .join(', ')}.`,
      '',
    );
  out.push(
    `Memory (VmRSS and V8 heap each second): RSS ${mb(mem.rssStart)} → ${mb(mem.rssEnd)} MB (peak of the process ${mb(r.peakRss)} MB), heap ${mb(mem.heapStart)} → ${mb(mem.heapEnd)} MB; ` +
      `over the last ${mem.lastSeconds} s RSS ${perMin(mem.rssSlopeLast)} (fitted change ${(mem.rssChangeLast / 2 ** 20).toFixed(1)} MB against noise ±${(mem.rssNoiseLast / 2 ** 20).toFixed(1)} MB), heap ${perMin(mem.heapSlopeLast)}; the heap left by a full collection ${mb(mem.gcHeapBefore)} MB before the load and ${mb(mem.gcHeapAfter)} MB after it: **${mem.flat ? 'flat' : 'growing'}**. ` +
      `Event loop delay: worst per-second p99 ${ms(mem.loopP99Max)} ms.`,
    '',
  );
  const t = r.throughput;
  out.push(
    `**Public organisation JSON, maximum throughput** (\`/api/v1/public/organisations/school-1\`, ${t.recorded.plainBytes} B, ${t.recorded.compressed ? `${t.recorded.gzipBytes} B with gzip` : 'not compressed'}${t.recorded.brCompressed ? `, ${t.recorded.brBytes} B with brotli` : ''}; autocannon, ${o.tpConnections} connections, ${o.tpSeconds} s a case for each server in ${t.rows[0]?.rounds ?? 1} alternating turns (API, bare, API, …), each server warmed ${o.tpWarm} s; the bare server is node:http answering the recorded bytes and headers):`,
    '',
    '| case | API req/s | API p50 / p99 | bare node:http req/s | ratio | API errors |',
    '|---|---:|---:|---:|---:|---:|',
  );
  for (const x of t.rows)
    out.push(
      `| ${x.case} | ${int(x.api.requestsPerSecond)} | ${x.api.latencyP50} / ${x.api.latencyP99} ms | ${int(x.bare.requestsPerSecond)} | ${x.ratio.toFixed(2)} | ${x.api.errors} |`,
    );
  out.push('', 'Targets: ' + r.checks.map((c) => `${c.name} — ${verdict(c.ok)} (${c.value})`).join('; ') + '.', '');
  out.push(
    `Notes: the load generator (one Node.js process: the open-model client and autocannon) runs on the same two cores as the API and, on PostgreSQL, the database, so every figure includes that contention; ${o.processes > 1 ? `the API is ${o.processes} Node.js processes on the one database, the mixed load's requests spread over them in turn (CPU figures are their sum, memory the first's; the throughput comparison is against the first alone)` : 'the API is one Node.js process'}. ` +
      'Public requests carry X-Forwarded-For from a pool of client addresses (SOCIUM_TRUST_PROXY_HOPS=1) so the per-address limit sees many clients, as behind a reverse proxy. ' +
      'The region-wide report (bench:reports) is not in the mix; reports are per school.',
    '',
  );
  return out.join('\n');
}
