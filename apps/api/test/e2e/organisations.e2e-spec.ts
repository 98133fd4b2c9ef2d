import { bootApp, TestApp } from './harness';

describe('Organisations API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootApp();
  });
  afterAll(() => t.close());

  it('lists organisations to a logged-in user with pagination', async () => {
    const token = await t.as('school_admin');
    const res = await t.http.get('/api/v1/organisations?limit=2').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(2);
    expect(res.body.total).toBeGreaterThanOrEqual(3);
  });

  it('searches by name or short name in any case and filters by kind, partner type and publication', async () => {
    const token = await t.as('coordinator');
    const get = (query: string) => t.http.get(`/api/v1/organisations?${query}`).set('Authorization', `Bearer ${token}`);
    const created = await t.http.post('/api/v1/organisations').set('Authorization', `Bearer ${token}`).send({
      kind: 'partner',
      partnerType: 'culture',
      name: 'Поисковая тестовая библиотека',
      shortName: 'Библиотека-Поиск',
      slug: 'search-library',
      isPublished: false,
    });
    expect(created.status).toBe(201);
    const names = (res: { body: { items: { id: string }[] } }) => res.body.items.map((o) => o.id);

    expect(names(await get(`q=${encodeURIComponent('ПОИСКОВАЯ тестовая')}`))).toEqual([created.body.id]);
    expect(names(await get(`q=${encodeURIComponent('библиотека-поиск')}`))).toEqual([created.body.id]);

    const hidden = await get('isPublished=false&limit=100');
    expect(hidden.status).toBe(200);
    expect(names(hidden)).toContain(created.body.id);
    expect(hidden.body.items.every((o: { isPublished: boolean }) => !o.isPublished)).toBe(true);
    const shown = await get('isPublished=true&limit=100');
    expect(names(shown)).not.toContain(created.body.id);
    expect(shown.body.items.every((o: { isPublished: boolean }) => o.isPublished)).toBe(true);
    expect(shown.body.total + hidden.body.total).toBe((await get('limit=1')).body.total);

    const partners = await get('kind=partner&partnerType=culture&isPublished=false');
    expect(names(partners)).toEqual([created.body.id]);
    expect((await get('kind=school&isPublished=false&q=search-library')).body.items).toEqual([]);

    const bad = await get('isPublished=yes');
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'isPublished' })]));
  });

  it('refuses a request without a token with 401', async () => {
    const res = await t.http.get('/api/v1/organisations');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
  });

  it('lets the coordinator create an organisation and rejects an unknown field with 400', async () => {
    const token = await t.as('coordinator');
    const ok = await t.http.post('/api/v1/organisations').set('Authorization', `Bearer ${token}`).send({
      kind: 'partner',
      partnerType: 'culture',
      name: 'Районный дом культуры пгт Уруссу',
      shortName: 'РДК',
      slug: 'rdk-test',
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ slug: 'rdk-test', version: 1 });
    const bad = await t.http
      .post('/api/v1/organisations')
      .set('Authorization', `Bearer ${token}`)
      .send({ kind: 'school', name: 'X', shortName: 'X', slug: 'x-y', evil: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'evil', rule: 'field.unknown' })]),
    );
  });

  it('answers 409 with the current version on a stale PATCH', async () => {
    const token = await t.as('coordinator');
    const created = await t.http
      .post('/api/v1/organisations')
      .set('Authorization', `Bearer ${token}`)
      .send({ kind: 'school', name: 'Школа тест', shortName: 'Тест', slug: 'test-school-v' });
    const first = await t.http
      .patch(`/api/v1/organisations/${created.body.id}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ version: 1, shortName: 'Тест 2' });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await t.http
      .patch(`/api/v1/organisations/${created.body.id}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ version: 1, shortName: 'Тест 3' });
    expect(stale.status).toBe(409);
    expect(stale.body.currentVersion).toBe(2);
  });

  it('answers malformed JSON with 400, never 500', async () => {
    const token = await t.as('coordinator');
    const res = await t.http
      .post('/api/v1/organisations')
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'application/json')
      .send('{"kind": ');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ rule: 'request.malformed-json' });
  });

  it('refuses a JSON body over 100 KB with 413', async () => {
    const token = await t.as('coordinator');
    const res = await t.http
      .post('/api/v1/organisations')
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ name: 'x'.repeat(120_000) }));
    expect(res.status).toBe(413);
  });
});
