import {
  ACTIVITY_RULES,
  DateRange,
  DomainError,
  domainError,
  err,
  Finding,
  finding,
  LocalDate,
  ok,
  PLAN_RULES,
  refusal,
  Result,
  unwrap,
} from '../common';

// Joint plans (C3): a plan belongs to an institution and an academic year, optionally to one agreement
// (the plan is then its annex). The coordinator approves it or returns it with a comment.

export const PLAN_STATUSES = ['draft', 'submitted', 'approved', 'returned', 'closed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** The moves the lifecycle allows: draft/returned → submitted → approved | returned; approved → closed. */
const TRANSITIONS: Readonly<Record<PlanStatus, readonly PlanStatus[]>> = {
  draft: ['submitted'],
  returned: ['submitted'],
  submitted: ['approved', 'returned'],
  approved: ['closed'],
  closed: [],
};

/** True when the lifecycle allows moving a plan from `from` to `to`. */
export function canMovePlan(from: PlanStatus, to: PlanStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Moves `from` → `to` when the lifecycle allows it, else `plan.transition.invalid` naming both. */
function move<S extends PlanStatus>(from: PlanStatus, to: S): Result<S, DomainError> {
  if (canMovePlan(from, to)) return ok(to);
  return err(
    domainError(
      PLAN_RULES.transitionInvalid,
      'rule',
      {
        ru: `План в статусе «${from}» нельзя перевести в статус «${to}»`,
        en: `A plan cannot move from "${from}" to "${to}"`,
        tt: `«${from}» статусындагы планны «${to}» статусына күчереп булмый`,
      },
      {
        field: 'status',
        details: [
          finding(
            PLAN_RULES.transitionInvalid,
            { ru: 'Недопустимый переход', en: 'Illegal transition', tt: 'Рөхсәт ителмәгән күчү' },
            { limit: from, actual: to },
          ),
        ],
      },
    ),
  );
}

/** Submits a draft or returned plan to the coordinator. */
export function submitPlan(status: PlanStatus): Result<'submitted', DomainError> {
  return move(status, 'submitted');
}

/** The coordinator approves a submitted plan. */
export function approvePlan(status: PlanStatus): Result<'approved', DomainError> {
  return move(status, 'approved');
}

/** The coordinator returns a submitted plan for rework; the comment is required. */
export function returnPlan(
  status: PlanStatus,
  comment: string,
): Result<{ status: 'returned'; comment: string }, DomainError> {
  const text = comment.trim();
  if (text === '')
    return err(
      domainError(
        PLAN_RULES.returnCommentRequired,
        'rule',
        {
          ru: 'Объясните, что доработать: комментарий обязателен',
          en: 'Say what to rework: a comment is required',
          tt: 'Аңлатма кирәк',
        },
        { field: 'comment' },
      ),
    );
  const moved = move(status, 'returned');
  return moved.ok ? ok({ status: moved.value, comment: text }) : moved;
}

/** Closes an approved plan (the year is over). */
export function closePlan(status: PlanStatus): Result<'closed', DomainError> {
  return move(status, 'closed');
}

/**
 * The plan's own fields (title, agreement) can be edited, and the plan deleted, only as a draft or after it was
 * returned. Its activities follow `areActivitiesOpen`: they change all year, until the plan is closed.
 */
export function isPlanEditable(status: PlanStatus): boolean {
  return status === 'draft' || status === 'returned';
}

/** `isPlanEditable` as a Result: refuses with `plan.edit.locked` otherwise. */
export function checkPlanEditable(status: PlanStatus): Result<PlanStatus, DomainError> {
  if (isPlanEditable(status)) return ok(status);
  return err(
    domainError(
      PLAN_RULES.editLocked,
      'rule',
      {
        ru: `План в статусе «${status}» нельзя изменять; изменять можно черновик или возвращённый план`,
        en: `A plan in status "${status}" is locked; only a draft or a returned plan can be edited`,
        tt: `«${status}» статусындагы планны үзгәртеп булмый; караламаны яки кире кайтарылган планны гына үзгәртеп була`,
      },
      { field: 'status' },
    ),
  );
}

/**
 * Activities are added, edited, deleted and given their outcome in every status but `closed`: schools plan and
 * report their work during the whole year, the approval covers the plan (the audit log shows later additions).
 */
export function areActivitiesOpen(status: PlanStatus): boolean {
  return status !== 'closed';
}

/** `areActivitiesOpen` as a Result: refuses with `activity.plan.closed` once the plan is closed. */
export function checkActivitiesOpen(status: PlanStatus): Result<PlanStatus, DomainError> {
  if (areActivitiesOpen(status)) return ok(status);
  return err(
    refusal(
      ACTIVITY_RULES.planClosed,
      {
        ru: 'План закрыт: мероприятия изменить нельзя',
        en: 'The plan is closed: its activities can no longer change',
        tt: 'План ябылган: аның чараларын үзгәртеп булмый',
      },
      'planId',
    ),
  );
}

/** A joint plan is an annex of its agreement: the agreement must be in force for part of the academic year. */
export function validatePlanAgainstAgreement(
  planYear: DateRange,
  agreementTerm: DateRange | null | undefined,
): Finding[] {
  if (!agreementTerm || agreementTerm.overlaps(planYear)) return [];
  return [
    finding(
      PLAN_RULES.agreementOutsideYear,
      {
        ru: 'Срок действия соглашения не пересекается с учебным годом плана',
        en: "The agreement's term does not overlap the plan's academic year",
        tt: 'Килешүнең гамәлдә булу срогы планның уку елы белән кисешми',
      },
      { field: 'agreementId', limit: planYear.toString(), actual: agreementTerm.toString() },
    ),
  ];
}

/** The days activities of the plan may fall on: the academic year, cut to the agreement's term if any; null when they do not meet. */
export function planActivityWindow(planYear: DateRange, agreementTerm: DateRange | null | undefined): DateRange | null {
  if (!agreementTerm) return planYear;
  if (!agreementTerm.overlaps(planYear)) return null;
  // overlapping ranges have a non-empty intersection
  return unwrap(
    DateRange.create({
      start: LocalDate.max(agreementTerm.start, planYear.start),
      end: LocalDate.min(agreementTerm.end, planYear.end),
    }),
  );
}
