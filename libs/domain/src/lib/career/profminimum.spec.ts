import fc from 'fast-check';

import { AcademicYear } from '../calendar/academic-year';
import { LocalDate, unwrap } from '../common';
import {
  CareerActivity,
  careerHoursByGrade,
  careerHoursTotal,
  isProfminimumGrade,
  PROFMINIMUM_BELOW_LEVEL,
  PROFMINIMUM_GRADES,
  PROFMINIMUM_HOURS,
  PROFMINIMUM_LEVEL_BEFORE_START,
  profminimumApplies,
  profminimumFulfilment,
  ProfminimumLevel,
  profminimumLevelForYear,
  profminimumLevelOfYear,
  profminimumLevelReached,
} from './profminimum';

const activity = (over: Partial<CareerActivity> = {}): CareerActivity => ({
  targetGrades: [8],
  hours: 2,
  status: 'held',
  directionCode: 'career_guidance',
  ...over,
});

describe(profminimumApplies.name, () => {
  it.each([
    ['2023-08-31', false],
    ['2023-09-01', true],
    ['2019-09-01', false],
    ['2024-01-01', true],
  ])('applies to a period starting %s: %s (E1, from 01.09.2023)', (start, expected) => {
    expect(profminimumApplies(LocalDate.iso(start))).toBe(expected);
  });
});

describe('PROFMINIMUM_HOURS', () => {
  it('requires 40, 60 and 80 academic hours for the basic, main and advanced levels', () => {
    expect(PROFMINIMUM_HOURS).toEqual({ basic: 40, main: 60, advanced: 80 });
  });

  it('puts grades 6 to 11 in scope', () => {
    expect(PROFMINIMUM_GRADES).toEqual([6, 7, 8, 9, 10, 11]);
  });

  it.each([
    [5, false],
    [6, true],
    [11, true],
    [12, false],
  ])('knows whether grade %d is in scope (%s)', (grade, inScope) => {
    expect(isProfminimumGrade(grade)).toBe(inScope);
  });
});

describe(careerHoursByGrade.name, () => {
  it('counts an activity for grades 8 and 9 towards both grades', () => {
    const sut = careerHoursByGrade([activity({ targetGrades: [8, 9], hours: 3 })]);
    expect(sut).toEqual({ 6: 0, 7: 0, 8: 3, 9: 3, 10: 0, 11: 0 });
  });

  it('sums the hours of several activities for the same grade', () => {
    expect(careerHoursByGrade([activity({ hours: 1.5 }), activity({ hours: 2 })])[8]).toBe(3.5);
  });

  it('ignores grades outside 6 to 11 and counts a repeated grade once', () => {
    const sut = careerHoursByGrade([activity({ targetGrades: [5, 6, 6], hours: 4 })]);
    expect(sut).toEqual({ 6: 4, 7: 0, 8: 0, 9: 0, 10: 0, 11: 0 });
    expect(sut).not.toHaveProperty('5');
  });

  it('ignores activities of other directions', () => {
    expect(careerHoursByGrade([activity({ directionCode: 'culture' })])[8]).toBe(0);
  });

  it.each([
    ['held', 'held', 2],
    ['held', 'planned', 0],
    ['held', 'postponed', 0],
    ['held', 'cancelled', 0],
    ['planned', 'held', 2],
    ['planned', 'planned', 2],
    ['planned', 'postponed', 2],
    ['planned', 'cancelled', 0],
  ] as const)('when counting %s hours, counts a %s activity with %d hours', (count, status, hours) => {
    expect(careerHoursByGrade([activity({ status })], { count })[8]).toBe(hours);
  });

  it('gives every grade the full hours of each activity that targets it', () => {
    const grades = fc.uniqueArray(fc.integer({ min: 6, max: 11 }), { minLength: 1 });
    fc.assert(
      fc.property(fc.array(fc.record({ targetGrades: grades, hours: fc.integer({ min: 0, max: 40 }) })), (rows) => {
        const sut = careerHoursByGrade(rows.map((r) => activity(r)));
        for (const g of PROFMINIMUM_GRADES) {
          const expected = rows.filter((r) => r.targetGrades.includes(g)).reduce((s, r) => s + r.hours, 0);
          expect(sut[g]).toBe(expected);
        }
      }),
    );
  });
});

