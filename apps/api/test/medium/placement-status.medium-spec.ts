import { OrganisationRecord, PlacementRecord } from '@socium/api-persistence';

import { MikroORM } from '@mikro-orm/core';
import type { Knex } from '@mikro-orm/knex';

import { openOrm } from './open-orm';
import { orgRow, placementRow } from './report-fixtures';

// Migration 0012 (issue 14 item 3): placement status and findings, weekend-work consent, a school's lesson hours.
describe('migration 0012: placements blocked / cleared and school lesson hours', () => {
  let orm: MikroORM;
  let knex: Knex;
  beforeAll(async () => {
    orm = await openOrm();
    knex = (orm.em as unknown as { getKnex(): Knex }).getKnex();
  });
  afterAll(() => orm.close(true));

  it('makes existing placements cleared with no findings and gives existing schools 08:00–14:30', async () => {
    const migrator = orm.getMigrator();
    await migrator.down({ to: 'Migration0011Enrolment' });
    await knex('organisation').insert(orgRow('old-school', 'school'));
    await knex('placement').insert(placementRow('old-p', 'old-school', 'OLD-1', '2010-01-10', '2026-06-15', 'direct'));
    await migrator.up();

    const em = orm.em.fork();
    const p = await em.findOneOrFail(PlacementRecord, { id: 'old-p' });
    expect(p).toMatchObject({ status: 'cleared', findings: [], findingsCount: 0, weekendWorkConsent: false });
    const school = await em.findOneOrFail(OrganisationRecord, { id: 'old-school' });
    expect(school).toMatchObject({ lessonsStartAt: '08:00', lessonsEndAt: '14:30' });
  });

  it('round-trips a blocked placement with its findings in both languages, and filters by status', async () => {
    const em = orm.em.fork();
    const p = await em.findOneOrFail(PlacementRecord, { id: 'old-p' });
    p.status = 'blocked';
    p.findings = [
      {
        rule: 'placement.medical.required',
        message: { ru: 'Нет осмотра', en: 'No examination' },
        field: 'medicalClearanceOn',
      },
    ];
    p.findingsCount = 1;
    p.weekendWorkConsent = true;
    p.version += 1; // every update bumps the version (optimistic locking)
    await em.flush();

    const again = orm.em.fork();
    expect(await again.findOneOrFail(PlacementRecord, { id: 'old-p' })).toMatchObject({
      status: 'blocked',
      findings: [{ rule: 'placement.medical.required', message: { ru: 'Нет осмотра', en: 'No examination' } }],
      findingsCount: 1,
      weekendWorkConsent: true,
    });
    expect(await again.count(PlacementRecord, { status: 'blocked' })).toBe(1);
    expect(await again.count(PlacementRecord, { status: 'cleared' })).toBe(0);
  });
});
