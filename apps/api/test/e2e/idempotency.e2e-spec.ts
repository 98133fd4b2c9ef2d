import { IdempotencyRecord, OrganisationRecord } from '@socium/api-persistence';

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { FlushGate } from './concurrency-model/flush-gate';
import { bootApp, joinApp, sharedDatabase, TestApp } from './harness';

/** `Idempotency-Key` on create routes: a retried create answers the first answer again and creates nothing twice. */
describe('Idempotency-Key on create routes', () => {
  let t: TestApp;
  let gate: FlushGate;
  let coord: string;
  let school: string;
  let schoolId: string;
  let keyNo = 0;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const freshKey = () => `key-${++keyNo}-${Math.random().toString(36).slice(2)}`;
  const need = (profession: string) => ({ profession, sector: 'Промышленность', demand: 2, academicYear: '2019-2020' });
  const postNeed = (key: string | null, body: object, token = coord) => {
    const req = t.http.post('/api/v1/labour-needs').set(auth(token));
    return (key === null ? req : req.set('Idempotency-Key', key)).send(body);
  };
  const needsCalled = async (profession: string) =>
    (await t.http.get(`/api/v1/labour-needs?q=${encodeURIComponent(profession)}&limit=100`).set(auth(coord))).body
      .items as { id: string; profession: string }[];
  const storedKeys = () => t.orm.em.fork().count(IdempotencyRecord, {});

  beforeAll(async () => {
    t = await bootApp();
    gate = new FlushGate(t.orm);
    coord = await t.as('coordinator');
    school = await t.as('school_admin');
    schoolId = (await t.orm.em.fork().findOneOrFail(OrganisationRecord, { slug: 'urussu-gymnasium' })).id;
  });
  afterEach(() => gate.open());
  afterAll(() => t.close());

  it('answers a repeated create with the same key and body with the first answer and Idempotent-Replayed: true', async () => {
    const key = freshKey();
    const first = await postNeed(key, need('Сварщик повтора'));
    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await postNeed(key, need('Сварщик повтора'));
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await needsCalled('Сварщик повтора')).toHaveLength(1);
  });

  it('treats a body with the same fields in another order as the same request', async () => {
    const key = freshKey();
    const first = await postNeed(key, need('Токарь порядка'));
    const { profession, sector, demand, academicYear } = need('Токарь порядка');
    const again = await postNeed(key, { academicYear, demand, sector, profession });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
  });

  it('refuses the same key with another body with 422 idempotency.key-reused and creates nothing', async () => {
    const key = freshKey();
    expect((await postNeed(key, need('Маляр ключа'))).status).toBe(201);
    const reused = await postNeed(key, need('Штукатур ключа'));
    expect(reused.status).toBe(422);
    expect(reused.body).toMatchObject({ statusCode: 422, rule: 'idempotency.key-reused' });
    expect(await needsCalled('Штукатур ключа')).toHaveLength(0);
  });

  it('lets exactly one of several parallel requests with one key run: the others get 409 idempotency.in-progress', async () => {
    const key = freshKey();
    gate.close();
    const first = postNeed(key, need('Монтажник гонки')).then((r) => r);
    await gate.arrived; // the first request holds the key and waits before writing
    const others = await Promise.all(Array.from({ length: 4 }, () => postNeed(key, need('Монтажник гонки'))));
    gate.open();
    const created = await first;
    expect(created.status).toBe(201);
    expect(others.map((r) => r.status)).toEqual([409, 409, 409, 409]);
    for (const r of others) expect(r.body).toMatchObject({ statusCode: 409, rule: 'idempotency.in-progress' });
    const retried = await postNeed(key, need('Монтажник гонки'));
    expect(retried.status).toBe(201);
    expect(retried.headers['idempotent-replayed']).toBe('true');
    expect(retried.body.id).toBe(created.body.id);
    expect(await needsCalled('Монтажник гонки')).toHaveLength(1);
  });

  it('creates one record when many requests with one key arrive at the same moment', async () => {
    const key = freshKey();
    const answers = await Promise.all(Array.from({ length: 6 }, () => postNeed(key, need('Крановщик разом'))));
    const ids = new Set(answers.filter((r) => r.status === 201).map((r) => r.body.id));
    expect(ids.size).toBe(1);
    for (const r of answers) expect([201, 409]).toContain(r.status);
    expect(answers.filter((r) => r.status === 201 && r.headers['idempotent-replayed'] !== 'true')).toHaveLength(1);
    expect(await needsCalled('Крановщик разом')).toHaveLength(1);
  });

  it('keeps the keys of different users apart: the same key creates one plan for each', async () => {
    const key = freshKey();
    const plan = (academicYear: string) => ({ organisationId: schoolId, academicYear, title: 'План по ключу' });
    const byCoordinator = await t.http
      .post('/api/v1/plans')
      .set(auth(coord))
      .set('Idempotency-Key', key)
      .send(plan('2031-2032'));
    const bySchool = await t.http
      .post('/api/v1/plans')
      .set(auth(school))
      .set('Idempotency-Key', key)
      .send(plan('2032-2033'));
    expect([byCoordinator.status, bySchool.status]).toEqual([201, 201]);
    expect(bySchool.headers['idempotent-replayed']).toBeUndefined();
    expect(bySchool.body.id).not.toBe(byCoordinator.body.id);
  });

  it('keeps the keys of different routes apart', async () => {
    const key = freshKey();
    expect((await postNeed(key, need('Слесарь маршрута'))).status).toBe(201);
    const direction = await t.http
      .post('/api/v1/directions')
      .set(auth(coord))
      .set('Idempotency-Key', key)
      .send({ code: 'idem_route', name: 'Направление по ключу' });
    expect(direction.status).toBe(201);
    expect(direction.body).toMatchObject({ code: 'idem_route' });
  });

  it('changes nothing without the header: two equal creates make two records and store no key', async () => {
    const before = await storedKeys();
    const a = await postNeed(null, need('Пекарь без ключа'));
    const b = await postNeed(null, need('Пекарь без ключа'));
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.headers['idempotent-replayed']).toBeUndefined();
    expect(b.body.id).not.toBe(a.body.id);
    expect(await needsCalled('Пекарь без ключа')).toHaveLength(2);
    expect(await storedKeys()).toBe(before);
  });

  it.each([
    ['that is empty', ''],
    ['of 256 characters', 'k'.repeat(256)],
    ['with a space', 'two words'],
    ['with a character outside ASCII', 'clé'],
  ])('refuses a key %s with 400 idempotency.key-invalid', async (_, key) => {
    const res = await postNeed(key, need('Кровельщик неверного ключа'));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, rule: 'idempotency.key-invalid' });
    expect(await needsCalled('Кровельщик неверного ключа')).toHaveLength(0);
  });

  it('accepts a key of 255 visible ASCII characters', async () => {
    const key = `${'!~'.repeat(127)}Z`;
    expect((await postNeed(key, need('Плотник длинного ключа'))).status).toBe(201);
    expect((await postNeed(key, need('Плотник длинного ключа'))).headers['idempotent-replayed']).toBe('true');
  });

  it('ignores the header on routes that create nothing', async () => {
    const plan = await t.http
      .post('/api/v1/plans')
      .set(auth(school))
      .send({ organisationId: schoolId, academicYear: '2033-2034' });
    const submit = () =>
      t.http.post(`/api/v1/plans/${plan.body.id}/submit`).set(auth(school)).set('Idempotency-Key', 'not a valid key');
    expect((await submit()).status).toBe(200);
    expect((await submit()).status).toBe(422);
  });

  it('releases the key of a failed create, so a corrected retry with the same key succeeds', async () => {
    const key = freshKey();
    const invalid = await postNeed(key, { ...need('Столяр после ошибки'), demand: -1 });
    expect(invalid.status).toBe(400);
    const fixed = await postNeed(key, need('Столяр после ошибки'));
    expect(fixed.status).toBe(201);
    expect(fixed.headers['idempotent-replayed']).toBeUndefined();
    const direction = { code: 'idem_clash', name: 'Первое' };
    expect((await t.http.post('/api/v1/directions').set(auth(coord)).send(direction)).status).toBe(201);
    const clashKey = freshKey();
    const clash = () => t.http.post('/api/v1/directions').set(auth(coord)).set('Idempotency-Key', clashKey);
    expect((await clash().send(direction)).status).toBe(409);
    expect((await clash().send({ code: 'idem_after_clash', name: 'Второе' })).status).toBe(201);
  });

  it('ignores a key older than 24 hours: the same request then creates a new record', async () => {
    const key = freshKey();
    const first = await postNeed(key, need('Штамповщик суток'));
    // the claim is dated by ClockService; ageing the stored claim stands for a day passing (tokens stay valid)
    const age = (ms: number) =>
      t.orm.em.getConnection().execute('update idempotency_key set created_at = created_at - ?', [ms]);
    await age(24 * 60 * 60 * 1000 - 60_000);
    expect((await postNeed(key, need('Штамповщик суток'))).body.id).toBe(first.body.id);
    await age(2 * 60_000);
    const later = await postNeed(key, need('Штамповщик суток'));
    expect(later.status).toBe(201);
    expect(later.headers['idempotent-replayed']).toBeUndefined();
    expect(later.body.id).not.toBe(first.body.id);
    expect(await needsCalled('Штамповщик суток')).toHaveLength(2);
  });

  it('gives up a claim whose request never finished (its process died) after two minutes, not after a day', async () => {
    const key = freshKey();
    const first = await postNeed(key, need('Сварщик оборванного запроса'));
    // what a process killed mid-request leaves: the claim without its answer
    const db = t.orm.em.getConnection();
    await db.execute(
      'update idempotency_key set status_code = null, response_body = null where created_at = (select max(created_at) from idempotency_key)',
    );
    expect((await postNeed(key, need('Сварщик оборванного запроса'))).status).toBe(409);
    await db.execute('update idempotency_key set created_at = created_at - ? where status_code is null', [
      2 * 60_000 + 1000,
    ]);
    const retried = await postNeed(key, need('Сварщик оборванного запроса'));
    expect(retried.status).toBe(201);
    expect(retried.body.id).not.toBe(first.body.id);
  });

  it('documents the header on every create route of the OpenAPI document and on no other route', async () => {
    const doc = (await t.http.get('/api/docs-json')).body as {
      paths: Record<string, Record<string, { parameters: { name: string }[]; responses: Record<string, object> }>>;
    };
    const withKey: string[] = [];
    const creates: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops)) {
        if (op.parameters.some((p) => p.name === 'Idempotency-Key')) withKey.push(`${method} ${path}`);
        if (op.responses['201']) creates.push(`${method} ${path}`);
      }
    expect(creates).toHaveLength(13);
    expect(withKey.sort()).toEqual(creates.sort());
    expect(doc.paths['/api/v1/plans']?.['post']?.responses['201']).toMatchObject({
      headers: { 'Idempotent-Replayed': expect.any(Object) },
    });
  });
});

