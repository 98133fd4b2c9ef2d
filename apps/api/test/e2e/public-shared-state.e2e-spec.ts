import { mkdtempSync, rmSync } from 'node:fs';
import { IncomingHttpHeaders, request, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

import { DEMO_ACCOUNTS } from '../../src/app/db/demo-seed';
import { PublicCacheService } from '../../src/app/publication/public-cache.service';
import { publicPageKey } from '../../src/app/publication/public-http';
import { bootApp, joinApp, sharedDatabase, TestApp } from './harness';

const PAGE = '/api/v1/public/organisations/urussu-gymnasium';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const SHARED = {
  SOCIUM_PUBLIC_RATE_LIMIT: '10',
  SOCIUM_PUBLIC_SYNC_MS: '20',
  SOCIUM_TRUST_PROXY_HOPS: '1',
  SOCIUM_LOGIN_MAX_FAILURES: '5',
};

/** The answer as sent over the wire: status, headers and the raw bytes (HTTP clients would inflate gzip). */
async function onWire(
  t: TestApp,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  const server = t.app.getHttpServer() as Server;
  if (!server.listening) await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: encodeURI(path), headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('Public pages served from memory, compressed, and limited per client', () => {
  let t: TestApp;
  beforeAll(async () => (t = await bootApp({ SOCIUM_PUBLIC_RATE_LIMIT: '5', SOCIUM_TRUST_PROXY_HOPS: '1' })));
  afterAll(() => t.close());

  it('sends gzip to a client that asks for it and the same bytes plain to one that does not, under one ETag', async () => {
    const zipped = await onWire(t, PAGE, { 'X-Forwarded-For': '10.0.0.1', 'Accept-Encoding': 'gzip, deflate' });
    const plain = await onWire(t, PAGE, { 'X-Forwarded-For': '10.0.0.1' });
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
    expect(zipped.body.length).toBeLessThan(plain.body.length / 2);
    expect(zipped.headers['etag']).toBe(plain.headers['etag']);
    expect(zipped.headers['vary']).toContain('Accept-Encoding');
  });

  it('sends brotli, smaller than gzip, to a client that accepts both, under the same ETag', async () => {
    const headers = { 'X-Forwarded-For': '10.0.0.9' };
    const brotli = await onWire(t, PAGE, { ...headers, 'Accept-Encoding': 'gzip, deflate, br' });
    const zipped = await onWire(t, PAGE, { ...headers, 'Accept-Encoding': 'gzip' });
    const plain = await onWire(t, PAGE, headers);
    expect(brotli.status).toBe(200);
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(brotli.body).equals(plain.body)).toBe(true);
    expect(brotli.body.length).toBeLessThan(zipped.body.length);
    expect(brotli.headers['etag']).toBe(plain.headers['etag']);
    expect(brotli.headers['vary']).toContain('Accept-Encoding');
  });

  it('answers 304 to a matching If-None-Match from the cache', async () => {
    const first = await t.http.get(PAGE).set('X-Forwarded-For', '10.0.0.2');
    const again = await t.http
      .get(PAGE)
      .set('X-Forwarded-For', '10.0.0.2')
      .set('If-None-Match', first.headers['etag'] as string);
    expect(again.status).toBe(304);
  });

  it('refuses a client over the limit with 429 and Retry-After while another client still gets its page', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await t.http.get(PAGE).set('X-Forwarded-For', '10.0.0.3')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const refused = await t.http.get(`${PAGE}/events.ics`).set('X-Forwarded-For', '10.0.0.3');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body.rule).toBe('public.rate-limited');
    expect((await t.http.get(PAGE).set('X-Forwarded-For', '10.0.0.4')).status).toBe(200);
  });

  it('keeps no client address in the database, only digests', async () => {
    await sleep(1100); // the default sync interval
    const rows = await t.orm.em.getConnection().execute<{ bucket: string }[]>('select bucket from public_rate_limit');
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.bucket).toMatch(/^[0-9a-f]{64}$/);
  });

  it('compresses private JSON answers of 1 KB and more too', async () => {
    const token = await t.as('coordinator');
    const list = await onWire(t, '/api/v1/organisations?limit=100', {
      Authorization: `Bearer ${token}`,
      'Accept-Encoding': 'gzip',
    });
    expect(list.status).toBe(200);
    expect(list.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(list.body).toString('utf8')).items.length).toBeGreaterThan(5);
  });
});

