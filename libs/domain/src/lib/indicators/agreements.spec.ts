import { DateRange, LocalDate } from '../common';
import { agreementFlows, agreementsActiveByKind, AgreementTerm } from './agreements';

const d = (iso: string) => LocalDate.iso(iso);
const year = DateRange.ofInclusive(d('2019-09-01'), d('2020-08-31'));

describe(agreementsActiveByKind.name, () => {
  it('counts agreements in force on the period end by kind', () => {
    const sut = agreementsActiveByKind([
      { kind: 'cooperation', inForceOnPeriodEnd: true },
      { kind: 'cooperation', inForceOnPeriodEnd: false },
      { kind: 'network_form', inForceOnPeriodEnd: true },
      { kind: 'cooperation', inForceOnPeriodEnd: true },
    ]);
    expect(sut).toEqual({ total: 3, byKey: { cooperation: 2, network_form: 1 } });
  });

  it('accepts grouped rows carrying a count', () => {
    const sut = agreementsActiveByKind([
      { kind: 'social_partnership', inForceOnPeriodEnd: true, count: 7 },
      { kind: 'social_partnership', inForceOnPeriodEnd: false, count: 3 },
      { kind: 'cooperation', inForceOnPeriodEnd: true, count: 2 },
    ]);
    expect(sut).toEqual({ total: 9, byKey: { social_partnership: 7, cooperation: 2 } });
  });

  it('counts nothing when no agreement is in force', () => {
    expect(agreementsActiveByKind([{ kind: 'cooperation', inForceOnPeriodEnd: false }])).toEqual({
      total: 0,
      byKey: {},
    });
  });
});

describe(agreementFlows.name, () => {
  const term = (startsOn: string, effectiveEndsOn: string | null, renewedOn?: string): AgreementTerm => ({
    startsOn: d(startsOn),
    effectiveEndsOn: effectiveEndsOn ? d(effectiveEndsOn) : null,
    renewedOn: renewedOn ? d(renewedOn) : null,
  });

  it.each([
    ['starts on the first day', term('2019-09-01', null), { started: 1, expired: 0, renewed: 0 }],
    ['starts on the last day', term('2020-08-31', '2021-08-31'), { started: 1, expired: 0, renewed: 0 }],
    ['started the day before', term('2019-08-31', null), { started: 0, expired: 0, renewed: 0 }],
    ['starts the day after', term('2020-09-01', null), { started: 0, expired: 0, renewed: 0 }],
    ['ends on the last day', term('2018-09-01', '2020-08-31'), { started: 0, expired: 1, renewed: 0 }],
    ['ended the day before', term('2018-09-01', '2019-08-31'), { started: 0, expired: 0, renewed: 0 }],
    ['starts and ends inside', term('2019-10-01', '2020-05-31'), { started: 1, expired: 1, renewed: 0 }],
    ['is prolonged inside', term('2017-09-01', '2021-08-31', '2019-09-01'), { started: 0, expired: 0, renewed: 1 }],
    ['was prolonged before', term('2017-09-01', '2021-08-31', '2018-09-01'), { started: 0, expired: 0, renewed: 0 }],
  ])('counts an agreement that %s', (_, agreement, expected) => {
    expect(agreementFlows([agreement], year)).toEqual(expected);
  });

  it('treats a missing renewal date as never prolonged', () => {
    expect(agreementFlows([{ startsOn: d('2019-09-01'), effectiveEndsOn: null }], year)).toEqual({
      started: 1,
      expired: 0,
      renewed: 0,
    });
  });

  it('sums the flows of several agreements', () => {
    const sut = agreementFlows(
      [term('2019-09-01', null), term('2019-12-01', '2020-06-30'), term('2016-01-01', '2022-01-01', '2020-01-01')],
      year,
    );
    expect(sut).toEqual({ started: 2, expired: 1, renewed: 1 });
  });
});
