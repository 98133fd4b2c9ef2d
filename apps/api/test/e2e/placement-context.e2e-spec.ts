import {
  assessPlacement,
  LocalDate,
  LocalTime,
  placementContextOfFacts,
  unwrap,
  type PlacementContextFacts,
  type PlacementInput,
  type Role,
} from '@socium/domain';

import { orgIds } from './fixtures';
import { bootApp, TestApp } from './harness';

// Issue 13 item 6: the panel checks a placement as the user types with the rules of `libs/domain`, fed with the
// calendar facts the server uses (`GET /placements/context`); and the labour market's coverage view
// (`GET /labour-needs/coverage`, indicator #10 as the report counts it).
describe('Placement context and labour coverage for the panel (issue 13 items 5 and 6)', () => {
  let t: TestApp;
  let ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await bootApp();
    ids = await orgIds(t);
  });
  afterAll(() => t.close());

  const context = async (q: Record<string, string>, role: Role = 'coordinator') =>
    t.http
      .get('/api/v1/placements/context')
      .query(q)
      .set(await t.auth(role));

  describe('GET /placements/context', () => {
    const march = { from: '2026-03-23', to: '2026-04-06' };

    it('answers the school calendar of the days asked: the 2025/26 spring holidays 28 March – 5 April (A5)', async () => {
      const res = await context({ schoolId: ids['urussu-gymnasium'], ...march });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ schoolId: ids['urussu-gymnasium'], ...march });
      expect(res.body.schoolHolidays).toEqual([
        '2026-03-28',
        '2026-03-29',
        '2026-03-30',
        '2026-03-31',
        '2026-04-01',
        '2026-04-02',
        '2026-04-03',
        '2026-04-04',
        '2026-04-05',
      ]);
      expect(res.body.lessonHours).toEqual({ startsAt: '08:00', endsAt: '14:30' });
    });

    it('lists the non-working holidays of the working-day calendar (12 June 2026)', async () => {
      const res = await context({ schoolId: ids['urussu-gymnasium'], from: '2026-06-10', to: '2026-06-14' });
      expect(res.body.nonWorkingHolidays).toContain('2026-06-12');
      expect(res.body.schoolHolidays).toHaveLength(5);
    });

    /** A 16-year-old, 6 h a day, 30 h a week, on 23–27 March 2026 (issue 14 finding 1): term days. */
    const body = {
      schoolId: '',
      employerId: '',
      channel: 'employment_centre',
      kind: 'employment_contract',
      jobTitle: 'Подсобный рабочий',
      studentCode: 'CTX-2026-1',
      studentBirthDate: '2009-06-01',
      studentSex: 'male',
      startsOn: '2026-03-23',
      endsOn: '2026-03-27',
      workDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
      shiftStartsAt: '08:00',
      shiftEndsAt: '14:30',
      hoursPerDay: 6,
      hoursPerWeek: 30,
      medicalClearanceOn: '2026-03-01',
    } as const;
    const input = (b: Omit<typeof body, 'schoolId' | 'employerId'>): PlacementInput => ({
      ...b,
      studentBirthDate: LocalDate.iso(b.studentBirthDate),
      startsOn: LocalDate.iso(b.startsOn),
      endsOn: LocalDate.iso(b.endsOn),
      shiftStartsAt: unwrap(LocalTime.parse(b.shiftStartsAt)),
      shiftEndsAt: unwrap(LocalTime.parse(b.shiftEndsAt)),
      medicalClearanceOn: LocalDate.iso(b.medicalClearanceOn),
      harmful: false,
      maxLoadKg: null,
      parentConsent: false,
      guardianshipConsent: false,
    });

    it('gives the browser the same hard findings as the server refuses the placement with', async () => {
      const b = { ...body, schoolId: ids['urussu-gymnasium'], employerId: ids['czn-yutazy'] };
      const refused = await t.http
        .post('/api/v1/placements')
        .set(await t.auth('coordinator'))
        .send(b);
      expect(refused.status).toBe(422);
      const facts = (await context({ schoolId: b.schoolId, from: b.startsOn, to: b.endsOn }))
        .body as PlacementContextFacts;
      const { schoolId: _school, employerId: _employer, ...fields } = b;
      void [_school, _employer];
      const live = assessPlacement(input(fields), placementContextOfFacts(facts));
      const rules = (refused.body.details as { rule: string }[]).map((d) => d.rule);
      expect(live.hard.map((f) => f.rule)).toEqual(rules);
      expect(rules).toEqual(expect.arrayContaining(['placement.hours.daily', 'placement.lesson-hours']));
    });

    it('lets a school administrator ask for the own school only, and a partner representative not at all', async () => {
      expect((await context({ schoolId: ids['urussu-gymnasium'], ...march }, 'school_admin')).status).toBe(200);
      const foreign = await context({ schoolId: ids['yutaza-school'], ...march }, 'school_admin');
      expect(foreign.status).toBe(403);
      expect(foreign.body.rule).toBe('placement.school.not-own');
      expect((await context({ schoolId: ids['urussu-gymnasium'], ...march }, 'partner_rep')).status).toBe(403);
    });

    it('refuses a school that is not a school, reversed days and a span over two years', async () => {
      const partner = await context({ schoolId: ids['tapart'], ...march });
      expect(partner.status).toBe(422);
      expect(partner.body.rule).toBe('placement.school.invalid');
      expect((await context({ schoolId: ids['urussu-gymnasium'], from: '2026-04-06', to: '2026-03-23' })).status).toBe(
        400,
      );
      expect((await context({ schoolId: ids['urussu-gymnasium'], from: '2024-01-01', to: '2026-03-23' })).status).toBe(
        400,
      );
      expect((await context({ schoolId: ids['urussu-gymnasium'], from: '2026-03-23' })).status).toBe(400);
    });
  });

  describe('GET /labour-needs/coverage', () => {
    const coverage = async (q: Record<string, string>, role: Role = 'coordinator') =>
      t.http
        .get('/api/v1/labour-needs/coverage')
        .query(q)
        .set(await t.auth(role));

    it('lists a demanded profession no activity of the year names, its needs merged and summed', async () => {
      const year = '2025-2026';
      const before = (await coverage({ academicYear: year })).body;
      const post = async (profession: string, demand: number) =>
        t.http
          .post('/api/v1/labour-needs')
          .set(await t.auth('coordinator'))
          .send({ profession, sector: 'Промышленность', demand, academicYear: year });
      expect((await post('Мехатроник-наладчик', 7)).status).toBe(201);
      expect((await post('  МЕХАТРОНИК-наладчик ', 2)).status).toBe(201);
      const after = await coverage({ academicYear: year });
      expect(after.status).toBe(200);
      expect(after.body.demanded).toBe(before.demanded + 1);
      expect(after.body.covered).toBe(before.covered);
      expect(after.body.uncovered).toContainEqual({
        profession: expect.stringMatching(/^мехатроник-наладчик$/i),
        demand: 9,
      });
      expect(after.body.ratio).toBeCloseTo(after.body.covered / after.body.demanded, 5);
      expect(after.body.organisationId).toBeNull();
    });

    it('is the report indicator #10 of the same year', async () => {
      const year = '2025-2026';
      const cov = (await coverage({ academicYear: year })).body;
      const report = await t.http
        .get('/api/v1/reports/summary')
        .query({ period: year })
        .set(await t.auth('coordinator'));
      expect(report.status).toBe(200);
      const ind = report.body.indicators.demandedProfessionsCovered;
      expect([cov.demanded, cov.covered, cov.ratio]).toEqual([ind.demanded, ind.covered, ind.value]);
      expect(cov.uncovered).toEqual(ind.uncovered);
    });

    it('scopes a school administrator to the own school and refuses a partner representative', async () => {
      const own = await coverage({ academicYear: '2025-2026' }, 'school_admin');
      expect(own.status).toBe(200);
      expect(own.body.organisationId).toBe(ids['urussu-gymnasium']);
      expect(
        (await coverage({ academicYear: '2025-2026', organisationId: ids['yutaza-school'] }, 'school_admin')).status,
      ).toBe(404);
      expect((await coverage({ academicYear: '2025-2026' }, 'partner_rep')).status).toBe(403);
      expect((await coverage({ academicYear: '2025-2027' })).status).toBe(400);
    });
  });
});
