import fc from 'fast-check';

import { d } from '../../testing';
import { LocalDate } from '../common';
import { TATARSTAN_MOVABLE_HOLIDAYS, WorkingCalendar, WorkingCalendarData } from './working-calendar';

const calendar = (data: WorkingCalendarData) => {
  const r = WorkingCalendar.create(data);
  if (!r.ok) throw new Error(r.error.message.en);
  return r.value;
};
const sut = WorkingCalendar.tatarstan();

describe(WorkingCalendar.name, () => {
  it.each([
    ['2020-01-01', 'new_year_holidays'],
    ['2020-01-07', 'christmas'],
    ['2020-01-08', 'new_year_holidays'],
    ['2020-02-24', 'defender_of_the_fatherland_day'],
    ['2020-03-09', 'international_womens_day'],
    ['2020-05-01', 'spring_and_labour_day'],
    ['2020-05-11', 'victory_day'],
    ['2020-05-25', 'uraza_bayram'],
    ['2020-06-12', 'russia_day'],
    ['2020-07-31', 'kurban_bayram'],
    ['2020-08-31', 'tatarstan_republic_day'],
    ['2020-11-04', 'national_unity_day'],
    ['2020-11-06', 'tatarstan_constitution_day'],
  ])('knows that %s is a day off for %s', (date, name) => {
    expect(sut.holidayName(d(date))).toBe(name);
    expect(sut.isNonWorking(d(date))).toBe(true);
  });

  it.each([
    ['2020-05-24', '2020-05-25', 'uraza_bayram'],
    ['2019-08-11', '2019-08-12', 'kurban_bayram'],
    ['2024-06-16', '2024-06-17', 'kurban_bayram'],
    ['2022-11-06', '2022-11-07', 'tatarstan_constitution_day'],
  ])('moves a holiday on Sunday %s to Monday %s', (sunday, monday, name) => {
    expect([d(sunday).dayOfWeek, d(monday).dayOfWeek]).toEqual([7, 1]);
    expect([sut.holidayName(d(sunday)), sut.holidayName(d(monday)), sut.isWorkingDay(d(monday))]).toEqual([
      name,
      name,
      false,
    ]);
  });

  it('moves a Saturday holiday past the Sunday to Monday', () => {
    expect([
      sut.isNonWorking(d('2020-05-09')),
      sut.holidayName(d('2020-05-11')),
      sut.isWorkingDay(d('2020-05-12')),
    ]).toEqual([true, 'victory_day', true]);
  });

  it('moves a holiday past a holiday that falls on the next working day', () => {
    // 4 Nov 2023 is a Saturday and 6 Nov, Constitution Day of Tatarstan, a Monday
    expect(['2023-11-06', '2023-11-07', '2023-11-08'].map((x) => sut.holidayName(d(x)))).toEqual([
      'tatarstan_constitution_day',
      'national_unity_day',
      undefined,
    ]);
  });

  it('moves two weekend holidays to two working days in order', () => {
    const cal = calendar({ movableHolidays: [{ date: '2021-05-08', name: 'uraza_bayram' }] });
    expect(['2021-05-10', '2021-05-11', '2021-05-12'].map((x) => cal.holidayName(d(x)))).toEqual([
      'uraza_bayram',
      'victory_day',
      undefined,
    ]);
  });

  it('moves a holiday past a day off given by decree', () => {
    const cal = calendar({ extraDaysOff: [{ date: '2020-05-11', name: 'decree' }] });
    expect(['2020-05-11', '2020-05-12', '2020-05-13'].map((x) => cal.holidayName(d(x)))).toEqual([
      'decree',
      'victory_day',
      undefined,
    ]);
  });

  it('keeps the January block in place even when part of it is a weekend', () => {
    // 4–5 Jan 2020 were a weekend; 9 Jan is an ordinary working day unless a decree says otherwise
    expect([
      sut.isNonWorking(d('2020-01-04')),
      sut.isWorkingDay(d('2020-01-09')),
      sut.holidayName(d('2020-01-09')),
    ]).toEqual([true, true, undefined]);
  });

  it('moves a holiday late in December into the next year', () => {
    const cal = calendar({ movableHolidays: [{ date: '2034-12-30', name: 'kurban_bayram' }] });
    expect([d('2034-12-30').dayOfWeek, cal.holidayName(d('2035-01-09'))]).toEqual([6, 'kurban_bayram']);
  });

  it('keeps the fixed name when a movable holiday falls on a fixed one', () => {
    expect(
      calendar({ movableHolidays: [{ date: '2030-06-12', name: 'uraza_bayram' }] }).holidayName(d('2030-06-12')),
    ).toBe('russia_day');
  });

  it('applies extra days off and extra working days from decrees', () => {
    const cal = calendar({
      extraDaysOff: [{ date: '2020-05-04', name: 'decree_transfer' }],
      extraWorkingDays: ['2021-02-20', '2020-05-11'],
    });
    expect([cal.holidayName(d('2020-05-04')), cal.isNonWorking(d('2020-05-04'))]).toEqual(['decree_transfer', true]);
    expect([
      cal.isWorkingDay(d('2021-02-20')),
      cal.isWorkingDay(d('2020-05-11')),
      cal.holidayName(d('2020-05-11')),
    ]).toEqual([true, true, undefined]);
  });

  it('treats an ordinary weekday as working and a weekend as non-working without a holiday name', () => {
    expect([
      sut.isWorkingDay(d('2020-02-12')),
      sut.isNonWorking(d('2020-02-15')),
      sut.holidayName(d('2020-02-15')),
    ]).toEqual([true, true, undefined]);
  });

  it.each([
    ['movableHolidays', { movableHolidays: [{ date: '2020-02-30', name: 'x' }] }, 'movableHolidays[0].date'],
    [
      'extraDaysOff',
      {
        extraDaysOff: [
          { date: '2020-02-29', name: 'x' },
          { date: '29.02.2020', name: 'y' },
        ],
      },
      'extraDaysOff[1].date',
    ],
    ['extraWorkingDays', { extraWorkingDays: ['2020-13-01'] }, 'extraWorkingDays[0]'],
  ])('rejects an impossible date in %s', (_, data, field) => {
    const r = WorkingCalendar.create(data);
    expect(r.ok ? undefined : [r.error.code, r.error.field]).toEqual(['date.invalid', field]);
  });

  it('builds an empty calendar of weekends and fixed holidays', () => {
    const r = WorkingCalendar.create();
    expect(r.ok && [r.value.isWorkingDay(d('2020-05-25')), r.value.isNonWorking(d('2020-08-31'))]).toEqual([
      true,
      true,
    ]);
  });

  it('lists two movable days off a year for 2019–2026', () => {
    expect(TATARSTAN_MOVABLE_HOLIDAYS).toHaveLength(16);
    expect(TATARSTAN_MOVABLE_HOLIDAYS.slice(2, 4)).toEqual([
      { date: '2020-05-24', name: 'uraza_bayram' },
      { date: '2020-07-31', name: 'kurban_bayram' },
    ]);
  });

  it("keeps two weekend holidays apart when one moves across New Year into the other's first free day", () => {
    const cal = calendar({
      movableHolidays: [
        { date: '2022-12-31', name: 'kurban_bayram' },
        { date: '2023-01-07', name: 'uraza_bayram' },
      ],
    });
    expect(cal.holidayName(d('2023-01-09'))).toBe('kurban_bayram');
    expect(cal.holidayName(d('2023-01-10'))).toBe('uraza_bayram');
    expect(cal.isWorkingDay(d('2023-01-11'))).toBe(true);
  });

  describe('working-day deadlines', () => {
    it.each([
      ['2019-12-27', 3, '2020-01-09'],
      ['2019-12-31', 1, '2020-01-09'],
      ['2020-12-30', 2, '2021-01-11'],
      ['2020-02-20', 2, '2020-02-25'],
      ['2020-05-22', 1, '2020-05-26'],
      ['2020-02-14', 0, '2020-02-14'],
      ['2020-01-09', -1, '2019-12-31'],
      ['2020-05-12', -2, '2020-05-07'],
    ])('puts %s + %d working days on %s', (from, n, to) => {
      expect(sut.addWorkingDays(d(from), n).toString()).toBe(to);
      expect(sut.workingDaysBetween(d(from), d(to))).toBe(n);
    });

    it('refuses a fractional number of working days', () => {
      expect(() => sut.addWorkingDays(d('2020-01-01'), 1.5)).toThrow();
    });

    it('counts no working days over a weekend or the New Year block', () => {
      expect(sut.workingDaysBetween(d('2020-02-14'), d('2020-02-16'))).toBe(0);
      expect(sut.workingDaysBetween(d('2019-12-31'), d('2020-01-08'))).toBe(0);
      expect(sut.workingDaysBetween(d('2020-01-09'), d('2019-12-31'))).toBe(-1);
      expect(sut.workingDaysBetween(d('2020-01-08'), d('2019-12-31'))).toBe(-1);
    });

    const anyDate = fc
      .integer({ min: d('2015-01-01').epochDay, max: d('2030-12-31').epochDay })
      .map(LocalDate.fromEpochDay);

    it('lands every deadline on a working day that lies the same number of working days away', () => {
      fc.assert(
        fc.property(
          anyDate,
          fc.integer({ min: -30, max: 30 }).filter((n) => n !== 0),
          (date, n) => {
            const due = sut.addWorkingDays(date, n);
            expect(sut.isWorkingDay(due)).toBe(true);
            expect(sut.workingDaysBetween(date, due)).toBe(n);
          },
        ),
      );
    });

    it('adds working days one at a time', () => {
      fc.assert(
        fc.property(anyDate, fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), (date, a, b) => {
          expect(sut.addWorkingDays(sut.addWorkingDays(date, a), b).equals(sut.addWorkingDays(date, a + b))).toBe(true);
        }),
      );
    });
  });
});
