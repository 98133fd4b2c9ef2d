import {
  approvePlan,
  areActivitiesOpen,
  canMovePlan,
  checkActivitiesOpen,
  checkPlanEditable,
  closePlan,
  isPlanEditable,
  PLAN_STATUSES,
  planActivityWindow,
  PlanStatus,
  PLAN_RULES as R,
  returnPlan,
  submitPlan,
  validatePlanAgainstAgreement,
} from '.';
import { d } from '../../testing';
import { ACTIVITY_RULES, DateRange } from '../common';

const year = DateRange.ofInclusive(d('2019-09-01'), d('2020-08-31'));
const range = (first: string, last: string) => DateRange.ofInclusive(d(first), d(last));

describe(canMovePlan.name, () => {
  const allowed: Record<PlanStatus, PlanStatus[]> = {
    draft: ['submitted'],
    returned: ['submitted'],
    submitted: ['approved', 'returned'],
    approved: ['closed'],
    closed: [],
  };
  const pairs = PLAN_STATUSES.flatMap((from) =>
    PLAN_STATUSES.map((to) => [from, to, allowed[from].includes(to)] as const),
  );

  it.each(pairs)('moves from %s to %s: %s', (from, to, expected) => {
    expect(canMovePlan(from, to)).toBe(expected);
  });
});

describe(submitPlan.name, () => {
  it.each<PlanStatus>(['draft', 'returned'])('submits a %s plan', (status) => {
    expect(submitPlan(status)).toEqual({ ok: true, value: 'submitted' });
  });

  it('refuses to submit an approved plan, naming both statuses', () => {
    const sut = submitPlan('approved');
    expect(sut.ok ? null : sut.error).toMatchObject({
      code: R.transitionInvalid,
      category: 'rule',
      details: [{ rule: R.transitionInvalid, limit: 'approved', actual: 'submitted' }],
    });
    expect(sut.ok ? '' : sut.error.message.en).toBe('A plan cannot move from "approved" to "submitted"');
  });
});

describe(approvePlan.name, () => {
  it('approves a submitted plan', () => {
    expect(approvePlan('submitted')).toEqual({ ok: true, value: 'approved' });
  });

  it.each<PlanStatus>(['draft', 'returned', 'approved', 'closed'])('refuses to approve a %s plan', (status) => {
    const sut = approvePlan(status);
    expect(sut.ok ? null : sut.error.code).toBe(R.transitionInvalid);
  });
});

describe(returnPlan.name, () => {
  it('returns a submitted plan with the trimmed comment', () => {
    expect(returnPlan('submitted', '  Добавьте мероприятия для 9 классов ')).toEqual({
      ok: true,
      value: { status: 'returned', comment: 'Добавьте мероприятия для 9 классов' },
    });
  });

  it('refuses to return a plan without a comment', () => {
    const sut = returnPlan('submitted', '   ');
    expect(sut.ok ? null : sut.error).toMatchObject({
      code: R.returnCommentRequired,
      category: 'rule',
      field: 'comment',
    });
  });

  it('refuses to return a draft', () => {
    const sut = returnPlan('draft', 'Доработать');
    expect(sut.ok ? null : sut.error.code).toBe(R.transitionInvalid);
  });
});

describe(closePlan.name, () => {
  it('closes an approved plan', () => {
    expect(closePlan('approved')).toEqual({ ok: true, value: 'closed' });
  });

  it('refuses to close a submitted plan', () => {
    const sut = closePlan('submitted');
    expect(sut.ok ? null : sut.error.code).toBe(R.transitionInvalid);
  });
});

describe(checkPlanEditable.name, () => {
  it.each<[PlanStatus, boolean]>([
    ['draft', true],
    ['returned', true],
    ['submitted', false],
    ['approved', false],
    ['closed', false],
  ])('lets a %s plan be edited: %s', (status, editable) => {
    expect(isPlanEditable(status)).toBe(editable);
    const sut = checkPlanEditable(status);
    expect(sut.ok ? 'ok' : sut.error.code).toBe(editable ? 'ok' : R.editLocked);
  });
});

describe(checkActivitiesOpen.name, () => {
  it.each<[PlanStatus, boolean]>([
    ['draft', true],
    ['returned', true],
    ['submitted', true],
    ['approved', true],
    ['closed', false],
  ])('lets the activities of a %s plan change: %s', (status, open) => {
    expect(areActivitiesOpen(status)).toBe(open);
    const sut = checkActivitiesOpen(status);
    expect(sut.ok ? 'ok' : sut.error).toEqual(
      open ? 'ok' : expect.objectContaining({ code: ACTIVITY_RULES.planClosed, field: 'planId' }),
    );
  });
});

describe(validatePlanAgainstAgreement.name, () => {
  it.each([
    ['no agreement', null, true],
    ['an agreement covering the year', range('2019-01-01', '2021-12-31'), true],
    ['an agreement ending on the first day of the year', range('2018-09-01', '2019-09-01'), true],
    ['an agreement starting on the last day of the year', range('2020-08-31', '2021-08-31'), true],
    ['an agreement that ended the day before the year', range('2018-09-01', '2019-08-31'), false],
    ['an agreement starting the day after the year', range('2020-09-01', '2021-08-31'), false],
  ])('checks a plan with %s', (_, term, valid) => {
    expect(validatePlanAgainstAgreement(year, term).map((f) => f.rule)).toEqual(valid ? [] : [R.agreementOutsideYear]);
  });
});

describe(planActivityWindow.name, () => {
  it.each([
    ['the year without an agreement', null, '[2019-09-01, 2020-09-01)'],
    ['the year inside a longer agreement', range('2019-01-01', '2021-12-31'), '[2019-09-01, 2020-09-01)'],
    ['the part of the year after the agreement starts', range('2020-01-15', '2021-01-14'), '[2020-01-15, 2020-09-01)'],
    ['the part of the year before the agreement ends', range('2019-01-01', '2019-12-31'), '[2019-09-01, 2020-01-01)'],
    ['nothing when they do not meet', range('2018-09-01', '2019-08-31'), null],
  ])('is %s', (_, term, expected) => {
    expect(planActivityWindow(year, term)?.toString() ?? null).toBe(expected);
  });
});
