import { ACTIVITY_STATUSES, ActivityStatus } from '../activity';
import { PROFMINIMUM_GRADES } from '../career';
import { DateRange, LocalDate } from '../common';
import { ratio, tally, Weighted } from './ratio';

export interface ActivityStatusRow extends Weighted {
  readonly status: ActivityStatus;
}

/** Activities that took place or still may: every status but `cancelled` (a cancelled one makes no partner). */
export const LIVE_ACTIVITY_STATUSES: readonly ActivityStatus[] = ACTIVITY_STATUSES.filter((s) => s !== 'cancelled');

/** The status whose activities were delivered: their participants and hours are counted. */
export const HELD_ACTIVITY_STATUS: ActivityStatus = 'held';

export interface ActivityCounts {
  /** every activity scheduled in the period, whatever its outcome */
  readonly planned: number;
  readonly held: number;
  readonly cancelled: number;
  readonly postponed: number;
  /** still `planned` (no outcome yet) */
  readonly pending: number;
}

/**
 * Counts the activities scheduled in a period by outcome; `planned` is all of them. Indicator #6 (joint events)
 * is these counts per activity form and per partner type: the report's `byForm` and `byPartnerType` tables.
 */
export function activityCounts(rows: readonly ActivityStatusRow[]): ActivityCounts {
  const by = tally(rows, (r) => r.status);
  const held = by['held'] ?? 0;
  const cancelled = by['cancelled'] ?? 0;
  const postponed = by['postponed'] ?? 0;
  const pending = by['planned'] ?? 0;
  return { planned: held + cancelled + postponed + pending, held, cancelled, postponed, pending };
}

/**
 * Indicator #5 (term, academic year): joint-plan execution = held ÷ planned, where planned is the number
 * of activities scheduled in the period (cancelled and postponed ones included, so they lower it).
 * In 0..1 when held ⊆ planned; null when nothing was planned.
 */
export function planExecution(counts: { readonly planned: number; readonly held: number }): number | null {
  return ratio(counts.held, counts.planned);
}

/** An activity as indicator #5 counts it: its outcome and the first day it was planned for. */
export interface PlannedActivityRow extends ActivityStatusRow {
  /** the planned start: set when the activity is added, moved by an edit of the plan, never by a postponement */
  readonly plannedStartsOn: LocalDate;
}

/**
 * Indicator #5's counts for a period: the activities planned in it (by their planned start), by outcome. A postponed
 * activity stays in the period it was planned in, with whatever outcome it has now (held later still counts as
 * held there); the period it was moved to does not count it as planned.
 */
export function planExecutionCounts(rows: readonly PlannedActivityRow[], period: DateRange): ActivityCounts {
  return activityCounts(rows.filter((r) => period.contains(r.plannedStartsOn)));
}

/**
 * Indicator #7 (academic year): unique students with ≥ 1 participation ÷ enrolment; null when the
 * enrolment is unknown or 0. Call once for grades 1–11 and once for 6–11.
 */
export function studentCoverage(uniqueParticipants: number, enrolment: number | null | undefined): number | null {
  return enrolment ? ratio(uniqueParticipants, enrolment) : null;
}

export interface TrialExcursionRow extends Weighted {
  readonly form: string;
  readonly targetGrades: readonly number[];
}

export interface TrialsAndExcursions {
  readonly professionalTrials: number;
  readonly excursions: number;
  /** grades 6–11 reached by at least one trial or excursion */
  readonly gradesReached: readonly number[];
  /** gradesReached ÷ 6 */
  readonly gradeShare: number | null;
  readonly uniqueParticipants: number;
  /** uniqueParticipants ÷ enrolment of grades 6–11; null when unknown or 0 */
  readonly participantShare: number | null;
}

const TRIAL_FORMS: Readonly<Record<string, 'trial' | 'excursion'>> = {
  professional_trial: 'trial',
  excursion: 'excursion',
};

/**
 * Indicator #9 (academic year): held professional trials (профпробы) and excursions; the grades 6–11 they
 * reached; unique participants ÷ enrolment of grades 6–11. Rows of other forms are ignored.
 */
export function trialsAndExcursions(input: {
  readonly held: readonly TrialExcursionRow[];
  readonly uniqueParticipants: number;
  readonly enrolment6to11: number | null;
}): TrialsAndExcursions {
  const relevant = input.held.filter((r) => TRIAL_FORMS[r.form] !== undefined);
  const by = tally(relevant, (r) => TRIAL_FORMS[r.form]);
  const reached = new Set(relevant.flatMap((r) => r.targetGrades));
  const gradesReached = PROFMINIMUM_GRADES.filter((g) => reached.has(g));
  return {
    professionalTrials: by['trial'] ?? 0,
    excursions: by['excursion'] ?? 0,
    gradesReached,
    gradeShare: ratio(gradesReached.length, PROFMINIMUM_GRADES.length),
    uniqueParticipants: input.uniqueParticipants,
    participantShare: studentCoverage(input.uniqueParticipants, input.enrolment6to11),
  };
}
