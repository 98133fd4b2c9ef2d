import { orgIds } from './fixtures';
import { bootApp, TestApp } from './harness';

type Refusal = { status: number; body: { rule?: string; details?: { rule: string }[] } };

// Issue 14 items 1–2: calendars as data, and the placement check on the school's calendar with the dates.
describe('Calendars as data (issue 14 findings 1–2)', () => {
  let t: TestApp;
  let ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await bootApp();
    ids = await orgIds(t);
  });
  afterAll(() => t.close());

  const gym = () => ids['urussu-gymnasium'] as string;
  const rulesOf = (res: Refusal) => (res.body.details ?? []).map((d) => d.rule);

  let n = 0;
  /** A 16-year-old (born 1 January) through the employment centre, Mon–Fri; 6 h a day, 30 h a week unless told. */
  const place = async (startsOn: string, endsOn: string, over: Record<string, unknown> = {}) =>
    t.http
      .post('/api/v1/placements')
      .set(await t.auth('school_admin'))
      .send({
        schoolId: gym(),
        employerId: ids['tapart'],
        channel: 'employment_centre',
        kind: 'employment_contract',
        jobTitle: 'Подсобный рабочий благоустройства',
        studentCode: `CAL-${++n}`,
        studentBirthDate: `${Number(startsOn.slice(0, 4)) - 16}-01-01`,
        studentSex: 'female',
        startsOn,
        endsOn,
        workDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
        shiftStartsAt: '09:00',
        shiftEndsAt: '15:00',
        hoursPerDay: 6,
        hoursPerWeek: 30,
        medicalClearanceOn: startsOn,
        ...over,
      });
  /** 4 h a day, 8 h a week: within the term-time limits of a 16-year-old (B2–B3). */
  const short = { shiftStartsAt: '09:00', shiftEndsAt: '13:00', hoursPerDay: 4, hoursPerWeek: 8 };

  describe('the district calendar (A5 seeded, ФОП default otherwise)', () => {
    it('answers Tatarstan 2025/26 with the published holidays and the summer from 27 May 2026', async () => {
      const res = await t.http
        .get('/api/v1/calendars/school-years?academicYear=2025-2026')
        .set(await t.auth('partner_rep'));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        academicYear: '2025-2026',
        organisationId: null,
        source: 'district',
        termScheme: 'quarters',
        firstDay: '2025-09-01',
        lastDay: '2026-05-26',
        holidays: [
          { kind: 'autumn', first: '2025-10-27', last: '2025-11-06' },
          { kind: 'winter', first: '2025-12-31', last: '2026-01-11' },
          { kind: 'spring', first: '2026-03-28', last: '2026-04-05' },
        ],
        grade1Holiday: { first: '2026-02-16', last: '2026-02-22' },
        summerHolidays: { first: '2026-05-27', last: '2026-08-31' },
        version: 1,
      });
    });

    it("gives a school of the district's scheme the district calendar and a trimester school its own default", async () => {
      const quarters = await t.http
        .get(`/api/v1/calendars/school-years?academicYear=2024-2025&organisationId=${gym()}`)
        .set(await t.auth('school_admin'));
      expect(quarters.body).toMatchObject({ source: 'district', organisationId: gym(), firstDay: '2024-09-02' });
      const trimesters = await t.http
        .get(`/api/v1/calendars/school-years?academicYear=2024-2025&organisationId=${ids['maloe-urussu-school']}`)
        .set(await t.auth('coordinator'));
      expect(trimesters.body).toMatchObject({ source: 'default', termScheme: 'trimesters', version: null });
    });

    it('computes a year without published dates from the ФОП defaults (1 Sep 2030 is a Sunday: from 2 Sep)', async () => {
      const res = await t.http
        .get('/api/v1/calendars/school-years?academicYear=2030-2031')
        .set(await t.auth('coordinator'));
      expect(res.body).toMatchObject({
        source: 'default',
        firstDay: '2030-09-02',
        lastDay: '2031-05-26',
        version: null,
      });
    });

    it('refuses a 2025/26 first quarter of 57 days (422 period.term.too-long) and a stale version (409)', async () => {
      const body = {
        termScheme: 'quarters',
        terms: [
          { first: '2025-09-01', last: '2025-10-27' },
          { first: '2025-11-07', last: '2025-12-30' },
          { first: '2026-01-12', last: '2026-03-27' },
          { first: '2026-04-06', last: '2026-05-26' },
        ],
        version: 1,
      };
      const long = await t.http
        .put('/api/v1/calendars/school-years/2025-2026')
        .set(await t.auth('coordinator'))
        .send(body);
      expect(long.status).toBe(422);
      expect(long.body.details).toEqual([expect.objectContaining({ rule: 'period.term.too-long', field: 'terms[0]' })]);
      const stale = await t.http
        .put('/api/v1/calendars/school-years/2025-2026')
        .set(await t.auth('coordinator'))
        .send({ ...body, terms: [{ ...body.terms[0], last: '2025-10-26' }, ...body.terms.slice(1)], version: 7 });
      expect(stale.status).toBe(409);
      expect(stale.body.rule).toBe('version.stale');
    });

    it("lets only the coordinator change the district's calendar, and a school admin only their own school", async () => {
      const body = {
        termScheme: 'halves',
        terms: [
          { first: '2040-09-03', last: '2040-12-27' },
          { first: '2041-01-10', last: '2041-05-24' },
        ],
      };
      const asAdmin = await t.http
        .put('/api/v1/calendars/school-years/2040-2041')
        .set(await t.auth('school_admin'))
        .send(body);
      expect(asAdmin.status).toBe(403);
      const foreign = await t.http
        .put(`/api/v1/calendars/school-years/2040-2041?organisationId=${ids['maloe-urussu-school']}`)
        .set(await t.auth('school_admin'))
        .send(body);
      expect(foreign.status).toBe(404);
      const partner = await t.http
        .put('/api/v1/calendars/school-years/2040-2041')
        .set(await t.auth('partner_rep'))
        .send(body);
      expect(partner.status).toBe(403);
    });
  });

  describe("the placement check on the school's calendar (finding 1)", () => {
    it.each([
      ['2026-03-23', '2026-03-27'],
      ['2025-11-07', '2025-11-07'],
      ['2025-12-29', '2025-12-30'],
      ['2024-11-07', '2024-11-08'],
      ['2022-03-23', '2022-03-25'],
    ])('refuses 6 h a day, 30 h a week for a 16-year-old on %s–%s: term time', async (from, to) => {
      const res = await place(from, to);
      expect(res.status).toBe(422);
      expect(rulesOf(res)).toContain('placement.hours.daily');
    });

    it.each([
      ['2025-10-27', '2025-10-31'],
      ['2024-10-28', '2024-10-31'],
      ['2022-01-10', '2022-01-11'],
    ])('accepts the same job on %s–%s: school holidays', async (from, to) => {
      const res = await place(from, to);
      expect({ status: res.status, body: res.status === 201 ? {} : res.body }).toEqual({ status: 201, body: {} });
    });

    it.each([
      ['2024-04-29', '2024-04-30'],
      ['2024-12-31', '2024-12-31'],
    ])('refuses work on %s–%s: days off by decree transfer (A6, ТК ст. 268)', async (from, to) => {
      const res = await place(from, to, short);
      expect(res.status).toBe(422);
      expect(rulesOf(res)).toEqual(['placement.holiday-work']);
    });
  });

  describe('term reports', () => {
    it('read a term period with the stored calendar: 2025-2026:q3 is 12 Jan–27 Mar 2026 (the default ends 20 Mar)', async () => {
      const res = await t.http.get('/api/v1/reports/summary?period=2025-2026:q3').set(await t.auth('coordinator'));
      expect(res.status).toBe(200);
      expect(res.body.period).toMatchObject({ kind: 'term', startsOn: '2026-01-12', endsOn: '2026-03-27' });
      const trimester = await t.http
        .get(`/api/v1/reports/summary?period=2025-2026:t2&organisationId=${ids['maloe-urussu-school']}`)
        .set(await t.auth('coordinator'));
      expect(trimester.status).toBe(200);
      expect(trimester.body.period).toMatchObject({ kind: 'term', startsOn: '2025-12-02' });
    });
  });

  describe('a school override (school admin, own school)', () => {
    /** Spring holidays 23–31 March 2026 instead of the district's 28 March–5 April. */
    const override = {
      termScheme: 'quarters',
      terms: [
        { first: '2025-09-01', last: '2025-10-26' },
        { first: '2025-11-07', last: '2025-12-30' },
        { first: '2026-01-12', last: '2026-03-22' },
        { first: '2026-04-01', last: '2026-05-26' },
      ],
      grade1Holiday: null,
    };

    it('changes what the placement check and /periods answer, and deleting it restores the district calendar', async () => {
      const admin = await t.auth('school_admin');
      const saved = await t.http
        .put(`/api/v1/calendars/school-years/2025-2026?organisationId=${gym()}`)
        .set(admin)
        .send(override);
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({
        source: 'school',
        organisationId: gym(),
        version: 1,
        holidays: expect.arrayContaining([{ kind: 'spring', first: '2026-03-23', last: '2026-03-31' }]),
      });
      expect((await place('2026-03-23', '2026-03-27')).status).toBe(201);
      const periods = await t.http.get(`/api/v1/periods?academicYear=2025-2026&organisationId=${gym()}`).set(admin);
      expect(periods.body.terms[2]).toMatchObject({ code: 'q3', startsOn: '2026-01-12', endsOn: '2026-03-22' });

      const again = await t.http
        .put(`/api/v1/calendars/school-years/2025-2026?organisationId=${gym()}`)
        .set(admin)
        .send({ ...override, version: 1 });
      expect(again.body.version).toBe(2);

      const removed = await t.http
        .delete(`/api/v1/calendars/school-years/2025-2026?organisationId=${gym()}`)
        .set(admin);
      expect(removed.status).toBe(204);
      const district = await t.http.get(`/api/v1/periods?academicYear=2025-2026&organisationId=${gym()}`).set(admin);
      expect(district.body.terms[2]).toMatchObject({ code: 'q3', startsOn: '2026-01-12', endsOn: '2026-03-27' });
      expect((await place('2026-03-23', '2026-03-27')).status).toBe(422);
      const gone = await t.http.delete(`/api/v1/calendars/school-years/2025-2026?organisationId=${gym()}`).set(admin);
      expect(gone.status).toBe(404);
    });
  });

  describe('the working-day calendar (finding 2)', () => {
    it('answers 2024 from the stored decree transfers', async () => {
      const res = await t.http.get('/api/v1/calendars/working-days/2024').set(await t.auth('school_admin'));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        year: 2024,
        source: 'stored',
        version: 1,
        extraWorkingDays: ['2024-04-27', '2024-11-02', '2024-12-28'],
      });
      const days = (res.body.nonWorkingDays as { date: string }[]).map((d) => d.date);
      expect(days).toEqual(
        expect.arrayContaining(['2024-04-29', '2024-04-30', '2024-12-30', '2024-12-31', '2024-04-10']),
      );
    });

    it('answers 2020 and 2021 with the President’s non-working days (A6)', async () => {
      const days = async (year: number) => {
        const res = await t.http.get(`/api/v1/calendars/working-days/${year}`).set(await t.auth('school_admin'));
        expect(res.status).toBe(200);
        return (res.body.nonWorkingDays as { date: string; name: string }[])
          .filter((d) => d.name === 'presidential_decree')
          .map((d) => d.date);
      };
      const y2020 = await days(2020);
      expect(y2020).toEqual(
        expect.arrayContaining(['2020-03-30', '2020-04-30', '2020-05-06', '2020-06-24', '2020-07-01']),
      );
      expect(y2020).toHaveLength(2 + 22 + 3 + 2); // the weekdays of 30–31 Mar, April, 6–8 May; 24 Jun; 1 Jul
      expect(await days(2021)).toEqual([
        '2021-05-04',
        '2021-05-05',
        '2021-05-06',
        '2021-05-07',
        '2021-11-01',
        '2021-11-02',
        '2021-11-03',
      ]);
    });

    it('accepts work on 5 May 2021 and 1 Jul 2020: the President’s non-working days are not holidays for ст. 268', async () => {
      // 5 May 2021 is a term-time Wednesday: after lessons, 4 h a day
      const may = await place('2021-05-05', '2021-05-05', {
        shiftStartsAt: '15:00',
        shiftEndsAt: '19:00',
        hoursPerDay: 4,
        hoursPerWeek: 4,
      });
      expect({ status: may.status, body: may.status === 201 ? {} : may.body }).toEqual({ status: 201, body: {} });
      // 1 Jul 2020, the summer holidays: 6 h a day
      const july = await place('2020-07-01', '2020-07-01', { hoursPerWeek: 6 });
      expect({ status: july.status, body: july.status === 201 ? {} : july.body }).toEqual({ status: 201, body: {} });
      // the next day off that is a holiday, 4 Nov 2021, is still refused
      const november = await place('2021-11-04', '2021-11-04', {
        shiftStartsAt: '15:00',
        shiftEndsAt: '19:00',
        hoursPerDay: 4,
        hoursPerWeek: 4,
      });
      expect(rulesOf(november)).toEqual(['placement.holiday-work']);
    });

    it('lets the coordinator add a year of Ураза- and Курбан-байрам, which the placement check then applies', async () => {
      const before = await t.http.get('/api/v1/calendars/working-days/2027').set(await t.auth('coordinator'));
      expect(before.body).toMatchObject({ source: 'built-in', version: null, movableHolidays: [] });
      // test dates for the check, not the decree's
      const body = {
        movableHolidays: [
          { date: '2027-03-10', name: 'uraza_bayram' },
          { date: '2027-05-17', name: 'kurban_bayram' },
        ],
        extraDaysOff: [],
        extraWorkingDays: [],
      };
      const denied = await t.http
        .put('/api/v1/calendars/working-days/2027')
        .set(await t.auth('school_admin'))
        .send(body);
      expect(denied.status).toBe(403);
      const outside = await t.http
        .put('/api/v1/calendars/working-days/2027')
        .set(await t.auth('coordinator'))
        .send({ ...body, extraWorkingDays: ['2026-05-01'] });
      expect(outside.status).toBe(400);
      expect(outside.body.details?.[0]).toMatchObject({ field: 'extraWorkingDays[0]', rule: 'period.invalid' });
      const saved = await t.http
        .put('/api/v1/calendars/working-days/2027')
        .set(await t.auth('coordinator'))
        .send(body);
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ source: 'stored', version: 1 });
      expect(saved.body.nonWorkingDays).toEqual(expect.arrayContaining([{ date: '2027-03-10', name: 'uraza_bayram' }]));
      const res = await place('2027-03-10', '2027-03-10', short);
      expect(rulesOf(res)).toEqual(['placement.holiday-work']);
      const stale = await t.http
        .put('/api/v1/calendars/working-days/2027')
        .set(await t.auth('coordinator'))
        .send(body);
      expect(stale.status).toBe(409);
    });
  });
});
