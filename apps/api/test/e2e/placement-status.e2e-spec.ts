import { orgIds } from './fixtures';
import { bootApp, TestApp } from './harness';

type Finding = { rule: string; message: string; field?: string; kind: string };
type Res = { status: number; body: { status?: string; findings?: Finding[]; details?: { rule: string }[] } };

// Issue 14 item 3 (findings 3 and 4): hard breaches are refused, missing paperwork is stored blocked and cleared by a
// PATCH, [M] loads are flagged for review, pupils in term time work outside lesson hours.
describe('Placements blocked and cleared (issue 14, findings 3 and 4)', () => {
  let t: TestApp;
  let ids: Record<string, string> = {};
  let n = 0;

  beforeAll(async () => {
    t = await bootApp();
    ids = await orgIds(t);
  });
  afterAll(() => t.close());

  /** A lawful summer job in 2026: a 16-year-old through the employment centre, Mon–Fri 09:00–15:00, 6 h a day. */
  const body = (over: Record<string, unknown>) => ({
    schoolId: ids['urussu-gymnasium'],
    employerId: ids['czn-yutazy'],
    channel: 'employment_centre',
    kind: 'employment_contract',
    jobTitle: 'Подсобный рабочий благоустройства',
    studentCode: `PST-2026-${++n}`,
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
  const place = async (over: Record<string, unknown>, lang = '') =>
    t.http
      .post(`/api/v1/placements${lang}`)
      .set(await t.auth('coordinator'))
      .send(body(over));
  const patch = async (id: string, changes: Record<string, unknown>, lang = '') => {
    const current = await t.http.get(`/api/v1/placements/${id}`).set(await t.auth('coordinator'));
    return t.http
      .patch(`/api/v1/placements/${id}${lang}`)
      .set(await t.auth('coordinator'))
      .send({ version: current.body.version, ...changes });
  };
  const rules = (res: Res) => (res.body.findings ?? []).map((f) => f.rule);
  const refusedBy = (res: Res) => {
    expect(res.status).toBe(422);
    return (res.body.details ?? []).map((d) => d.rule);
  };
  const total = async (query = '') =>
    (await t.http.get(`/api/v1/placements?limit=100${query}`).set(await t.auth('coordinator'))).body.total as number;

  it('seeds the demo with one placement blocked until its medical clearance is recorded', async () => {
    const res = await t.http
      .get('/api/v1/placements?status=blocked&q=DEMO-&limit=100')
      .set(await t.auth('coordinator'));
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0].findings.map((f: Finding) => f.rule)).toEqual(['placement.medical.required']);
  });

  describe('weekend work in the summer holidays, ст. 268 from 01.09.2025 (finding 3)', () => {
    /** Sat–Sun 30–31 May 2026: instruction ended on Tue 26 May, so the summer holidays have begun. */
    const may = {
      studentBirthDate: '2010-01-10',
      startsOn: '2026-05-30',
      endsOn: '2026-05-31',
      workDays: ['sat', 'sun'],
      hoursPerDay: 4,
      hoursPerWeek: 8,
      shiftStartsAt: '09:00',
      shiftEndsAt: '13:00',
      medicalClearanceOn: '2026-05-20',
    };

    it('stores an employment-centre referral of 16 on Sat–Sun 30–31 May 2026 blocked for the weekend consents, not refused', async () => {
      const res = await place(may);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'blocked', weekendWorkConsent: false });
      expect(rules(res)).toEqual(['placement.weekend.consent-missing']);
      expect(res.body.findings[0]).toMatchObject({ field: 'weekendWorkConsent', kind: 'paperwork' });
      expect(res.body.findings[0].message).toContain('ТК ст. 268');
    });

    it('clears it when the weekend-work consents are recorded', async () => {
      const created = await place(may);
      const cleared = await patch(created.body.id, { weekendWorkConsent: true });
      expect(cleared.status).toBe(200);
      expect(cleared.body).toMatchObject({ status: 'cleared', findings: [], weekendWorkConsent: true });
      expect((await place({ ...may, weekendWorkConsent: true })).body).toMatchObject({ status: 'cleared' });
    });

    it('still refuses the same weekend for a direct hire with 422 placement.rest-day, storing nothing', async () => {
      const before = await total();
      expect(refusedBy(await place({ ...may, channel: 'direct', weekendWorkConsent: true }))).toEqual([
        'placement.rest-day',
      ]);
      expect(await total()).toBe(before);
    });

    it('refuses the weekend of 23–24 May 2026, still term time, with 422 placement.rest-day', async () => {
      expect(
        refusedBy(await place({ ...may, startsOn: '2026-05-23', endsOn: '2026-05-24', weekendWorkConsent: true })),
      ).toEqual(['placement.rest-day']);
    });
  });

  describe('pupils in term time work only outside lesson hours (finding 4)', () => {
    /** A 14-year-old on Mon, Wed, Fri 2–6 Feb 2026 (term time in every calendar), 2.5 h a day. */
    const term = {
      studentBirthDate: '2011-09-10',
      startsOn: '2026-02-02',
      endsOn: '2026-02-06',
      workDays: ['mon', 'wed', 'fri'],
      hoursPerDay: 2.5,
      hoursPerWeek: 7.5,
      parentConsent: true,
      medicalClearanceOn: '2026-01-15',
    };

    it('refuses a 14-year-old working 08:00–10:30 on term-time school days with 422 placement.lesson-hours', async () => {
      const before = await total();
      const res = await place({ ...term, shiftStartsAt: '08:00', shiftEndsAt: '10:30' });
      expect(refusedBy(res)).toEqual(['placement.lesson-hours']);
      expect(res.body).toMatchObject({ rule: 'placement.lesson-hours' });
      expect(await total()).toBe(before);
    });

    it('accepts the same pupil after lessons, 15:00–17:30', async () => {
      const res = await place({ ...term, shiftStartsAt: '15:00', shiftEndsAt: '17:30' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'cleared', findings: [] });
    });

    it("uses the school's own lesson hours, edited by PATCH /organisations/:id", async () => {
      const school = ids['karakashly-school'] as string;
      const early = { ...term, schoolId: school, shiftStartsAt: '13:30', shiftEndsAt: '16:00' };
      expect(refusedBy(await place(early))).toEqual(['placement.lesson-hours']);
      const org = await t.http.get(`/api/v1/organisations/${school}`).set(await t.auth('coordinator'));
      expect(org.body).toMatchObject({ lessonsStartAt: '08:00', lessonsEndAt: '14:30' });
      const edited = await t.http
        .patch(`/api/v1/organisations/${school}`)
        .set(await t.auth('coordinator'))
        .send({ version: org.body.version, lessonsStartAt: '08:30', lessonsEndAt: '13:30' });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ lessonsStartAt: '08:30', lessonsEndAt: '13:30' });
      expect((await place(early)).status).toBe(201);
    });

    it('refuses lesson hours that end before they start, and lesson hours for a partner, with 400', async () => {
      const school = ids['bayryaka-school'] as string;
      const org = await t.http.get(`/api/v1/organisations/${school}`).set(await t.auth('coordinator'));
      const bad = await t.http
        .patch(`/api/v1/organisations/${school}`)
        .set(await t.auth('coordinator'))
        .send({ version: org.body.version, lessonsEndAt: '07:00' });
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({
        rule: 'organisation.lesson-hours.invalid',
        details: [{ field: 'lessonsEndAt', rule: 'organisation.lesson-hours.invalid' }],
      });
      const partner = ids['tapart'] as string;
      const p = await t.http.get(`/api/v1/organisations/${partner}`).set(await t.auth('coordinator'));
      const refused = await t.http
        .patch(`/api/v1/organisations/${partner}`)
        .set(await t.auth('coordinator'))
        .send({ version: p.body.version, lessonsStartAt: '09:00' });
      expect(refused.status).toBe(400);
      expect(refused.body.rule).toBe('organisation.lesson-hours.only-schools');
      const after = await t.http.get(`/api/v1/organisations/${school}`).set(await t.auth('coordinator'));
      expect(after.body).toMatchObject({ version: org.body.version, lessonsEndAt: '14:30' });
    });
  });

  describe('[M] loads are flagged for manual review (finding 4)', () => {
    it('stores a boy of 16 carrying 11 kg constantly for up to a third of the shift with a review finding, cleared', async () => {
      const res = await place({ maxLoadKg: 11, loadMode: 'up_to_third_constant' });
      expect(res.status).toBe(201);
      expect(res.body.status).toBe('cleared');
      expect(res.body.findings).toEqual([
        expect.objectContaining({ rule: 'placement.load.manual-review', field: 'maxLoadKg', kind: 'review' }),
      ]);
    });

    it('still refuses 11 kg carried constantly through the shift with 422 placement.load.exceeded', async () => {
      expect(refusedBy(await place({ maxLoadKg: 11, loadMode: 'constant' }))).toEqual(['placement.load.exceeded']);
    });
  });

  describe('missing paperwork: blocked, listed, then cleared', () => {
    /** A 14-year-old in the summer of 2026 without a parent's consent nor a medical clearance. */
    const young = {
      studentBirthDate: '2012-01-10',
      hoursPerDay: 4,
      hoursPerWeek: 20,
      shiftStartsAt: '09:00',
      shiftEndsAt: '13:00',
      medicalClearanceOn: null,
    };

    it('stores the placement blocked with both findings, filters it, and clears it when the paperwork is recorded', async () => {
      const res = await place(young);
      expect(res.status).toBe(201);
      expect(res.body.status).toBe('blocked');
      expect(rules(res)).toEqual(['placement.consent.parent-required', 'placement.medical.required']);
      const blocked = await t.http.get('/api/v1/placements?status=blocked&limit=100').set(await t.auth('coordinator'));
      expect(blocked.body.items.map((p: { id: string }) => p.id)).toContain(res.body.id);
      expect(blocked.body.items.every((p: { status: string }) => p.status === 'blocked')).toBe(true);

      const half = await patch(res.body.id, { parentConsent: true });
      expect(half.body.status).toBe('blocked');
      expect(rules(half)).toEqual(['placement.medical.required']);

      const done = await patch(res.body.id, { medicalClearanceOn: '2026-06-10' });
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({ status: 'cleared', findings: [] });
      const cleared = await t.http.get('/api/v1/placements?status=cleared&limit=100').set(await t.auth('coordinator'));
      expect(cleared.body.items.map((p: { id: string }) => p.id)).toContain(res.body.id);
    });

    it('answers the stored findings in the request language', async () => {
      const res = await place(young, '?lang=en');
      expect(res.body.findings[0].message).toMatch(/parent's written consent/);
      const ru = await t.http.get(`/api/v1/placements/${res.body.id}`).set(await t.auth('coordinator'));
      expect(ru.body.findings[0].message).toMatch(/согласие/);
    });

    it('refuses a hard breach with 422 even when paperwork is missing, storing nothing; a PATCH into one changes nothing', async () => {
      const before = await total();
      const res = await place({ ...young, harmful: true });
      expect(refusedBy(res)).toEqual(['placement.prohibited-work']);
      expect(await total()).toBe(before);

      const created = await place(young);
      const night = await patch(created.body.id, { shiftStartsAt: '18:00', shiftEndsAt: '22:30', parentConsent: true });
      expect(refusedBy(night)).toEqual(['placement.night-work']);
      const after = await t.http.get(`/api/v1/placements/${created.body.id}`).set(await t.auth('coordinator'));
      expect(after.body).toMatchObject({ version: 1, status: 'blocked', parentConsent: false, shiftStartsAt: '09:00' });
    });

    it('rejects an unknown status filter with 400', async () => {
      const res = await t.http.get('/api/v1/placements?status=pending').set(await t.auth('coordinator'));
      expect(res.status).toBe(400);
    });
  });
});
