import { d } from '../../../testing';
import { DateRange, LocalTime } from '../../common';
import { simplePlacementContext } from '../placement-context';
import { PlacementInput, withLessonHours } from '../placement.model';
import { aPlacement, t } from '../testing';
import { lessonHoursRule as sut } from './lesson-hours.rule';

const ctx = simplePlacementContext({ nonWorkingHolidays: [d('2026-11-04')] });
/** A 14-year-old in term time: Mon 2026-03-16 – Fri 2026-03-20, 2.5 h a day. */
const term: Partial<PlacementInput> = {
  studentBirthDate: d('2012-01-10'),
  startsOn: d('2026-03-16'),
  endsOn: d('2026-03-20'),
  hoursPerDay: 2.5,
  hoursPerWeek: 12,
  parentConsent: true,
  medicalClearanceOn: d('2026-03-01'),
};
const shift = (from: string, to: string, over: Partial<PlacementInput> = {}, context = ctx) =>
  sut
    .evaluate(aPlacement({ ...term, shiftStartsAt: t(from), shiftEndsAt: t(to), ...over }), context)
    .map((f) => f.rule);

describe('lessonHoursRule', () => {
  it('refuses the issue 14 case: a 14-year-old working 08:00–10:30 on term-time school days', () => {
    const findings = sut.evaluate(aPlacement({ ...term, shiftStartsAt: t('08:00'), shiftEndsAt: t('10:30') }), ctx);
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'placement.lesson-hours',
        field: 'shiftStartsAt',
        limit: 'outside 08:00–14:30',
        actual: '08:00–10:30',
      }),
    ]);
    expect(findings[0]?.message.en).toContain('16/03/2026, 17/03/2026, 18/03/2026 (+2)');
  });

  it.each<[string, string, string[]]>([
    ['15:00', '17:30', []],
    ['14:30', '17:00', []],
    ['14:29', '16:59', ['placement.lesson-hours']],
    ['06:00', '08:00', []],
    ['06:00', '08:01', ['placement.lesson-hours']],
  ])('a term-time shift %s–%s against lessons 08:00–14:30 gives %j', (from, to, expected) => {
    expect(shift(from, to)).toEqual(expected);
  });

  it('uses the school lesson hours when the context has them', () => {
    const early = withLessonHours(ctx, { startsAt: LocalTime.of(8, 30), endsAt: LocalTime.of(13, 0) });
    expect(shift('13:00', '15:30', {}, early)).toEqual([]);
    expect(shift('13:00', '15:30')).toEqual(['placement.lesson-hours']);
    expect(early.isNonWorkingHoliday(d('2026-11-04'))).toBe(true);
  });

  it('ignores holidays: the summer, a school break, weekends and non-working holidays', () => {
    expect(shift('09:00', '11:30', { startsOn: d('2026-06-15'), endsOn: d('2026-06-19') })).toEqual([]);
    const spring = simplePlacementContext({
      schoolHolidays: [DateRange.ofInclusive(d('2026-03-16'), d('2026-03-20'))],
    });
    expect(shift('09:00', '11:30', {}, spring)).toEqual([]);
    expect(
      shift('09:00', '11:30', { startsOn: d('2026-03-21'), endsOn: d('2026-03-22'), workDays: ['sat', 'sun'] }),
    ).toEqual([]);
    expect(shift('09:00', '11:30', { startsOn: d('2026-11-04'), endsOn: d('2026-11-04') })).toEqual([]);
  });

  it('applies to every pupil under 18, not only 14–15-year-olds', () => {
    expect(shift('09:00', '13:00', { studentBirthDate: d('2009-01-10'), hoursPerDay: 4 })).toEqual([
      'placement.lesson-hours',
    ]);
  });
});
