import { AGREEMENT_STATUSES } from './agreement';
import { isPlanMissing } from './agreement-plan-flag';

describe('isPlanMissing', () => {
  it.each(AGREEMENT_STATUSES.map((s) => [s, ['active', 'renewed', 'expiring'].includes(s)] as const))(
    'an agreement %s with no plan and no activity this year is flagged: %s',
    (status, expected) => {
      expect(isPlanMissing({ status, hasPlan: false, hasActivityWithPartner: false })).toBe(expected);
    },
  );

  it('does not flag an active agreement that has a plan attached this year', () => {
    expect(isPlanMissing({ status: 'active', hasPlan: true, hasActivityWithPartner: false })).toBe(false);
  });

  it('does not flag an active agreement whose partner has an activity with the school this year', () => {
    expect(isPlanMissing({ status: 'expiring', hasPlan: false, hasActivityWithPartner: true })).toBe(false);
  });
});
