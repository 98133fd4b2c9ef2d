import { PlanRecord } from '@socium/api-persistence';

import { MikroORM, UniqueConstraintViolationException } from '@mikro-orm/core';

import { uniqueClash } from '../../src/app/common/database-errors';
import { AppError } from '../../src/app/http/app-error';
import { openOrm } from './open-orm';

const BEFORE_0008 = 'Migration0007LoginThrottle';

/** A plan row written straight to the table, as an older version (or a race) may have left it. */
async function insertPlan(orm: MikroORM, id: string, year: string, agreementId: string | null): Promise<void> {
  await orm.em.getConnection().execute(
    `insert into plan (id, version, created_at, updated_at, organisation_id, academic_year, agreement_id, title, status)
     values (?, 1, 't', 't', 'org-1', ?, ?, '', 'draft')`,
    [id, year, agreementId],
  );
}

async function clashOf(orm: MikroORM, id: string, year: string, agreementId: string | null): Promise<unknown> {
  const r = new PlanRecord();
  Object.assign(r, { id, createdAt: 't', updatedAt: 't', organisationId: 'org-1', academicYear: year, agreementId });
  try {
    await orm.em.fork().persistAndFlush(r);
  } catch (e) {
    return e;
  }
  return null;
}

describe('one plan per organisation, academic year and agreement (migration 0008) on a real database', () => {
  let sut: MikroORM;
  beforeAll(async () => {
    sut = await openOrm();
  });
  afterAll(() => sut.close(true));

  it('stops the upgrade, changes nothing and names the plans when duplicates already exist', async () => {
    const migrator = sut.getMigrator();
    await migrator.down({ to: BEFORE_0008 });
    await insertPlan(sut, 'plan-a1', '2019-2020', null);
    await insertPlan(sut, 'plan-a2', '2019-2020', null);
    await insertPlan(sut, 'plan-b1', '2019-2020', 'agr-1');
    await insertPlan(sut, 'plan-b2', '2019-2020', 'agr-1');
    await insertPlan(sut, 'plan-c', '2020-2021', null);
    const upgrade = migrator.up();
    await expect(upgrade).rejects.toThrow(
      /organisation org-1, year 2019-2020, agreement none: plans plan-a1, plan-a2\n- organisation org-1, year 2019-2020, agreement agr-1: plans plan-b1, plan-b2$/,
    );
    expect((await migrator.getPendingMigrations()).map((m) => m.name)).toContain('Migration0008IdempotencyUniquePlans');
    expect(await sut.em.getConnection().execute('select id from plan order by id')).toHaveLength(5);
  });

  it('upgrades once the duplicates are gone, and then refuses a second plan with or without an agreement', async () => {
    await sut.em.getConnection().execute("delete from plan where id in ('plan-a2', 'plan-b2')");
    await sut.getMigrator().up();
    expect(await sut.getMigrator().getPendingMigrations()).toHaveLength(0);
    for (const agreementId of [null, 'agr-1']) {
      const clash = await clashOf(sut, `plan-x-${agreementId}`, '2019-2020', agreementId);
      expect(clash).toBeInstanceOf(UniqueConstraintViolationException);
      const refusal = uniqueClash(clash as UniqueConstraintViolationException);
      expect(refusal).toBeInstanceOf(AppError);
      expect(refusal.error).toMatchObject({ code: 'plan.duplicate', field: 'academicYear' });
    }
    expect(await clashOf(sut, 'plan-other-agreement', '2019-2020', 'agr-2')).toBeNull();
    expect(await clashOf(sut, 'plan-other-year', '2021-2022', null)).toBeNull();
  });
});
