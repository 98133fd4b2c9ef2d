import { d } from '../../testing';
import { Finding } from '../common';
import {
  checkPlacement,
  dayOffAllowed,
  isEmployment,
  PLACEMENT_RULE_CODES,
  PLACEMENT_RULES,
  PlacementInput,
  PlacementKind,
  simplePlacementContext,
  validatePlacement,
  workDates,
} from './index';
import * as api from './index';
import { aPlacement, t } from './testing';

const ctx = simplePlacementContext({ nonWorkingHolidays: [d('2020-06-12')] });
const codes = (findings: Finding[]) => findings.map((f) => f.rule);

/** Breaks nearly every rule at once: a 13-year-old girl, harmful night work in term time… */
const lawless: Partial<PlacementInput> = {
  studentBirthDate: d('2007-01-01'),
  studentSex: 'female',
  startsOn: d('2020-05-25'),
  endsOn: d('2020-06-14'),
  workDays: ['mon', 'fri', 'sat'],
  shiftStartsAt: t('05:00'),
  shiftEndsAt: t('16:00'),
  hoursPerDay: 11,
  hoursPerWeek: 34,
  harmful: true,
  maxLoadKg: 10,
  medicalClearanceOn: null,
  probationClause: true,
};

describe(checkPlacement.name, () => {
  it('finds nothing wrong with a lawful summer placement of a 16-year-old through the employment centre', () => {
    expect(checkPlacement(aPlacement(), ctx)).toEqual([]);
    expect(validatePlacement(aPlacement(), ctx)).toEqual({
      ok: true,
      value: { hard: [], paperwork: [], review: [], status: 'cleared', stored: [] },
    });
  });

  it('gives four findings for a placement breaking four rules', () => {
    const sut = aPlacement({
      harmful: true,
      probationClause: true,
      medicalClearanceOn: null,
      shiftStartsAt: t('15:00'), // 8 h span for 7 h: consistent (shift-span rule)
      shiftEndsAt: t('23:00'),
      hoursPerDay: 7,
      hoursPerWeek: 35,
    });
    expect(codes(checkPlacement(sut, ctx))).toEqual([
      'placement.medical.required',
      'placement.prohibited-work',
      'placement.night-work',
      'placement.probation',
    ]);
  });

  it('reports every breach of a lawless placement, each with a field, a limit and the actual value', () => {
    const findings = checkPlacement(aPlacement(lawless), ctx);
    expect(codes(findings)).toEqual([
      'placement.hours.inconsistent',
      'placement.age.under-14',
      'placement.medical.required',
      'placement.prohibited-work',
      'placement.load.exceeded',
      'placement.hours.weekly',
      'placement.hours.daily',
      'placement.night-work',
      'placement.rest-day',
      'placement.holiday-work',
      'placement.lesson-hours',
      'placement.probation',
    ]);
    for (const f of findings) {
      expect([f.field, f.limit, f.actual, f.message.ru, f.message.en, f.message.tt]).not.toContain(undefined);
    }
  });

  it.each<PlacementKind>(['school_programme_labour', 'volunteering'])(
    'checks only the shape of %s, which is not employment',
    (kind) => {
      expect(checkPlacement(aPlacement({ ...lawless, kind }), ctx)).toEqual([
        expect.objectContaining({ rule: 'placement.hours.inconsistent' }),
      ]);
      expect(
        codes(checkPlacement(aPlacement({ ...lawless, kind, endsOn: d('2020-05-01'), hoursPerWeek: 1 }), ctx)),
      ).toEqual(['placement.dates.invalid']);
    },
  );

  it("does not apply the minors' rules to a student of 18 on the start date", () => {
    const adult = aPlacement({ ...lawless, studentBirthDate: d('2002-05-25'), hoursPerWeek: 20 });
    expect(checkPlacement(adult, ctx)).toEqual([]);
    expect(
      codes(checkPlacement(aPlacement({ ...lawless, studentBirthDate: d('2002-05-26'), hoursPerWeek: 20 }), ctx)),
    ).toContain('placement.night-work');
  });
});

