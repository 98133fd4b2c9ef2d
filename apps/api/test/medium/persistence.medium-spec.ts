import { ActivityRecord, OrganisationRecord } from '@socium/api-persistence';

import { MikroORM, UniqueConstraintViolationException } from '@mikro-orm/core';

import { openOrm } from './open-orm';

function org(slug: string): OrganisationRecord {
  const r = new OrganisationRecord();
  Object.assign(r, {
    id: `id-${slug}`,
    kind: 'school',
    name: slug,
    shortName: slug,
    slug,
    contacts: [{ role: 'Приёмная' }],
    createdAt: 't',
    updatedAt: 't',
  });
  return r;
}

describe('persistence on a real database', () => {
  let sut: MikroORM;
  beforeAll(async () => {
    sut = await openOrm();
  });
  afterAll(() => sut.close(true));

  it('migrates down to nothing and up again', async () => {
    await sut.getMigrator().down({ to: 0 });
    expect(await sut.getMigrator().getExecutedMigrations()).toHaveLength(0);
    await sut.getMigrator().up();
    expect(await sut.getMigrator().getPendingMigrations()).toHaveLength(0);
  });

  it('upgrades a database that has planner statistics to the latest migration', async () => {
    const migrator = sut.getMigrator();
    const last = (await migrator.getExecutedMigrations()).at(-1)?.name as string;
    await migrator.down(); // the last one only
    await sut.em.getConnection().execute('ANALYZE');
    await expect(migrator.up()).resolves.toEqual([expect.objectContaining({ name: last })]);
    expect(await migrator.getPendingMigrations()).toHaveLength(0);
  });

  it('round-trips JSON lists and booleans the same way on every driver', async () => {
    const em = sut.em.fork();
    em.persist(org('json-school'));
    const a = new ActivityRecord();
    Object.assign(a, {
      id: 'a1',
      planId: 'p',
      organisationId: 'id-json-school',
      academicYear: '2019-2020',
      title: 'Экскурсия',
      directionId: 'd',
      form: 'excursion',
      startsOn: '2019-10-17',
      endsOn: '2019-10-17',
      targetGrades: [8, 9],
      professions: ['Слесарь'],
      isPublic: true,
      hours: 1.5,
      createdAt: 't',
      updatedAt: 't',
    });
    em.persist(a);
    await em.flush();
    const back = await sut.em.fork().findOneOrFail(ActivityRecord, { id: 'a1' });
    expect(back).toMatchObject({
      targetGrades: [8, 9],
      professions: ['Слесарь'],
      isPublic: true,
      hours: 1.5,
      status: 'planned',
    });
    const school = await sut.em.fork().findOneOrFail(OrganisationRecord, { slug: 'json-school' });
    expect(school.contacts).toEqual([{ role: 'Приёмная' }]);
  });

  it('refuses a second organisation with the same slug', async () => {
    const em = sut.em.fork();
    em.persist(org('dup-school'));
    await em.flush();
    const em2 = sut.em.fork();
    const again = org('dup-school');
    again.id = 'other-id';
    em2.persist(again);
    await expect(em2.flush()).rejects.toBeInstanceOf(UniqueConstraintViolationException);
  });

  it('searches Cyrillic text without regard to case, with % and _ taken literally when escaped', async () => {
    const op = process.env['DB_DRIVER'] === 'postgresql' ? '$ilike' : '$like';
    const em = sut.em.fork();
    const g = org('search-school');
    g.name = 'Уруссинская ГИМНАЗИЯ 100%';
    em.persist(g);
    await em.flush();
    const found = await sut.em.fork().find(OrganisationRecord, { name: { [op]: '%гимназия%' } });
    expect(found.map((o) => o.slug)).toEqual(['search-school']);
    expect(await sut.em.fork().count(OrganisationRecord, { name: { [op]: '%100\\%%' } })).toBe(1);
    expect(await sut.em.fork().count(OrganisationRecord, { name: { [op]: '%10\\%%' } })).toBe(0);
  });

  it('orders ISO date text chronologically', async () => {
    const em = sut.em.fork();
    for (const [i, d] of ['2020-01-31', '2019-12-31', '2020-02-29'].entries()) {
      const a = new ActivityRecord();
      Object.assign(a, {
        id: `o${i}`,
        planId: 'order',
        organisationId: 'x',
        academicYear: '2019-2020',
        title: 't',
        directionId: 'd',
        form: 'other',
        startsOn: d,
        endsOn: d,
        createdAt: 't',
        updatedAt: 't',
      });
      em.persist(a);
    }
    await em.flush();
    const rows = await sut.em
      .fork()
      .find(ActivityRecord, { planId: 'order', startsOn: { $gte: '2020-01-01' } }, { orderBy: { startsOn: 'asc' } });
    expect(rows.map((r) => r.startsOn)).toEqual(['2020-01-31', '2020-02-29']);
  });
  it("finds the daily reminders' blocked placements by status and start, not by reading every placement", async () => {
    const conn = sut.em.getConnection();
    if (process.env['DB_DRIVER'] === 'postgresql') {
      const rows: { indexname: string }[] = await conn.execute(
        `SELECT indexname FROM pg_indexes WHERE tablename = 'placement'`,
      );
      expect(rows.map((r) => r.indexname)).toContain('placement_status_starts_idx');
      return;
    }
    const plan = (
      (await conn.execute(
        `EXPLAIN QUERY PLAN SELECT id FROM placement WHERE status = 'blocked' AND starts_on <= '2026-12-20' AND ends_on >= '2026-12-07'`,
      )) as { detail: string }[]
    )
      .map((r) => r.detail)
      .join(' | ');
    expect(plan).toContain('USING INDEX placement_status_starts_idx (status=? AND starts_on<?)');
  });
  it('answers the period aggregates of the department report from covering indexes', async () => {
    const conn = sut.em.getConnection();
    if (process.env['DB_DRIVER'] === 'postgresql') {
      const rows: { indexname: string }[] = await conn.execute(
        `SELECT indexname FROM pg_indexes WHERE tablename IN ('activity', 'organisation')`,
      );
      expect(rows.map((r) => r.indexname)).toEqual(
        expect.arrayContaining([
          'activity_period_report_idx',
          'activity_org_period_idx',
          'organisation_partner_type_idx',
        ]),
      );
      return;
    }
    await conn.execute('ANALYZE');
    const plan = async (sql: string) =>
      ((await conn.execute(`EXPLAIN QUERY PLAN ${sql}`)) as { detail: string }[]).map((r) => r.detail).join(' | ');
    const period = `a.starts_on >= '2019-09-01' AND a.starts_on <= '2020-08-31'`;
    expect(
      await plan(
        `SELECT a.status, a.direction_id, a.form, p.partner_type, COUNT(*), SUM(a.hours) FROM activity a LEFT JOIN organisation p ON p.id = a.partner_id WHERE ${period} GROUP BY 1, 2, 3, 4`,
      ),
    ).toMatch(/COVERING INDEX activity_period_report_idx.*COVERING INDEX organisation_partner_type_idx/);
    expect(
      await plan(
        `SELECT DISTINCT CAST(a.professions AS TEXT) FROM activity a WHERE ${period} AND a.status <> 'cancelled'`,
      ),
    ).toContain('COVERING INDEX activity_period_report_idx');
    expect(
      await plan(
        `SELECT a.status, COUNT(*), SUM(a.hours) FROM activity a WHERE a.organisation_id = 'x' AND ${period} GROUP BY 1`,
      ),
    ).toContain('COVERING INDEX activity_org_period_idx');
  });

  it('streams the district-wide partner and recipient aggregates on SQLite without sorting the rows', async () => {
    const conn = sut.em.getConnection();
    if (process.env['DB_DRIVER'] === 'postgresql') {
      const rows: { indexname: string }[] = await conn.execute(
        `SELECT indexname FROM pg_indexes WHERE indexname LIKE '%_report_idx' OR indexname LIKE '%_narrow_idx' OR indexname LIKE '%_period_idx'`,
      );
      // PostgreSQL hashes: none of SQLite's ordering indexes (no write cost); the period ranges per
      // school and per partner for the lateral reads, a narrow period index, covering placements
      expect(rows.map((r) => r.indexname).sort()).toEqual([
        'activity_org_period_idx',
        'activity_partner_period_idx',
        'activity_period_narrow_idx',
        'activity_period_report_idx',
        'activity_planned_period_idx',
        'placement_period_report_idx',
      ]);
      return;
    }
    await conn.execute('ANALYZE');
    const plan = async (sql: string) =>
      ((await conn.execute(`EXPLAIN QUERY PLAN ${sql}`)) as { detail: string }[]).map((r) => r.detail).join(' | ');
    const period = `a.starts_on >= '2019-09-01' AND a.starts_on <= '2020-08-31'`;
    const perPartner = await plan(
      `SELECT a.partner_id, COUNT(*), SUM(a.hours) FROM activity a INDEXED BY activity_partner_report_idx WHERE a.partner_id IS NOT NULL AND ${period} GROUP BY a.partner_id`,
    );
    expect(perPartner).toContain('COVERING INDEX activity_partner_report_idx');
    expect(perPartner).not.toContain('TEMP B-TREE');
    // an agreement's partner: a seek in the school's period range, then (rarely) in the partner's
    const live = `x.starts_on >= '2019-09-01' AND x.starts_on <= '2020-08-31' AND x.status <> 'cancelled'`;
    const agreementFlags = await plan(
      `SELECT g.id, CASE WHEN (SELECT 1 FROM activity x INDEXED BY activity_org_period_idx WHERE x.organisation_id = g.school_id AND x.partner_id = g.partner_id AND ${live} LIMIT 1) IS NOT NULL THEN 2 WHEN (SELECT 1 FROM activity x INDEXED BY activity_partner_report_idx WHERE x.partner_id = g.partner_id AND ${live} LIMIT 1) IS NOT NULL THEN 1 END FROM agreement g`,
    );
    expect(agreementFlags).toMatch(
      /COVERING INDEX activity_org_period_idx \(organisation_id=\? AND starts_on>\? AND starts_on<\?\).*COVERING INDEX activity_partner_report_idx \(partner_id=\?\)/,
    );
    const perDay = await plan(
      `SELECT a.status, a.direction_id, a.form, COUNT(*) FROM activity a WHERE ${period} GROUP BY a.starts_on, a.status, a.direction_id, a.form`,
    );
    expect(perDay).toContain('COVERING INDEX activity_period_report_idx');
    expect(perDay).not.toContain('TEMP B-TREE');
    const recipients = await plan(
      `SELECT r.organisation_id, COUNT(*) FROM document_recipient r INDEXED BY document_recipient_report_idx JOIN document d ON d.id = r.document_id GROUP BY r.organisation_id`,
    );
    expect(recipients).toContain('COVERING INDEX document_recipient_report_idx');
    expect(recipients).not.toContain('TEMP B-TREE');
    expect(
      await plan(
        `SELECT a.organisation_id, CAST(a.target_grades AS TEXT), SUM(a.hours) FROM activity a INDEXED BY activity_direction_report_idx JOIN direction d ON d.id = a.direction_id WHERE ${period} AND d.code = 'career_guidance' AND a.status = 'held' GROUP BY 1, 2`,
      ),
    ).toContain('COVERING INDEX activity_direction_report_idx (direction_id=? AND status=?)');
    expect(
      await plan(
        `SELECT p.school_id, COUNT(*) FROM placement p INDEXED BY placement_period_report_idx WHERE p.starts_on >= '2020-06-01' GROUP BY 1`,
      ),
    ).toContain('COVERING INDEX placement_period_report_idx');
  });
});
