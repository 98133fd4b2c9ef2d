import { d } from '../../../testing';
import { DateRange, LocalDate } from '../../common';
import { simplePlacementContext } from '../placement-context';
import { PlacementInput } from '../placement.model';
import { aPlacement } from '../testing';
import { daysOffRule as sut } from './days-off.rule';

const ctx = simplePlacementContext({ nonWorkingHolidays: [d('2020-06-12'), d('2025-06-12'), d('2026-06-12')] });
const codes = (over: Partial<PlacementInput>, context = ctx) =>
  sut.evaluate(aPlacement(over), context).map((f) => f.rule);
const WEEK: PlacementInput['workDays'] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** A 16-year-old referred by the ЦЗН, every day of the week, in the summer of 2026 (after 01.09.2025). */
const summer2026: Partial<PlacementInput> = {
  studentBirthDate: d('2010-03-10'),
  startsOn: d('2026-06-08'),
  endsOn: d('2026-06-21'),
  workDays: WEEK,
  medicalClearanceOn: d('2026-06-01'),
  weekendWorkConsent: true,
};
const CONSENT = 'placement.weekend.consent-missing';

describe('daysOffRule', () => {
  it('accepts a Monday-to-Friday placement without holidays', () => {
    expect(codes({})).toEqual([]);
  });

  it('refuses Saturday work and counts the Saturdays', () => {
    const findings = sut.evaluate(aPlacement({ workDays: ['mon', 'sat'], endsOn: d('2020-07-12') }), ctx);
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'placement.rest-day', field: 'workDays', limit: 0, actual: 4 }),
    ]);
    expect(findings[0].message.en).toContain('20/06/2020, 27/06/2020, 04/07/2020 (+1)');
  });

  it('ignores a rest day in the schedule that never occurs in the dates', () => {
    expect(codes({ startsOn: d('2020-06-15'), endsOn: d('2020-06-19'), workDays: ['mon', 'sun'] })).toEqual([]);
  });

  it('refuses work on a non-working holiday that falls on a working weekday', () => {
    const findings = sut.evaluate(aPlacement({ startsOn: d('2020-06-08'), endsOn: d('2020-06-19') }), ctx);
    expect(findings).toEqual([expect.objectContaining({ rule: 'placement.holiday-work', actual: 1 })]);
    expect(findings[0].message.ru).toContain('12.06.2020');
  });

  it('reports rest days and holidays as two findings', () => {
    expect(codes({ startsOn: d('2020-06-08'), endsOn: d('2020-06-19'), workDays: WEEK })).toEqual([
      'placement.rest-day',
      'placement.holiday-work',
    ]);
  });

  it('allows days off and holidays in the summer of 2026 to a student referred by the employment centre', () => {
    expect(codes(summer2026)).toEqual([]);
  });

  it('refuses the same schedule in the summer of 2025, before the exception took effect', () => {
    expect(codes({ ...summer2026, startsOn: d('2025-06-09'), endsOn: d('2025-06-22') })).toEqual([
      'placement.rest-day',
      'placement.holiday-work',
    ]);
  });

  it('refuses the days off around 01.09.2025: August is before the change, September is not summer', () => {
    const autumn = simplePlacementContext({
      schoolHolidays: [DateRange.ofInclusive(d('2025-08-01'), d('2025-09-30'))],
    });
    const findings = sut.evaluate(
      aPlacement({ ...summer2026, startsOn: d('2025-08-25'), endsOn: d('2025-09-07') }),
      autumn,
    );
    // 30–31 Aug are refused (before the change); 6–7 Sep are outside June–August
    expect(findings).toEqual([expect.objectContaining({ rule: 'placement.rest-day', actual: 4 })]);
  });

  it.each<[string, Partial<PlacementInput>, string[]]>([
    ['a direct hire', { channel: 'direct' }, ['placement.rest-day', 'placement.holiday-work']],
    ['a school brigade', { channel: 'school_brigade' }, ['placement.rest-day', 'placement.holiday-work']],
    ['a registered student detachment hired directly', { channel: 'direct', studentDetachment: true }, []],
    ['a referral without the weekend-work consents', { weekendWorkConsent: false }, [CONSENT]],
    [
      "a 14-year-old with the hiring parent's consent but no weekend-work consents",
      { studentBirthDate: d('2012-01-10'), parentConsent: true, weekendWorkConsent: false },
      [CONSENT],
    ],
    ['a 14-year-old with the weekend-work consents', { studentBirthDate: d('2012-01-10') }, []],
    [
      'an orphan with the guardianship consent to hire but no weekend-work consents',
      { orphan: true, guardianshipConsent: true, weekendWorkConsent: false },
      [CONSENT],
    ],
    [
      'a direct hire without consents (forbidden days, not paperwork)',
      { channel: 'direct', weekendWorkConsent: false },
      ['placement.rest-day', 'placement.holiday-work'],
    ],
  ])('in the summer of 2026 decides days off for %s', (_, over, expected) => {
    expect(codes({ ...summer2026, ...over })).toEqual(expected);
  });

  it.each<[string, Partial<PlacementInput>, string]>([
    ['a worker of 16', {}, "the worker's"],
    ['a worker of 14', { studentBirthDate: d('2012-01-10') }, "the worker's and a parent's"],
    ['an orphan', { orphan: true }, 'guardianship authority'],
  ])('names the written consents %s needs', (_, over, who) => {
    const [finding] = sut.evaluate(aPlacement({ ...summer2026, ...over, weekendWorkConsent: false }), ctx);
    expect(finding).toMatchObject({ rule: CONSENT, field: 'weekendWorkConsent', actual: 'missing' });
    expect(finding.message.en).toContain(who);
    expect(finding.message.ru).toContain('ТК ст. 268');
  });

  it('allows the issue 14 case: a referral of 16 on Sat–Sun 30–31 May 2026, after instruction ended on 26 May', () => {
    const calendar = simplePlacementContext({
      schoolHolidays: [DateRange.ofInclusive(d('2026-05-27'), d('2026-05-31'))],
    });
    const may: Partial<PlacementInput> = {
      ...summer2026,
      startsOn: d('2026-05-30'),
      endsOn: d('2026-05-31'),
      workDays: ['sat', 'sun'],
    };
    expect(codes(may, calendar)).toEqual([]);
    expect(codes({ ...may, weekendWorkConsent: false }, calendar)).toEqual([CONSENT]);
    expect(codes(may, ctx)).toEqual(['placement.rest-day']);
  });

  it('follows the context when it says where the summer holidays start', () => {
    const late = simplePlacementContext({ schoolHolidays: [DateRange.ofInclusive(d('2026-05-27'), d('2026-05-31'))] });
    const notYet = { ...late, isSummerHoliday: (date: LocalDate) => date.month >= 6 };
    const weekend = { ...summer2026, startsOn: d('2026-05-30'), endsOn: d('2026-05-31') };
    expect(codes(weekend, late)).toEqual([]);
    expect(codes(weekend, notYet)).toEqual(['placement.rest-day']);
  });

  it('refuses a June day off that the school does not count as holidays', () => {
    expect(codes(summer2026, simplePlacementContext({ summer: false }))).toEqual(['placement.rest-day']);
  });

  it.each([['the autumn break', '2026-11-02', '2026-11-08', DateRange.ofInclusive(d('2026-10-31'), d('2026-11-08'))]])(
    'refuses a day off in %s, outside the summer holidays',
    (_, from, to, range) => {
      const breaks = simplePlacementContext({ schoolHolidays: [range] });
      expect(codes({ ...summer2026, startsOn: d(from), endsOn: d(to) }, breaks)).toEqual(['placement.rest-day']);
    },
  );
});
