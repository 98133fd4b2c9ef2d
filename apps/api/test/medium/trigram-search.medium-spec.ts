import { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';

import { openOrm } from './open-orm';

const onPostgres = process.env['DB_DRIVER'] === 'postgresql';

const SEARCHES: [string, string, string][] = [
  ['organisation', 'name', 'organisation_name_trgm_idx'],
  ['organisation', 'short_name', 'organisation_short_name_trgm_idx'],
  ['agreement', 'number', 'agreement_number_trgm_idx'],
  ['activity', 'title', 'activity_title_trgm_idx'],
];

(onPostgres ? describe : describe.skip)('the text searches of the private lists on PostgreSQL', () => {
  let sut: MikroORM;
  beforeAll(async () => (sut = await openOrm()));
  afterAll(() => sut.close(true));

  it.each(SEARCHES)('can answer a substring search on %s.%s from its trigram index', async (table, column, index) => {
    const plan = await (sut.em.fork() as SqlEntityManager).transactional(async (em) => {
      const conn = em.getConnection();
      const ctx = em.getTransactionContext();
      // the tables are small here: forbid the scans (of the table, and of a B-tree read whole with a filter) so the
      // plan shows whether an index can serve the pattern itself
      for (const scan of ['seqscan', 'indexscan', 'indexonlyscan'])
        await conn.execute(`set local enable_${scan} = off`, [], 'all', ctx);
      const rows: { 'QUERY PLAN': string }[] = await conn.execute(
        `explain select count(*) from "${table}" where "${column}" ilike '%школ%'`,
        [],
        'all',
        ctx,
      );
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain(index);
  });
});
