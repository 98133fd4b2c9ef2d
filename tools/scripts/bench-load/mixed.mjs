// The mixed load: 70 % private reads, 20 % public widget requests, 10 % writes, sent at a fixed rate as an open
// model: request i leaves at start + i / rate whatever the server is doing (no waiting for earlier answers), and
// its latency is counted from that planned moment, so a stalled server cannot hide its queue by slowing the
// client down (no coordinated omission). autocannon's fixed rate sends each connection's share in a burst at the
// start of every second, which measures bursts rather than a steady 200 requests/s; it serves the throughput
// runs (throughput.mjs) instead.
import { makeClient } from './http.mjs';
import { ADMIN } from './server.mjs';
import { latencySummary } from './stats.mjs';

export const CATEGORY_SHARES = { private: 0.7, public: 0.2, write: 0.1 };
const YEAR = '2025-2026';
const REPORT_PERIOD = '2024-2025';
const SCHOOL_ADMINS = 10;

/** mulberry32: a small deterministic PRNG, so two runs send the same sequence of requests. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` distinct client addresses (10.x.y.z) for X-Forwarded-For. */
export const clientAddresses = (count) =>
  Array.from({ length: count }, (_, i) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);

async function must(res, what) {
  if (res.status >= 400) throw new Error(`${what}: ${res.status} ${res.body.toString('utf8').slice(0, 300)}`);
  return res.json;
}

/** Logs in, creates the school administrators and collects what the requests need (ids, versions). */
export async function setupActors(base, { schools, runTag, log }) {
  const c = makeClient(base, { maxSockets: 8 });
  const login = async (email, password) =>
    (await must(await c.json('POST', '/api/v1/auth/login', { body: { email, password } }), `log-in ${email}`))
      .accessToken;
  const coordinator = { token: await login(ADMIN.email, ADMIN.password) };
  const auth = (t) => ({ authorization: `Bearer ${t}` });
  const directions = (
    await must(await c.json('GET', '/api/v1/directions?limit=100', { headers: auth(coordinator.token) }), 'directions')
  ).items;
  const schoolsPage = [];
  for (let offset = 0; offset < Math.min(schools, 200); offset += 100)
    schoolsPage.push(
      ...(
        await must(
          await c.json('GET', `/api/v1/organisations?kind=school&limit=100&offset=${offset}`, {
            headers: auth(coordinator.token),
          }),
          'schools',
        )
      ).items,
    );
  if (schoolsPage.length === 0) throw new Error('no schools in the dataset');
  const admins = [];
  for (let i = 0; i < Math.min(SCHOOL_ADMINS, schoolsPage.length); i++) {
    const school = schoolsPage[i];
    const email = `bench-sa-${runTag}-${i}@example.org`;
    const password = 'bench-school-admin-123';
    await must(
      await c.json('POST', '/api/v1/users', {
        headers: auth(coordinator.token),
        body: { email, name: `Администратор ${i}`, role: 'school_admin', organisationId: school.id, password },
      }),
      'create a school administrator',
    );
    const token = await login(email, password);
    const plans = (
      await must(
        await c.json('GET', `/api/v1/plans?organisationId=${school.id}&academicYear=${YEAR}`, { headers: auth(token) }),
        'plans',
      )
    ).items;
    const activities = (
      await must(
        await c.json('GET', `/api/v1/activities?academicYear=${YEAR}&limit=100`, { headers: auth(token) }),
        'activities',
      )
    ).items;
    admins.push({
      token,
      school,
      planId: plans[0]?.id,
      activities: activities.map((a) => ({ id: a.id, version: a.version, busy: false })),
      form: activities[0]?.form,
    });
  }
  c.close();
  log(`   actors: 1 coordinator, ${admins.length} school administrators; ${schoolsPage.length} schools to edit`);
  return {
    coordinator,
    admins,
    directions: directions.map((d) => d.id),
    editableSchools: schoolsPage.slice(admins.length).map((s) => ({ id: s.id, version: s.version, busy: false })),
    newOrgs: [],
    draftPlans: [],
  };
}

