import {
  assertNever,
  Finding,
  finding,
  IsoWeekday,
  LocalDate,
  LocalTime,
  Message,
  PlacementRuleCode,
  writtenDate,
} from '../common';

export const PLACEMENT_KINDS = ['employment_contract', 'school_programme_labour', 'volunteering'] as const;
export type PlacementKind = (typeof PLACEMENT_KINDS)[number];
export const PLACEMENT_CHANNELS = ['employment_centre', 'school_brigade', 'direct'] as const;
export type PlacementChannel = (typeof PLACEMENT_CHANNELS)[number];
/** The days of the week, Monday first (ISO order). */
export const WORK_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WorkDay = (typeof WORK_DAYS)[number];
export const STUDENT_SEXES = ['male', 'female'] as const;
export type StudentSex = (typeof STUDENT_SEXES)[number];
/** B6 rows: a load lifted constantly through the shift, or for up to a third of it (constantly / alternating). */
export const LOAD_MODES = ['constant', 'up_to_third_constant', 'up_to_third_alternating'] as const;
export type LoadMode = (typeof LOAD_MODES)[number];

/** A student placement as plain data (mirrors `/placements` of the public contract). */
export interface PlacementInput {
  readonly kind: PlacementKind;
  readonly channel: PlacementChannel;
  readonly jobTitle: string;
  readonly studentBirthDate: LocalDate;
  readonly studentSex: StudentSex;
  readonly startsOn: LocalDate;
  /** last working day, included */
  readonly endsOn: LocalDate;
  readonly workDays: readonly WorkDay[];
  readonly shiftStartsAt: LocalTime;
  readonly shiftEndsAt: LocalTime;
  readonly hoursPerDay: number;
  readonly hoursPerWeek: number;
  /** harmful or dangerous conditions, underground or a prohibited sector (B5) */
  readonly harmful: boolean;
  /** heaviest manual load in kg; `null` when the job carries none */
  readonly maxLoadKg: number | null;
  /** how the load is carried; default `constant` (the strictest row) */
  readonly loadMode?: LoadMode;
  readonly parentConsent: boolean;
  /** consent of the guardianship authority (орган опеки) or another legal representative */
  readonly guardianshipConsent: boolean;
  readonly medicalClearanceOn: LocalDate | null;
  /** a grade-9 certificate (основное общее образование) is recorded */
  readonly hasGeneralEducation?: boolean;
  /** orphan or child without parental care */
  readonly orphan?: boolean;
  /** works in a студенческий отряд from the federal or regional register */
  readonly studentDetachment?: boolean;
  readonly probationClause?: boolean;
  /**
   * B4, ТК ст. 268 from 01.09.2025: the written consents to work on days off and non-working holidays are recorded
   * (the worker's own; under 15 also a parent's; an orphan's also the guardianship authority's). Not the hiring
   * consent of B1. Default false.
   */
  readonly weekendWorkConsent?: boolean;
}

/** A school's lesson hours on a school day, `startsAt` < `endsAt` (B1, B13 item 7). */
export interface LessonHours {
  readonly startsAt: LocalTime;
  readonly endsAt: LocalTime;
}

/**
 * The lesson hours assumed when the school has not recorded its own: 08:00–14:30. Lessons start no earlier than
 * 08:00 (СанПиН 1.2.3685-21, table 6.6); 14:30 ends a seven-lesson day of 45-minute lessons with the usual breaks,
 * the longest timetable of grades 8–11 (domain rules B1, "lesson hours").
 */
export const DEFAULT_LESSON_HOURS: LessonHours = { startsAt: LocalTime.of(8), endsAt: LocalTime.of(14, 30) };

