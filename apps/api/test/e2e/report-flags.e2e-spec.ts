import type { Response } from 'supertest';

import { bootApp, TestApp } from './harness';

/** Collects a response body as bytes whatever its content type. */
const binary = (res: Response, cb: (err: Error | null, body: Buffer) => void): void => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(Buffer.from(c)));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
};

/**
 * Issue 14 items 3 and 4 in the report: per school and in total, the agreements in force without a plan or an
 * activity (the domain's `isPlanMissing`, as `GET /agreements?withoutPlan=true`), the period's placements still
 * blocked by missing paperwork, and of those the ones that have already started. Today is pinned to 2026-06-20.
 */
describe('The report flags agreements without a plan and placements blocked (issue 14 items 3 and 4)', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  let direction: string;
  let employer: string;
  let school: string;
  let other: string;
  let n = 0;

  const ok = (res: Response, status: number, what: string) => {
    if (res.status !== status)
      throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  async function organisation(kind: 'school' | 'partner', slug: string): Promise<string> {
    const res = await t.http
      .post('/api/v1/organisations')
      .set(auth)
      .send({
        kind,
        name: `Организация ${slug}`,
        shortName: slug,
        slug,
        ...(kind === 'partner' ? { partnerType: 'employer' } : {}),
      });
    return ok(res, 201, 'organisation').id as string;
  }

  async function agreement(schoolId: string, partnerId: string): Promise<string> {
    const res = await t.http
      .post('/api/v1/agreements')
      .set(auth)
      .send({
        number: `ФЛ-${++n}`,
        kind: 'social_partnership',
        schoolId,
        partnerId,
        subject: 'Совместная профориентационная работа',
        goal: 'Профессиональное самоопределение обучающихся',
        directionIds: [direction],
        obligations: [
          { party: 'school', text: 'Формировать группы обучающихся' },
          { party: 'partner', text: 'Проводить экскурсии на предприятие' },
        ],
        startsOn: '2025-09-01',
        endsOn: '2027-08-31',
        autoRenew: false,
        noticeDays: 30,
      });
    const id = ok(res, 201, 'agreement').id as string;
    for (const party of ['school', 'partner'])
      ok(
        await t.http.post(`/api/v1/agreements/${id}/sign`).set(auth).send({ party, signedOn: '2025-09-01' }),
        200,
        'sign',
      );
    return id;
  }

  /** A lawful summer job of a 16-year-old through the employment centre; without a clearance it is stored blocked. */
  async function placement(schoolId: string, startsOn: string, endsOn: string, cleared: boolean): Promise<string> {
    const res = await t.http
      .post('/api/v1/placements')
      .set(auth)
      .send({
        schoolId,
        employerId: employer,
        channel: 'employment_centre',
        kind: 'employment_contract',
        jobTitle: 'Подсобный рабочий благоустройства',
        studentCode: `FLG-2026-${++n}`,
        studentBirthDate: '2010-03-10',
        studentSex: 'male',
        startsOn,
        endsOn,
        workDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
        shiftStartsAt: '09:00',
        shiftEndsAt: '15:00',
        hoursPerDay: 6,
        hoursPerWeek: 30,
        ...(cleared ? { medicalClearanceOn: '2026-06-01' } : {}),
      });
    const body = ok(res, 201, 'placement');
    expect(body.status).toBe(cleared ? 'cleared' : 'blocked');
    return body.id as string;
  }

  beforeAll(async () => {
    t = await bootApp({ SOCIUM_TODAY: '2026-06-20' });
    auth = { Authorization: `Bearer ${await t.as('coordinator')}` };
    const dirs = await t.http.get('/api/v1/directions?limit=100').set(auth);
    direction = (dirs.body.items as { id: string; code: string }[]).find((d) => d.code === 'career_guidance')
      ?.id as string;
    const orgs = await t.http.get('/api/v1/organisations?limit=100&q=czn-yutazy').set(auth);
    employer = (orgs.body.items as { id: string; slug: string }[]).find((o) => o.slug === 'czn-yutazy')?.id as string;
    school = await organisation('school', 'flags-school');
    other = await organisation('school', 'flags-other');
    const [idle, planned, idleOther] = await Promise.all(
      ['flags-p1', 'flags-p2', 'flags-p3'].map((s) => organisation('partner', s)),
    );
    await agreement(school, idle); // flagged: no plan, no activity in 2025-2026
    const withPlan = await agreement(school, planned);
    ok(
      await t.http
        .post('/api/v1/plans')
        .set(auth)
        .send({ organisationId: school, academicYear: '2025-2026', agreementId: withPlan }),
      201,
      'plan',
    );
    await agreement(other, idleOther); // flagged, at the other school
    await placement(school, '2026-06-15', '2026-07-10', false); // blocked and started (today is 20 June)
    await placement(school, '2026-06-20', '2026-07-10', false); // blocked, starts today
    await placement(school, '2026-07-01', '2026-07-24', false); // blocked, not started yet
    await placement(school, '2026-06-15', '2026-07-10', true); // cleared
    await placement(other, '2026-07-06', '2026-07-24', false); // blocked, not started yet
  }, 180_000);
  afterAll(() => t.close());

  const report = async (query: string) =>
    ok(await t.http.get(`/api/v1/reports/summary?period=2025-2026${query}`).set(auth), 200, 'report');

  it('counts a school’s flags in its report', async () => {
    const body = await report(`&organisationId=${school}`);
    expect(body.totals).toMatchObject({
      placements: 4,
      agreementsWithoutPlan: 1,
      placementsBlocked: 3,
      placementsBlockedStarted: 2,
    });
    expect(body.schools).toEqual([expect.objectContaining({ organisationId: school, agreementsWithoutPlan: 1 })]);
  });

  it('shows the flags per school and sums them in the district totals', async () => {
    const body = await report('');
    const rows = Object.fromEntries(
      (body.schools as (Record<string, number> & { organisationId: string })[]).map((s) => [s.organisationId, s]),
    ) as Record<string, Record<string, number>>;
    expect(rows[school]).toMatchObject({ agreementsWithoutPlan: 1, placementsBlocked: 3, placementsBlockedStarted: 2 });
    expect(rows[other]).toMatchObject({ agreementsWithoutPlan: 1, placementsBlocked: 1, placementsBlockedStarted: 0 });
    const sum = (k: string) => Object.values(rows).reduce((s, r) => s + (r[k] ?? 0), 0);
    for (const k of ['agreementsWithoutPlan', 'placementsBlocked', 'placementsBlockedStarted'])
      expect([k, body.totals[k]]).toEqual([k, sum(k)]);
  });

  it('agrees with the agreement list’s withoutPlan filter on the same day', async () => {
    const list = ok(
      await t.http.get(`/api/v1/agreements?withoutPlan=true&schoolId=${school}&limit=100`).set(auth),
      200,
      'list',
    );
    const body = await report(`&organisationId=${school}`);
    expect(body.totals.agreementsWithoutPlan).toBe(list.total);
  });

  it('evaluates the flags of a period that is over on its last day, in its academic year', async () => {
    // 2024-2025: the agreements had not started, and the placements fall outside the period
    const body = ok(
      await t.http.get(`/api/v1/reports/summary?period=2024-2025&organisationId=${school}`).set(auth),
      200,
      'report',
    );
    expect(body.totals).toMatchObject({ agreementsWithoutPlan: 0, placementsBlocked: 0, placementsBlockedStarted: 0 });
  });

  it('writes the flags as named columns into the CSV files, in the report’s language', async () => {
    const csv = await t.http
      .get(`/api/v1/reports/summary?period=2025-2026&organisationId=${school}&format=csv&table=schools&lang=ru`)
      .set(auth)
      .buffer(true)
      .parse(binary);
    expect(csv.status).toBe(200);
    const [header, row] = (csv.body as Buffer).subarray(3).toString('utf8').trim().split('\r\n');
    const cells = (header ?? '').split(',');
    const values = (row ?? '').split(',');
    const at = (name: string) => values[cells.indexOf(name)];
    expect(at('Соглашения без плана и мероприятий')).toBe('1');
    expect(at('Трудоустройство заблокировано: нет документов')).toBe('3');
    expect(at('Из них начались без документов')).toBe('2');
    const summary = await t.http
      .get(`/api/v1/reports/summary?period=2025-2026&organisationId=${school}&format=csv&lang=en`)
      .set(auth)
      .buffer(true)
      .parse(binary);
    const text = (summary.body as Buffer).toString('utf8');
    expect(text).toContain('placementsBlockedStarted,"Of them, started while blocked",2');
    expect(text).toContain('agreementsWithoutPlan,Agreements without a plan or activity,1');
  });
});
