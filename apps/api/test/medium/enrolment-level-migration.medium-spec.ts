import { MikroORM } from '@mikro-orm/core';
import type { Knex } from '@mikro-orm/knex';

import { openOrm } from './open-orm';
import { orgRow } from './report-fixtures';

/** Migration 0029: each school's профминимум level copied onto its enrolment records of 2023-2024 and later. */
describe('migration 0029 (профминимум level per academic year)', () => {
  let orm: MikroORM;
  beforeAll(async () => {
    orm = await openOrm();
  });
  afterAll(() => orm.close(true));

  const NOW = '2026-01-01T00:00:00.000Z';
  const school = (id: string, level: string | null) => ({ ...orgRow(id, 'school'), profminimum_level: level });
  const enrolment = (id: string, org: string, year: string) => ({
    id,
    organisation_id: org,
    academic_year: year,
    pupils_by_grade: '{}',
    aged14: 0,
    aged15: 0,
    aged16to17: 0,
    version: 1,
    created_at: NOW,
    updated_at: NOW,
  });

  it('gives the records from 2023-2024 their school’s level, leaves earlier years and schools without one alone', async () => {
    const migrator = orm.getMigrator();
    await migrator.down({ to: 'Migration0026TrigramSearch' });
    const knex = (orm.em as unknown as { getKnex(): Knex }).getKnex();
    await knex('organisation').insert([school('s-main', 'main'), school('s-none', null)]);
    await knex('enrolment').insert([
      enrolment('e1', 's-main', '2022-2023'),
      enrolment('e2', 's-main', '2023-2024'),
      enrolment('e3', 's-main', '2025-2026'),
      enrolment('e4', 's-none', '2024-2025'),
    ]);
    await migrator.up({ to: 'Migration0029EnrolmentProfminimumLevel' });
    const rows = await knex('enrolment').select('id', 'profminimum_level as level', 'version').orderBy('id');
    expect(
      rows.map((r: { id: string; level: string | null; version: number | string }) => [
        r.id,
        r.level,
        Number(r.version),
      ]),
    ).toEqual([
      ['e1', null, 1],
      ['e2', 'main', 2],
      ['e3', 'main', 2],
      ['e4', null, 1],
    ]);
  });
});
