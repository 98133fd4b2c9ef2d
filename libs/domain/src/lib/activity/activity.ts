import {
  ACTIVITY_RULES,
  DateRange,
  DomainError,
  err,
  Finding,
  finding,
  LocalDate,
  ok,
  Result,
  RuleCode,
  ruleError,
} from '../common';
import { isSchoolGrade, MAX_GRADE, MIN_GRADE } from '../organisation/school-grades';

// Activities of a joint plan (C3): checked against the plan's academic year and the agreement's term;
// outcomes held / cancelled / postponed.

export const ACTIVITY_FORMS = [
  'excursion',
  'professional_trial',
  'master_class',
  'meeting_with_professionals',
  'open_day',
  'fair',
  'career_lesson',
  'diagnostics',
  'consultation',
  'parent_meeting',
  'competition',
  'project',
  'volunteering',
  'labour_brigade',
  'other',
] as const;
export type ActivityForm = (typeof ACTIVITY_FORMS)[number];

export const ACTIVITY_STATUSES = ['planned', 'held', 'cancelled', 'postponed'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export const MAX_ACTIVITY_HOURS = 1000;
export const MAX_PARTICIPANTS = 100000;

export interface ActivityInput {
  readonly title: string;
  readonly form: ActivityForm;
  readonly startsOn: LocalDate;
  /** last day, included; absent = a one-day activity */
  readonly endsOn?: LocalDate | null;
  readonly targetGrades: readonly number[];
  readonly plannedParticipants: number;
  /** academic hours */
  readonly hours: number;
}

/** Where an activity may fall: its plan's academic year and, when the plan is an annex, the agreement's term. */
export interface ActivityContext {
  readonly planYear: DateRange;
  readonly agreementTerm?: DateRange | null;
}

/** Empty or whitespace only. */
const blank = (text: string | null | undefined): boolean => !text || text.trim() === '';
/** A whole number of people from 0 to MAX_PARTICIPANTS. */
const isCount = (n: number): boolean => Number.isInteger(n) && n >= 0 && n <= MAX_PARTICIPANTS;

/** Checks an activity of a plan; all broken rules are returned. */
export function validateActivity(input: ActivityInput, ctx: ActivityContext): Finding[] {
  const R = ACTIVITY_RULES;
  const findings: Finding[] = [];
  const endsOn = input.endsOn ?? input.startsOn;
  if (blank(input.title))
    findings.push(
      finding(
        R.titleRequired,
        { ru: 'Укажите название мероприятия', en: 'A title is required', tt: 'Исем күрсәтелергә тиеш' },
        { field: 'title' },
      ),
    );
  if (!(ACTIVITY_FORMS as readonly string[]).includes(input.form))
    findings.push(
      finding(
        R.formInvalid,
        { ru: 'Форма проведения не из списка', en: 'The form is not in the list', tt: 'Үткәрү формасы исемлектә юк' },
        { field: 'form', actual: String(input.form) },
      ),
    );
  if (endsOn.isBefore(input.startsOn))
    findings.push(
      finding(
        R.endBeforeStart,
        {
          ru: 'Мероприятие заканчивается раньше, чем начинается',
          en: 'The activity ends before it starts',
          tt: 'Чара башланганчы тәмамлана',
        },
        { field: 'endsOn', limit: input.startsOn.toString(), actual: endsOn.toString() },
      ),
    );
  findings.push(...placementFindings(input.startsOn, endsOn, ctx, R.outsidePlanYear, R.outsideAgreementTerm));
  const grades = input.targetGrades;
  if (grades.length === 0 || new Set(grades).size !== grades.length || grades.some((g) => !isSchoolGrade(g)))
    findings.push(
      finding(
        R.gradesInvalid,
        {
          ru: `Классы — неповторяющиеся целые числа от ${MIN_GRADE} до ${MAX_GRADE}, хотя бы один`,
          en: `Target grades are distinct whole numbers from ${MIN_GRADE} to ${MAX_GRADE}, at least one`,
          tt: `Сыйныфлар — кабатланмый торган бөтен саннар (${MIN_GRADE}–${MAX_GRADE}), кимендә берсе`,
        },
        { field: 'targetGrades', actual: grades.join(',') },
      ),
    );
  if (!isCount(input.plannedParticipants))
    findings.push(
      finding(
        R.participantsInvalid,
        {
          ru: 'Планируемое число участников — целое неотрицательное число',
          en: 'Planned participants must be a whole number of at least 0',
          tt: 'Катнашучыларның планлаштырылган саны — тискәре булмаган бөтен сан',
        },
        { field: 'plannedParticipants', limit: MAX_PARTICIPANTS, actual: input.plannedParticipants },
      ),
    );
  findings.push(...hoursFindings(input.hours));
  return findings;
}

/** Findings for days [startsOn, endsOn] outside the plan year or the agreement term. */
function placementFindings(
  startsOn: LocalDate,
  endsOn: LocalDate,
  ctx: ActivityContext,
  yearRule: RuleCode,
  termRule: RuleCode,
): Finding[] {
  const inside = (range: DateRange) => range.contains(startsOn) && range.contains(endsOn);
  const findings: Finding[] = [];
  if (!inside(ctx.planYear))
    findings.push(
      finding(
        yearRule,
        {
          ru: 'Даты мероприятия вне учебного года плана',
          en: "The activity's dates are outside the plan's academic year",
          tt: 'Чара даталары планның уку елыннан читтә',
        },
        { field: 'startsOn', limit: ctx.planYear.toString(), actual: `${startsOn.toString()}..${endsOn.toString()}` },
      ),
    );
  if (ctx.agreementTerm && !inside(ctx.agreementTerm))
    findings.push(
      finding(
        termRule,
        {
          ru: 'Даты мероприятия вне срока действия соглашения',
          en: "The activity's dates are outside the agreement's term",
          tt: 'Чара даталары килешүнең гамәлдә булу срогыннан читтә',
        },
        {
          field: 'startsOn',
          limit: ctx.agreementTerm.toString(),
          actual: `${startsOn.toString()}..${endsOn.toString()}`,
        },
      ),
    );
  return findings;
}

/** An activity's dates: the ones it was planned for, or the ones it is now scheduled on. */
export interface ActivityDates {
  readonly startsOn: LocalDate;
  readonly endsOn: LocalDate;
}

/**
 * The planned dates after an edit of the activity's dates (issue 14, G2 #5). Indicator #5 counts an activity in the
 * period it was planned in, so a postponement never moves the planned dates (`recordOutcome` returns only the new
 * ones). An edit is an edit of the plan while the activity is still on its planned dates: the planned dates follow
 * it. Once a postponement moved the activity, an edit corrects the new dates and the planned ones stay.
 */
export function plannedDatesAfterEdit(
  planned: ActivityDates,
  current: ActivityDates,
  edited: ActivityDates,
): ActivityDates {
  const onPlan = planned.startsOn.equals(current.startsOn) && planned.endsOn.equals(current.endsOn);
  return onPlan ? edited : planned;
}

export type ActivityOutcome =
  | {
      readonly status: 'held';
      readonly heldOn: LocalDate;
      readonly actualParticipants: number;
      readonly result: string;
      readonly evidenceLinks?: readonly string[];
      /** the academic hours actually given, when they differ from the plan's (absent: the planned hours stand) */
      readonly hours?: number;
    }
  | { readonly status: 'cancelled'; readonly reason: string }
  /** `endsOn` absent: the activity keeps its length */
  | { readonly status: 'postponed'; readonly startsOn: LocalDate; readonly endsOn?: LocalDate | null };

/** What recording an outcome changes on the activity. */
export type ActivityOutcomeChange =
  | {
      readonly status: 'held';
      readonly heldOn: LocalDate;
      readonly actualParticipants: number;
      readonly result: string;
      readonly evidenceLinks: readonly string[];
      /** the hours held, null: keep the planned hours */
      readonly hours: number | null;
    }
  | { readonly status: 'cancelled'; readonly cancelReason: string }
  | { readonly status: 'postponed'; readonly startsOn: LocalDate; readonly endsOn: LocalDate };

/** The activity as the outcome rules need it. */
export interface ActivityState {
  readonly status: ActivityStatus;
  readonly startsOn: LocalDate;
  readonly endsOn?: LocalDate | null;
}

const OUTCOMES: Readonly<Record<ActivityStatus, readonly ActivityOutcome['status'][]>> = {
  planned: ['held', 'cancelled', 'postponed'],
  postponed: ['held', 'cancelled', 'postponed'],
  held: [],
  cancelled: [],
};

/** Held and cancelled are final; a planned or postponed activity can be held, cancelled or postponed (again). */
export function canRecordOutcome(from: ActivityStatus, to: ActivityOutcome['status']): boolean {
  return OUTCOMES[from].includes(to);
}

/** Records an outcome (C3): checks the transition and the outcome's fields; returns the fields to store. */
export function recordOutcome(
  activity: ActivityState,
  outcome: ActivityOutcome,
  today: LocalDate,
  planYear: DateRange,
  agreementTerm?: DateRange | null,
): Result<ActivityOutcomeChange, DomainError> {
  if (!canRecordOutcome(activity.status, outcome.status))
    return err(
      ruleError([
        finding(
          ACTIVITY_RULES.outcomeTransitionInvalid,
          {
            ru: `Мероприятие в статусе «${activity.status}» нельзя перевести в статус «${outcome.status}»`,
            en: `An activity cannot move from "${activity.status}" to "${outcome.status}"`,
            tt: `«${activity.status}» статусындагы чараны «${outcome.status}» статусына күчереп булмый`,
          },
          { field: 'status', limit: activity.status, actual: outcome.status },
        ),
      ]),
    );
  const [findings, change] = outcomeFindings(activity, outcome, today, { planYear, agreementTerm });
  return findings.length > 0 ? err(ruleError(findings)) : ok(change);
}

/** Academic hours from 0 to `MAX_ACTIVITY_HOURS` (planned, or held by an outcome). */
function hoursFindings(hours: number): Finding[] {
  if (Number.isFinite(hours) && hours >= 0 && hours <= MAX_ACTIVITY_HOURS) return [];
  return [
    finding(
      ACTIVITY_RULES.hoursInvalid,
      {
        ru: `Академические часы — от 0 до ${MAX_ACTIVITY_HOURS}`,
        en: `Academic hours must be from 0 to ${MAX_ACTIVITY_HOURS}`,
        tt: `Академик сәгатьләр саны 0 белән ${MAX_ACTIVITY_HOURS} арасында булырга тиеш`,
      },
      { field: 'hours', limit: MAX_ACTIVITY_HOURS, actual: hours },
    ),
  ];
}

/** The findings of one outcome and the fields it sets. */
function outcomeFindings(
  activity: ActivityState,
  outcome: ActivityOutcome,
  today: LocalDate,
  ctx: ActivityContext,
): [Finding[], ActivityOutcomeChange] {
  const R = ACTIVITY_RULES;
  const findings: Finding[] = [];
  switch (outcome.status) {
    case 'held': {
      if (outcome.heldOn.isAfter(today))
        findings.push(
          finding(
            R.heldFutureDate,
            {
              ru: 'Дата проведения не может быть в будущем',
              en: 'The date held cannot be in the future',
              tt: 'Үткәрү датасы киләчәктә була алмый',
            },
            { field: 'heldOn', limit: today.toString(), actual: outcome.heldOn.toString() },
          ),
        );
      if (!ctx.planYear.contains(outcome.heldOn))
        findings.push(
          finding(
            R.heldOutsideYear,
            {
              ru: 'Дата проведения вне учебного года плана',
              en: "The date held is outside the plan's academic year",
              tt: 'Үткәрү датасы планның уку елыннан читтә',
            },
            { field: 'heldOn', limit: ctx.planYear.toString(), actual: outcome.heldOn.toString() },
          ),
        );
      if (!isCount(outcome.actualParticipants))
        findings.push(
          finding(
            R.actualParticipantsInvalid,
            {
              ru: 'Фактическое число участников — целое неотрицательное число',
              en: 'Actual participants must be a whole number of at least 0',
              tt: 'Катнашучыларның фактик саны — тискәре булмаган бөтен сан',
            },
            { field: 'actualParticipants', limit: MAX_PARTICIPANTS, actual: outcome.actualParticipants },
          ),
        );
      if (outcome.hours !== undefined) findings.push(...hoursFindings(outcome.hours));
      if (blank(outcome.result))
        findings.push(
          finding(
            R.resultRequired,
            { ru: 'Опишите результат', en: 'A result is required', tt: 'Нәтиҗә күрсәтелергә тиеш' },
            { field: 'result' },
          ),
        );
      return [
        findings,
        {
          status: 'held',
          heldOn: outcome.heldOn,
          actualParticipants: outcome.actualParticipants,
          result: outcome.result.trim(),
          evidenceLinks: outcome.evidenceLinks ?? [],
          hours: outcome.hours ?? null,
        },
      ];
    }
    case 'cancelled':
      if (blank(outcome.reason))
        findings.push(
          finding(
            R.cancelReasonRequired,
            { ru: 'Укажите причину отмены', en: 'A reason for cancelling is required', tt: 'Сәбәп күрсәтелергә тиеш' },
            { field: 'reason' },
          ),
        );
      return [findings, { status: 'cancelled', cancelReason: outcome.reason.trim() }];
    case 'postponed': {
      const length = activity.startsOn.daysUntil(activity.endsOn ?? activity.startsOn);
      const endsOn = outcome.endsOn ?? outcome.startsOn.addDays(Math.max(length, 0));
      if (!outcome.startsOn.isAfter(activity.startsOn))
        findings.push(
          finding(
            R.postponeNotLater,
            {
              ru: 'Перенести можно только на более позднюю дату',
              en: 'An activity can only be postponed to a later date',
              tt: 'Чараны соңрак датага гына күчереп була',
            },
            { field: 'startsOn', limit: activity.startsOn.toString(), actual: outcome.startsOn.toString() },
          ),
        );
      if (endsOn.isBefore(outcome.startsOn))
        findings.push(
          finding(
            R.postponeEndBeforeStart,
            {
              ru: 'Новая дата окончания раньше новой даты начала',
              en: 'The new end is before the new start',
              tt: 'Яңа тәмамлану датасы яңа башлану датасыннан иртәрәк',
            },
            { field: 'endsOn', limit: outcome.startsOn.toString(), actual: endsOn.toString() },
          ),
        );
      findings.push(
        ...placementFindings(outcome.startsOn, endsOn, ctx, R.postponeOutsideYear, R.postponeOutsideAgreementTerm),
      );
      return [findings, { status: 'postponed', startsOn: outcome.startsOn, endsOn }];
    }
  }
}

/**
 * The partner's confirmation that it takes part in an activity (issue 15, `POST /activities/:id/confirm`): any
 * activity that still takes place or took place may be confirmed, again to change the comment; a cancelled one may
 * not. The confirmation covers the dates it was given for: the API withdraws it when the dates move.
 */
export function confirmParticipation(status: ActivityStatus): Result<true, DomainError> {
  if (status !== 'cancelled') return ok(true);
  return err(
    ruleError([
      finding(
        ACTIVITY_RULES.confirmCancelled,
        {
          ru: 'Отменённое мероприятие нельзя подтвердить',
          en: 'A cancelled activity cannot be confirmed',
          tt: 'Юкка чыгарылган чараны раслап булмый',
        },
        { field: 'status', actual: status },
      ),
    ]),
  );
}
