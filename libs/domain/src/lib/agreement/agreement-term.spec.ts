import {
  agreementStatus,
  agreementTermRange,
  agreementTermSummary,
  currentTerm,
  effectiveEnd,
  EXPIRING_WINDOW_DAYS,
  isInForce,
  lastDayInForce,
  NOTICE_SOON_DAYS,
  noticeDeadline,
  noticeStanding,
  OPEN_END,
} from '.';
import { d } from '../../testing';
import { AgreementData } from './agreement';
import { anAgreement, aSignedAgreement, aRenewingAgreement as renewing } from './agreement.fixtures';

describe(effectiveEnd.name, () => {
  it.each<[string, Partial<AgreementData>, string, string | null]>([
    ['keeps the term on its last day', { autoRenew: true }, '2020-08-31', '2020-08-31'],
    ['rolls over the day after the term ends', { autoRenew: true }, '2020-09-01', '2021-08-31'],
    ['rolls over across several terms', { autoRenew: true }, '2023-01-15', '2023-08-31'],
    ['does not roll over without auto-renewal', { autoRenew: false }, '2023-01-15', '2020-08-31'],
    [
      'stops when notice is given on the deadline itself',
      { autoRenew: true, noticeGivenOn: d('2020-08-01') },
      '2023-01-15',
      '2020-08-31',
    ],
    [
      'rolls over once more when notice comes a day late',
      { autoRenew: true, noticeGivenOn: d('2020-08-02') },
      '2023-01-15',
      '2021-08-31',
    ],
    [
      'stops at a later term when notice is given then',
      { autoRenew: true, noticeGivenOn: d('2022-05-01') },
      '2025-01-01',
      '2022-08-31',
    ],
    [
      'does not roll over past a termination',
      { autoRenew: true, terminatedOn: d('2020-08-31') },
      '2021-01-01',
      '2020-08-31',
    ],
    [
      'rolls over when the termination comes in a later term',
      { autoRenew: true, terminatedOn: d('2020-10-01') },
      '2021-01-01',
      '2021-08-31',
    ],
    ['has none when open-ended', { endsOn: null, autoRenew: true }, '2030-01-01', null],
    ['never rolls over an invalid term', { endsOn: d('2019-08-01'), autoRenew: true }, '2030-01-01', '2019-08-01'],
  ])('%s', (_, overrides, today, expected) => {
    expect(effectiveEnd(renewing(overrides), d(today))?.toString() ?? null).toBe(expected);
  });

  it.each([
    ['a year containing 29 Feb', '2019-09-01', '2020-08-31', '2021-06-01', '2021-08-31'],
    ['a year ending on 29 Feb', '2019-03-01', '2020-02-29', '2020-03-01', '2021-02-28'],
    [
      'a year starting on 29 Feb (renewed from 1 March to the last day of February)',
      '2020-02-29',
      '2021-02-28',
      '2021-03-01',
      '2022-02-28',
    ],
    ['two months ending on 29 Feb', '2020-01-01', '2020-02-29', '2020-03-01', '2020-04-30'],
    ['a 10-day term', '2020-01-01', '2020-01-10', '2020-01-25', '2020-01-30'],
  ])('keeps the length of %s when renewing', (_, startsOn, endsOn, today, expected) => {
    expect(
      effectiveEnd(renewing({ startsOn: d(startsOn), endsOn: d(endsOn), noticeDays: 0 }), d(today))?.toString(),
    ).toBe(expected);
  });
});