describe(validatePlacement.name, () => {
  it('refuses an unlawful placement with a 422 error carrying every hard finding, and no paperwork', () => {
    const result = validatePlacement(
      aPlacement({ harmful: true, probationClause: true, medicalClearanceOn: null }),
      ctx,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'placement.prohibited-work', category: 'rule', field: 'harmful' });
    expect(codes([...(result.error.details ?? [])])).toEqual(['placement.prohibited-work', 'placement.probation']);
  });

  it('lets a placement missing only paperwork be stored blocked, with its findings', () => {
    const young = aPlacement({
      studentBirthDate: d('2006-01-10'),
      hoursPerDay: 4,
      hoursPerWeek: 20,
      medicalClearanceOn: null,
    });
    const result = validatePlacement({ ...young, shiftEndsAt: t('13:00') }, ctx);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.status).toBe('blocked');
    expect(codes([...result.value.stored])).toEqual([
      'placement.consent.parent-required',
      'placement.consent.guardianship-required',
      'placement.medical.required',
    ]);
  });

  it('keeps a placement with only a review finding cleared, and stores the finding', () => {
    const load = aPlacement({ maxLoadKg: 11, loadMode: 'up_to_third_constant' });
    const result = validatePlacement(load, ctx);
    expect(result).toMatchObject({ ok: true, value: { status: 'cleared', paperwork: [] } });
    if (!result.ok) return;
    expect(codes([...result.value.stored])).toEqual(['placement.load.manual-review']);
  });
});

describe('PLACEMENT_RULES', () => {
  it('gives each rule its own code', () => {
    expect(new Set(PLACEMENT_RULES.map((r) => r.code)).size).toBe(PLACEMENT_RULES.length);
  });

  it('lets every finding code come from exactly one rule', () => {
    expect(PLACEMENT_RULES.flatMap((r) => r.emits).sort()).toEqual([...PLACEMENT_RULE_CODES].sort());
  });

  it('produces only the codes a rule declares', () => {
    for (const rule of PLACEMENT_RULES) {
      for (const f of rule.evaluate(
        aPlacement({ ...lawless, endsOn: d('2020-05-01'), shiftEndsAt: t('04:00'), hoursPerDay: -1 }),
        ctx,
      )) {
        expect(rule.emits).toContain(f.rule);
        expect(f.message.tt).toEqual(expect.stringMatching(/\S/));
      }
    }
  });
});

describe(isEmployment.name, () => {
  it('treats only an employment contract as employment', () => {
    expect((['employment_contract', 'school_programme_labour', 'volunteering'] as const).map(isEmployment)).toEqual([
      true,
      false,
      false,
    ]);
  });

  it('throws on an unknown kind', () => {
    expect(() => isEmployment('career_event' as PlacementKind)).toThrow('career_event');
  });
});

describe(workDates.name, () => {
  it('lists the dates of the working weekdays, both ends included', () => {
    expect(
      workDates(aPlacement({ startsOn: d('2020-06-15'), endsOn: d('2020-06-22'), workDays: ['mon'] })).map(String),
    ).toEqual(['2020-06-15', '2020-06-22']);
  });

  it('lists none when the dates are reversed', () => {
    expect(workDates(aPlacement({ endsOn: d('2020-06-01') }))).toEqual([]);
  });
});

describe(dayOffAllowed.name, () => {
  it.each([
    ['2026-06-14', true],
    ['2020-06-14', false],
  ])('opens Sunday %s to an employment-centre referral: %s', (on, open) => {
    const sunday = aPlacement({ startsOn: d(on), endsOn: d(on), weekendWorkConsent: true });
    expect(dayOffAllowed(sunday, ctx, d(on))).toBe(open);
    expect(dayOffAllowed({ ...sunday, weekendWorkConsent: false }, ctx, d(on))).toBe(false);
  });
});

describe('the placement module', () => {
  it('exposes the checks, the rules, the code lists, the limit tables and the dated versions', () => {
    expect(Object.keys(api).sort()).toEqual([
      'BLOCKED_CONDITION',
      'BLOCKED_PLACEMENT_STATUS',
      'DEFAULT_LESSON_HOURS',
      'GUARDIANSHIP_CONSENT',
      'LABOUR_LIMITS',
      'LOAD_LIMITS_ACT',
      'LOAD_MODES',
      'PLACEMENT_CHANNELS',
      'PLACEMENT_FINDING_KINDS',
      'PLACEMENT_KINDS',
      'PLACEMENT_RULES',
      'PLACEMENT_RULE_CODES',
      'PLACEMENT_STATUSES',
      'STUDENT_SEXES',
      'SUMMER_DAYS_OFF_EXCEPTION',
      'WORK_DAYS',
      'ageOnStart',
      'assessFindings',
      'assessPlacement',
      'checkPlacement',
      'dayOffAllowed',
      'dayOffException',
      'hasStartedBlocked',
      'isBlocked',
      'isEmployment',
      'isSummerHoliday',
      'minorAge',
      'placementContextFacts',
      'placementContextOfFacts',
      'placementFindingKind',
      'simplePlacementContext',
      'startedBlockedCondition',
      'validatePlacement',
      'withLessonHours',
      'workDates',
    ]);
    expect(Object.values(api)).not.toContain(undefined);
  });
});