describe(careerHoursTotal.name, () => {
  it('counts each held career-guidance activity once whatever its grades', () => {
    const sut = careerHoursTotal([
      activity({ targetGrades: [8, 9, 10], hours: 3 }),
      activity({ hours: 2, status: 'cancelled' }),
      activity({ hours: 5, directionCode: 'sport_health' }),
    ]);
    expect(sut).toBe(3);
  });

  it('counts planned hours of activities that were not cancelled when asked', () => {
    const rows = [
      activity({ hours: 3 }),
      activity({ hours: 2, status: 'planned' }),
      activity({ hours: 1, status: 'cancelled' }),
    ];
    expect(careerHoursTotal(rows, { count: 'planned' })).toBe(5);
  });
});

describe(profminimumLevelReached.name, () => {
  it.each([
    [0, null],
    [39, null],
    [39.99, null],
    [40, 'basic'],
    [59, 'basic'],
    [60, 'main'],
    [79, 'main'],
    [80, 'advanced'],
    [120, 'advanced'],
  ])('places %d hours at level %s', (hours, level) => {
    expect(profminimumLevelReached(hours)).toBe(level);
  });
});

describe(profminimumFulfilment.name, () => {
  const hours = { 6: 40, 7: 39, 8: 60, 9: 80, 10: 120, 11: 0 };

  it.each([
    ['basic', 39, false],
    ['basic', 40, true],
    ['main', 59, false],
    ['main', 60, true],
    ['advanced', 79, false],
    ['advanced', 80, true],
  ] as const)('at the %s level judges %d hours as met: %s', (level, h, met) => {
    const sut = profminimumFulfilment({ 8: h }, level, { grades: [8] });
    expect(sut.grades).toEqual([
      { grade: 8, hours: h, required: PROFMINIMUM_HOURS[level], ratio: expect.any(Number), met },
    ]);
  });

  it('reports every grade 6 to 11 with hours, requirement, raw ratio and whether it is met', () => {
    const sut = profminimumFulfilment(hours, 'basic');
    expect(sut.grades).toEqual([
      { grade: 6, hours: 40, required: 40, ratio: 1, met: true },
      { grade: 7, hours: 39, required: 40, ratio: 0.975, met: false },
      { grade: 8, hours: 60, required: 40, ratio: 1.5, met: true },
      { grade: 9, hours: 80, required: 40, ratio: 2, met: true },
      { grade: 10, hours: 120, required: 40, ratio: 3, met: true },
      { grade: 11, hours: 0, required: 40, ratio: 0, met: false },
    ]);
    expect(sut).toMatchObject({ level: 'basic', required: 40, gradesMet: 4, share: 0.6667 });
  });

  it('flags each grade below the declared level with a finding', () => {
    const sut = profminimumFulfilment(hours, 'main');
    expect(sut.findings.map((f) => [f.rule, f.field, f.limit, f.actual])).toEqual([
      [PROFMINIMUM_BELOW_LEVEL, 'grade.6', 60, 40],
      [PROFMINIMUM_BELOW_LEVEL, 'grade.7', 60, 39],
      [PROFMINIMUM_BELOW_LEVEL, 'grade.11', 60, 0],
    ]);
    expect(sut.findings[0].message.ru).toContain('6 класс');
    expect(sut.gradesMet).toBe(3);
  });

  it('treats a grade missing from the hours as 0 hours', () => {
    expect(profminimumFulfilment({}, 'advanced').grades[0]).toEqual({
      grade: 6,
      hours: 0,
      required: 80,
      ratio: 0,
      met: false,
    });
  });

  it('judges only the in-scope grades the school teaches, sorted and once each', () => {
    const sut = profminimumFulfilment(hours, 'basic', { grades: [9, 5, 6, 9] });
    expect(sut.grades.map((g) => g.grade)).toEqual([6, 9]);
    expect(sut.share).toBe(1);
  });

  it('has no share for a school without grades 6 to 11', () => {
    expect(profminimumFulfilment(hours, 'basic', { grades: [1, 2, 3, 4] })).toMatchObject({
      grades: [],
      gradesMet: 0,
      share: null,
    });
  });

  it('meets a level exactly when the hours reach that level or a higher one', () => {
    const levels: ProfminimumLevel[] = ['basic', 'main', 'advanced'];
    const order = (l: ProfminimumLevel | null) => (l === null ? -1 : levels.indexOf(l));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), fc.constantFrom(...levels), (h, level) => {
        const [grade] = profminimumFulfilment({ 6: h }, level, { grades: [6] }).grades;
        expect(grade.met).toBe(order(profminimumLevelReached(h)) >= order(level));
      }),
    );
  });
});

