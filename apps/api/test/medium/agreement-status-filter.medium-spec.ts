import { AgreementRecord } from '@socium/api-persistence';
import {
  AGREEMENT_STATUSES,
  AgreementField,
  agreementStatus,
  Condition,
  agreementRow as domainRow,
  holds,
  LocalDate,
} from '@socium/domain';

import { FilterQuery, MikroORM } from '@mikro-orm/core';
import type { Knex } from '@mikro-orm/knex';

import { agreementStatusFilter } from '../../src/app/agreements/agreement-status.filter';
import { toAgreementData } from '../../src/app/agreements/agreement.data';
import { conditionFilter } from '../../src/app/common/condition-filter';
import { agreementRow, openReportDb, orgRow } from './report-fixtures';

// The agreement list's `?status=` filter against the domain's `agreementStatus`, row by row, over agreements at
// the edges of the expiring window, of renewals, of the end and of termination (SQLite, or PostgreSQL with DB_DRIVER).

const TODAY = LocalDate.iso('2024-06-15'); // the expiring window (60 days) ends on 2024-08-14
const renews = { auto_renew: true, notice_days: 30 };

/** [id, school, columns]: every agreement starts on 2023-01-01 and is signed by both on 2022-12-20 unless told. */
const AGREEMENTS: [string, string, Record<string, unknown>][] = [
  ['draft-unsigned', 's1', { signed_by_school_on: null, signed_by_partner_on: null }],
  ['draft-school-only', 's1', { signed_by_partner_on: null }],
  ['draft-partner-signs-tomorrow', 's1', { signed_by_partner_on: '2024-06-16' }],
  ['signed-starts-tomorrow', 's1', { starts_on: '2024-06-16', ends_on: '2025-06-15' }],
  ['active-starts-today', 's1', { starts_on: '2024-06-15' }],
  ['active-open-ended', 's1', {}],
  ['active-ends-after-window', 's1', { ends_on: '2024-08-15' }],
  ['expiring-ends-with-window', 's1', { ends_on: '2024-08-14' }],
  ['expiring-ends-today', 's1', { ends_on: '2024-06-15' }],
  ['expired-yesterday', 's1', { ends_on: '2024-06-14' }],
  ['terminated-today', 's1', { terminated_on: '2024-06-15' }],
  ['active-terminated-tomorrow', 's1', { terminated_on: '2024-06-16' }],
  ['renewed-once', 's1', { ...renews, ends_on: '2023-12-31' }],
  ['active-renewal-certain', 's1', { ...renews, starts_on: '2023-07-01', ends_on: '2024-06-30' }],
  ['expiring-renewal-not-yet-certain', 's1', { ...renews, starts_on: '2023-08-01', ends_on: '2024-07-31' }],
  [
    'expiring-after-notice',
    's1',
    { ...renews, starts_on: '2023-07-01', ends_on: '2024-06-30', notice_given_on: '2024-05-01' },
  ],
  [
    'expired-after-notice',
    's1',
    { ...renews, starts_on: '2023-06-01', ends_on: '2024-05-31', notice_given_on: '2024-04-01' },
  ],
  [
    'expiring-renewed-then-noticed',
    's1',
    { ...renews, starts_on: '2022-07-01', ends_on: '2023-06-30', notice_given_on: '2024-05-01' },
  ],
  ['active-renewing-far-end', 's1', { ...renews, ends_on: '2025-01-01' }],
  ['terminated-while-renewing', 's1', { ...renews, ends_on: '2023-12-31', terminated_on: '2024-06-01' }],
  ['renewed-other-school', 's2', { ...renews, ends_on: '2023-12-31' }],
  ['expiring-renewal-other-school', 's2', { ...renews, starts_on: '2023-08-01', ends_on: '2024-07-31' }],
];

