import { AgreementRecord } from '@socium/api-persistence';

import { bootApp, TestApp } from './harness';

/** Issue 16, findings 5, 6 and 8: what the public pages must not give away. */
describe('Public pages give away no small count, no personal text and no unpublished partner', () => {
  let t: TestApp;
  let coordinator: string;
  let direction: string;
  const auth = () => ({ Authorization: `Bearer ${coordinator}` });

  async function organisation(kind: 'school' | 'partner', slug: string, name: string): Promise<string> {
    const res = await t.http
      .post('/api/v1/organisations')
      .set(auth())
      .send({ kind, name, shortName: name, slug, ...(kind === 'partner' ? { partnerType: 'employer' } : {}) });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  async function approvedPlan(organisationId: string): Promise<string> {
    const plan = await t.http.post('/api/v1/plans').set(auth()).send({ organisationId, academicYear: '2026-2027' });
    expect(plan.status).toBe(201);
    await t.http.post(`/api/v1/plans/${plan.body.id}/submit`).set(auth()).send({});
    await t.http.post(`/api/v1/plans/${plan.body.id}/approve`).set(auth()).send({});
    return plan.body.id as string;
  }

  async function activity(
    planId: string,
    over: Record<string, unknown> = {},
  ): Promise<{ id: string; version: number }> {
    const res = await t.http
      .post(`/api/v1/plans/${planId}/activities`)
      .set(auth())
      .send({
        title: 'Экскурсия на элеватор',
        directionId: direction,
        form: 'excursion',
        startsOn: '2026-11-20',
        targetGrades: [8, 9],
        venue: 'Элеватор, с. Ютаза',
        isPublic: true,
        ...over,
      });
    expect(res.status).toBe(201);
    return res.body;
  }

  async function held(id: string, actualParticipants: number, result = 'Проведена экскурсия') {
    const res = await t.http
      .post(`/api/v1/activities/${id}/outcome`)
      .set(auth())
      .send({ status: 'held', heldOn: '2026-11-20', actualParticipants, result });
    expect(res.status).toBe(200);
    return res.body;
  }

  const page = async (slug: string) => {
    const res = await t.http.get(`/api/v1/public/organisations/${slug}`);
    expect(res.status).toBe(200);
    return res;
  };
  const districtParticipants = async () => (await page('otdel-obrazovaniya')).body.figures.participants as number;

  beforeAll(async () => {
    t = await bootApp();
    coordinator = await t.as('coordinator');
    const dirs = await t.http.get('/api/v1/directions?limit=100').set(auth());
    direction = (dirs.body.items as { id: string; code: string }[]).find((d) => d.code === 'career_guidance')
      ?.id as string;
  });
  afterAll(() => t.close());

  it('keeps the district total unchanged when a school adds 3 participants, so subtraction does not reveal them', async () => {
    const before = await districtParticipants();
    expect(before).toBeGreaterThan(0);
    const plan = await approvedPlan(await organisation('school', 'small-school', 'Малокомплектная школа'));
    const first = await activity(plan);
    await held(first.id, 3);

    const school = await page('small-school');
    expect(school.body.figures.participants).toBeNull();
    expect(await districtParticipants()).toBe(before);

    // the school's cell grows to 6: now it is published, on the school's page and in the district total alike
    const second = await activity(plan, { title: 'Встреча с агрономом' });
    await held(second.id, 3);
    expect((await page('small-school')).body.figures.participants).toBe(6);
    expect(await districtParticipants()).toBe(before + 6);
  });

  it('publishes counts of activities, partners and agreements as they are: only counts of people are suppressed', async () => {
    const plan = await approvedPlan(await organisation('school', 'four-events-school', 'Школа четырёх событий'));
    for (const title of ['Экскурсия 1', 'Экскурсия 2', 'Экскурсия 3', 'Экскурсия 4'])
      await held((await activity(plan, { title })).id, 2);
    const res = await page('four-events-school');
    expect(res.body.figures).toMatchObject({ activitiesHeld: 4, partners: 0, agreementsActive: 0, participants: 8 });
    expect(res.body.recent).toHaveLength(4);
    const html = await t.http.get('/embed/four-events-school');
    expect(html.text).not.toContain('&lt;5');
    expect(html.text).toMatch(/>4<\/span>мероприятий проведено/);
  });

  describe('free text of an activity', () => {
    const OUTCOME = 'Победитель: Иванов Петя, 8Б, ivanov.petya@mail.ru, +7 (917) 555-12-34';
    const PIECES = ['Иванов Петя', 'Петя', 'ivanov.petya', '(917)', '555-12-34'];
    let activityId: string;

    beforeAll(async () => {
      const partnerId = await organisation('partner', 'screening-partner', 'Агрофирма «Ютаза»');
      const plan = await approvedPlan(await organisation('school', 'screened-school', 'Школа с итогами'));
      activityId = (await activity(plan, { title: 'Олимпиада по агрономии', partnerId })).id;
      const body = await held(activityId, 12, OUTCOME);
      expect(body.publicTextFlags).toEqual([
        { field: 'result', flags: ['email', 'phone', 'person_name', 'class_with_name'] },
      ]);
      expect(body.publicTextConfirmed).toBe(false);
    });

    const everyPublicOutput = async () =>
      Promise.all(
        [
          '/api/v1/public/organisations/screened-school',
          '/api/v1/public/organisations/otdel-obrazovaniya',
          '/api/v1/public/organisations/screening-partner',
          '/api/v1/public/organisations/screened-school/events.ics',
          '/api/v1/public/organisations/screening-partner/events.ics',
          '/api/v1/public/organisations/otdel-obrazovaniya/events.ics',
          '/api/v1/public/organisations/screened-school/export.html',
          '/embed/screened-school',
          '/embed/screening-partner',
        ].map(async (url) => {
          const res = await t.http.get(url);
          expect(res.status).toBe(200);
          return { url, text: res.text.replace(/\r\n /g, '') };
        }),
      );

    it('is withheld from the JSON, the department and partner pages, the feeds and the HTML while flagged', async () => {
      for (const { url, text } of await everyPublicOutput()) {
        for (const piece of PIECES)
          expect({ url, leaked: text.includes(piece) ? piece : null }).toEqual({ url, leaked: null });
        // the department's JSON lists only its ten latest results
        if (!url.endsWith('/otdel-obrazovaniya'))
          expect({ url, listed: text.includes('Олимпиада по агрономии') }).toEqual({ url, listed: true });
      }
      const school = await page('screened-school');
      expect(school.body.recent).toEqual([
        expect.objectContaining({ title: 'Олимпиада по агрономии', result: '', partner: 'Агрофирма «Ютаза»' }),
      ]);
    });

    const awaiting = async (token = coordinator) => {
      const res = await t.http
        .get('/api/v1/activities?publicTextPending=true&limit=100')
        .set({ Authorization: `Bearer ${token}` });
      expect(res.status).toBe(200);
      return res.body as { items: { id: string; publicTextFlags: unknown[] }[]; total: number };
    };

    it('is listed among the texts awaiting confirmation, with its flags, and only there and only for its readers', async () => {
      const list = await awaiting();
      expect(list.items.map((a) => a.id)).toEqual([activityId]);
      expect(list.total).toBe(1);
      expect(list.items[0]?.publicTextFlags).toEqual([
        { field: 'result', flags: ['email', 'phone', 'person_name', 'class_with_name'] },
      ]);
      // a school administrator of another school does not see it
      expect((await awaiting(await t.as('school_admin'))).items).toEqual([]);
    });

    it('is published once the school confirms it, and withheld again when the text changes', async () => {
      const current = await t.http.get(`/api/v1/activities/${activityId}`).set(auth());
      const confirmed = await t.http
        .patch(`/api/v1/activities/${activityId}`)
        .set(auth())
        .send({ version: current.body.version, publicTextConfirmed: true });
      expect(confirmed.status).toBe(200);
      expect(confirmed.body.publicTextConfirmed).toBe(true);
      expect((await page('screened-school')).body.recent[0].result).toBe(OUTCOME);
      expect((await awaiting()).items).toEqual([]);

      const renamed = await t.http
        .patch(`/api/v1/activities/${activityId}`)
        .set(auth())
        .send({ version: confirmed.body.version, venue: 'Кабинет 8Б, Иванова Мария' });
      expect(renamed.status).toBe(200);
      expect(renamed.body.publicTextConfirmed).toBe(false);
      expect(renamed.body.publicTextFlags.map((f: { field: string }) => f.field)).toEqual(['venue', 'result']);
      expect((await page('screened-school')).body.recent[0].result).toBe('');
      expect((await awaiting()).items.map((a) => a.id)).toEqual([activityId]);
      const ics = (await t.http.get('/api/v1/public/organisations/screened-school/events.ics')).text;
      expect(ics).not.toContain('Иванова');
    });

    it('refuses a confirmation that is not a boolean with 400', async () => {
      const current = await t.http.get(`/api/v1/activities/${activityId}`).set(auth());
      const res = await t.http
        .patch(`/api/v1/activities/${activityId}`)
        .set(auth())
        .send({ version: current.body.version, publicTextConfirmed: 'yes' });
      expect(res.status).toBe(400);
    });
  });

  it('never names an unpublished partner: not in the partner list, the agreements, the activities, the feed or the HTML', async () => {
    const NAME = 'ООО «Скрытый партнёр»';
    const partnerId = await organisation('partner', 'hidden-partner', NAME);
    const schoolId = await organisation('school', 'school-of-hidden', 'Школа со скрытым партнёром');
    const plan = await approvedPlan(schoolId);
    await activity(plan, { title: 'Встреча с инженерами', partnerId, startsOn: '2026-12-10' });
    const em = t.orm.em.fork();
    const agreement = Object.assign(new AgreementRecord(), {
      id: '00000000-0000-4000-8000-00000000a016',
      version: 1,
      createdAt: '2026-09-01T00:00:00.000Z',
      updatedAt: '2026-09-01T00:00:00.000Z',
      number: 'С-16',
      kind: 'cooperation',
      schoolId,
      partnerId,
      startsOn: '2026-09-01',
      signedBySchoolOn: '2026-09-01',
      signedByPartnerOn: '2026-09-01',
    });
    await em.persistAndFlush(agreement);

    const shown = await page('school-of-hidden');
    expect(shown.body.partners).toEqual([{ name: NAME, partnerType: 'employer' }]);

    const org = await t.http.get(`/api/v1/organisations/${partnerId}`).set(auth());
    const unpublish = await t.http
      .patch(`/api/v1/organisations/${partnerId}`)
      .set(auth())
      .send({ version: org.body.version, isPublished: false });
    expect(unpublish.status).toBe(200);

    const res = await page('school-of-hidden');
    expect(res.body.partners).toEqual([]);
    expect(res.body.agreements).toEqual([]);
    expect(res.body.upcoming).toEqual([expect.objectContaining({ title: 'Встреча с инженерами', partner: null })]);
    expect(res.body.figures.agreementsActive).toBe(1);
    for (const url of [
      '/api/v1/public/organisations/school-of-hidden',
      '/api/v1/public/organisations/school-of-hidden/events.ics',
      '/api/v1/public/organisations/school-of-hidden/export.html',
      '/embed/school-of-hidden',
    ])
      expect({ url, named: (await t.http.get(url)).text.replace(/\r\n /g, '').includes('Скрытый партнёр') }).toEqual({
        url,
        named: false,
      });
  });
});
