import { DateRange, LocalDate } from '../common';
import { AgreementData, AgreementStatus, isFullySigned } from './agreement';

// The terms of an agreement in time: automatic renewals, notice of non-renewal, the derived status.

/** An agreement is "expiring" within this many days of its current term's last day (reminders at T−60/T−30). */
export const EXPIRING_WINDOW_DAYS = 60;

/** One term of an agreement: 0 is the original term, 1… are the automatic renewals. */
export interface AgreementTermPeriod {
  readonly index: number;
  readonly startsOn: LocalDate;
  /** last day, included */
  readonly endsOn: LocalDate;
}

/** Whole calendar months from `from` to `to` by their month numbers (the day of the month is ignored). */
function monthsBetween(from: LocalDate, to: LocalDate): number {
  return (to.year - from.year) * 12 + to.month - from.month;
}

/**
 * How the renewals of a first term [start, end] are laid out: `anchor` + k · `step` is the first day of the
 * (k + `offset`)-th term, so each term is counted from one fixed day and a clamped month end never drifts.
 * - The first term is m whole months (start + m months is the day after its end): terms keep the anniversaries
 *   of the original start (a 31 Jan start renews on 31 Jan; monthly, on the 28th/29th in February, then the 31st).
 * - The first term ends on the m-month anniversary of its start itself (29.02.2020–28.02.2021: the anniversary of
 *   29 Feb in a common year is its last day of February, ГК ст. 192 п. 3): each renewal is m months counted from
 *   the day after that end, the first renewal's start, and ends the day before its next anniversary
 *   (01.03.2021–28.02.2022, …, 01.03.2023–29.02.2024).
 * - Otherwise the term is a number of days, repeated.
 */
function termLayout(
  startsOn: LocalDate,
  endsOn: LocalDate,
): { anchor: LocalDate; offset: number; step: { months: number } | { days: number } } {
  const next = endsOn.addDays(1);
  const months = monthsBetween(startsOn, next);
  if (months > 0 && startsOn.addMonths(months).equals(next)) return { anchor: startsOn, offset: 0, step: { months } };
  const toEnd = monthsBetween(startsOn, endsOn);
  if (toEnd > 0 && startsOn.addMonths(toEnd).equals(endsOn))
    return { anchor: next, offset: 1, step: { months: toEnd } };
  return { anchor: startsOn, offset: 0, step: { days: startsOn.daysUntil(next) } };
}

/** The k-th term (0 = original) counted from the first term. */
function nthTerm(first: AgreementTermPeriod, index: number): AgreementTermPeriod {
  const { anchor, offset, step } = termLayout(first.startsOn, first.endsOn);
  const at = (k: number) =>
    'months' in step ? anchor.addMonths((k - offset) * step.months) : anchor.addDays((k - offset) * step.days);
  return { index, startsOn: at(index), endsOn: at(index + 1).addDays(-1) };
}

/** The last day to give notice of non-renewal for a term. */
function deadlineOf(data: AgreementData, term: AgreementTermPeriod): LocalDate {
  return noticeDeadlineOfTerm(term.endsOn, data.noticeDays);
}

/** The last day to give notice of non-renewal of a term ending on `termEndsOn`: `noticeDays` before its end. */
export function noticeDeadlineOfTerm(termEndsOn: LocalDate, noticeDays: number): LocalDate {
  return termEndsOn.addDays(-noticeDays);
}

/**
 * Days before a notice-of-non-renewal deadline from which it is pointed out: the parties' reminders and the
 * dashboard's list use the same window.
 */
export const NOTICE_SOON_DAYS = 14;

/** Where an auto-renewing term stands against its notice deadline: the deadline is near, or it passed (it renews). */
export interface NoticeStanding {
  readonly standing: 'soon' | 'passed';
  readonly deadline: LocalDate;
}

/**
 * The standing of the current term of an auto-renewing agreement on `today`: `passed` from the day after the notice
 * deadline to the term's last day (the term will roll over), `soon` within `NOTICE_SOON_DAYS` before the deadline
 * (the deadline itself included); null otherwise and after the term.
 */
export function noticeStanding(termEndsOn: LocalDate, noticeDays: number, today: LocalDate): NoticeStanding | null {
  if (today.isAfter(termEndsOn)) return null;
  const deadline = noticeDeadlineOfTerm(termEndsOn, noticeDays);
  if (today.isAfter(deadline)) return { standing: 'passed', deadline };
  return today.daysUntil(deadline) <= NOTICE_SOON_DAYS ? { standing: 'soon', deadline } : null;
}

/** Notice of non-renewal given on or before this term's deadline (it then ends with this term). */
function noticeStopsTerm(data: AgreementData, term: AgreementTermPeriod): boolean {
  return !!data.noticeGivenOn && !data.noticeGivenOn.isAfter(deadlineOf(data, term));
}

/** The term rolls over into the next one: auto-renewal, no timely notice, not terminated before its end. */
function rollsOver(data: AgreementData, term: AgreementTermPeriod): boolean {
  if (!data.autoRenew || noticeStopsTerm(data, term)) return false;
  return !data.terminatedOn || data.terminatedOn.isAfter(term.endsOn);
}

