import { orgIds } from './fixtures';
import { bootApp, TestApp } from './harness';

const lines = (...rows: string[]) => rows.join('\r\n') + '\r\n';

/**
 * The профминимум level per school per academic year (E1, issue 14 item 6): stored only on the enrolment record,
 * refused before 2023-2024, the school's own field read from and written to its current year's record, and the report
 * judging each school by the level of the year reported. "Today" is pinned to 28.11.2026 (the 2026-2027 academic
 * year); the demo seeds every school's records of 2025-2026 and 2026-2027 with its level.
 */
describe('Enrolment API: the профминимум level of each academic year', () => {
  let t: TestApp;
  let coord: string;
  let ids: Record<string, string> = {};
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const post = (slug: string, academicYear: string, over: Record<string, unknown> = {}) =>
    t.http
      .post('/api/v1/enrolment')
      .set(auth(coord))
      .send({ organisationId: ids[slug], academicYear, pupilsByGrade: { '8': 20 }, ...over });
  const org = async (slug: string) =>
    (await t.http.get(`/api/v1/organisations/${ids[slug]}`).set(auth(coord))).body as {
      profminimumLevel: string | null;
      version: number;
    };
  /** a school's recorded years, newest first, each with its level */
  const levels = async (slug: string) =>
    (
      (await t.http.get(`/api/v1/enrolment?organisationId=${ids[slug]}&limit=10`).set(auth(coord))).body.items as {
        academicYear: string;
        profminimumLevel: string | null;
      }[]
    ).map((e) => [e.academicYear, e.profminimumLevel]);
  /** a school's record of one academic year */
  const record = async (slug: string, academicYear: string) => {
    const res = await t.http
      .get(`/api/v1/enrolment?organisationId=${ids[slug]}&academicYear=${academicYear}`)
      .set(auth(coord));
    expect(res.body.items).toHaveLength(1);
    return res.body.items[0] as {
      id: string;
      version: number;
      profminimumLevel: string | null;
      pupilsByGrade: Record<string, number>;
    };
  };
  const report = async (slug: string, period: string) => {
    const res = await t.http
      .get(`/api/v1/reports/summary?period=${period}&organisationId=${ids[slug]}`)
      .set(auth(coord));
    expect(res.status).toBe(200);
    return {
      indicator: res.body.indicators.profminimum as {
        value: number | null;
        reason?: string;
        schools: { level: string }[];
      },
      careerLevel: (res.body.careerGuidance as { level: string | null }[])[0]?.level ?? null,
    };
  };

  beforeAll(async () => {
    t = await bootApp();
    coord = await t.as('coordinator');
    ids = await orgIds(t);
  });
  afterAll(() => t.close());

  it('has the demo’s enrolment give the district report values for #7, #8 (2026-2027) and #11 (2025-2026)', async () => {
    const district = async (period: string) => {
      const res = await t.http.get(`/api/v1/reports/summary?period=${period}`).set(auth(coord));
      expect(res.status).toBe(200);
      return res.body.indicators as Record<string, { value: number | null; reason?: string }>;
    };
    const now = await district('2026-2027');
    expect(now['studentCoverage']?.value).toEqual(expect.any(Number));
    expect(now['profminimum']?.value).toEqual(expect.any(Number));
    const last = await district('2025-2026');
    expect(last['summerEmployment']?.value).toBeGreaterThan(0);
    // every demo school's current year adds up to its total, the previous year to 97 % of it
    const gymnasium = await record('urussu-gymnasium', '2026-2027');
    expect(Object.values(gymnasium.pupilsByGrade).reduce((a, b) => a + b, 0)).toBe(820);
    expect((await record('urussu-gymnasium', '2025-2026')).profminimumLevel).toBe('main');
  });

  it('stores a level per year, gives a new year from 2023-2024 the school’s level and a year before none', async () => {
    const chosen = await post('yutaza-school', '2024-2025', { profminimumLevel: 'advanced' });
    expect([chosen.status, chosen.body.profminimumLevel]).toEqual([201, 'advanced']);
    // the Ютазинская школа declares the basic level (demo data)
    const defaulted = await post('yutaza-school', '2023-2024');
    expect([defaulted.status, defaulted.body.profminimumLevel]).toEqual([201, 'basic']);
    const before = await post('yutaza-school', '2022-2023');
    expect([before.status, before.body.profminimumLevel]).toEqual([201, null]);
    const changed = await t.http
      .patch(`/api/v1/enrolment/${defaulted.body.id}`)
      .set(auth(coord))
      .send({ version: defaulted.body.version, profminimumLevel: 'main' });
    expect([changed.status, changed.body.profminimumLevel, changed.body.version]).toEqual([200, 'main', 2]);
    expect(await levels('yutaza-school')).toEqual([
      // the demo's two years
      ['2026-2027', 'basic'],
      ['2025-2026', 'basic'],
      ['2024-2025', 'advanced'],
      ['2023-2024', 'main'],
      ['2022-2023', null],
    ]);
  });

  it('refuses a level for a year before 2023-2024 (422 profminimum.level.before-start) and an unknown level (400)', async () => {
    const created = await post('bayryaka-school', '2022-2023', { profminimumLevel: 'basic' });
    expect([created.status, created.body.rule]).toEqual([422, 'profminimum.level.before-start']);
    expect(created.body.details).toEqual([expect.objectContaining({ field: 'profminimumLevel' })]);
    const none = await post('bayryaka-school', '2022-2023', { profminimumLevel: null });
    expect([none.status, none.body.profminimumLevel]).toEqual([201, null]);
    const patched = await t.http
      .patch(`/api/v1/enrolment/${none.body.id}`)
      .set(auth(coord))
      .send({ version: 1, profminimumLevel: 'main' });
    expect([patched.status, patched.body.rule]).toEqual([422, 'profminimum.level.before-start']);
    const unknown = await post('bayryaka-school', '2024-2025', { profminimumLevel: 'expert' });
    expect(unknown.status).toBe(400);
  });

  it('reports each year with that year’s level, and a year without one with the school’s current level', async () => {
    const maloe = 'maloe-urussu-school';
    expect((await post(maloe, '2024-2025', { profminimumLevel: 'advanced' })).status).toBe(201);
    expect((await post(maloe, '2023-2024', { profminimumLevel: 'basic' })).status).toBe(201);
    const current = await org(maloe);
    const moved = await t.http
      .patch(`/api/v1/organisations/${ids[maloe]}`)
      .set(auth(coord))
      .send({ version: current.version, profminimumLevel: 'main' });
    expect(moved.status).toBe(200);
    // the demo's 2025-2026 record loses its level: that year falls back to the school's current one
    const last = await record(maloe, '2025-2026');
    const cleared = await t.http
      .patch(`/api/v1/enrolment/${last.id}`)
      .set(auth(coord))
      .send({ version: last.version, profminimumLevel: null });
    expect(cleared.status).toBe(200);

    const y2024 = await report(maloe, '2024-2025');
    expect(y2024.indicator.schools.map((s) => s.level)).toEqual(['advanced']);
    expect(y2024.careerLevel).toBe('advanced');
    // a term of the year is judged by the year's level too
    expect((await report(maloe, '2023-2024')).careerLevel).toBe('basic');
    const y2025 = await report(maloe, '2025-2026');
    expect([y2025.indicator.schools.map((s) => s.level), y2025.careerLevel]).toEqual([['main'], 'main']);
    const y2022 = await report(maloe, '2022-2023');
    expect([y2022.indicator.value, y2022.indicator.reason, y2022.careerLevel]).toEqual([
      null,
      'profminimum.not-applicable',
      null,
    ]);
  });

  describe('one store: the school’s level is its enrolment record’s of the current academic year (2026-2027)', () => {
    it('shows the current year’s record’s level on the school, in a list and alone', async () => {
      const slug = 'karakashly-school';
      const now = await record(slug, '2026-2027');
      expect((await org(slug)).profminimumLevel).toBe(now.profminimumLevel);
      const changed = await t.http
        .patch(`/api/v1/enrolment/${now.id}`)
        .set(auth(coord))
        .send({ version: now.version, profminimumLevel: 'advanced' });
      expect(changed.status).toBe(200);
      const past = await record(slug, '2025-2026');
      expect((await org(slug)).profminimumLevel).toBe('advanced');
      expect(past.profminimumLevel).toBe('basic');
      const schools = await t.http.get('/api/v1/organisations?kind=school&limit=100').set(auth(coord));
      const listed = Object.fromEntries(
        (schools.body.items as { slug: string; profminimumLevel: string | null }[]).map((o) => [
          o.slug,
          o.profminimumLevel,
        ]),
      );
      expect(listed).toMatchObject({ [slug]: 'advanced', 'urussu-gymnasium': 'main', 'bayryaka-school': 'basic' });
      const partner = await t.http.get(`/api/v1/organisations/${ids['tapart']}`).set(auth(coord));
      expect(partner.body.profminimumLevel).toBeNull();
    });

    it('writes a PATCH of the school’s level to the current year’s record, audited, and leaves other years alone', async () => {
      const slug = 'karakashly-school';
      const before = await record(slug, '2026-2027');
      const school = await org(slug);
      const patched = await t.http
        .patch(`/api/v1/organisations/${ids[slug]}`)
        .set(auth(coord))
        .send({ version: school.version, profminimumLevel: 'main' });
      expect([patched.status, patched.body.profminimumLevel]).toEqual([200, 'main']);
      const after = await record(slug, '2026-2027');
      expect([after.id, after.profminimumLevel, after.version]).toEqual([before.id, 'main', before.version + 1]);
      expect((await record(slug, '2025-2026')).profminimumLevel).toBe('basic');
      const audit = await t.http.get(`/api/v1/audit?objectType=enrolment&objectId=${after.id}`).set(auth(coord));
      expect(audit.body.items).toContainEqual(
        expect.objectContaining({ action: 'update', after: expect.objectContaining({ profminimumLevel: 'main' }) }),
      );
      const partner = await t.http.get(`/api/v1/organisations/${ids['tapart']}`).set(auth(coord));
      const refused = await t.http
        .patch(`/api/v1/organisations/${ids['tapart']}`)
        .set(auth(coord))
        .send({ version: partner.body.version, profminimumLevel: 'basic' });
      expect([refused.status, refused.body.rule]).toEqual([400, 'organisation.profminimum-level.only-schools']);
    });

    it('has no level on 01.09.2027 until one is set, which creates the 2027-2028 record with empty counts', async () => {
      const slug = 'bayryaka-school';
      t.clock.pin('2027-09-01');
      try {
        const school = await org(slug);
        expect(school.profminimumLevel).toBeNull();
        const patched = await t.http
          .patch(`/api/v1/organisations/${ids[slug]}`)
          .set(auth(coord))
          .send({ version: school.version, profminimumLevel: 'advanced' });
        expect([patched.status, patched.body.profminimumLevel]).toEqual([200, 'advanced']);
        expect(await record(slug, '2027-2028')).toMatchObject({
          profminimumLevel: 'advanced',
          pupilsByGrade: {},
          aged14: 0,
          aged15: 0,
          aged16to17: 0,
          version: 1,
        });
      } finally {
        t.clock.pin('2026-11-28');
      }
      // back in 2026-2027, the school's level is that year's again
      expect((await org(slug)).profminimumLevel).toBe('basic');
    });
  });

  describe('the enrolment import', () => {
    const send = (body: string, dryRun: boolean) =>
      t.http
        .post(`/api/v1/imports/enrolment?dryRun=${dryRun}`)
        .set(auth(coord))
        .set('Content-Type', 'text/csv')
        .send(Buffer.from(body, 'utf8'));

    it('names the level column in the template as the panel does, in Russian and in English', async () => {
      const ru = await t.http.get('/api/v1/imports/enrolment/template').set(auth(coord)).buffer(true);
      expect(ru.text.trim().split(';').at(-1)).toBe('Уровень профминимума');
      const en = await t.http.get('/api/v1/imports/enrolment/template?lang=en').set(auth(coord)).buffer(true);
      expect(en.text.trim().split(';').at(-1)).toBe('Profminimum level');
    });

    it('reads a level by its label in any language, and refuses one before 2023-2024 and an unknown one', async () => {
      const header = 'Школа;Учебный год;8 класс;Уровень профминимума';
      const bad = lines(
        header,
        'Староуруссинская СОШ;2024-2025;30;Продвинутый',
        'Староуруссинская СОШ;2023-2024;28;Төп',
        'Староуруссинская СОШ;2021-2022;27;базовый',
        'Староуруссинская СОШ;2025-2026;26;высший',
        'Староуруссинская СОШ;2020-2021;25;',
      );
      const dry = await send(bad, true);
      expect(dry.status).toBe(200);
      expect(
        (dry.body.errors as { row: number; column: string; rule: string }[]).map((e) => [e.row, e.column, e.rule]),
      ).toEqual([
        [4, 'Уровень профминимума', 'profminimum.level.before-start'],
        [5, 'Уровень профминимума', 'import.cell.invalid'],
      ]);
      const clean = lines(
        header,
        'Староуруссинская СОШ;2024-2025;30;Продвинутый',
        'Староуруссинская СОШ;2023-2024;28;Төп',
        'Староуруссинская СОШ;2020-2021;25;',
      );
      expect((await send(clean, false)).body).toEqual({ rows: 3, created: 3, errors: [] });
      expect(await levels('staroe-urussu-school')).toEqual([
        ['2026-2027', 'main'],
        ['2025-2026', 'main'],
        ['2024-2025', 'advanced'],
        ['2023-2024', 'main'],
        ['2020-2021', null],
      ]);
    });
  });
});
