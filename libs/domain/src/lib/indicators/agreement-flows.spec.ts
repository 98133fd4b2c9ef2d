import { anAgreement, aRenewingAgreement, aSignedAgreement } from '../agreement/agreement.fixtures';
import { DateRange, LocalDate } from '../common';
import { agreementFlowCounts } from './agreements';

const d = (iso: string) => LocalDate.iso(iso);
const range = (first: string, last: string) => DateRange.ofInclusive(d(first), d(last));
const academicYear = (y: number) => range(`${y}-09-01`, `${y + 1}-08-31`);
const calendarYear = (y: number) => range(`${y}-01-01`, `${y}-12-31`);

/** Issue 14 finding 5: 29.02.2020–28.02.2021, auto-renewing; signed before it starts. */
const leapDay = aRenewingAgreement({
  startsOn: d('2020-02-29'),
  endsOn: d('2021-02-28'),
  signatures: { school: d('2020-02-20'), partner: d('2020-02-21') },
});

describe(agreementFlowCounts.name, () => {
  it('counts the 29.02.2020 agreement as new in the academic year 2019/20 and in the calendar year 2020', () => {
    expect(agreementFlowCounts([leapDay], academicYear(2019))).toEqual({ started: 1, expired: 0, renewed: 0 });
    expect(agreementFlowCounts([leapDay], calendarYear(2020))).toEqual({ started: 1, expired: 0, renewed: 0 });
  });

  it.each([2020, 2021, 2022, 2023, 2024, 2025])(
    'counts the auto-renewing 29.02.2020 agreement as renewed, never expired, in the academic year %d',
    (y) => {
      expect(agreementFlowCounts([leapDay], academicYear(y))).toEqual({ started: 0, expired: 0, renewed: 1 });
    },
  );

  it.each([2021, 2022, 2023, 2024])('counts it renewed once in the calendar year %d (renewal on 1 March)', (y) => {
    expect(agreementFlowCounts([leapDay], calendarYear(y))).toEqual({ started: 0, expired: 0, renewed: 1 });
  });

  it('counts every renewal that starts in the period, not only the last', () => {
    const quarterly = aRenewingAgreement({ startsOn: d('2019-09-01'), endsOn: d('2019-11-30'), noticeDays: 10 });
    // renewals on 1 Dec, 1 Mar, 1 Jun of the academic year 2019/20
    expect(agreementFlowCounts([quarterly], academicYear(2019))).toEqual({ started: 1, expired: 0, renewed: 3 });
  });

  it('does not count as expired an agreement whose term ends on the period last day but rolls over', () => {
    const rolling = aRenewingAgreement({ startsOn: d('2019-09-01'), endsOn: d('2020-08-31') });
    expect(agreementFlowCounts([rolling], academicYear(2019))).toEqual({ started: 1, expired: 0, renewed: 0 });
    expect(agreementFlowCounts([rolling], academicYear(2020))).toEqual({ started: 0, expired: 0, renewed: 1 });
  });

  it('counts as expired an auto-renewing agreement whose notice of non-renewal came in time, in the year it ends', () => {
    const stopped = aRenewingAgreement({
      startsOn: d('2019-09-01'),
      endsOn: d('2020-08-31'),
      noticeGivenOn: d('2020-07-01'),
    });
    expect(agreementFlowCounts([stopped], academicYear(2019))).toEqual({ started: 1, expired: 1, renewed: 0 });
    expect(agreementFlowCounts([stopped], academicYear(2020))).toEqual({ started: 0, expired: 0, renewed: 0 });
  });

  it('counts a fixed-term agreement as expired on its last day and a terminated one on the day before termination', () => {
    const fixed = aSignedAgreement({ startsOn: d('2019-09-01'), endsOn: d('2020-05-31') });
    const terminated = aSignedAgreement({ startsOn: d('2019-09-01'), endsOn: null, terminatedOn: d('2020-09-01') });
    expect(agreementFlowCounts([fixed, terminated], academicYear(2019))).toEqual({
      started: 2,
      expired: 2,
      renewed: 0,
    });
    expect(agreementFlowCounts([terminated], academicYear(2020))).toEqual({ started: 0, expired: 0, renewed: 0 });
  });

  it('leaves out an agreement not signed by both parties by the period last day', () => {
    const draft = anAgreement({ startsOn: d('2019-09-01'), endsOn: d('2020-05-31') });
    const lateSigned = aSignedAgreement({
      startsOn: d('2019-09-01'),
      endsOn: d('2020-05-31'),
      signatures: { school: d('2019-08-20'), partner: d('2020-09-01') },
    });
    expect(agreementFlowCounts([draft, lateSigned], academicYear(2019))).toEqual({
      started: 0,
      expired: 0,
      renewed: 0,
    });
  });
});