/** Every kind of request of the mix, with its category and weight inside the category. */
export function requestKinds({ schools, actors, rand, addresses, runTag }) {
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const coord = () => ({ authorization: `Bearer ${actors.coordinator.token}` });
  const admin = () => pick(actors.admins);
  const bearer = (a) => ({ authorization: `Bearer ${a.token}` });
  const partners = Math.max(5, schools * 10);
  const slug = () => (rand() < 0.8 ? `school-${int(1, schools)}` : `partner-${int(1, partners)}`);
  const school = () =>
    pick(actors.editableSchools.length ? actors.editableSchools : actors.admins.map((a) => a.school));
  const xff = () => ({ 'x-forwarded-for': pick(addresses) });
  let n = 0;
  // An object whose write timed out may have been saved after all, under a version the client never saw: it is
  // left alone from then on, so that no 409 comes from the benchmark's own ignorance.
  const free = (xs) => {
    const f = xs.filter((x) => !x.busy && !x.lost);
    return f.length ? pick(f) : null;
  };
  const kinds = [
    // private reads: the coordinator
    {
      cat: 'private',
      name: 'coord: organisations search',
      w: 1,
      make: () => ({
        method: 'GET',
        path: `/api/v1/organisations?q=${encodeURIComponent(`Школа ${int(1, schools)}`)}&limit=20`,
        headers: coord(),
      }),
    },
    {
      cat: 'private',
      name: 'coord: schools page',
      w: 1,
      make: () => ({
        method: 'GET',
        path: `/api/v1/organisations?kind=school&limit=20&offset=${int(0, Math.max(0, schools - 20))}`,
        headers: coord(),
      }),
    },
    {
      cat: 'private',
      name: 'coord: agreements page',
      w: 1,
      make: () => ({
        method: 'GET',
        path: `/api/v1/agreements?limit=20&offset=${int(0, Math.max(0, 3 * schools - 20))}`,
        headers: coord(),
      }),
    },
    {
      cat: 'private',
      name: 'coord: agreements of a school',
      w: 1,
      make: () => ({ method: 'GET', path: `/api/v1/agreements?schoolId=${school().id}`, headers: coord() }),
    },
    {
      cat: 'private',
      name: 'coord: plans page',
      w: 1,
      make: () => ({
        method: 'GET',
        path: `/api/v1/plans?academicYear=${REPORT_PERIOD}&limit=20&offset=${int(0, Math.max(0, schools - 20))}`,
        headers: coord(),
      }),
    },
    {
      cat: 'private',
      name: 'coord: activities of a school',
      w: 1,
      make: () => ({
        method: 'GET',
        path: `/api/v1/activities?organisationId=${school().id}&academicYear=${YEAR}&limit=20&offset=${int(0, 40)}`,
        headers: coord(),
      }),
    },
    {
      cat: 'private',
      name: 'coord: activities search',
      w: 1,
      make: () => ({
        method: 'GET',
        path: `/api/v1/activities?q=${encodeURIComponent(`Мероприятие ${int(0, 66)}`)}&academicYear=${YEAR}&limit=20`,
        headers: coord(),
      }),
    },
    {
      cat: 'private',
      name: 'coord: report of a school',
      w: 1,
      make: () => ({
        method: 'GET',
        path: `/api/v1/reports/summary?period=${REPORT_PERIOD}&organisationId=${school().id}`,
        headers: coord(),
      }),
    },
    // private reads: school administrators
    {
      cat: 'private',
      name: 'school: activities page',
      w: 1.5,
      make: () => ({
        method: 'GET',
        path: `/api/v1/activities?academicYear=${YEAR}&limit=20&offset=${int(0, 47)}`,
        headers: bearer(admin()),
      }),
    },
    {
      cat: 'private',
      name: 'school: activities search',
      w: 1,
      make: () => ({
        method: 'GET',
        path: `/api/v1/activities?q=${encodeURIComponent(`Мероприятие ${int(0, 66)}`)}&limit=20`,
        headers: bearer(admin()),
      }),
    },
    {
      cat: 'private',
      name: 'school: plans',
      w: 1,
      make: () => ({ method: 'GET', path: '/api/v1/plans?limit=20', headers: bearer(admin()) }),
    },
    {
      cat: 'private',
      name: 'school: agreements',
      w: 1,
      make: () => ({ method: 'GET', path: '/api/v1/agreements?limit=20', headers: bearer(admin()) }),
    },
    {
      cat: 'private',
      name: 'school: partners search',
      w: 1,
      make: () => ({
        method: 'GET',
        path: `/api/v1/organisations?kind=partner&q=${encodeURIComponent(`Партнёр ${int(1, partners)}`)}&limit=20`,
        headers: bearer(admin()),
      }),
    },
    {
      cat: 'private',
      name: 'school: own report',
      w: 1,
      make: () => ({
        method: 'GET',
        path: `/api/v1/reports/summary?period=${REPORT_PERIOD}`,
        headers: bearer(admin()),
      }),
    },
    // public widget requests, many client addresses
    {
      cat: 'public',
      name: 'public: organisation JSON',
      w: 2,
      make: () => ({ method: 'GET', path: `/api/v1/public/organisations/${slug()}`, headers: xff() }),
    },
    {
      cat: 'public',
      name: 'public: embed HTML',
      w: 1,
      make: () => ({ method: 'GET', path: `/embed/${slug()}`, headers: xff() }),
    },
    {
      cat: 'public',
      name: 'public: events.ics',
      w: 1,
      make: () => ({ method: 'GET', path: `/api/v1/public/organisations/${slug()}/events.ics`, headers: xff() }),
    },
    // writes, with the versions last seen; an object being written is not picked again until answered
    {
      cat: 'write',
      name: 'write: create activity',
      w: 3,
      make: () => {
        const a = admin();
        if (!a.planId) return null;
        return {
          method: 'POST',
          path: `/api/v1/plans/${a.planId}/activities`,
          headers: bearer(a),
          body: {
            title: `Нагрузочное мероприятие ${runTag}-${++n}`,
            directionId: pick(actors.directions),
            form: a.form,
            startsOn: `2026-0${int(1, 5)}-${String(int(10, 28))}`,
            targetGrades: [int(6, 11)],
            plannedParticipants: int(5, 60),
            hours: 2,
            isPublic: true,
          },
          done: (res) =>
            res.status === 201 && a.activities.push({ id: res.json.id, version: res.json.version, busy: false }),
        };
      },
    },
    {
      cat: 'write',
      name: 'write: patch activity',
      w: 3,
      make: () => {
        const a = admin();
        const act = free(a.activities);
        if (!act) return null;
        act.busy = true;
        return {
          method: 'PATCH',
          path: `/api/v1/activities/${act.id}`,
          headers: bearer(a),
          body: { version: act.version, plannedParticipants: int(5, 60) },
          done: (res) => {
            if (res.json?.version) act.version = res.json.version;
            else if (res.json?.currentVersion) act.version = res.json.currentVersion;
            else if (res.status === 0) act.lost = true;
            act.busy = false;
          },
        };
      },
    },
    {
      cat: 'write',
      name: 'write: patch organisation',
      w: 1.5,
      make: () => {
        const o = free(actors.editableSchools);
        if (!o) return null;
        o.busy = true;
        return {
          method: 'PATCH',
          path: `/api/v1/organisations/${o.id}`,
          headers: coord(),
          body: { version: o.version, address: `ул. Нагрузочная, ${++n}` },
          done: (res) => {
            if (res.json?.version) o.version = res.json.version;
            else if (res.json?.currentVersion) o.version = res.json.currentVersion;
            else if (res.status === 0) o.lost = true;
            o.busy = false;
          },
        };
      },
    },
    {
      cat: 'write',
      name: 'write: create organisation',
      w: 1,
      make: () => {
        const k = ++n;
        return {
          method: 'POST',
          path: '/api/v1/organisations',
          headers: coord(),
          body: {
            kind: 'school',
            name: `Нагрузочная школа ${runTag}-${k}`,
            shortName: `Нагр. школа ${k}`,
            slug: `load-${runTag}-${k}`,
            isPublished: true,
          },
          done: (res) => res.status === 201 && actors.newOrgs.push({ id: res.json.id, busy: false, planned: false }),
        };
      },
    },
    {
      cat: 'write',
      name: 'write: create plan',
      w: 1,
      make: () => {
        const o = actors.newOrgs.find((x) => !x.planned && !x.busy);
        if (!o) return null;
        o.busy = true;
        return {
          method: 'POST',
          path: '/api/v1/plans',
          headers: coord(),
          body: { organisationId: o.id, academicYear: YEAR, title: 'План нагрузки' },
          done: (res) => {
            o.busy = false;
            o.planned = true;
            if (res.status === 201) actors.draftPlans.push({ id: res.json.id, version: res.json.version, busy: false });
          },
        };
      },
    },
    {
      cat: 'write',
      name: 'write: patch plan',
      w: 0.5,
      make: () => {
        const p = free(actors.draftPlans);
        if (!p) return null;
        p.busy = true;
        return {
          method: 'PATCH',
          path: `/api/v1/plans/${p.id}`,
          headers: coord(),
          body: { version: p.version, title: `План нагрузки ${++n}` },
          done: (res) => {
            if (res.json?.version) p.version = res.json.version;
            else if (res.json?.currentVersion) p.version = res.json.currentVersion;
            else if (res.status === 0) p.lost = true;
            p.busy = false;
          },
        };
      },
    },
  ];
  return kinds;
}

