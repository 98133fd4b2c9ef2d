import { agreementsActiveByKind } from './agreements';

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
