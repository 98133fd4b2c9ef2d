import { d } from '../../../testing';
import { DateRange } from '../../common';
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
};

describe('daysOffRule', () => {
  it('accepts a Monday-to-Friday placement without holidays', () => {
    expect(codes({})).toEqual([]);
  });

  it('refuses Saturday work and counts the Saturdays', () => {
    const findings = sut.evaluate(aPlacement({ workDays: ['mon', 'sat'], endsOn: d('2020-07-12') }), ctx);
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'placement.rest-day', field: 'workDays', limit: 0, actual: 4 }),
    ]);
    expect(findings[0].message.en).toContain('2020-06-20, 2020-06-27, 2020-07-04 (+1)');
  });

  it('ignores a rest day in the schedule that never occurs in the dates', () => {
    expect(codes({ startsOn: d('2020-06-15'), endsOn: d('2020-06-19'), workDays: ['mon', 'sun'] })).toEqual([]);
  });

  it('refuses work on a non-working holiday that falls on a working weekday', () => {
    const findings = sut.evaluate(aPlacement({ startsOn: d('2020-06-08'), endsOn: d('2020-06-19') }), ctx);
    expect(findings).toEqual([expect.objectContaining({ rule: 'placement.holiday-work', actual: 1 })]);
    expect(findings[0].message.ru).toContain('2020-06-12');
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
    [
      "a 14-year-old without a parent's consent",
      { studentBirthDate: d('2012-01-10') },
      ['placement.rest-day', 'placement.holiday-work'],
    ],
    ["a 14-year-old with a parent's consent", { studentBirthDate: d('2012-01-10'), parentConsent: true }, []],
    [
      'an orphan without the guardianship consent',
      { orphan: true, parentConsent: true },
      ['placement.rest-day', 'placement.holiday-work'],
    ],
    ['an orphan with the guardianship consent', { orphan: true, guardianshipConsent: true }, []],
  ])('in the summer of 2026 decides days off for %s', (_, over, expected) => {
    expect(codes({ ...summer2026, ...over })).toEqual(expected);
  });

  it("takes the age on each day off for the parent's consent", () => {
    // turns 15 on 2026-06-15: the weekend of 13–14 June needs a parent, the next one does not
    expect(sut.evaluate(aPlacement({ ...summer2026, studentBirthDate: d('2011-06-15') }), ctx)).toEqual([
      expect.objectContaining({ rule: 'placement.rest-day', actual: 2 }),
      expect.objectContaining({ rule: 'placement.holiday-work', actual: 1 }),
    ]);
  });

  it('refuses a June day off that the school does not count as holidays', () => {
    expect(codes(summer2026, simplePlacementContext({ summer: false }))).toEqual(['placement.rest-day']);
  });

  it.each([
    ['late May', '2026-05-25', '2026-05-31', DateRange.ofInclusive(d('2026-05-27'), d('2026-05-31'))],
    ['the autumn break', '2026-11-02', '2026-11-08', DateRange.ofInclusive(d('2026-10-31'), d('2026-11-08'))],
  ])('refuses a day off in %s, outside the summer months', (_, from, to, range) => {
    const breaks = simplePlacementContext({ schoolHolidays: [range] });
    expect(codes({ ...summer2026, startsOn: d(from), endsOn: d(to) }, breaks)).toEqual(['placement.rest-day']);
  });
});