describe(currentTerm.name, () => {
  it('numbers the renewed terms', () => {
    expect(currentTerm(renewing(), d('2022-01-01'))).toEqual({
      index: 2,
      startsOn: d('2021-09-01'),
      endsOn: d('2022-08-31'),
    });
  });

  const term = (startsOn: string, endsOn: string, on: string) => {
    const t = currentTerm(renewing({ startsOn: d(startsOn), endsOn: d(endsOn), noticeDays: 0 }), d(on));
    return t && [t.index, t.startsOn.toString(), t.endsOn.toString()];
  };

  it.each([
    ['2021-03-01', [1, '2021-03-01', '2022-02-28']],
    ['2022-02-28', [1, '2021-03-01', '2022-02-28']],
    ['2022-03-01', [2, '2022-03-01', '2023-02-28']],
    ['2023-03-01', [3, '2023-03-01', '2024-02-29']],
    ['2024-02-29', [3, '2023-03-01', '2024-02-29']],
    ['2024-03-01', [4, '2024-03-01', '2025-02-28']],
    ['2028-02-29', [7, '2027-03-01', '2028-02-29']],
    ['2029-01-10', [8, '2028-03-01', '2029-02-28']],
  ])('keeps the anniversaries of 29.02.2020–28.02.2021 in the term around %s (issue 14)', (on, expected) => {
    expect(term('2020-02-29', '2021-02-28', on)).toEqual(expected);
  });

  it.each([
    [
      'a year from 1 March, through a leap February',
      '2023-03-01',
      '2024-02-29',
      '2025-03-01',
      [2, '2025-03-01', '2026-02-28'],
    ],
    [
      'a year from 1 March, into a leap February',
      '2021-03-01',
      '2022-02-28',
      '2023-06-01',
      [2, '2023-03-01', '2024-02-29'],
    ],
    ['a year from 31 January', '2021-01-31', '2022-01-30', '2024-01-30', [2, '2023-01-31', '2024-01-30']],
    [
      'a year from 31 January, renewed on the 31st',
      '2021-01-31',
      '2022-01-30',
      '2024-01-31',
      [3, '2024-01-31', '2025-01-30'],
    ],
    [
      'a month from 31 January: February is clamped',
      '2021-01-31',
      '2021-02-27',
      '2021-03-01',
      [1, '2021-02-28', '2021-03-30'],
    ],
    [
      'a month from 31 January: back on the 31st after February',
      '2021-01-31',
      '2021-02-27',
      '2021-04-15',
      [2, '2021-03-31', '2021-04-29'],
    ],
    [
      'a calendar month ending on 28 Feb: renewed month by month',
      '2021-01-31',
      '2021-02-28',
      '2021-04-30',
      [2, '2021-04-01', '2021-04-30'],
    ],
    ['a year ending on 31 December', '2020-01-01', '2020-12-31', '2024-12-31', [4, '2024-01-01', '2024-12-31']],
    [
      'a year and a day (ending on the anniversary)',
      '2020-09-01',
      '2021-09-01',
      '2022-09-02',
      [2, '2022-09-02', '2023-09-01'],
    ],
  ])('renews %s without drift', (_, startsOn, endsOn, on, expected) => {
    expect(term(startsOn, endsOn, on)).toEqual(expected);
  });
});

describe(noticeDeadline.name, () => {
  it.each<[string, Partial<AgreementData>, string, string | null]>([
    ['is the term end minus the notice days', {}, '2020-01-01', '2020-08-01'],
    ['moves with the renewed term', {}, '2020-09-01', '2021-08-01'],
    ['is the last day itself with no notice period', { noticeDays: 0 }, '2020-01-01', '2020-08-31'],
    ['does not exist without auto-renewal', { autoRenew: false }, '2020-01-01', null],
    ['does not exist for an open-ended agreement', { endsOn: null }, '2020-01-01', null],
  ])('%s', (_, overrides, today, expected) => {
    expect(noticeDeadline(renewing(overrides), d(today))?.toString() ?? null).toBe(expected);
  });
});

