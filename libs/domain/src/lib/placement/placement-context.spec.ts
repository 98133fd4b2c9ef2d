import { d } from '../../testing';
import { DateRange } from '../common';
import { assessPlacement } from './placement';
import { placementContextFacts, placementContextOfFacts, simplePlacementContext } from './placement-context';
import { withLessonHours } from './placement.model';
import { aPlacement, t } from './testing';

describe(simplePlacementContext.name, () => {
  it.each([
    ['2020-05-31', false],
    ['2020-06-01', true],
    ['2020-08-31', true],
    ['2020-09-01', false],
  ])('counts June to August as the summer holidays: %s → %s', (on, holiday) => {
    expect(simplePlacementContext().isSchoolHoliday(d(on))).toBe(holiday);
  });

  it('adds the listed breaks and can drop the summer', () => {
    const sut = simplePlacementContext({
      summer: false,
      schoolHolidays: [DateRange.ofInclusive(d('2020-10-31'), d('2020-11-08'))],
    });
    expect(
      [d('2020-07-01'), d('2020-10-31'), d('2020-11-08'), d('2020-11-09')].map((x) => sut.isSchoolHoliday(x)),
    ).toEqual([false, true, true, false]);
  });

  it('knows only the listed non-working holidays', () => {
    const sut = simplePlacementContext({ nonWorkingHolidays: [d('2020-06-12')] });
    expect([sut.isNonWorkingHoliday(d('2020-06-12')), sut.isNonWorkingHoliday(d('2020-06-13'))]).toEqual([true, false]);
    expect(simplePlacementContext().isNonWorkingHoliday(d('2020-06-12'))).toBe(false);
  });
});

describe(placementContextFacts.name, () => {
  const ctx = withLessonHours(
    simplePlacementContext({
      nonWorkingHolidays: [d('2020-06-12')],
      schoolHolidays: [DateRange.ofInclusive(d('2020-03-21'), d('2020-03-29'))],
    }),
    { startsAt: t('08:30'), endsAt: t('15:00') },
  );

  it('lists the holidays of the span and the lesson hours as ISO data', () => {
    const facts = placementContextFacts(ctx, d('2020-03-27'), d('2020-03-31'));
    expect(facts).toEqual({
      from: '2020-03-27',
      to: '2020-03-31',
      nonWorkingHolidays: [],
      schoolHolidays: ['2020-03-27', '2020-03-28', '2020-03-29'],
      lessonHours: { startsAt: '08:30', endsAt: '15:00' },
    });
  });

  it('reads back into a context that answers as the original inside the span', () => {
    const from = d('2020-03-01');
    const to = d('2020-08-31');
    const back = placementContextOfFacts(JSON.parse(JSON.stringify(placementContextFacts(ctx, from, to))));
    for (let date = from; !date.isAfter(to); date = date.addDays(1)) {
      expect([back.isSchoolHoliday(date), back.isNonWorkingHoliday(date)]).toEqual([
        ctx.isSchoolHoliday(date),
        ctx.isNonWorkingHoliday(date),
      ]);
    }
    expect(back.lessonHours?.startsAt.toString()).toBe('08:30');
    expect(back.isSummerHoliday).toBeUndefined();
  });

  it('keeps the summer holidays when the context names them', () => {
    const summer = Object.assign(Object.create(ctx) as typeof ctx, {
      isSummerHoliday: (date: ReturnType<typeof d>) => date.isAfter(d('2020-05-26')),
    });
    const facts = placementContextFacts(summer, d('2020-05-25'), d('2020-05-28'));
    expect(facts.summerHolidays).toEqual(['2020-05-27', '2020-05-28']);
    expect(placementContextOfFacts(facts).isSummerHoliday?.(d('2020-05-27'))).toBe(true);
  });

  it('gives the same findings as the context it describes (a term-time shift during lessons)', () => {
    const input = aPlacement({
      startsOn: d('2020-03-16'),
      endsOn: d('2020-03-27'),
      shiftStartsAt: t('09:00'),
      shiftEndsAt: t('13:00'),
      hoursPerDay: 4,
      hoursPerWeek: 20,
    });
    const back = placementContextOfFacts(placementContextFacts(ctx, input.startsOn, input.endsOn));
    const rules = (c: typeof ctx) => assessPlacement(input, c).hard.map((f) => f.rule);
    expect(rules(back)).toEqual(rules(ctx));
    expect(rules(back)).toContain('placement.lesson-hours');
  });
});
