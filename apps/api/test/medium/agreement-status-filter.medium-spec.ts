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

describe('agreement filters built from domain conditions (medium, real database)', () => {
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

  const ids = (rows: readonly AgreementRecord[]) => rows.map((r) => r.id).sort();
  const listed = async (filter: FilterQuery<AgreementRecord>) => ids(await orm.em.fork().find(AgreementRecord, filter));

  describe(agreementStatusFilter.name, () => {
    const expected = (status: string, school?: string) =>
      ids(
        records.filter(
          (r) => (!school || r.schoolId === school) && agreementStatus(toAgreementData(r), TODAY) === status,
        ),
      );

    it('classifies the dataset as its names say, so every status has rows at its edges', () => {
      const wrong = records.filter((r) => !r.id.startsWith(agreementStatus(toAgreementData(r), TODAY)));
      expect(ids(wrong)).toEqual([]);
      for (const status of AGREEMENT_STATUSES) expect(expected(status).length).toBeGreaterThan(0);
    });

    it.each(AGREEMENT_STATUSES)('lists as %s exactly the agreements agreementStatus calls so', async (status) => {
      expect(await listed(await agreementStatusFilter(orm.em.fork(), status, TODAY, []))).toEqual(expected(status));
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

  describe(conditionFilter.name, () => {
    type C = Condition<AgreementField>;
    const held = (c: C) => ids(records.filter((r) => holds(c, domainRow(toAgreementData(r)))));

    it.each<[string, C]>([
      ['a field before another', { field: 'signedBySchoolOn', op: '<', otherField: 'signedByPartnerOn' }],
      ['a field equal to another', { field: 'signedBySchoolOn', op: '=', otherField: 'signedByPartnerOn' }],
      ['an inequality that nulls never meet', { field: 'signedByPartnerOn', op: '<>', value: '2022-12-20' }],
      ['a list of values', { field: 'signedByPartnerOn', oneOf: ['2024-06-16', '2023-12-01'] }],
      [
        'a set flag and an empty field',
        {
          all: [
            { field: 'autoRenew', isTrue: true },
            { field: 'terminatedOn', isNull: true },
          ],
        },
      ],
      [
        'a cleared flag and a set field',
        {
          all: [
            { field: 'autoRenew', isTrue: false },
            { field: 'endsOn', isNull: false },
          ],
        },
      ],
      [
        'a set field or an early end',
        {
          any: [
            { field: 'terminatedOn', isNull: false },
            { field: 'endsOn', op: '<', value: '2024-01-01' },
          ],
        },
      ],
    ])('selects the rows for which the domain says %s holds, and only those', async (_, condition) => {
      const expected = held(condition);
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(records.length);
      expect(await listed(conditionFilter<AgreementRecord, AgreementField>(condition))).toEqual(expected);
    });

    it('selects nothing for an empty list of values or an empty any, and everything for an empty all', async () => {
      expect(
        await listed(conditionFilter<AgreementRecord, AgreementField>({ field: 'signedByPartnerOn', oneOf: [] })),
      ).toEqual([]);
      expect(await listed(conditionFilter<AgreementRecord, AgreementField>({ any: [] }))).toEqual([]);
      expect(await listed(conditionFilter<AgreementRecord, AgreementField>({ all: [] }))).toEqual(ids(records));
    });
  });
});