describe('Two API instances on one database', () => {
  let dir: string;
  let a: TestApp;
  let b: TestApp;
  const coordinator = DEMO_ACCOUNTS.find((x) => x.role === 'coordinator');
  const partner = DEMO_ACCOUNTS.find((x) => x.role === 'partner_rep');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'socium-two-'));
    const database = sharedDatabase(join(dir, 'shared.sqlite'));
    a = await bootApp({ ...SHARED, DATABASE_URL: database });
    b = await joinApp(database, SHARED);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('share the public limit: a client alternating between them gets the limit once, not twice', async () => {
    // the windows are the clock's minutes: start well inside one
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 50_000) await sleep(60_000 - intoMinute + 100);
    const counted = async () =>
      Number(
        (
          await a.orm.em
            .getConnection()
            .execute<{ n: number | string | null }[]>('select sum(hits) as n from public_rate_limit')
        )[0]?.n ?? 0,
      );
    const start = await counted();
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) {
      statuses.push((await (i % 2 ? b : a).http.get(PAGE).set('X-Forwarded-For', '10.1.0.1')).status);
      // each instance's batch reaches the database within the sync interval (waited for, however busy the machine)
      for (let w = 0; w < 200 && (await counted()) < start + i + 1; w++) await sleep(10);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    expect(statuses.slice(10)).toEqual([429, 429, 429, 429]);
  });

  it('share log-in throttling: five failures spread over both instances lock the e-mail on either', async () => {
    const email = partner?.email as string;
    const fail = (app: TestApp, i: number) =>
      app.http
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', `10.1.1.${i}`)
        .send({ email, password: 'wrong-password-1' });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await fail(i % 2 ? b : a, i)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const right = await a.http
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', '10.1.1.99')
      .send({ email, password: partner?.password });
    expect(right.status).toBe(429);
  });

  it('share versions: an edit through one instance makes the same version stale on the other', async () => {
    const token = await b.login(coordinator?.email as string, coordinator?.password as string);
    const auth = { Authorization: `Bearer ${token}` };
    const me = await a.http.get('/api/v1/organisations?limit=1').set(auth);
    const org = me.body.items[0] as { id: string; version: number };
    const first = await a.http
      .patch(`/api/v1/organisations/${org.id}`)
      .set(auth)
      .send({ version: org.version, address: 'ул. Первая, 1' });
    const second = await b.http
      .patch(`/api/v1/organisations/${org.id}`)
      .set(auth)
      .send({ version: org.version, address: 'ул. Вторая, 2' });
    expect([first.status, second.status]).toEqual([200, 409]);
    expect(second.body.rule).toBe('version.stale');
  });

  it('drop the cached public page on the other instance within the sync interval after a write', async () => {
    const read = (app: TestApp) => app.http.get(PAGE).set('X-Forwarded-For', '10.1.2.1');
    const before = await read(b);
    expect(before.status).toBe(200);
    const token = await a.login(coordinator?.email as string, coordinator?.password as string);
    const auth = { Authorization: `Bearer ${token}` };
    const found = await a.http.get('/api/v1/organisations?q=Уруссинская гимназия&limit=5').set(auth);
    const org = (found.body.items as { id: string; slug: string; version: number }[]).find(
      (o) => o.slug === 'urussu-gymnasium',
    );
    expect(org).toBeDefined();
    const patched = await a.http
      .patch(`/api/v1/organisations/${org?.id}`)
      .set(auth)
      .send({ version: org?.version, address: 'пгт Уруссу, ул. Новая, 1' });
    expect(patched.status).toBe(200);
    await sleep(80);
    const after = await read(b);
    expect(after.body.address).toBe('пгт Уруссу, ул. Новая, 1');
    expect(after.headers['etag']).not.toBe(before.headers['etag']);
  });

  it("keep other schools' cached pages on both instances after a write to one school, and drop the district's", async () => {
    const pages = ['urussu-gymnasium', 'yutaza-school', 'otdel-obrazovaniya'];
    const key = (slug: string) => publicPageKey('json', slug, 'ru');
    const read = (app: TestApp, slug: string) =>
      app.http.get(`/api/v1/public/organisations/${slug}`).set('X-Forwarded-For', '10.1.3.1');
    for (const app of [a, b]) for (const slug of pages) expect((await read(app, slug)).status).toBe(200);
    const cached = (app: TestApp, slug: string) => app.app.get(PublicCacheService).holds(key(slug));
    expect(pages.map((slug) => [cached(a, slug), cached(b, slug)])).toEqual(pages.map(() => [true, true]));

    const token = await a.login(coordinator?.email as string, coordinator?.password as string);
    const auth = { Authorization: `Bearer ${token}` };
    const found = await a.http.get('/api/v1/organisations?q=Уруссинская гимназия&limit=5').set(auth);
    const org = (found.body.items as { id: string; slug: string; version: number }[]).find(
      (o) => o.slug === 'urussu-gymnasium',
    );
    const patched = await a.http
      .patch(`/api/v1/organisations/${org?.id}`)
      .set(auth)
      .send({ version: org?.version, address: 'пгт Уруссу, ул. Новая, 2' });
    expect(patched.status).toBe(200);
    // the writing instance at once, the other at its first look after the sync interval
    expect([cached(a, 'urussu-gymnasium'), cached(a, 'yutaza-school'), cached(a, 'otdel-obrazovaniya')]).toEqual([
      false,
      true,
      false,
    ]);
    await sleep(80);
    expect((await read(b, 'karakashly-school')).status).toBe(200);
    expect([cached(b, 'urussu-gymnasium'), cached(b, 'yutaza-school'), cached(b, 'otdel-obrazovaniya')]).toEqual([
      false,
      true,
      false,
    ]);
  });
});

