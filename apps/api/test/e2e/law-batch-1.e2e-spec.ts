import { directionIds, newPlan, orgIds, partnershipAgreement } from './fixtures';
import { bootApp, TestApp } from './harness';

// Issue 14, first batch of the law: each finding sent again through the API with the dates.
describe('The law as the API applies it (issue 14, first batch)', () => {
  let t: TestApp;
  let ids: Record<string, string> = {};
  let dir: Record<string, string> = {};

  beforeAll(async () => {
    t = await bootApp();
    ids = await orgIds(t);
    dir = await directionIds(t);
  });
  afterEach(() => t.clock.pin('2026-11-28'));
  afterAll(() => t.close());

  describe('renewal terms keep their anniversaries (finding 5)', () => {
    let agreementId: string;

    beforeAll(async () => {
      t.clock.pin('2020-02-20');
      const created = await t.http
        .post('/api/v1/agreements')
        .set(await t.auth('school_admin'))
        .send(
          partnershipAgreement('Т-29-02', ids, dir, { startsOn: '2020-02-29', endsOn: '2021-02-28', autoRenew: true }),
        );
      expect(created.status).toBe(201);
      agreementId = created.body.id;
      for (const party of ['school', 'partner'] as const) {
        const signed = await t.http
          .post(`/api/v1/agreements/${agreementId}/sign`)
          .set(await t.auth(party === 'school' ? 'school_admin' : 'partner_rep'))
          .send({ party, signedOn: '2020-02-20' });
        expect(signed.status).toBe(200);
      }
      t.clock.pin('2026-11-28');
    });

    it.each([
      ['2020-06-01', '2021-02-28', 'active'],
      ['2021-03-01', '2022-02-28', 'renewed'],
      ['2022-02-28', '2022-02-28', 'renewed'],
      ['2022-03-01', '2023-02-28', 'renewed'],
      ['2023-03-01', '2024-02-29', 'renewed'],
      ['2024-02-29', '2024-02-29', 'renewed'],
      ['2024-03-01', '2025-02-28', 'renewed'],
      ['2026-11-28', '2027-02-28', 'renewed'],
    ])('answers on %s that the 29.02.2020–28.02.2021 agreement is in force until %s', async (today, end, status) => {
      t.clock.pin(today);
      const res = await t.http.get(`/api/v1/agreements/${agreementId}`).set(await t.auth('coordinator'));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ startsOn: '2020-02-29', endsOn: '2021-02-28', effectiveEndsOn: end, status });
    });
  });

  describe('a postponement keeps the planned date (finding 7, item 5)', () => {
    const school = () => ids['urussu-gymnasium'];
    const totals = async (period: string) => {
      const res = await t.http
        .get(`/api/v1/reports/summary?period=${period}&organisationId=${school()}`)
        .set(await t.auth('coordinator'));
      expect(res.status).toBe(200);
      const { activitiesPlanned, activitiesHeld } = res.body.totals as Record<string, number>;
      return { activitiesPlanned, activitiesHeld };
    };
    const plus = (base: { activitiesPlanned: number; activitiesHeld: number }, planned: number, held: number) => ({
      activitiesPlanned: base.activitiesPlanned + planned,
      activitiesHeld: base.activitiesHeld + held,
    });

    it('counts an activity planned for 2026-12-12 and postponed to 2027-01-20 in the period containing December 2026, with its new date shown', async () => {
      const plans = await t.http
        .get(`/api/v1/plans?organisationId=${school()}&academicYear=2026-2027`)
        .set(await t.auth('school_admin'));
      let planId = plans.body.items[0]?.id as string | undefined;
      if (!planId) planId = await newPlan(t, { organisationId: school(), academicYear: '2026-2027', title: 'План' });
      const december = await totals('2026-Q4');
      const january = await totals('2027-Q1');

      const created = await t.http
        .post(`/api/v1/plans/${planId}/activities`)
        .set(await t.auth('school_admin'))
        .send({
          title: 'Экскурсия на предприятие',
          directionId: dir['career_guidance'],
          form: 'excursion',
          partnerId: null,
          startsOn: '2026-12-12',
          targetGrades: [8],
          plannedParticipants: 20,
          hours: 2,
        });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        startsOn: '2026-12-12',
        plannedStartsOn: '2026-12-12',
        plannedEndsOn: '2026-12-12',
      });

      const postponed = await t.http
        .post(`/api/v1/activities/${created.body.id}/outcome`)
        .set(await t.auth('school_admin'))
        .send({ status: 'postponed', startsOn: '2027-01-20' });
      expect(postponed.status).toBe(200);
      expect(postponed.body).toMatchObject({
        status: 'postponed',
        startsOn: '2027-01-20',
        endsOn: '2027-01-20',
        plannedStartsOn: '2026-12-12',
        plannedEndsOn: '2026-12-12',
      });
      expect(await totals('2026-Q4')).toEqual(plus(december, 1, 0));
      expect(await totals('2027-Q1')).toEqual(january);

      // an edit of the new date corrects it; the planned date stays
      const edited = await t.http
        .patch(`/api/v1/activities/${created.body.id}`)
        .set(await t.auth('school_admin'))
        .send({ version: postponed.body.version, startsOn: '2027-01-21' });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ startsOn: '2027-01-21', plannedStartsOn: '2026-12-12' });

      // held in January: the plan of December is executed
      t.clock.pin('2027-01-21');
      const held = await t.http
        .post(`/api/v1/activities/${created.body.id}/outcome`)
        .set(await t.auth('school_admin'))
        .send({ status: 'held', heldOn: '2027-01-21', actualParticipants: 18, result: 'Экскурсия проведена' });
      expect(held.status).toBe(200);
      expect(await totals('2026-Q4')).toEqual(plus(december, 1, 1));
      expect(await totals('2027-Q1')).toEqual(january);
    });

    it('moves the planned date with an edit of an activity that was never postponed', async () => {
      const plans = await t.http
        .get(`/api/v1/plans?organisationId=${school()}&academicYear=2026-2027`)
        .set(await t.auth('school_admin'));
      const created = await t.http
        .post(`/api/v1/plans/${plans.body.items[0].id}/activities`)
        .set(await t.auth('school_admin'))
        .send({
          title: 'Мастер-класс',
          directionId: dir['career_guidance'],
          form: 'master_class',
          partnerId: null,
          startsOn: '2026-12-14',
          targetGrades: [9],
        });
      expect(created.status).toBe(201);
      const edited = await t.http
        .patch(`/api/v1/activities/${created.body.id}`)
        .set(await t.auth('school_admin'))
        .send({ version: created.body.version, startsOn: '2027-02-03' });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({
        startsOn: '2027-02-03',
        plannedStartsOn: '2027-02-03',
        plannedEndsOn: '2027-02-03',
      });
    });
  });

  describe('placements: a medical clearance counts for one year, the shift span matches the hours (finding 4)', () => {
    let n = 0;
    /** A lawful summer job in 2026: a 16-year-old through the employment centre, Mon–Fri 09:00–15:00, 6 h a day. */
    const place = async (over: Record<string, unknown>) =>
      t.http
        .post('/api/v1/placements')
        .set(await t.auth('school_admin'))
        .send({
          schoolId: ids['urussu-gymnasium'],
          employerId: ids['tapart'],
          channel: 'employment_centre',
          kind: 'employment_contract',
          jobTitle: 'Подсобный рабочий благоустройства',
          studentCode: `LAW-2026-${++n}`,
          studentBirthDate: '2010-03-10',
          studentSex: 'male',
          startsOn: '2026-06-15',
          endsOn: '2026-07-10',
          workDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
          shiftStartsAt: '09:00',
          shiftEndsAt: '15:00',
          hoursPerDay: 6,
          hoursPerWeek: 30,
          medicalClearanceOn: '2026-06-01',
          ...over,
        });
    const refusedBy = (res: { status: number; body: { rule?: string; details?: { rule: string }[] } }) => {
      expect(res.status).toBe(422);
      return (res.body.details ?? []).map((d) => d.rule);
    };

    const blockedBy = (res: { status: number; body: { status?: string; findings?: { rule: string }[] } }) => {
      expect(res.status).toBe(201);
      expect(res.body.status).toBe('blocked');
      return (res.body.findings ?? []).map((f) => f.rule);
    };

    it('stores a job starting 2026-06-15 with a medical clearance dated 2022 as blocked by placement.medical.expired', async () => {
      const res = await place({ medicalClearanceOn: '2022-05-10' });
      expect(blockedBy(res)).toEqual(['placement.medical.expired']);
      expect(res.body.findings[0]).toMatchObject({ field: 'medicalClearanceOn' });
    });

    it('clears a clearance dated a year before the start to the day, and blocks one a day older', async () => {
      expect((await place({ medicalClearanceOn: '2025-06-15' })).body).toMatchObject({
        status: 'cleared',
        findings: [],
      });
      expect(blockedBy(await place({ medicalClearanceOn: '2025-06-14' }))).toEqual(['placement.medical.expired']);
    });

    it('refuses a shift 08:00–21:00 declared as 7 h with 422 placement.shift.span', async () => {
      const res = await place({ shiftStartsAt: '08:00', shiftEndsAt: '21:00', hoursPerDay: 7, hoursPerWeek: 35 });
      expect(refusedBy(res)).toEqual(['placement.shift.span']);
      expect(res.body.details[0]).toMatchObject({ field: 'shiftEndsAt' });
    });

    it('accepts 7 h in 08:00–17:00 (2 h of meal break) and refuses 08:00–17:01 and a span shorter than the hours', async () => {
      const seven = { hoursPerDay: 7, hoursPerWeek: 35, shiftStartsAt: '08:00' };
      expect((await place({ ...seven, shiftEndsAt: '17:00' })).status).toBe(201);
      expect(refusedBy(await place({ ...seven, shiftEndsAt: '17:01' }))).toEqual(['placement.shift.span']);
      expect(refusedBy(await place({ ...seven, shiftEndsAt: '14:59' }))).toEqual(['placement.shift.span']);
    });
  });
});
