import { d } from '../../testing';
import { DateRange } from './date-range';

const r = (a: string, b: string) => DateRange.ofInclusive(d(a), d(b));

describe(DateRange.name, () => {
  it('rejects a period that ends before it starts', () => {
    const res = DateRange.create({ start: d('2020-02-02'), end: d('2020-02-01') });
    expect(res.ok).toBe(false);
    expect(res.ok ? null : res.error.code).toBe('period.end-before-start');
    expect(DateRange.create({ start: d('2020-02-02'), end: d('2020-02-02') }).ok).toBe(false);
    expect(() => DateRange.ofInclusive(d('2020-02-02'), d('2020-02-01'))).toThrow();
  });

  it('builds a half-open range from inclusive bounds across a leap day', () => {
    const feb = r('2020-02-01', '2020-02-29');
    expect(feb.end.toString()).toBe('2020-03-01');
    expect(feb.last.toString()).toBe('2020-02-29');
    expect(feb.days).toBe(29);
    expect([...feb.eachDay()]).toHaveLength(29);
    expect(feb.toString()).toBe('[2020-02-01, 2020-03-01)');
  });

  it.each([
    ['2019-08-31', false],
    ['2019-09-01', true],
    ['2020-08-31', true],
    ['2020-09-01', false],
  ])('knows whether %s lies in the academic year 2019-2020 (%s)', (date, inside) => {
    expect(r('2019-09-01', '2020-08-31').contains(d(date))).toBe(inside);
  });

  it.each([
    ['2019-08-01', '2019-08-31', false],
    ['2019-08-31', '2019-09-01', true],
    ['2020-08-31', '2020-09-30', true],
    ['2020-09-01', '2020-09-30', false],
  ])('knows whether %s…%s overlaps the academic year 2019-2020 (%s), in either order', (first, last, overlapping) => {
    const year = r('2019-09-01', '2020-08-31');
    expect(year.overlaps(r(first, last))).toBe(overlapping);
    expect(r(first, last).overlaps(year)).toBe(overlapping);
  });

  it.each([
    ['2019-08-31', '2019-09-30', false],
    ['2019-09-01', '2020-08-31', true],
    ['2020-08-01', '2020-09-01', false],
  ])('knows whether the academic year 2019-2020 covers %s…%s (%s)', (first, last, covered) => {
    expect(r('2019-09-01', '2020-08-31').covers(r(first, last))).toBe(covered);
  });

  it('tells covering from overlapping', () => {
    const year = r('2019-09-01', '2020-08-31');
    expect(year.covers(r('2019-10-01', '2019-10-31'))).toBe(true);
    expect(year.covers(r('2020-08-01', '2020-09-01'))).toBe(false);
    expect(year.overlaps(r('2020-08-01', '2020-09-01'))).toBe(true);
    expect(year.overlaps(r('2020-09-01', '2020-09-30'))).toBe(false);
    expect(year.covers(r('2019-08-31', '2019-09-30'))).toBe(false);
    expect(year.overlaps(r('2019-08-01', '2019-09-01'))).toBe(true);
    expect(year.overlaps(r('2019-08-01', '2019-08-31'))).toBe(false);
    expect(year.equals(r('2019-09-01', '2020-08-31'))).toBe(true);
    expect(year.equals(r('2019-09-01', '2020-08-30'))).toBe(false);
  });
});
