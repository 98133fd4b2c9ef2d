import { ormOptions } from '@socium/api-persistence';

import { MikroORM } from '@mikro-orm/core';

/**
 * Real MikroORM on SQLite in memory (or PostgreSQL when DB_DRIVER=postgresql), schema migrated per suite; `today`
 * is the application's date the migrations see (migration 0032), the real one when left out.
 */
export async function openOrm(today?: string): Promise<MikroORM> {
  const pg = process.env['DB_DRIVER'] === 'postgresql' && process.env['DATABASE_URL'];
  const orm = await MikroORM.init(
    await ormOptions(
      pg
        ? { driver: 'postgresql', url: process.env['DATABASE_URL'] as string }
        : { driver: 'sqlite', path: ':memory:' },
      today ? { clock: () => ({ today, now: `${today}T12:00:00.000Z` }) } : {},
    ),
  );
  if (pg) await orm.em.getConnection().execute('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
  await orm.getMigrator().up();
  return orm;
}
