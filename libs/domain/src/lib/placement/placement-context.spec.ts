import { d } from '../../testing';
import { DateRange } from '../common';
import { simplePlacementContext } from './placement-context';

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