describe('Cached public pages answered before Express and Nest', () => {
  let t: TestApp;
  let cache: PublicCacheService;
  beforeAll(async () => {
    // one instance: the shared revision's check interval is long so that a slow machine cannot make a hit wait
    // for it (a write drops this process's answers at once whatever the interval)
    t = await bootApp({
      SOCIUM_PUBLIC_RATE_LIMIT: '1000',
      SOCIUM_TRUST_PROXY_HOPS: '1',
      SOCIUM_PUBLIC_SYNC_MS: '60000',
    });
    cache = t.app.get(PublicCacheService);
  });
  afterAll(() => t.close());

  /** What may differ between two answers of the same content. */
  const VARYING = new Set(['date', 'connection', 'keep-alive']);
  const comparable = (h: IncomingHttpHeaders) => Object.fromEntries(Object.entries(h).filter(([k]) => !VARYING.has(k)));

  it.each([
    ['the JSON', PAGE, {}],
    ['the JSON with brotli', PAGE, { 'Accept-Encoding': 'gzip, deflate, br' }],
    ['the JSON with gzip', PAGE, { 'Accept-Encoding': 'gzip, deflate' }],
    ['the JSON over a proxy that says https', PAGE, { 'X-Forwarded-Proto': 'https', Authorization: 'Bearer x' }],
    ['the calendar', `${PAGE}/events.ics`, { 'Accept-Encoding': 'gzip' }],
    ['the export in Tatar', `${PAGE}/export.html?lang=tt`, {}],
    ['the embed page', '/embed/urussu-gymnasium', { 'Accept-Encoding': 'gzip' }],
    ['the embed page with brotli', '/embed/urussu-gymnasium', { 'Accept-Encoding': 'br' }],
    ['the embed page in English', '/embed/urussu-gymnasium?lang=en', {}],
  ])('gives %s the same status, headers and bytes as the full path', async (_, url, headers) => {
    const client = { 'X-Forwarded-For': '10.9.0.1', ...headers };
    await onWire(t, url, client); // the full path builds and keeps the answer
    const before = cache.fastAnswers;
    const fast = await onWire(t, url, client);
    expect(cache.fastAnswers).toBe(before + 1);
    // an extra query parameter takes the full path to the same answer
    const full = await onWire(t, `${url}${url.includes('?') ? '&' : '?'}via=full`, client);
    expect(cache.fastAnswers).toBe(before + 1);
    expect(fast.status).toBe(200);
    expect(fast.status).toBe(full.status);
    expect(fast.body.equals(full.body)).toBe(true);
    expect(comparable(fast.headers)).toEqual(comparable(full.headers));
  });

  it('answers 304 to a matching If-None-Match as the full path does', async () => {
    const first = await onWire(t, PAGE, { 'X-Forwarded-For': '10.9.0.2' });
    const etag = first.headers['etag'] as string;
    const fast = await onWire(t, PAGE, { 'X-Forwarded-For': '10.9.0.2', 'If-None-Match': etag });
    const full = await onWire(t, `${PAGE}?via=full`, { 'X-Forwarded-For': '10.9.0.2', 'If-None-Match': etag });
    expect([fast.status, full.status]).toEqual([304, 304]);
    expect(comparable(fast.headers)).toEqual(comparable(full.headers));
  });

  it('never serves a page from before a write', async () => {
    const token = await t.as('coordinator');
    const before = await onWire(t, PAGE, { 'X-Forwarded-For': '10.9.0.3' });
    await onWire(t, PAGE, { 'X-Forwarded-For': '10.9.0.3' });
    const orgs = await t.http.get('/api/v1/organisations?limit=100').set('Authorization', `Bearer ${token}`);
    const org = (orgs.body.items as { id: string; slug: string; version: number }[]).find(
      (o) => o.slug === 'urussu-gymnasium',
    );
    const patched = await t.http
      .patch(`/api/v1/organisations/${org?.id}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ version: org?.version, address: 'пгт Уруссу, ул. Быстрая, 2' });
    expect(patched.status).toBe(200);
    const after = await onWire(t, PAGE, { 'X-Forwarded-For': '10.9.0.3' });
    expect(JSON.parse(after.body.toString('utf8')).address).toBe('пгт Уруссу, ул. Быстрая, 2');
    expect(after.headers['etag']).not.toBe(before.headers['etag']);
  });

  it('leaves anything it does not know to the full path: other methods, odd slugs, weighted encodings', async () => {
    await onWire(t, PAGE, { 'X-Forwarded-For': '10.9.0.4' });
    await onWire(t, PAGE, { 'X-Forwarded-For': '10.9.0.4' }); // now known to this process: fast
    const before = cache.fastAnswers;
    await onWire(t, PAGE, { 'X-Forwarded-For': '10.9.0.4', 'Accept-Encoding': 'gzip;q=0, identity' });
    await onWire(t, PAGE, { 'X-Forwarded-For': '10.9.0.4', 'Accept-Encoding': '*' });
    await t.http.head(PAGE).set('X-Forwarded-For', '10.9.0.4');
    await onWire(t, '/api/v1/public/organisations/URUSSU-GYMNASIUM', { 'X-Forwarded-For': '10.9.0.4' });
    await onWire(t, `${PAGE}?lang=fr`, { 'X-Forwarded-For': '10.9.0.4' });
    expect(cache.fastAnswers).toBe(before);
  });
});
