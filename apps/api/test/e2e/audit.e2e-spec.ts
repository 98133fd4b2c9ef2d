import { DirectionRecord } from '@socium/api-persistence';

import { newActivity, newPlan, orgIds } from './fixtures';
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

  describe('names the records of its entries', () => {
    let ids: Record<string, string> = {};
    let directionId = '';
    let planId = '';
    type Entry = { objectType: string; objectId: string; objectTitle: string | null };
    const entriesOf = async (query: string): Promise<Entry[]> => {
      const res = await t.http.get(`/api/v1/audit?${query}`).set(auth(coord));
      expect(res.status).toBe(200);
      return res.body.items;
    };
    const titlesOf = async (objectType: string, objectId: string) =>
      (await entriesOf(`objectType=${objectType}&objectId=${objectId}`)).map((e) => e.objectTitle);
    const addActivity = async (title: string) =>
      (
        await newActivity(t, planId, {
          title,
          directionId,
          form: 'excursion',
          partnerId: ids['tapart'],
          startsOn: '2041-10-17',
          venue: 'Завод',
          targetGrades: [8, 9],
          plannedParticipants: 24,
          hours: 3,
        })
      ).id;

    beforeAll(async () => {
      ids = await orgIds(t);
      directionId = (await t.orm.em.fork().findOneOrFail(DirectionRecord, { code: 'career_guidance' })).id;
      planId = await newPlan(t, {
        organisationId: ids['urussu-gymnasium'],
        academicYear: '2041-2042',
        title: 'План журнала',
      });
    });

    it("gives an organisation's short name as it is now, also on the entries written before it was renamed", async () => {
      const org = await t.http
        .post('/api/v1/organisations')
        .set(auth(coord))
        .send({ kind: 'partner', partnerType: 'culture', name: 'Дом культуры', shortName: 'ДК', slug: 'audit-dk' });
      await t.http
        .patch(`/api/v1/organisations/${org.body.id}`)
        .set(auth(coord))
        .send({ version: 1, shortName: 'РДК' });
      expect(await titlesOf('organisation', org.body.id)).toEqual(['РДК', 'РДК']);
    });

    it("gives an activity's title, an agreement's number and a user's name, never the user's e-mail", async () => {
      const activityId = await addActivity('Экскурсия на завод «Тапарт»');
      const agreement = await t.http
        .post('/api/v1/agreements')
        .set(auth(await t.as('school_admin')))
        .send({
          number: 'ЖУР-7',
          kind: 'social_partnership',
          schoolId: ids['urussu-gymnasium'],
          partnerId: ids['tapart'],
          subject: 'Совместная профориентационная работа',
          goal: 'Профессиональное самоопределение обучающихся',
          directionIds: [directionId],
          obligations: [
            { party: 'school', text: 'Формировать группы обучающихся' },
            { party: 'partner', text: 'Проводить экскурсии на предприятие' },
          ],
          startsOn: '2041-01-01',
          endsOn: '2041-12-31',
          autoRenew: false,
          noticeDays: 30,
        });
      expect(agreement.status).toBe(201);
      const user = await t.http.post('/api/v1/users').set(auth(coord)).send({
        email: 'audit-named@example.org',
        name: 'Гульнара Рашитовна',
        role: 'school_admin',
        organisationId: ids['urussu-gymnasium'],
        password: 'secret-password-1',
      });
      expect(user.status).toBe(201);
      expect(await titlesOf('activity', activityId)).toEqual(['Экскурсия на завод «Тапарт»']);
      expect(await titlesOf('agreement', agreement.body.id)).toEqual(['ЖУР-7']);
      expect(await titlesOf('user', user.body.id)).toEqual(['Гульнара Рашитовна']);
    });

    it('gives null for a record that no longer exists, on its creation and on its deletion alike', async () => {
      const activityId = await addActivity('Отменённая встреча');
      const del = await t.http.delete(`/api/v1/activities/${activityId}`).set(auth(await t.as('school_admin')));
      expect(del.status).toBe(204);
      const entries = await entriesOf(`objectId=${activityId}`);
      expect(entries.map((e) => [e.objectType, e.objectTitle])).toEqual([
        ['activity', null],
        ['activity', null],
      ]);
    });

    it('reads the names of a page of many records of one kind with one query, not one per entry', async () => {
      for (const n of [1, 2, 3, 4, 5, 6]) await addActivity(`Встреча ${n}`);
      // the statements the connection runs while the list is answered, through the ORM or by hand (`runSql`): both
      // pass its `executeQuery` (read before the spy is removed, which forgets them)
      const connection = t.orm.em.getConnection() as unknown as { executeQuery: (sql: string) => Promise<unknown> };
      const execute = jest.spyOn(connection, 'executeQuery');
      let statements: string[] = [];
      const entries = await entriesOf('objectType=activity&limit=8').finally(() => {
        statements = execute.mock.calls.map(([sql]) => String(sql));
        execute.mockRestore();
      });
      const activityReads = statements.filter((sql) => /\bfrom\s+[`"]?activity[`"]?(\s|$)/i.test(sql));
      expect(new Set(entries.map((e) => e.objectId)).size).toBeGreaterThanOrEqual(6);
      expect(
        entries
          .slice(0, 6)
          .map((e) => e.objectTitle)
          .sort(),
      ).toEqual(['Встреча 1', 'Встреча 2', 'Встреча 3', 'Встреча 4', 'Встреча 5', 'Встреча 6']);
      expect(activityReads).toHaveLength(1);
    });
  });
});