/** Picks a request: a category by its share, a kind by weight; a kind with nothing to act on falls back to another. */
export function makePicker(kinds, rand) {
  const byCat = {};
  for (const k of kinds) (byCat[k.cat] ??= []).push(k);
  return () => {
    const r = rand();
    const cat =
      r < CATEGORY_SHARES.private
        ? 'private'
        : r < CATEGORY_SHARES.private + CATEGORY_SHARES.public
          ? 'public'
          : 'write';
    const list = byCat[cat];
    const total = list.reduce((a, k) => a + k.w, 0);
    let x = rand() * total;
    let i = list.findIndex((k) => (x -= k.w) < 0);
    if (i < 0) i = list.length - 1;
    for (let j = 0; j < list.length; j++) {
      const k = list[(i + j) % list.length];
      const req = k.make();
      if (req) return { kind: k, req };
    }
    throw new Error(`no request of category ${cat} can be made`);
  };
}

const okStatus = (s) => s >= 200 && s < 400;

/** Each kind once, one at a time (`rounds` times): the latency of a request on an idle server. */
export async function soloLatencies(base, kinds, rounds = 3) {
  const c = makeClient(base, { maxSockets: 1 });
  const rows = [];
  for (const k of kinds) {
    const times = [];
    let status = 0;
    for (let i = 0; i < rounds; i++) {
      const req = k.make();
      if (!req) break;
      const t = performance.now();
      const res = await c.json(req.method, req.path, { headers: req.headers, body: req.body });
      times.push(performance.now() - t);
      status = res.status;
      req.done?.(res);
    }
    times.sort((a, b) => a - b);
    rows.push({ name: k.name, cat: k.cat, medianMs: times[Math.floor(times.length / 2)], status });
  }
  c.close();
  return rows;
}