/** The calendar facts a placement check needs, injected by the caller (the calendar module at the edge). */
export interface PlacementContext {
  /** federal or Tatarstan non-working holiday */
  isNonWorkingHoliday(date: LocalDate): boolean;
  /** the school's каникулы, summer included, from its term scheme */
  isSchoolHoliday(date: LocalDate): boolean;
  /**
   * Optional: the school's summer holidays, from the day after its last day of instruction to 31 August (B4).
   * When absent, a school holiday from May to August counts as the summer (no term scheme breaks between terms then).
   */
  isSummerHoliday?(date: LocalDate): boolean;
  /** Optional: the school's lesson hours on a school day; when absent `DEFAULT_LESSON_HOURS`. */
  readonly lessonHours?: LessonHours;
}

/** The summer holidays of B4: the context's own answer, or a school holiday from May to August. */
export const isSummerHoliday = (ctx: PlacementContext, date: LocalDate): boolean =>
  ctx.isSummerHoliday ? ctx.isSummerHoliday(date) : ctx.isSchoolHoliday(date) && date.month >= 5 && date.month <= 8;

/** The context with the school's lesson hours added; the calendar answers stay the context's own. */
export function withLessonHours(ctx: PlacementContext, lessonHours: LessonHours): PlacementContext {
  return Object.assign(Object.create(ctx) as PlacementContext, { lessonHours });
}

export { PLACEMENT_RULE_CODES, type PlacementRuleCode } from '../common';

/**
 * A pure strategy (ARCHITECTURE convention 3). `any`: shape checks for every placement kind;
 * `minor_employment`: Labour Code checks, run only for an employment contract of a student under 18.
 */
export interface PlacementRule {
  readonly code: string;
  /** section of docs/product/domain-rules.md and the law */
  readonly source: string;
  readonly scope: 'any' | 'minor_employment';
  /** every finding code the rule can produce */
  readonly emits: readonly PlacementRuleCode[];
  evaluate(input: PlacementInput, ctx: PlacementContext): Finding[];
}

export const placementFinding = (
  rule: PlacementRuleCode,
  message: Message,
  extra: Omit<Finding, 'rule' | 'message'>,
): Finding => finding(rule, message, extra);

/** Only a трудовой договор is employment (B0); programme labour and volunteering are not. */
export function isEmployment(kind: PlacementKind): boolean {
  switch (kind) {
    case 'employment_contract':
      return true;
    case 'school_programme_labour':
    case 'volunteering':
      return false;
    default:
      return assertNever(kind);
  }
}

/**
 * Age in full years on the contract's start date (B1). The hours and load limits use this age for the
 * whole placement: a student who turns 16 during it keeps the stricter limits of the start date.
 */
export const ageOnStart = (input: PlacementInput): number => input.studentBirthDate.ageOn(input.startsOn);

export const ISO_WEEKDAY: Readonly<Record<WorkDay, IsoWeekday>> = {
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
  sun: 7,
};

/** Every date from `startsOn` to `endsOn` (included) whose weekday is in `workDays`; none when the dates are reversed. */
export function workDates(input: PlacementInput): LocalDate[] {
  const weekdays = new Set(input.workDays.map((day) => ISO_WEEKDAY[day]));
  const out: LocalDate[] = [];
  for (let date = input.startsOn; !date.isAfter(input.endsOn); date = date.addDays(1)) {
    if (weekdays.has(date.dayOfWeek)) out.push(date);
  }
  return out;
}

/** The first working date in term time (not a school holiday): its presence switches B2/B3 to the halved limits. */
export const firstTermWorkDate = (input: PlacementInput, ctx: PlacementContext): LocalDate | undefined =>
  workDates(input).find((date) => !ctx.isSchoolHoliday(date));

/** A number the Russian way (17,5). */
export const ru = (n: number): string => String(n).replace('.', ',');

/** Up to three dates, then the count of the rest. */
export function listDates(dates: readonly LocalDate[], lang: 'ru' | 'tt' | 'en'): string {
  const shown = dates
    .slice(0, 3)
    .map((d) => writtenDate(d, lang))
    .join(', ');
  return dates.length > 3 ? `${shown} (+${dates.length - 3})` : shown;
}