/** Every term up to the one `on` falls in (renewals made by then); empty for an open-ended agreement. */
function termsUntil(data: AgreementData, on: LocalDate): AgreementTermPeriod[] {
  if (!data.endsOn) return [];
  const first: AgreementTermPeriod = { index: 0, startsOn: data.startsOn, endsOn: data.endsOn };
  // an invalid term (ending before it starts) never rolls over
  if (data.endsOn.isBefore(data.startsOn)) return [first];
  const terms = [first];
  for (let term = first; on.isAfter(term.endsOn) && rollsOver(data, term); )
    terms.push((term = nthTerm(first, term.index + 1)));
  return terms;
}

/** The term `on` falls in after the renewals made by then (the last term when it ended before); null if open-ended. */
export function currentTerm(data: AgreementData, on: LocalDate): AgreementTermPeriod | null {
  return termsUntil(data, on).at(-1) ?? null;
}

/** The last day of the current term after any automatic renewals by `today`; null for an open-ended agreement. */
export function effectiveEnd(data: AgreementData, today: LocalDate): LocalDate | null {
  return currentTerm(data, today)?.endsOn ?? null;
}

/** The last day to give notice of non-renewal for the current term; null when the agreement does not auto-renew. */
export function noticeDeadline(data: AgreementData, today: LocalDate): LocalDate | null {
  const term = currentTerm(data, today);
  return data.autoRenew && term ? deadlineOf(data, term) : null;
}

/** The current term will certainly roll over: its notice deadline passed without notice. */
function renewalCertain(data: AgreementData, term: AgreementTermPeriod, today: LocalDate): boolean {
  return rollsOver(data, term) && today.isAfter(deadlineOf(data, term));
}

/** The last day in force after renewals and termination; null when open-ended and not terminated. */
export function lastDayInForce(data: AgreementData, today: LocalDate): LocalDate | null {
  const end = effectiveEnd(data, today);
  const beforeTermination = data.terminatedOn?.addDays(-1) ?? null;
  if (!end) return beforeTermination;
  return beforeTermination ? LocalDate.min(end, beforeTermination) : end;
}

/** Signed by both by `on`, `on` inside the term after renewals, and not terminated on or before `on`. */
export function isInForce(data: AgreementData, on: LocalDate): boolean {
  if (!isFullySigned(data, on) || on.isBefore(data.startsOn)) return false;
  if (data.terminatedOn && !on.isBefore(data.terminatedOn)) return false;
  const end = effectiveEnd(data, on);
  return !end || !on.isAfter(end);
}

/**
 * The derived status on `today`: draft (not signed by both) → signed (before the start) → active /
 * renewed (in a rolled-over term) → expiring (within `expiringWindowDays` of the current term's last day,
 * unless the roll-over is already certain) → expired; terminated from `terminatedOn`.
 */
export function agreementStatus(
  data: AgreementData,
  today: LocalDate,
  options: { expiringWindowDays?: number } = {},
): AgreementStatus {
  const window = options.expiringWindowDays ?? EXPIRING_WINDOW_DAYS;
  if (!isFullySigned(data, today)) return 'draft';
  if (data.terminatedOn && !today.isBefore(data.terminatedOn)) return 'terminated';
  if (today.isBefore(data.startsOn)) return 'signed';
  const term = currentTerm(data, today);
  if (!term) return 'active';
  if (today.isAfter(term.endsOn)) return 'expired';
  if (today.daysUntil(term.endsOn) <= window && !renewalCertain(data, term, today)) return 'expiring';
  return term.index > 0 ? 'renewed' : 'active';
}

/** The last representable day, standing for "open-ended". */
export const OPEN_END = LocalDate.of(9999, 12, 30);

/** The range the agreement is in force over (for activities inside its term); null when never in force. */
export function agreementTermRange(data: AgreementData, today: LocalDate): DateRange | null {
  const last = lastDayInForce(data, today) ?? OPEN_END;
  const range = DateRange.inclusive(data.startsOn, last);
  return range.ok ? range.value : null;
}

/** The facts indicator #4 needs: start, last day in force, the first day of each renewed term. */
export function agreementTermSummary(
  data: AgreementData,
  today: LocalDate,
): { startsOn: LocalDate; effectiveEndsOn: LocalDate | null; renewedOn: LocalDate | null; renewals: LocalDate[] } {
  const renewals = termsUntil(data, today)
    .slice(1)
    .map((t) => t.startsOn);
  return {
    startsOn: data.startsOn,
    effectiveEndsOn: lastDayInForce(data, today),
    renewedOn: renewals.at(-1) ?? null,
    renewals,
  };
}

/**
 * An agreement's part in indicator #4 for a period (G2 #4): whether its first term starts in it; the first day of
 * EVERY renewed term that starts in it (a yearly auto-renewal counts once in each year it renews); whether its last
 * day in force falls in it. An agreement that will roll over at the end of a term (auto-renewal, no timely notice,
 * not terminated) does not expire there, even when that day is the period's last: its terms are laid out up to the
 * day after the period.
 */
export function agreementFlowsIn(
  data: AgreementData,
  period: DateRange,
): { started: boolean; renewals: LocalDate[]; expired: boolean } {
  const after = period.end; // exclusive: the day after the period's last
  const renewals = termsUntil(data, after)
    .slice(1)
    .map((t) => t.startsOn)
    .filter((d) => period.contains(d));
  const last = lastDayInForce(data, after);
  return {
    started: period.contains(data.startsOn),
    renewals,
    expired: !!last && period.contains(last) && !last.isBefore(data.startsOn),
  };
}
