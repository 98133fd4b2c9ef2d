import { ActivityRecord, AgreementRecord, OrganisationRecord, PlanRecord } from '@socium/api-persistence';

import { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';

import { plainPageSql } from '../../src/app/common/crud.support';
import { openOrm } from './open-orm';

/**
 * The SQL a page of a private list is read with: the hand-written statement of `findPage` when the filter is plain
 * (the lists below), else the ORM's own query builder's.
 */
async function pageSql<T extends object>(
  orm: MikroORM,
  entity: new () => T,
  where: object,
  orderBy: object[],
): Promise<string> {
  const em = orm.em.fork();
  const plain = plainPageSql(em, entity, where as never, { limit: 20, offset: 40 }, orderBy as never);
  if (plain) return em.getPlatform().formatQuery(plain.page, plain.params);
  const qb = (em as SqlEntityManager)
    .createQueryBuilder(entity as never)
    .select('*')
    .where(where as never)
    .orderBy(orderBy as never)
    .limit(20)
    .offset(40);
  return qb.getFormattedQuery();
}

describe('the private lists of a region read their pages in index order', () => {
  let sut: MikroORM;
  beforeAll(async () => (sut = await openOrm()));
  afterAll(() => sut.close(true));

  const LISTS: [string, () => Promise<string>, string][] = [
    [
      "the coordinator's agreements, newest first",
      () => pageSql(sut, AgreementRecord, {}, [{ startsOn: 'desc' }, { number: 'asc' }, { id: 'asc' }]),
      'agreement_list_order_idx',
    ],
    [
      'the plans of an academic year',
      () =>
        pageSql(sut, PlanRecord, { academicYear: '2024-2025' }, [
          { academicYear: 'desc' },
          { createdAt: 'asc' },
          { id: 'asc' },
        ]),
      'plan_year_order_idx',
    ],
    [
      "a school's activities of an academic year",
      () =>
        pageSql(sut, ActivityRecord, { organisationId: 'x', academicYear: '2025-2026' }, [
          { startsOn: 'asc' },
          { title: 'asc' },
          { id: 'asc' },
        ]),
      'activity_org_year_order_idx',
    ],
    [
      'the organisations of a kind',
      () =>
        pageSql(sut, OrganisationRecord, { kind: 'school' }, [{ kind: 'asc' }, { shortName: 'asc' }, { id: 'asc' }]),
      'organisation_kind_order_idx',
    ],
  ];

  it.each(LISTS)('reads %s from its index without sorting the matching rows', async (_, sql, index) => {
    const conn = sut.em.getConnection();
    if (process.env['DB_DRIVER'] === 'postgresql') {
      // PostgreSQL's choice depends on the table's size: the index is there for it to use
      const rows: { indexname: string }[] = await conn.execute(`SELECT indexname FROM pg_indexes`);
      expect(rows.map((r) => r.indexname)).toContain(index);
      return;
    }
    const plan = ((await conn.execute(`EXPLAIN QUERY PLAN ${await sql()}`)) as { detail: string }[])
      .map((r) => r.detail)
      .join(' | ');
    expect(plan).toContain(`USING INDEX ${index}`);
    expect(plan).not.toContain('TEMP B-TREE');
  });

  it("counts a school's activities of a year from the index alone", async () => {
    if (process.env['DB_DRIVER'] === 'postgresql') return;
    const plan = (
      (await sut.em
        .getConnection()
        .execute(
          `EXPLAIN QUERY PLAN select count(*) as count from activity as a0 where a0.organisation_id = 'x' and a0.academic_year = '2025-2026'`,
        )) as { detail: string }[]
    )
      .map((r) => r.detail)
      .join(' | ');
    expect(plan).toContain('COVERING INDEX activity_org_year_order_idx');
  });
});
