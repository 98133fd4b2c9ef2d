import { TestBed } from '@angular/core/testing';

import { AdminClock, TODAY } from './clock';
import { PeriodService } from './period.service';

describe(AdminClock.name, () => {
  const at = (now: Date) => {
    TestBed.configureTestingModule({ providers: [{ provide: TODAY, useValue: () => now }] });
    sessionStorage.clear();
    return { clock: TestBed.inject(AdminClock), period: TestBed.inject(PeriodService) };
  };

  it('gives today as the calendar date of the user, written as the API writes dates', () => {
    const { clock } = at(new Date(2020, 1, 9, 23, 59));
    expect(clock.todayIso()).toBe('2020-02-09');
  });

  it.each([
    [new Date(2020, 7, 31), '2019-2020'],
    [new Date(2020, 8, 1), '2020-2021'],
  ])('puts %s in the academic year %s, which the period picker starts with', (now, year) => {
    const { clock, period } = at(now);
    expect(clock.academicYear().label).toBe(year);
    expect(period.year()).toBe(year);
  });

  it('offers the years from the next one down to 2019-2020, newest first', () => {
    const { period } = at(new Date(2021, 0, 15));
    expect(period.options()).toEqual(['2021-2022', '2020-2021', '2019-2020']);
  });
});