/**
 * The API's CPU time per request of each kind: `count` requests of the kind one after another, the process's CPU
 * time (`cpuMs()`) read before and after. On a shared machine this is steadier than latency, which includes the
 * time the API waited for a core.
 */
export async function soloCpu(base, kinds, cpuMs, count = 40) {
  const c = makeClient(base, { maxSockets: 1 });
  const rows = [];
  for (const k of kinds) {
    let n = 0;
    const before = cpuMs();
    for (let i = 0; i < count; i++) {
      const req = k.make();
      if (!req) break;
      const res = await c.json(req.method, req.path, { headers: req.headers, body: req.body });
      req.done?.(res);
      n++;
    }
    rows.push({ name: k.name, cat: k.cat, cpuMs: n ? (cpuMs() - before) / n : null, count: n });
  }
  c.close();
  return rows;
}

/**
 * Sends `rate` requests a second for `seconds`, chosen by `pick`. Returns the latencies (from each request's
 * planned departure to the end of its answer) by category and kind, the errors and the achieved rate.
 */
export async function runOpenLoad(
  base,
  { pick, rate, seconds, timeoutMs = 10_000, maxInFlight: cap = 1000, onProgress },
) {
  // one base, or several API processes on one database: the requests go to each in turn, as from a proxy
  const clients = [base].flat().map((b) => makeClient(b, { maxSockets: 512, timeoutMs }));
  let turn = 0;
  const c = {
    json: (...a) => clients[turn++ % clients.length].json(...a),
    close: () => clients.forEach((x) => x.close()),
  };
  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const results = [];
  const errors = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let maxLagMs = 0;
  const startWall = Date.now();
  const t0 = performance.now() + 20;
  let sent = 0;
  let done = 0;
  let finish;
  const finished = new Promise((r) => (finish = r));
  const fire = (planned) => {
    const { kind, req } = pick();
    if (inFlight >= cap) {
      // The server is this far behind: the request is not sent and counts as an error, so that an overloaded
      // server ends the run in its planned time instead of queueing without bound.
      req.done?.({ status: 0, json: null });
      done++;
      results.push({ cat: kind.cat, name: kind.name, latency: timeoutMs, status: -1, end: performance.now() });
      if (errors.length < 2000)
        errors.push({ name: kind.name, path: req.path, status: -1, error: `not sent: ${cap} in flight` });
      if (done === total) finish();
      return;
    }
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    maxLagMs = Math.max(maxLagMs, performance.now() - planned);
    const record = (status, res, error) => {
      const end = performance.now();
      inFlight--;
      done++;
      const latency = end - planned;
      results.push({ cat: kind.cat, name: kind.name, latency, status, end });
      if (!okStatus(status) && errors.length < 2000)
        errors.push({
          name: kind.name,
          path: req.path,
          status,
          error: error ?? res?.body?.toString('utf8').slice(0, 200),
        });
      if (done === total) finish();
    };
    c.json(req.method, req.path, { headers: req.headers, body: req.body }).then(
      (res) => {
        try {
          req.done?.(res);
        } finally {
          record(res.status, res);
        }
      },
      (e) => {
        try {
          req.done?.({ status: 0, json: null });
        } finally {
          record(0, null, e.message);
        }
      },
    );
  };
  let lastReport = 0;
  await new Promise((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (sent < total && t0 + sent * interval <= now) fire(t0 + sent++ * interval);
      if (onProgress && now - lastReport >= 10_000) {
        lastReport = now;
        onProgress({ sent, done, inFlight, seconds: (now - t0) / 1000 });
      }
      if (sent < total) setTimeout(tick, Math.max(0, Math.min(4, t0 + sent * interval - now)));
      else resolve();
    };
    tick();
  });
  await finished;
  c.close();
  const lastEnd = Math.max(...results.map((r) => r.end));
  const elapsed = (lastEnd - t0) / 1000;
  const summarize = (rs) => ({
    ...latencySummary(rs.map((r) => r.latency)),
    errors: rs.filter((r) => !okStatus(r.status)).length,
  });
  const groups = (key) => {
    const m = new Map();
    for (const r of results) {
      if (!m.has(r[key])) m.set(r[key], []);
      m.get(r[key]).push(r);
    }
    return Object.fromEntries([...m].map(([k, rs]) => [k, summarize(rs)]));
  };
  const statusCounts = {};
  for (const r of results) statusCounts[r.status] = (statusCounts[r.status] ?? 0) + 1;
  // latency by the second of each request's planned departure: where in the run the slow answers were
  const perSecond = [];
  for (const r of results) {
    const s = Math.max(0, Math.floor((r.end - r.latency - t0) / 1000));
    (perSecond[s] ??= []).push(r);
  }
  const bySecond = perSecond.map((rs, s) => ({ s, ...summarize(rs ?? []) }));
  return {
    startWall,
    endWall: startWall + (lastEnd - t0 + 20),
    rate,
    seconds,
    sent: total,
    completed: results.filter((r) => r.status > 0).length,
    achievedRate: results.filter((r) => r.status > 0).length / Math.max(seconds, elapsed),
    elapsed,
    overall: summarize(results),
    byCategory: groups('cat'),
    byKind: groups('name'),
    bySecond,
    statusCounts,
    errors,
    timeouts: results.filter((r) => r.status === 0).length,
    notSent: results.filter((r) => r.status === -1).length,
    maxInFlight,
    maxLagMs,
  };
}

/** Waits until the server answers /health/ready within `fastMs` three times in a row (its queue is drained). */
export async function waitUntilIdle(base, { fastMs = 100, maxSeconds = 180 } = {}) {
  const c = makeClient(base, { maxSockets: 1, timeoutMs: 30_000 });
  const start = performance.now();
  let fast = 0;
  try {
    while (fast < 3 && performance.now() - start < maxSeconds * 1000) {
      const t = performance.now();
      try {
        await c.request('GET', '/health/ready');
      } catch {
        /* busy */
      }
      fast = performance.now() - t <= fastMs ? fast + 1 : 0;
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    c.close();
  }
  return (performance.now() - start) / 1000;
}
