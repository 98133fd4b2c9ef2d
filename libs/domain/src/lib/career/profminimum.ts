import type { ActivityStatus } from '../activity';
import { AcademicYear } from '../calendar/academic-year';
import { DomainError, err, Finding, finding, LocalDate, ok, PROFMINIMUM_RULES, Result, ruleError } from '../common';
import { ratio, round4 } from '../indicators/ratio';
import { SCHOOL_GRADES } from '../organisation/school-grades';

/**
 * Профминимум (domain rules E1): from 01.09.2023 grades 6–11 take career guidance at the level the school
 * or region declares, counted in academic hours per academic year.
 */
export const PROFMINIMUM_LEVELS = ['basic', 'main', 'advanced'] as const;
export type ProfminimumLevel = (typeof PROFMINIMUM_LEVELS)[number];

/** The day the профминимум began (E1): a school's level applies to periods that start on or after it. */
export const PROFMINIMUM_START = LocalDate.of(2023, 9, 1);

/** Whether the профминимум applies to a period that starts on `periodStart` (E1: from 01.09.2023). */
export function profminimumApplies(periodStart: LocalDate): boolean {
  return periodStart.epochDay >= PROFMINIMUM_START.epochDay;
}

/** Rule code of a level given to an academic year before 2023-2024 (E1). */
export const PROFMINIMUM_LEVEL_BEFORE_START = PROFMINIMUM_RULES.levelBeforeStart;

/**
 * The level a school declares for one academic year (E1: levels exist from 2023-2024 on). `null` (no level) is
 * always allowed; a level for a year that started before 01.09.2023 is refused with
 * `profminimum.level.before-start` (422) on `field`.
 */
export function profminimumLevelForYear(
  year: AcademicYear,
  level: ProfminimumLevel | null,
  field = 'profminimumLevel',
): Result<ProfminimumLevel | null, DomainError> {
  if (level === null || profminimumApplies(year.range.start)) return ok(level);
  return err(
    ruleError([
      finding(
        PROFMINIMUM_LEVEL_BEFORE_START,
        {
          ru: `Уровень профминимума указывается с 2023-2024 учебного года (с 01.09.2023), а не для ${year.label}`,
          en: `A profminimum level is set from the 2023-2024 academic year on (from 01.09.2023), not for ${year.label}`,
          tt: `Профминимум дәрәҗәсе 2023-2024 уку елыннан (01.09.2023 дән) күрсәтелә, ${year.label} өчен түгел`,
        },
        { field, limit: PROFMINIMUM_START.toString(), actual: year.label },
      ),
    ]),
  );
}

/**
 * The level that applies to a school in an academic year (E1): none before 2023-2024; else the level its
 * enrolment record of that year carries, or — when the school recorded no level for the year (no record, or a
 * record without one) — the school's current level.
 */
export function profminimumLevelOfYear(
  year: AcademicYear,
  yearLevel: ProfminimumLevel | null | undefined,
  currentLevel: ProfminimumLevel | null,
): ProfminimumLevel | null {
  if (!profminimumApplies(year.range.start)) return null;
  return yearLevel ?? currentLevel;
}

/** Minimum academic hours a year per level: базовый 40, основной 60, продвинутый 80. */
export const PROFMINIMUM_HOURS: Readonly<Record<ProfminimumLevel, number>> = { basic: 40, main: 60, advanced: 80 };

/** The lowest grade in scope of the профминимум. */
export const PROFMINIMUM_FIRST_GRADE = 6;
/** Grades in scope of the профминимум: 6 to the highest grade. */
export const PROFMINIMUM_GRADES: readonly number[] = SCHOOL_GRADES.filter((g) => g >= PROFMINIMUM_FIRST_GRADE);

/** Direction code of career-guidance activities (seeded `/directions` code). */
export const CAREER_GUIDANCE_DIRECTION = 'career_guidance';

/** Rule code of a finding for a grade below its declared level. */
export const PROFMINIMUM_BELOW_LEVEL = PROFMINIMUM_RULES.belowLevel;

export interface CareerActivity {
  readonly targetGrades: readonly number[];
  /** academic hours of the activity (for each target grade) */
  readonly hours: number;
  readonly status: ActivityStatus;
  readonly directionCode: string;
}

export interface CareerHoursOptions {
  /**
   * `held` (default): only held activities count (the fact).
   * `planned`: every activity that is not cancelled (held, planned or postponed) counts (the plan).
   */
  readonly count?: 'held' | 'planned';
}

