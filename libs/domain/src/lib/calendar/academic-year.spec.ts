import fc from 'fast-check';

import { d } from '../../testing';
import { isLeapYear, LocalDate } from '../common';
import { ACADEMIC_YEAR_INVALID, AcademicYear } from './academic-year';

const anyDate = fc
  .integer({ min: d('1900-01-01').epochDay, max: d('2200-12-31').epochDay })
  .map(LocalDate.fromEpochDay);
const anyYear = fc.integer({ min: 1900, max: 2200 }).map((y) => AcademicYear.of(y));

describe(AcademicYear.name, () => {
  it('spans 1 September to 31 August as a half-open range', () => {
    const sut = AcademicYear.of(2019);
    expect([sut.range.start.toString(), sut.range.last.toString(), sut.range.end.toString()]).toEqual([
      '2019-09-01',
      '2020-08-31',
      '2020-09-01',
    ]);
    expect([sut.startYear, sut.endYear, sut.label, sut.toString(), JSON.stringify(sut)]).toEqual([
      2019,
      2020,
      '2019-2020',
      '2019-2020',
      '"2019-2020"',
    ]);
  });

  it.each(['2019-2020', '2000-2001', '1999-2000'])('parses the label %s and prints it back', (label) => {
    const r = AcademicYear.parse(label);
    expect(r.ok && r.value.label).toBe(label);
  });

  it.each(['2019-2021', '2020-2019', '2019/2020', '19-20', '2019-2020 ', '', '0000-0001', '9999-0000'])(
    'rejects the label "%s"',
    (label) => {
      const r = AcademicYear.parse(label, 'academicYear');
      expect(r.ok ? undefined : [r.error.code, r.error.category, r.error.field]).toEqual([
        ACADEMIC_YEAR_INVALID,
        'invalid',
        'academicYear',
      ]);
    },
  );

  it('rejects a label that is not a string without throwing', () => {
    expect(AcademicYear.parse(2019 as unknown as string).ok).toBe(false);
  });

  it.each([0, 9999, 2019.5, Number.NaN])('refuses to create a year starting in %s', (year) => {
    const r = AcademicYear.create(year);
    expect(r.ok).toBe(false);
    expect(r.ok || r.error.field).toBeUndefined();
    expect(() => AcademicYear.of(year)).toThrow();
  });

  it.each([
    ['2019-08-31', '2018-2019'],
    ['2019-09-01', '2019-2020'],
    ['2019-12-31', '2019-2020'],
    ['2020-01-01', '2019-2020'],
    ['2020-02-29', '2019-2020'],
    ['2020-08-31', '2019-2020'],
    ['2020-09-01', '2020-2021'],
  ])('puts %s in the academic year %s', (date, label) => {
    expect(AcademicYear.containing(d(date)).label).toBe(label);
    expect(AcademicYear.of(2019).contains(d(date))).toBe(label === '2019-2020');
  });

  it('puts 31 August in the academic year that ends and 1 September in the one that starts', () => {
    expect(AcademicYear.containing(d('2020-08-31')).equals(AcademicYear.of(2019))).toBe(true);
    expect(AcademicYear.containing(d('2020-09-01')).equals(AcademicYear.of(2020))).toBe(true);
  });

  it('puts every date in exactly one academic year', () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        const year = AcademicYear.containing(date);
        expect([year.previous(), year, year.next()].map((y) => y.contains(date))).toEqual([false, true, false]);
      }),
    );
  });

  it('steps back and forth between adjacent years', () => {
    fc.assert(
      fc.property(anyYear, (year) => {
        expect(year.previous().next().equals(year)).toBe(true);
        expect(year.next().previous().equals(year)).toBe(true);
        expect(year.next().range.start.equals(year.range.end)).toBe(true);
      }),
    );
  });

  it('has 365 days, or 366 when it holds a 29 February', () => {
    fc.assert(
      fc.property(anyYear, (year) => {
        expect(year.range.days).toBe(isLeapYear(year.endYear) ? 366 : 365);
      }),
    );
  });
});