describe('Idempotency-Key across two API instances on one database', () => {
  let dir: string;
  let a: TestApp;
  let b: TestApp;
  let token: string;
  const body = {
    profession: 'Наладчик двух процессов',
    sector: 'Промышленность',
    demand: 1,
    academicYear: '2019-2020',
  };
  const send = (app: TestApp, key: string) =>
    app.http
      .post('/api/v1/labour-needs')
      .set({ Authorization: `Bearer ${token}` })
      .set('Idempotency-Key', key)
      .send(body);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'socium-idem-'));
    const database = sharedDatabase(join(dir, 'shared.sqlite'));
    a = await bootApp({ DATABASE_URL: database });
    b = await joinApp(database);
    token = await a.as('coordinator');
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('replays on one instance the create another instance made with the same key', async () => {
    const first = await send(a, 'shared-key-1');
    expect(first.status).toBe(201);
    const again = await send(b, 'shared-key-1');
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(first.body.id);
  });

  it('answers 409 idempotency.in-progress on one instance while the other still runs the request', async () => {
    const gate = new FlushGate(a.orm);
    gate.close();
    const first = send(a, 'shared-key-2').then((r) => r);
    await gate.arrived;
    const meanwhile = await send(b, 'shared-key-2');
    gate.open();
    expect(meanwhile.status).toBe(409);
    expect(meanwhile.body).toMatchObject({ rule: 'idempotency.in-progress' });
    expect((await first).status).toBe(201);
  });
});
