import fc from 'fast-check';

import { LocalDate, LocalTime, writtenDate } from './local-date';

describe(LocalDate.name, () => {
  it.each([
    ['2020-02-29', true],
    ['2019-02-29', false],
    ['2100-02-29', false],
    ['2000-02-29', true],
    ['2020-13-01', false],
    ['2020-1-01', false],
    ['2020-04-31', false],
    ['2020-04-30', true],
  ])('parses %s strictly (valid: %s)', (text, valid) => {
    expect(LocalDate.parse(text).ok).toBe(valid);
  });

  it('round-trips every date through its epoch day', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200000, max: 200000 }), (n) => {
        const date = LocalDate.fromEpochDay(n);
        expect(LocalDate.iso(date.toString()).epochDay).toBe(n);
      }),
    );
  });

  it.each([
    ['2019-09-01', 7],
    ['2020-02-12', 3],
    ['1970-01-01', 4],
  ])('knows that %s is ISO weekday %d', (iso, weekday) => {
    expect(LocalDate.iso(iso).dayOfWeek).toBe(weekday);
  });

  it.each([
    ['2020-01-31', 1, '2020-02-29'],
    ['2019-01-31', 1, '2019-02-28'],
    ['2019-12-15', 1, '2020-01-15'],
    ['2020-03-31', -1, '2020-02-29'],
  ])('adds months to %s clamping the day (%d → %s)', (from, months, to) => {
    expect(LocalDate.iso(from).addMonths(months).toString()).toBe(to);
  });

  it.each([
    ['2006-06-13', '2020-06-12', 13],
    ['2006-06-13', '2020-06-13', 14],
    ['2004-02-29', '2019-02-28', 14],
    ['2004-02-29', '2019-03-01', 15],
  ])('counts full years of a person born %s on %s as %d', (birth, on, age) => {
    expect(LocalDate.iso(birth).ageOn(LocalDate.iso(on))).toBe(age);
  });

  it.each([
    ['2006-09-01', '2020-06-12', 13],
    ['2006-09-01', '2020-08-31', 13],
    ['2006-09-01', '2020-09-01', 14],
    ['2006-12-31', '2020-01-01', 13],
  ])('does not count the year of a person born %s as full on %s, before the birthday month (%d)', (birth, on, age) => {
    expect(LocalDate.iso(birth).ageOn(LocalDate.iso(on))).toBe(age);
  });

  it.each([
    [10000, 1, 1],
    [2020, 1, 0],
    [2020, 1, 1.5],
    [2020, 1.5, 1],
    [2020.5, 1, 1],
  ])('rejects the year, month and day %d, %d, %d as a date', (year, month, day) => {
    expect(LocalDate.create(year, month, day).ok).toBe(false);
  });

  it.each([
    [9999, 12, 31],
    [1, 1, 1],
  ])('accepts the extreme date %d-%d-%d', (year, month, day) => {
    expect(LocalDate.create(year, month, day).ok).toBe(true);
  });

  it('rejects day 00 in an ISO date', () => {
    expect(LocalDate.parse('2020-01-00').ok).toBe(false);
  });

  it('rejects an impossible date built from parts', () => {
    expect(() => LocalDate.of(2019, 2, 29)).toThrow();
    expect(LocalDate.create(0, 1, 1).ok).toBe(false);
  });
});

describe(LocalTime.name, () => {
  it.each([
    ['09:00', 540],
    ['22:00', 1320],
    ['24:00', null],
    ['9:00', null],
  ])('parses %s as %s minutes', (text, minutes) => {
    const r = LocalTime.parse(text);
    expect(r.ok ? r.value.minutes : null).toBe(minutes);
  });
});

describe('writtenDate', () => {
  it('writes a date as the language does in a sentence: day first, dots in Russian and Tatar, slashes in English', () => {
    const date = LocalDate.of(2027, 10, 4);
    expect([writtenDate(date, 'ru'), writtenDate(date, 'tt'), writtenDate(date, 'en')]).toEqual([
      '04.10.2027',
      '04.10.2027',
      '04/10/2027',
    ]);
  });
});