describe(noticeStanding.name, () => {
  const end = d('2027-02-28');
  // 60 days' notice: the deadline is 30 December 2026
  it('is nothing more than the window before the deadline', () => {
    expect(NOTICE_SOON_DAYS).toBe(14);
    expect(noticeStanding(end, 60, d('2026-12-15'))).toBeNull();
  });
  it('is soon from the first day of the window through the deadline itself', () => {
    expect(noticeStanding(end, 60, d('2026-12-16'))).toEqual({ standing: 'soon', deadline: d('2026-12-30') });
    expect(noticeStanding(end, 60, d('2026-12-30'))?.standing).toBe('soon');
  });
  it('is passed from the day after the deadline to the last day of the term, then nothing', () => {
    expect(noticeStanding(end, 60, d('2026-12-31'))?.standing).toBe('passed');
    expect(noticeStanding(end, 60, d('2027-02-28'))?.standing).toBe('passed');
    expect(noticeStanding(end, 60, d('2027-03-01'))).toBeNull();
  });
  it('with no notice days the deadline is the last day of the term', () => {
    expect(noticeStanding(end, 0, d('2027-02-28'))).toEqual({ standing: 'soon', deadline: end });
  });
});

describe(lastDayInForce.name, () => {
  it.each<[string, Partial<AgreementData>, string | null]>([
    ['is the term end', {}, '2020-08-31'],
    ['is the day before the termination', { terminatedOn: d('2020-03-01') }, '2020-02-29'],
    ['is the term end when the termination comes later', { terminatedOn: d('2020-09-15') }, '2020-08-31'],
    ['does not exist when open-ended', { endsOn: null }, null],
    [
      'is the day before the termination of an open-ended agreement',
      { endsOn: null, terminatedOn: d('2025-01-01') },
      '2024-12-31',
    ],
  ])('%s', (_, overrides, expected) => {
    expect(lastDayInForce(aSignedAgreement(overrides), d('2020-01-01'))?.toString() ?? null).toBe(expected);
  });
});

describe(isInForce.name, () => {
  it.each<[string, AgreementData, string, boolean]>([
    ['the day before the start', aSignedAgreement(), '2019-08-31', false],
    ['the first day', aSignedAgreement(), '2019-09-01', true],
    ['the last day of the term', aSignedAgreement(), '2020-08-31', true],
    ['the day after the term', aSignedAgreement(), '2020-09-01', false],
    ['the first day of a renewed term', renewing(), '2020-09-01', true],
    [
      'a day when one party had not signed yet',
      aSignedAgreement({ signatures: { school: d('2019-08-20'), partner: d('2019-10-01') } }),
      '2019-09-15',
      false,
    ],
    [
      'any day without the partner signature',
      anAgreement({ signatures: { school: d('2019-08-20') } }),
      '2019-09-15',
      false,
    ],
    ['the day before the termination', aSignedAgreement({ terminatedOn: d('2020-03-01') }), '2020-02-29', true],
    ['the termination day', aSignedAgreement({ terminatedOn: d('2020-03-01') }), '2020-03-01', false],
    ['a day decades later when open-ended', aSignedAgreement({ endsOn: null }), '2045-06-30', true],
  ])('knows whether it is in force on %s', (_, data, on, expected) => {
    expect(isInForce(data, d(on))).toBe(expected);
  });
});

