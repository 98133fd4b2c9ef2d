import { ACTIVITY_STATUSES } from '../activity';
import { employerPartnerShare, makesPartner, partnersByType, periodPartners } from './partners';

describe(partnersByType.name, () => {
  it('counts each partner once, under its type', () => {
    const sut = partnersByType([
      { partnerId: 'p1', partnerType: 'employer' },
      { partnerId: 'p1', partnerType: 'employer' },
      { partnerId: 'p2', partnerType: 'employer' },
      { partnerId: 'p3', partnerType: 'culture' },
    ]);
    expect(sut).toEqual({ total: 3, byKey: { employer: 2, culture: 1 } });
  });

  it('counts a partner without a type as unspecified', () => {
    expect(partnersByType([{ partnerId: 'p9', partnerType: null }])).toEqual({ total: 1, byKey: { unspecified: 1 } });
  });

  it('is distinct across schools where a sum of per-school counts is not', () => {
    const schoolA = [{ partnerId: 'zcn', partnerType: 'employment_centre' }];
    const schoolB = [{ partnerId: 'zcn', partnerType: 'employment_centre' }];
    expect(partnersByType(schoolA).total + partnersByType(schoolB).total).toBe(2);
    expect(partnersByType([...schoolA, ...schoolB]).total).toBe(1);
  });
});

describe(employerPartnerShare.name, () => {
  it('shares the schools with at least one employer partner', () => {
    const sut = employerPartnerShare([{ employerPartners: 0 }, { employerPartners: 1 }, { employerPartners: 3 }]);
    expect(sut).toEqual({ schools: 3, withEmployer: 2, share: 0.6667 });
  });

  it('has no share without schools', () => {
    expect(employerPartnerShare([])).toEqual({ schools: 0, withEmployer: 0, share: null });
  });
});

describe(`${partnersByType.name} with conflicting types`, () => {
  it('counts a partner listed under two types once, under the type of its first link', () => {
    const sut = partnersByType([
      { partnerId: 'p1', partnerType: 'employer' },
      { partnerId: 'p1', partnerType: 'culture' },
      { partnerId: 'p2', partnerType: null },
      { partnerId: 'p2', partnerType: 'employer' },
    ]);
    expect(sut).toEqual({ total: 2, byKey: { employer: 1, unspecified: 1 } });
  });
});

describe(periodPartners.name, () => {
  it('joins the counterparts of agreements in force and of activities, each once', () => {
    const sut = periodPartners(
      ['p1', 'p2', 'p1'],
      [
        { partnerId: 'p2', status: 'held' },
        { partnerId: 'p3', status: 'planned' },
        { partnerId: 'p4', status: 'postponed' },
        { partnerId: null, status: 'held' },
      ],
    );
    expect(sut.sort()).toEqual(['p1', 'p2', 'p3', 'p4']);
  });

  it('does not count a partner whose only activity was cancelled', () => {
    expect(periodPartners([], [{ partnerId: 'p1', status: 'cancelled' }])).toEqual([]);
  });

  it('keeps a partner with an agreement in force even if its activity was cancelled', () => {
    expect(periodPartners(['p1'], [{ partnerId: 'p1', status: 'cancelled' }])).toEqual(['p1']);
  });

  it.each(ACTIVITY_STATUSES.map((status) => [status, status !== 'cancelled'] as const))(
    'an activity %s makes a partner: %p',
    (status, expected) => {
      expect(makesPartner({ status })).toBe(expected);
    },
  );
});
