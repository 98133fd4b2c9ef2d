import { d } from '../../testing';
import {
  GUARDIANSHIP_CONSENT,
  LABOUR_LIMITS,
  LOAD_LIMITS_ACT,
  MinorAge,
  minorAge,
  SUMMER_DAYS_OFF_EXCEPTION,
  versionOn,
} from './labour-limits';

const AGES: MinorAge[] = [14, 15, 16, 17];

describe('LABOUR_LIMITS', () => {
  it.each(AGES)('halves the weekly norm of a %d-year-old in term time', (age) => {
    const { holidays, term } = LABOUR_LIMITS.weeklyHours[age];
    expect(term).toBe(holidays / 2);
  });

  it('allows 24 hours a week under 16 and 35 from 16', () => {
    expect(AGES.map((age) => LABOUR_LIMITS.weeklyHours[age].holidays)).toEqual([24, 24, 35, 35]);
  });

  it('keeps the loads of girls at or below those of boys', () => {
    for (const row of Object.values(LABOUR_LIMITS.loadsKg)) {
      for (const age of AGES) expect(row.female[age]).toBeLessThanOrEqual(row.male[age]);
    }
  });
});

describe(minorAge.name, () => {
  it.each([
    [12, 14],
    [14, 14],
    [16, 16],
    [17, 17],
    [19, 17],
  ])('tables age %d as %d', (age, tabled) => {
    expect(minorAge(age)).toBe(tabled);
  });
});

describe(versionOn.name, () => {
  it.each([
    ['2023-06-12', 'every_minor'],
    ['2023-06-13', 'orphans_only'],
  ])('requires the guardianship consent on %s for %s', (on, value) => {
    expect(versionOn(GUARDIANSHIP_CONSENT, d(on)).value).toBe(value);
  });

  it.each([
    ['2025-08-31', false],
    ['2025-09-01', true],
  ])('opens summer days off on %s: %s', (on, open) => {
    expect(versionOn(SUMMER_DAYS_OFF_EXCEPTION, d(on)).value).toBe(open);
  });

  it('keeps the order 369н in force after its planned end until a successor is known', () => {
    expect(versionOn(LOAD_LIMITS_ACT, d('2040-01-01')).value).toBe('№ 369н');
  });

  it('throws on a table with a gap', () => {
    const gappy = [{ validFrom: d('2020-01-01'), validTo: d('2020-12-31'), source: 'x', value: 1 }];
    expect(() => versionOn(gappy, d('2019-12-31'))).toThrow('No version in force on 2019-12-31');
    expect(() => versionOn(gappy, d('2021-01-01'))).toThrow();
  });
});