describe(agreementStatus.name, () => {
  it.each<[string, AgreementData, string, string]>([
    ['unsigned', anAgreement(), '2019-09-15', 'draft'],
    ['signed by one party', anAgreement({ signatures: { partner: d('2019-08-25') } }), '2019-09-15', 'draft'],
    ['asked before the second signature', aSignedAgreement(), '2019-08-22', 'draft'],
    ['signed, before the start', aSignedAgreement(), '2019-08-26', 'signed'],
    ['on the first day', aSignedAgreement(), '2019-09-01', 'active'],
    ['61 days before the end', aSignedAgreement(), '2020-07-01', 'active'],
    ['60 days before the end', aSignedAgreement(), '2020-07-02', 'expiring'],
    ['on the last day', aSignedAgreement(), '2020-08-31', 'expiring'],
    ['the day after the end', aSignedAgreement(), '2020-09-01', 'expired'],
    ['the day before the termination', aSignedAgreement({ terminatedOn: d('2020-03-01') }), '2020-02-29', 'active'],
    ['on the termination day', aSignedAgreement({ terminatedOn: d('2020-03-01') }), '2020-03-01', 'terminated'],
    ['renewing, before its notice deadline', renewing(), '2020-07-15', 'expiring'],
    ['renewing, on its notice deadline', renewing(), '2020-08-01', 'expiring'],
    ['renewing, after its notice deadline without notice', renewing(), '2020-08-02', 'active'],
    ['renewing, in the second term', renewing(), '2020-09-01', 'renewed'],
    ['renewing, near the end of the second term', renewing(), '2021-07-15', 'expiring'],
    ['renewing, past the second deadline', renewing(), '2021-08-02', 'renewed'],
    [
      'renewing with timely notice, near the end',
      renewing({ noticeGivenOn: d('2020-07-01') }),
      '2020-08-15',
      'expiring',
    ],
    [
      'renewing with timely notice, after the end',
      renewing({ noticeGivenOn: d('2020-07-01') }),
      '2020-09-01',
      'expired',
    ],
    ['open-ended, decades later', aSignedAgreement({ endsOn: null }), '2045-01-01', 'active'],
    ['with a term that ends before it starts', aSignedAgreement({ endsOn: d('2019-08-01') }), '2019-09-01', 'expired'],
  ])('derives the status when %s', (_, data, today, expected) => {
    expect(agreementStatus(data, d(today))).toBe(expected);
  });

  it('honours a custom expiring window', () => {
    expect(agreementStatus(aSignedAgreement(), d('2020-07-15'), { expiringWindowDays: 30 })).toBe('active');
    expect(agreementStatus(aSignedAgreement(), d('2020-08-01'), { expiringWindowDays: 30 })).toBe('expiring');
  });
});

describe(agreementTermRange.name, () => {
  it('covers the days in force', () => {
    expect(agreementTermRange(aSignedAgreement(), d('2020-01-01'))?.toString()).toBe('[2019-09-01, 2020-09-01)');
  });

  it('runs to the end of representable time when open-ended', () => {
    expect(agreementTermRange(aSignedAgreement({ endsOn: null }), d('2020-01-01'))?.last).toEqual(OPEN_END);
  });

  it('is absent when the agreement was terminated on its first day', () => {
    expect(agreementTermRange(aSignedAgreement({ terminatedOn: d('2019-09-01') }), d('2020-01-01'))).toBeNull();
  });
});

describe(agreementTermSummary.name, () => {
  it('lists the first day of every renewed term', () => {
    expect(agreementTermSummary(renewing(), d('2022-10-01'))).toEqual({
      startsOn: d('2019-09-01'),
      effectiveEndsOn: d('2023-08-31'),
      renewedOn: d('2022-09-01'),
      renewals: [d('2020-09-01'), d('2021-09-01'), d('2022-09-01')],
    });
  });

  it('has no renewal for an agreement that was never prolonged', () => {
    expect(agreementTermSummary(aSignedAgreement({ endsOn: null }), d('2022-10-01'))).toEqual({
      startsOn: d('2019-09-01'),
      effectiveEndsOn: null,
      renewedOn: null,
      renewals: [],
    });
  });
});

describe('the expiring window', () => {
  it('is the default of the status, 60 days before the end of the current term', () => {
    expect(EXPIRING_WINDOW_DAYS).toBe(60);
    expect(agreementStatus(aSignedAgreement(), d('2020-08-31').addDays(-EXPIRING_WINDOW_DAYS))).toBe('expiring');
    expect(agreementStatus(aSignedAgreement(), d('2020-08-31').addDays(-EXPIRING_WINDOW_DAYS - 1))).toBe('active');
  });
});
