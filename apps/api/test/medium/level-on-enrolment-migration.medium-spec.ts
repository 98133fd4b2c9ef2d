import { MikroORM } from '@mikro-orm/core';
import type { Knex } from '@mikro-orm/knex';

import { openOrm } from './open-orm';
import { orgRow } from './report-fixtures';

/**
 * Migration 0032: the school's own профминимум level moves onto its enrolment record of the academic year containing
 * the application's today (28.11.2026: 2026-2027) where that record has none, and the organisation's column goes.
 */
describe('migration 0032 (the профминимум level only on the enrolment record)', () => {
  let orm: MikroORM;
  let knex: Knex;
  beforeAll(async () => {
    orm = await openOrm('2026-11-28');
    knex = (orm.em as unknown as { getKnex(): Knex }).getKnex();
  });
  afterAll(() => orm.close(true));

  const NOW = '2026-01-01T00:00:00.000Z';
  const school = (id: string, level: string | null, kind = 'school') => ({
    ...orgRow(id, kind),
    profminimum_level: level,
  });
  const enrolment = (id: string, org: string, year: string, level: string | null) => ({
    id,
    organisation_id: org,
    academic_year: year,
    pupils_by_grade: '{"8":20}',
    aged14: 3,
    aged15: 0,
    aged16to17: 0,
    profminimum_level: level,
    version: 1,
    created_at: NOW,
    updated_at: NOW,
  });
  const organisationColumns = async () => Object.keys(await knex('organisation').columnInfo());

  it('fills the current year’s record without a level, keeps one with a level, creates a missing one, drops the column', async () => {
    const migrator = orm.getMigrator();
    await migrator.down({ to: 'Migration0031SqliteTextSearch' });
    expect(await organisationColumns()).toContain('profminimum_level');
    await knex('organisation').insert([
      school('s-empty', 'main'),
      school('s-own', 'basic'),
      school('s-none', 'advanced'),
      school('s-nolevel', null),
      school('p-partner', 'basic', 'partner'),
    ]);
    await knex('enrolment').insert([
      enrolment('e1', 's-empty', '2026-2027', null),
      enrolment('e2', 's-empty', '2025-2026', null),
      enrolment('e3', 's-own', '2026-2027', 'advanced'),
      enrolment('e4', 's-nolevel', '2026-2027', null),
    ]);
    await migrator.up();

    expect(await organisationColumns()).not.toContain('profminimum_level');
    const rows = (await knex('enrolment')
      .select(
        'id',
        'organisation_id as org',
        'academic_year as year',
        'profminimum_level as level',
        'version',
        'aged14',
      )
      .orderBy(['organisation_id', 'academic_year'])) as {
      id: string;
      org: string;
      year: string;
      level: string | null;
      version: number | string;
      aged14: number | string;
    }[];
    expect(rows.map((r) => [r.org, r.year, r.level, Number(r.version), Number(r.aged14)])).toEqual([
      ['s-empty', '2025-2026', null, 1, 3],
      ['s-empty', '2026-2027', 'main', 2, 3],
      ['s-nolevel', '2026-2027', null, 1, 3],
      // a school without that year's record gets one, with empty counts
      ['s-none', '2026-2027', 'advanced', 1, 0],
      // the year's own level wins over the school's old one
      ['s-own', '2026-2027', 'advanced', 1, 3],
    ]);
  });

  it('puts the current year’s level back on the organisation when rolled back', async () => {
    await orm.getMigrator().down({ to: 'Migration0031SqliteTextSearch' });
    const rows = await knex('organisation').select('id', 'profminimum_level as level').orderBy('id');
    expect(rows.map((r: { id: string; level: string | null }) => [r.id, r.level])).toEqual([
      ['p-partner', null],
      ['s-empty', 'main'],
      ['s-nolevel', null],
      ['s-none', 'advanced'],
      ['s-own', 'advanced'],
    ]);
    await orm.getMigrator().up();
  });
});
