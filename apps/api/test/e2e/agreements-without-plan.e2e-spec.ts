import { bootApp, TestApp } from './harness';

/**
 * Issue 14 item 4: an agreement in force (active, renewed, expiring) with neither a plan of the current academic year
 * attached nor an activity with its partner in that year is flagged: `GET /agreements?withoutPlan=true`.
 */
describe('Agreements in force without a plan or an activity this academic year', () => {
  let t: TestApp;
  let coordinator: string;
  let direction: string;
  let school: string;
  const auth = () => ({ Authorization: `Bearer ${coordinator}` });

  async function organisation(kind: 'school' | 'partner', slug: string): Promise<string> {
    const res = await t.http
      .post('/api/v1/organisations')
      .set(auth())
      .send({
        kind,
        name: `Организация ${slug}`,
        shortName: slug,
        slug,
        ...(kind === 'partner' ? { partnerType: 'employer' } : {}),
      });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  async function agreement(partnerId: string, term: [string, string], signed = true): Promise<string> {
    const res = await t.http
      .post('/api/v1/agreements')
      .set(auth())
      .send({
        number: `БП-${Math.random().toString(36).slice(2, 8)}`,
        kind: 'social_partnership',
        schoolId: school,
        partnerId,
        subject: 'Совместная профориентационная работа',
        goal: 'Профессиональное самоопределение обучающихся',
        directionIds: [direction],
        obligations: [
          { party: 'school', text: 'Формировать группы обучающихся' },
          { party: 'partner', text: 'Проводить экскурсии на предприятие' },
        ],
        startsOn: term[0],
        endsOn: term[1],
        autoRenew: false,
        noticeDays: 30,
      });
    expect(res.status).toBe(201);
    if (signed)
      for (const party of ['school', 'partner'])
        expect(
          (
            await t.http
              .post(`/api/v1/agreements/${res.body.id}/sign`)
              .set(auth())
              .send({ party, signedOn: term[0] < '2026-11-28' ? term[0] : '2026-11-28' })
          ).status,
        ).toBe(200);
    return res.body.id as string;
  }

  async function plan(academicYear: string, agreementId: string | null = null): Promise<string> {
    const res = await t.http
      .post('/api/v1/plans')
      .set(auth())
      .send({ organisationId: school, academicYear, agreementId });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  async function activity(planId: string, partnerId: string, startsOn: string): Promise<string> {
    const res = await t.http
      .post(`/api/v1/plans/${planId}/activities`)
      .set(auth())
      .send({
        title: 'Экскурсия на предприятие',
        directionId: direction,
        form: 'excursion',
        startsOn,
        targetGrades: [8, 9],
        partnerId,
        isPublic: false,
      });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  const list = async (query: string): Promise<string[]> => {
    const res = await t.http.get(`/api/v1/agreements?schoolId=${school}&limit=100&${query}`).set(auth());
    expect(res.status).toBe(200);
    return (res.body.items as { id: string }[]).map((a) => a.id).sort();
  };

  beforeAll(async () => {
    t = await bootApp();
    coordinator = await t.as('coordinator');
    const dirs = await t.http.get('/api/v1/directions?limit=100').set(auth());
    direction = (dirs.body.items as { id: string; code: string }[]).find((d) => d.code === 'career_guidance')
      ?.id as string;
  });
  afterAll(() => t.close());

  it('lists exactly the agreements in force that have no plan and no activity with the partner this year', async () => {
    // today is 2026-11-28: the current academic year is 2026-2027
    school = await organisation('school', 'flag-school');
    const [p1, p2, p3, p4, p5, p6] = await Promise.all(
      ['flag-p1', 'flag-p2', 'flag-p3', 'flag-p4', 'flag-p5', 'flag-p6'].map((s) => organisation('partner', s)),
    );
    const year: [string, string] = ['2026-09-01', '2027-08-31'];
    const idle = await agreement(p1, year);
    const withPlan = await agreement(p2, year);
    const withActivity = await agreement(p3, year);
    const onlyCancelled = await agreement(p4, year);
    const draft = await agreement(p5, year, false);
    const expired = await agreement(p1, ['2019-09-01', '2020-08-31']);
    const lastYearPlanOnly = await agreement(p6, ['2025-09-01', '2027-08-31']);

    await plan('2026-2027', withPlan);
    await plan('2025-2026', lastYearPlanOnly);
    const own = await plan('2026-2027');
    await activity(own, p3, '2026-12-10');
    const cancelled = await activity(own, p4, '2026-12-11');
    expect(
      (
        await t.http
          .post(`/api/v1/activities/${cancelled}/outcome`)
          .set(auth())
          .send({ status: 'cancelled', reason: 'Карантин' })
      ).status,
    ).toBe(200);

    expect(await list('withoutPlan=true')).toEqual([idle, onlyCancelled, lastYearPlanOnly].sort());
    expect(await list('withoutPlan=false')).toEqual([withPlan, withActivity, draft, expired].sort());
    expect((await list('')).length).toBe(7);
    // combined with the other filters
    expect(await list(`withoutPlan=true&partnerId=${p1}`)).toEqual([idle]);
    expect(await list('withoutPlan=true&status=expired')).toEqual([]);
  });

  it('refuses a withoutPlan that is not true or false with 400 naming the field', async () => {
    const res = await t.http.get('/api/v1/agreements?withoutPlan=yes').set(auth());
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400 });
    expect(JSON.stringify(res.body.details)).toContain('withoutPlan');
  });
});
