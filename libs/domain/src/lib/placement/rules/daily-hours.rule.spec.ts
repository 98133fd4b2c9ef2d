import { d } from '../../../testing';
import { simplePlacementContext } from '../placement-context';
import { aPlacement } from '../testing';
import { dailyHoursRule as sut } from './daily-hours.rule';

const ctx = simplePlacementContext();
const summer = { startsOn: d('2020-06-15'), endsOn: d('2020-07-10') };
const term = { startsOn: d('2020-09-07'), endsOn: d('2020-10-02') };
const born = (age: number) => d(`${2020 - age}-01-01`);
const evaluate = (age: number, dates: typeof summer, hoursPerDay: number) =>
  sut.evaluate(aPlacement({ ...dates, studentBirthDate: born(age), hoursPerDay, hoursPerWeek: 1 }), ctx);

describe('dailyHoursRule', () => {
  it.each([
    [14, summer, 4],
    [15, summer, 5],
    [16, summer, 7],
    [17, summer, 7],
    [14, term, 2.5],
    [15, term, 2.5],
    [16, term, 4],
    [17, term, 4],
  ])('allows a %d-year-old up to the daily limit (%o): %d h', (age, dates, limit) => {
    expect(evaluate(age, dates, limit)).toEqual([]);
    expect(evaluate(age, dates, limit + 0.5)).toEqual([
      expect.objectContaining({ rule: 'placement.hours.daily', field: 'hoursPerDay', limit, actual: limit + 0.5 }),
    ]);
  });

  it('cuts the daily limit when work is combined with study', () => {
    const [finding] = evaluate(15, term, 3);
    expect(finding.limit).toBe(2.5);
    expect(finding.message.en).toContain('combining work and study');
    expect(finding.message.ru).toContain('2,5');
  });

  it('names the holidays when the holiday limit is broken', () => {
    expect(evaluate(14, summer, 5)[0].message.en).toContain('in the holidays');
  });

  it('keeps the limit of the start date for a student who turns 16 during the placement', () => {
    const placement = aPlacement({ studentBirthDate: d('2004-06-20'), hoursPerDay: 6, hoursPerWeek: 24 });
    expect(sut.evaluate(placement, ctx)).toEqual([expect.objectContaining({ limit: 5, actual: 6 })]);
  });
});
