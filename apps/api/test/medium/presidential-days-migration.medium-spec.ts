import { MikroORM } from '@mikro-orm/core';

import { openOrm } from './open-orm';

type Day = { date: string; name: string };
const parsed = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/** Migration 0023: the President's non-working days of 2020 and 2021 added to a database seeded before them. */
describe('migration 0023 (presidential non-working days)', () => {
  let orm: MikroORM;
  beforeAll(async () => {
    orm = await openOrm();
  });
  afterAll(() => orm.close(true));

  const year = async (y: number) => {
    const [row] = await orm.em
      .getConnection()
      .execute(`select extra_days_off, extra_working_days, version from working_calendar_year where year = ${y}`);
    return {
      presidential: parsed<Day[]>(row['extra_days_off'])
        .filter((d) => d.name === 'presidential_decree')
        .map((d) => d.date),
      transfers: parsed<Day[]>(row['extra_days_off']).filter((d) => d.name === 'decree_transfer').length,
      version: Number(row['version']),
    };
  };

  it('adds the days a stored year lacks, keeps its transfers, and skips a day the coordinator made a working day', async () => {
    const migrator = orm.getMigrator();
    // undoes 0023 (and the migrations after it): the rows as a database seeded before it would hold them
    await migrator.down({ to: 'Migration0022PartnerVetting' });
    expect((await year(2020)).presidential).toEqual([]);
    expect((await year(2021)).presidential).toEqual([]);
    await orm.em
      .getConnection()
      .execute(`update working_calendar_year set extra_working_days = '["2021-02-20","2021-05-05"]' where year = 2021`);
    const before = await year(2020);
    await migrator.up({ to: 'Migration0023PresidentialNonWorkingDays' });
    const after2020 = await year(2020);
    expect(after2020.presidential).toHaveLength(29);
    expect(after2020.presidential).toEqual(expect.arrayContaining(['2020-03-30', '2020-06-24', '2020-07-01']));
    expect([after2020.transfers, after2020.version]).toEqual([before.transfers, before.version + 1]);
    expect((await year(2021)).presidential).toEqual([
      '2021-05-04',
      '2021-05-06',
      '2021-05-07',
      '2021-11-01',
      '2021-11-02',
      '2021-11-03',
    ]);
  });
});
