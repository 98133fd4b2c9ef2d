// Two API processes on one PostgreSQL database, as a district behind a proxy would run them: they start together on
// an empty database, and then share what must be shared — log-in throttling, the public rate limit, versions,
// Idempotency-Key and the public cache's invalidation — because all of it is kept in the database.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { openDb } from '../scripts/db-tools.mjs';
import { buildApi, DEMO_ACCOUNTS, startApi } from './api-process.mjs';
import { database, postgresAvailable } from './targets.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const PAGE = '/api/v1/public/organisations/urussu-gymnasium';
const LIMIT = 12;
const SYNC_MS = 50;
const ENV = {
  SOCIUM_PUBLIC_RATE_LIMIT: String(LIMIT),
  SOCIUM_PUBLIC_SYNC_MS: String(SYNC_MS),
  SOCIUM_TRUST_PROXY_HOPS: '1',
  SOCIUM_LOGIN_MAX_FAILURES: '5',
};

const pg = await postgresAvailable();

describe('two API processes on one PostgreSQL database', { skip: pg ? false : 'PostgreSQL not reachable' }, () => {
  const db = database('postgresql', 'instances');
  let a;
  let b;
  let token;
  const one = async (sql, params) => {
    const c = await openDb(db.target);
    try {
      return await c.all(sql, params);
    } finally {
      await c.close();
    }
  };

  before(async () => {
    await buildApi();
    await db.reset();
    // started at the same moment on an empty database: one migrates and seeds, the other waits and finds it done
    [a, b] = await Promise.all([
      startApi({ databaseUrl: db.url, env: ENV }),
      startApi({ databaseUrl: db.url, env: ENV }),
    ]);
    token = await a.login(DEMO_ACCOUNTS.coordinator);
  });
  after(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  test('start together on an empty database: migrations run once and the demo data is there once', async () => {
    const migrations = await one('select count(*)::int as n from mikro_orm_migrations');
    const names = await one('select count(distinct name)::int as n from mikro_orm_migrations');
    assert.equal(migrations[0].n, names[0].n);
    const coordinators = await one('select count(*)::int as n from app_user where email = $1', [
      DEMO_ACCOUNTS.coordinator.email,
    ]);
    assert.equal(coordinators[0].n, 1);
    for (const api of [a, b]) assert.equal((await api.request('GET', '/health/ready')).status, 200);
  });

  test('a token issued by one process is accepted by the other', async () => {
    const res = await b.request('GET', '/api/v1/organisations?limit=1', { token });
    assert.equal(res.status, 200);
  });

  test('share log-in throttling: five failures spread over both lock the e-mail on either', async () => {
    const { email, password } = DEMO_ACCOUNTS.partner_rep;
    const statuses = [];
    for (let i = 0; i < 6; i++) {
      const api = i % 2 ? b : a;
      const res = await api.request('POST', '/api/v1/auth/login', {
        body: { email, password: 'wrong-password-1' },
        headers: { 'x-forwarded-for': `10.2.0.${i}` },
      });
      statuses.push(res.status);
    }
    assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429]);
    const right = await b.request('POST', '/api/v1/auth/login', {
      body: { email, password },
      headers: { 'x-forwarded-for': '10.2.0.99' },
    });
    assert.equal(right.status, 429);
  });

  test('share 40 parallel wrong passwords: at most five reach the password check', async () => {
    const { email } = DEMO_ACCOUNTS.school_admin;
    const all = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 ? b : a).request('POST', '/api/v1/auth/login', {
          body: { email, password: 'wrong-password-2' },
          headers: { 'x-forwarded-for': `10.3.${i}.1` },
        }),
      ),
    );
    const counts = all.reduce((m, r) => ({ ...m, [r.status]: (m[r.status] ?? 0) + 1 }), {});
    assert.ok((counts[401] ?? 0) <= 5, JSON.stringify(counts));
    assert.equal((counts[401] ?? 0) + (counts[429] ?? 0), 40, JSON.stringify(counts));
  });

  test('share the public rate limit: a client alternating between them gets the limit once', async () => {
    const into = Date.now() % 60_000; // windows are the clock's minutes: start well inside one
    if (into > 50_000) await sleep(60_000 - into + 100);
    const statuses = [];
    for (let i = 0; i < LIMIT + 6; i++) {
      statuses.push(
        (await (i % 2 ? b : a).request('GET', PAGE, { headers: { 'x-forwarded-for': '10.4.0.1' } })).status,
      );
      await sleep(SYNC_MS * 3); // each process's batch reaches the database before the next request
    }
    assert.equal(statuses.filter((s) => s === 200).length, LIMIT, statuses.join(','));
    assert.deepEqual(statuses.slice(LIMIT), Array(6).fill(429));
  });

  test('share versions: in each of 10 rounds of simultaneous edits through both, one wins and one gets 409', async () => {
    const list = await a.request('GET', '/api/v1/directions?limit=1', { token });
    const id = list.body.items[0].id;
    let version = list.body.items[0].version;
    for (let round = 0; round < 10; round++) {
      const [x, y] = await Promise.all(
        [a, b].map((api, k) =>
          api.request('PATCH', `/api/v1/directions/${id}`, {
            token,
            body: { version, name: `Направление ${round}-${k}` },
          }),
        ),
      );
      assert.deepEqual([x.status, y.status].sort(), [200, 409], `round ${round}: ${x.status} ${y.status}`);
      const winner = x.status === 200 ? x : y;
      const loser = x.status === 200 ? y : x;
      assert.equal(loser.body.rule, 'version.stale');
      assert.equal(winner.body.version, version + 1);
      version = winner.body.version;
    }
    const stored = await b.request('GET', `/api/v1/directions/${id}`, { token });
    assert.equal(stored.body.version, version);
  });

  test('share Idempotency-Key: the same create sent to both at once makes one record', async () => {
    const key = `two-instances-${Date.now()}`;
    const body = { code: `two_${Date.now() % 1e6}`, name: 'Направление двух процессов' };
    const answers = await Promise.all(
      [a, b].map((api) =>
        api.request('POST', '/api/v1/directions', { token, body, headers: { 'idempotency-key': key } }),
      ),
    );
    const statuses = answers.map((r) => r.status).sort();
    assert.ok(
      JSON.stringify(statuses) === '[201,201]' || JSON.stringify(statuses) === '[201,409]',
      `answers ${statuses}`,
    );
    const made = await one('select count(*)::int as n from direction where code = $1', [body.code]);
    assert.equal(made[0].n, 1);
    const again = await b.request('POST', '/api/v1/directions', { token, body, headers: { 'idempotency-key': key } });
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
  });

  test("a write through one process reaches the other one's cached public page within the sync interval", async () => {
    const read = (api) => api.request('GET', PAGE, { headers: { 'x-forwarded-for': '10.5.0.1' } });
    const before = await read(b);
    assert.equal(before.status, 200);
    const orgs = await a.request('GET', '/api/v1/organisations?limit=100', { token });
    const org = orgs.body.items.find((o) => o.slug === 'urussu-gymnasium');
    const address = `пгт Уруссу, ул. Процессов, ${Date.now() % 1000}`;
    const patched = await a.request('PATCH', `/api/v1/organisations/${org.id}`, {
      token,
      body: { version: org.version, address },
    });
    assert.equal(patched.status, 200);
    await sleep(SYNC_MS * 4);
    const after = await read(b);
    assert.equal(after.body.address, address);
    assert.notEqual(after.headers.get('etag'), before.headers.get('etag'));
  });

  test('one process killed with kill -9 leaves the other serving reads and writes', async () => {
    await a.kill();
    const list = await b.request('GET', '/api/v1/directions?limit=1', { token });
    assert.equal(list.status, 200);
    const d = list.body.items[0];
    const res = await b.request('PATCH', `/api/v1/directions/${d.id}`, {
      token,
      body: { version: d.version, name: 'После остановки соседа' },
    });
    assert.equal(res.status, 200);
  });
});
