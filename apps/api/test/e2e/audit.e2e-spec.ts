import { bootApp, TestApp } from './harness';

describe('Audit API', () => {
  let t: TestApp;
  let coord: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await bootApp();
    coord = await t.as('coordinator');
  });
  afterAll(() => t.close());

  it('shows an organisation change with the changed fields before and after, newest first', async () => {
    const created = await t.http
      .post('/api/v1/organisations')
      .set(auth(coord))
      .send({ kind: 'partner', partnerType: 'culture', name: 'Библиотека', shortName: 'Библ.', slug: 'audit-lib' });
    await t.http
      .patch(`/api/v1/organisations/${created.body.id}`)
      .set(auth(coord))
      .send({ version: 1, shortName: 'ЦБС' });
    const res = await t.http.get(`/api/v1/audit?objectType=organisation&objectId=${created.body.id}`).set(auth(coord));
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(2);
    const [update, create] = res.body.items;
    expect(update).toMatchObject({
      action: 'update',
      objectType: 'organisation',
      objectId: created.body.id,
      before: { shortName: 'Библ.' },
      after: { shortName: 'ЦБС' },
    });
    expect(create).toMatchObject({
      action: 'create',
      before: null,
      after: expect.objectContaining({ slug: 'audit-lib' }),
    });
    const me = await t.http.get('/api/v1/auth/me').set(auth(coord));
    expect(update.userId).toBe(me.body.id);
  });

  it('shows user, direction and labour-need changes, never a password', async () => {
    const orgs = await t.http.get('/api/v1/organisations?kind=school&limit=1').set(auth(coord));
    const user = await t.http.post('/api/v1/users').set(auth(coord)).send({
      email: 'audit-user@example.org',
      name: 'Завуч',
      role: 'school_admin',
      organisationId: orgs.body.items[0].id,
      password: 'secret-password-1',
    });
    await t.http
      .patch(`/api/v1/users/${user.body.id}`)
      .set(auth(coord))
      .send({ version: 1, password: 'secret-password-2' });
    const dir = await t.http.post('/api/v1/directions').set(auth(coord)).send({ code: 'audit_dir', name: 'Аудит' });
    const need = await t.http
      .post('/api/v1/labour-needs')
      .set(auth(coord))
      .send({ profession: 'Повар', sector: 'Общепит', demand: 3, academicYear: '2019-2020' });
    const users = await t.http.get(`/api/v1/audit?objectType=user&objectId=${user.body.id}`).set(auth(coord));
    expect(users.body.items.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(JSON.stringify(users.body)).not.toMatch(/secret-password|passwordHash|argon2/);
    expect((await t.http.get(`/api/v1/audit?objectId=${dir.body.id}`).set(auth(coord))).body.items[0]).toMatchObject({
      objectType: 'direction',
      action: 'create',
    });
    expect(
      (await t.http.get(`/api/v1/audit?objectType=labour_need&objectId=${need.body.id}`).set(auth(coord))).body.total,
    ).toBe(1);
  });

  it('filters by author and by dates, inclusive', async () => {
    const me = await t.http.get('/api/v1/auth/me').set(auth(coord));
    const today = new Date().toISOString().slice(0, 10);
    const mine = await t.http
      .get(`/api/v1/audit?userId=${me.body.id}&from=${today}&to=${today}&limit=100`)
      .set(auth(coord));
    expect(mine.status).toBe(200);
    expect(mine.body.total).toBeGreaterThanOrEqual(3);
    expect(mine.body.items.every((e: { userId: string }) => e.userId === me.body.id)).toBe(true);
    const ats = mine.body.items.map((e: { at: string }) => e.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    const past = await t.http.get('/api/v1/audit?to=2000-01-01').set(auth(coord));
    expect(past.body.total).toBe(0);
  });

  it('paginates with limit and offset', async () => {
    const page = await t.http.get('/api/v1/audit?limit=2&offset=1').set(auth(coord));
    expect(page.body).toMatchObject({ limit: 2, offset: 1 });
    expect(page.body.items).toHaveLength(2);
  });

  it('rejects a bad date, a limit over 100 and an unknown filter with 400, and a reversed range too', async () => {
    expect((await t.http.get('/api/v1/audit?from=2020-02-30').set(auth(coord))).status).toBe(400);
    expect((await t.http.get('/api/v1/audit?limit=500').set(auth(coord))).status).toBe(400);
    const reversed = await t.http.get('/api/v1/audit?from=2020-02-01&to=2020-01-01').set(auth(coord));
    expect(reversed.status).toBe(400);
    expect(reversed.body.details[0].field).toBe('to');
  });

  it('refuses the log to a school admin and a partner with 403, and without a token with 401', async () => {
    expect((await t.http.get('/api/v1/audit').set(auth(await t.as('school_admin')))).status).toBe(403);
    expect((await t.http.get('/api/v1/audit').set(auth(await t.as('partner_rep')))).status).toBe(403);
    expect((await t.http.get('/api/v1/audit')).status).toBe(401);
  });
});