/** Hours per grade; a missing grade means 0 hours. */
export type HoursByGrade = Readonly<Record<number, number>>;

export const isProfminimumGrade = (grade: number): boolean => PROFMINIMUM_GRADES.includes(grade);

function counts(activity: CareerActivity, options: CareerHoursOptions): boolean {
  if (activity.directionCode !== CAREER_GUIDANCE_DIRECTION) return false;
  return options.count === 'planned' ? activity.status !== 'cancelled' : activity.status === 'held';
}

/**
 * Σ hours of career-guidance activities per grade 6–11 (E1). An activity counts its full hours once for
 * each distinct target grade in scope: 3 hours for grades 8 and 9 give 3 to grade 8 and 3 to grade 9.
 * Grades outside 6–11 are ignored. Every grade 6–11 is a key (0 when nothing counted).
 */
export function careerHoursByGrade(
  activities: readonly CareerActivity[],
  options: CareerHoursOptions = {},
): Record<number, number> {
  const out: Record<number, number> = Object.fromEntries(PROFMINIMUM_GRADES.map((g) => [g, 0]));
  for (const activity of activities) {
    if (!counts(activity, options)) continue;
    for (const grade of new Set(activity.targetGrades)) {
      if (isProfminimumGrade(grade)) out[grade] = round4(out[grade] + activity.hours);
    }
  }
  return out;
}

/**
 * Σ hours of career-guidance activities, each activity once whatever its grades: the school's
 * `careerGuidanceHours` report figure.
 */
export function careerHoursTotal(activities: readonly CareerActivity[], options: CareerHoursOptions = {}): number {
  return round4(activities.filter((a) => counts(a, options)).reduce((sum, a) => sum + a.hours, 0));
}

/** The highest level whose minimum `hours` reaches, or `null` below 40. */
export function profminimumLevelReached(hours: number): ProfminimumLevel | null {
  if (hours >= PROFMINIMUM_HOURS.advanced) return 'advanced';
  if (hours >= PROFMINIMUM_HOURS.main) return 'main';
  return hours >= PROFMINIMUM_HOURS.basic ? 'basic' : null;
}

export interface GradeFulfilment {
  readonly grade: number;
  readonly hours: number;
  readonly required: number;
  /** hours ÷ required, 4 decimals, not capped (1.5 = 150 %) */
  readonly ratio: number;
  readonly met: boolean;
}

export interface ProfminimumFulfilment {
  readonly level: ProfminimumLevel;
  readonly required: number;
  readonly grades: readonly GradeFulfilment[];
  readonly gradesMet: number;
  /** gradesMet ÷ grades in scope; null when the school has no grade 6–11 */
  readonly share: number | null;
  /** one `profminimum.hours.below-level` finding per grade under its level */
  readonly findings: readonly Finding[];
}

/**
 * Indicator #8 for one school (academic year): per grade, hours delivered ÷ hours required by the declared
 * level; a grade meets it when hours ≥ required. `grades` restricts to the grades the school teaches
 * (default 6–11); grades outside 6–11 are dropped.
 */
export function profminimumFulfilment(
  hoursByGrade: HoursByGrade,
  level: ProfminimumLevel,
  options: { readonly grades?: readonly number[] } = {},
): ProfminimumFulfilment {
  const required = PROFMINIMUM_HOURS[level];
  const inScope = [...new Set(options.grades ?? PROFMINIMUM_GRADES)].filter(isProfminimumGrade).sort((a, b) => a - b);
  const grades = inScope.map((grade): GradeFulfilment => {
    const hours = hoursByGrade[grade] ?? 0;
    return { grade, hours, required, ratio: round4(hours / required), met: hours >= required };
  });
  const findings = grades
    .filter((g) => !g.met)
    .map((g) =>
      finding(
        PROFMINIMUM_BELOW_LEVEL,
        {
          ru: `${g.grade} класс: ${g.hours} из ${required} академических часов профминимума`,
          en: `Grade ${g.grade}: ${g.hours} of ${required} academic hours of the profminimum`,
          tt: `${g.grade} сыйныф: профминимумның ${required} академик сәгатеннән ${g.hours}`,
        },
        { field: `grade.${g.grade}`, limit: required, actual: g.hours },
      ),
    );
  const gradesMet = grades.length - findings.length;
  return { level, required, grades, gradesMet, share: ratio(gradesMet, grades.length), findings };
}