describe('agreement list status filter (medium, real database)', () => {
  let orm: MikroORM;
  let records: AgreementRecord[];

  beforeAll(async () => {
    let knex: Knex;
    ({ orm, knex } = await openReportDb());
    await knex('organisation').insert([
      orgRow('s1', 'school'),
      orgRow('s2', 'school'),
      orgRow('p1', 'partner', 'employer'),
    ]);
    await knex('agreement').insert(
      AGREEMENTS.map(([id, school, over]) => agreementRow(id, school, 'p1', { starts_on: '2023-01-01', ...over })),
    );
    records = await orm.em.fork().find(AgreementRecord, {});
  });
  afterAll(() => orm.close(true));

  const listed = async (filter: FilterQuery<AgreementRecord>) =>
    (await orm.em.fork().find(AgreementRecord, filter)).map((r) => r.id).sort();
  const expected = (status: string, school?: string) =>
    records
      .filter((r) => (!school || r.schoolId === school) && agreementStatus(toAgreementData(r), TODAY) === status)
      .map((r) => r.id)
      .sort();

  it('classifies the dataset as its names say, so every status has rows at its edges', () => {
    const wrong = records.filter((r) => !r.id.startsWith(agreementStatus(toAgreementData(r), TODAY)));
    expect(wrong.map((r) => r.id)).toEqual([]);
    for (const status of AGREEMENT_STATUSES) expect(expected(status).length).toBeGreaterThan(0);
  });

  it.each(AGREEMENT_STATUSES)('lists as %s exactly the agreements agreementStatus calls so', async (status) => {
    const em = orm.em.fork();
    expect(await listed(await agreementStatusFilter(em, status, TODAY, []))).toEqual(expected(status));
  });

  it.each(['renewed', 'expiring', 'active'] as const)(
    'keeps the renewing candidates of the %s filter within the list scope',
    async (status) => {
      const scope = [{ schoolId: 's2' }];
      const filter = await agreementStatusFilter(orm.em.fork(), status, TODAY, scope);
      expect(await listed({ $and: [...scope, filter] })).toEqual(expected(status, 's2'));
    },
  );
});

describe('conditionFilter (medium, real database)', () => {
  let orm: MikroORM;
  let records: AgreementRecord[];

  beforeAll(async () => {
    let knex: Knex;
    ({ orm, knex } = await openReportDb());
    await knex('organisation').insert([orgRow('s1', 'school'), orgRow('p1', 'partner', 'employer')]);
    await knex('agreement').insert([
      agreementRow('a', 's1', 'p1', { signed_by_school_on: '2023-12-01', signed_by_partner_on: '2023-12-20' }),
      agreementRow('b', 's1', 'p1', { signed_by_school_on: '2023-12-20', signed_by_partner_on: '2023-12-01' }),
      agreementRow('c', 's1', 'p1', { signed_by_partner_on: null, auto_renew: true, ends_on: '2024-12-31' }),
    ]);
    records = await orm.em.fork().find(AgreementRecord, {});
  });
  afterAll(() => orm.close(true));

  it.each<[string, Condition<AgreementField>]>([
    ['a field compared with another', { field: 'signedBySchoolOn', op: '<', otherField: 'signedByPartnerOn' }],
    ['a field equal to another', { field: 'signedBySchoolOn', op: '=', otherField: 'signedByPartnerOn' }],
    ['a comparison with a null field', { field: 'signedByPartnerOn', op: '<>', value: '2023-12-01' }],
    ['a list of values', { field: 'signedByPartnerOn', oneOf: ['2023-12-01', '2023-12-20'] }],
    ['an empty list of values', { field: 'signedByPartnerOn', oneOf: [] }],
    ['an empty any', { any: [] }],
    ['an empty all', { all: [] }],
    [
      'a flag and a null',
      {
        all: [
          { field: 'autoRenew', isTrue: true },
          { field: 'signedByPartnerOn', isNull: true },
        ],
      },
    ],
    [
      'a false flag or a set end',
      {
        any: [
          { field: 'autoRenew', isTrue: false },
          { field: 'endsOn', isNull: false },
        ],
      },
    ],
  ])('selects the rows that hold for %s', async (_, condition) => {
    const found = await orm.em
      .fork()
      .find(AgreementRecord, conditionFilter<AgreementRecord, AgreementField>(condition));
    const held = records.filter((r) => holds(condition, domainRow(toAgreementData(r))));
    expect(found.map((r) => r.id).sort()).toEqual(held.map((r) => r.id).sort());
  });
});
