import { d } from '../../../testing';
import { DateRange } from '../../common';
import { simplePlacementContext } from '../placement-context';
import { aPlacement } from '../testing';
import { weeklyHoursRule as sut } from './weekly-hours.rule';

const ctx = simplePlacementContext();
const summer = { startsOn: d('2020-06-15'), endsOn: d('2020-07-10') };
const term = { startsOn: d('2020-09-07'), endsOn: d('2020-10-02') };
// ages on both start dates: born 2006-01-01 → 14, 2005-01-01 → 15, 2004-01-01 → 16, 2003-01-01 → 17
const born = (age: number) => d(`${2020 - age}-01-01`);
const evaluate = (age: number, dates: typeof summer, hoursPerWeek: number, context = ctx) =>
  sut.evaluate(aPlacement({ ...dates, studentBirthDate: born(age), hoursPerDay: 8, hoursPerWeek }), context);

describe('weeklyHoursRule', () => {
  it.each([
    [14, summer, 24],
    [15, summer, 24],
    [16, summer, 35],
    [17, summer, 35],
    [14, term, 12],
    [15, term, 12],
    [16, term, 17.5],
    [17, term, 17.5],
  ])('allows a %d-year-old up to the limit (%o): %d h', (age, dates, limit) => {
    expect(evaluate(age, dates, limit)).toEqual([]);
    expect(evaluate(age, dates, limit + 0.5)).toEqual([
      expect.objectContaining({ rule: 'placement.hours.weekly', field: 'hoursPerWeek', limit, actual: limit + 0.5 }),
    ]);
  });

  it('halves the weekly limit in term time', () => {
    const [finding] = evaluate(16, term, 20);
    expect(finding.limit).toBe(17.5);
    expect(finding.message.en).toContain('term time');
    expect(finding.message.en).toContain('07/09/2020');
    expect(finding.message.ru).toContain('17,5');
  });

  it('halves the limit when only the first days of the placement fall in term time', () => {
    expect(evaluate(16, { startsOn: d('2020-05-25'), endsOn: d('2020-06-19') }, 20)[0]).toMatchObject({ limit: 17.5 });
  });

  it('keeps the full limit during an autumn break', () => {
    const autumn = simplePlacementContext({
      schoolHolidays: [DateRange.ofInclusive(d('2020-10-31'), d('2020-11-08'))],
    });
    const dates = { startsOn: d('2020-11-02'), endsOn: d('2020-11-06') };
    expect(evaluate(16, dates, 35, autumn)).toEqual([]);
    expect(evaluate(16, dates, 35)[0]).toMatchObject({ limit: 17.5 });
  });

  it('names the holidays when the full limit is broken', () => {
    expect(evaluate(16, summer, 36)[0].message.en).toContain('in the holidays');
  });

  it('keeps the limit of the start date for a student who turns 16 during the placement', () => {
    const placement = aPlacement({ studentBirthDate: d('2004-06-20'), hoursPerDay: 6, hoursPerWeek: 30 });
    expect(sut.evaluate(placement, ctx)).toEqual([expect.objectContaining({ limit: 24, actual: 30 })]);
  });

  it('applies the 14-year-old limit to a younger student', () => {
    expect(evaluate(13, summer, 25)[0]).toMatchObject({ limit: 24 });
  });
});