describe(`${careerHoursByGrade.name} with fractional hours`, () => {
  it.each([
    [[0.1, 0.2], 0.3],
    [[0.7, 0.1], 0.8],
    [[1.1, 2.2], 3.3],
  ])('sums the hours %j of one grade to exactly %d, without floating-point residue', (hours, sum) => {
    expect(careerHoursByGrade(hours.map((h) => activity({ hours: h })))[8]).toBe(sum);
  });
});

describe(profminimumLevelForYear.name, () => {
  it.each(['2023-2024', '2024-2025', '2030-2031'])('accepts every level for %s (from 01.09.2023, E1)', (label) => {
    for (const level of ['basic', 'main', 'advanced'] as const)
      expect(profminimumLevelForYear(unwrap(AcademicYear.parse(label)), level)).toEqual({ ok: true, value: level });
  });

  it.each(['2022-2023', '2019-2020'])('refuses a level for %s with profminimum.level.before-start', (label) => {
    const r = profminimumLevelForYear(unwrap(AcademicYear.parse(label)), 'basic');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({
      code: PROFMINIMUM_LEVEL_BEFORE_START,
      category: 'rule',
      field: 'profminimumLevel',
    });
    expect(r.error.message.ru).toContain(label);
  });

  it('accepts "no level" for a year before 2023-2024', () => {
    expect(profminimumLevelForYear(AcademicYear.of(2022), null)).toEqual({ ok: true, value: null });
  });

  it('names the field it is given (an import cell)', () => {
    const r = profminimumLevelForYear(AcademicYear.of(2020), 'main', 'row.3.level');
    expect(!r.ok && r.error.field).toBe('row.3.level');
  });
});

describe(profminimumLevelOfYear.name, () => {
  const y2024 = AcademicYear.of(2024);
  it('takes the level of the year when the school has a record for it', () => {
    expect(profminimumLevelOfYear(y2024, 'basic', 'advanced')).toBe('basic');
  });

  it('falls back to the current level for a year the school recorded no level for', () => {
    expect(profminimumLevelOfYear(y2024, undefined, 'main')).toBe('main');
    expect(profminimumLevelOfYear(y2024, null, 'main')).toBe('main');
    expect(profminimumLevelOfYear(y2024, null, null)).toBeNull();
  });

  it('gives no level before 2023-2024, even when one was stored or is current', () => {
    expect(profminimumLevelOfYear(AcademicYear.of(2022), 'main', 'main')).toBeNull();
    expect(profminimumLevelOfYear(AcademicYear.of(2022), undefined, 'main')).toBeNull();
    expect(profminimumLevelOfYear(AcademicYear.of(2023), undefined, 'main')).toBe('main');
  });
});
