import {
  ACTIVITY_STATUSES,
  canRecordOutcome,
  confirmParticipation,
  plannedDatesAfterEdit,
  ACTIVITY_RULES as R,
  recordOutcome,
  validateActivity,
} from '.';
import { d } from '../../testing';
import { DateRange } from '../common';
import { ActivityForm, ActivityInput, ActivityOutcome, ActivityStatus } from './activity';
import { anActivity, aPlannedActivity, YEAR_2019_2020 as year } from './activity.fixtures';

const term = DateRange.ofInclusive(d('2019-11-01'), d('2020-05-31'));
const rules = (input: ActivityInput, agreementTerm: DateRange | null = null) =>
  validateActivity(input, { planYear: year, agreementTerm }).map((f) => f.rule);

describe(validateActivity.name, () => {
  it('accepts a complete activity', () => {
    expect(rules(anActivity())).toEqual([]);
  });

  it.each<[string, Partial<ActivityInput>, string]>([
    ['without a title', { title: '  ' }, R.titleRequired],
    ['of a form outside the list', { form: 'picnic' as ActivityForm }, R.formInvalid],
    ['ending before it starts', { startsOn: d('2019-10-15'), endsOn: d('2019-10-14') }, R.endBeforeStart],
    ['starting before the academic year', { startsOn: d('2019-08-31'), endsOn: d('2019-09-01') }, R.outsidePlanYear],
    ['ending after the academic year', { startsOn: d('2020-08-31'), endsOn: d('2020-09-01') }, R.outsidePlanYear],
    ['without target grades', { targetGrades: [] }, R.gradesInvalid],
    ['for grade 0', { targetGrades: [0, 1] }, R.gradesInvalid],
    ['for grade 12', { targetGrades: [11, 12] }, R.gradesInvalid],
    ['for a fractional grade', { targetGrades: [8.5] }, R.gradesInvalid],
    ['naming a grade twice', { targetGrades: [9, 9] }, R.gradesInvalid],
    ['with negative planned participants', { plannedParticipants: -1 }, R.participantsInvalid],
    ['with fractional planned participants', { plannedParticipants: 2.5 }, R.participantsInvalid],
    ['with negative hours', { hours: -0.5 }, R.hoursInvalid],
    ['with more than 1000 hours', { hours: 1000.5 }, R.hoursInvalid],
    ['with hours that are not a number', { hours: Number.NaN }, R.hoursInvalid],
  ])('refuses an activity %s', (_, overrides, rule) => {
    expect(rules(anActivity(overrides))).toEqual([rule]);
  });

  it.each<[string, Partial<ActivityInput>]>([
    ['on the first day of the academic year', { startsOn: d('2019-09-01'), endsOn: d('2019-09-01') }],
    ['on the last day of the academic year', { startsOn: d('2020-08-31'), endsOn: d('2020-08-31') }],
    ['on 29 February', { startsOn: d('2020-02-29'), endsOn: null }],
    ['without an end date (one day)', { endsOn: undefined }],
    ['for every grade 1–11', { targetGrades: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] }],
    ['with no planned participants and no hours', { plannedParticipants: 0, hours: 0 }],
    ['with 1000 hours', { hours: 1000 }],
  ])('accepts an activity %s', (_, overrides) => {
    expect(rules(anActivity(overrides))).toEqual([]);
  });

  it.each([
    ['the day before the agreement starts', '2019-10-31', '2019-11-01', [R.outsideAgreementTerm]],
    ['on the first day of the agreement', '2019-11-01', '2019-11-01', []],
    ['on the last day of the agreement', '2020-05-31', '2020-05-31', []],
    ['running past the agreement end', '2020-05-31', '2020-06-01', [R.outsideAgreementTerm]],
  ])('checks an activity %s against the agreement term', (_, startsOn, endsOn, expected) => {
    expect(rules(anActivity({ startsOn: d(startsOn), endsOn: d(endsOn) }), term)).toEqual(expected);
  });

  it('reports every broken rule together', () => {
    expect(rules(anActivity({ title: '', targetGrades: [], hours: -1 }))).toEqual([
      R.titleRequired,
      R.gradesInvalid,
      R.hoursInvalid,
    ]);
  });
});

describe(canRecordOutcome.name, () => {
  const final: ActivityStatus[] = ['held', 'cancelled'];
  it.each(
    ACTIVITY_STATUSES.flatMap((from) =>
      (['held', 'cancelled', 'postponed'] as const).map((to) => [from, to, !final.includes(from)] as const),
    ),
  )('moves an activity from %s to %s: %s', (from, to, expected) => {
    expect(canRecordOutcome(from, to)).toBe(expected);
  });
});

describe(recordOutcome.name, () => {
  const today = d('2019-10-20');
  const held = (overrides: Partial<Extract<ActivityOutcome, { status: 'held' }>> = {}): ActivityOutcome => ({
    status: 'held',
    heldOn: d('2019-10-15'),
    actualParticipants: 23,
    result: ' Учащиеся познакомились с профессией оператора ',
    ...overrides,
  });
  const code = (r: ReturnType<typeof recordOutcome>) => (r.ok ? null : r.error.details?.map((f) => f.rule));

  it('records a held activity with its trimmed result', () => {
    expect(
      recordOutcome(aPlannedActivity(), held({ evidenceLinks: ['https://school.example/news/1'] }), today, year),
    ).toEqual({
      ok: true,
      value: {
        status: 'held',
        heldOn: d('2019-10-15'),
        actualParticipants: 23,
        result: 'Учащиеся познакомились с профессией оператора',
        evidenceLinks: ['https://school.example/news/1'],
        hours: null,
      },
    });
  });

  it('records the hours actually held when given', () => {
    const sut = recordOutcome(aPlannedActivity(), held({ hours: 3.5 }), today, year);
    expect(sut.ok && sut.value).toMatchObject({ status: 'held', hours: 3.5 });
  });

  it('records a held activity on today with no evidence links', () => {
    const sut = recordOutcome(aPlannedActivity(), held({ heldOn: today, actualParticipants: 0 }), today, year);
    expect(sut.ok && sut.value).toMatchObject({ heldOn: today, actualParticipants: 0, evidenceLinks: [] });
  });

  it.each<[string, Partial<Extract<ActivityOutcome, { status: 'held' }>>, string]>([
    ['held tomorrow', { heldOn: d('2019-10-21') }, R.heldFutureDate],
    ['held before the academic year', { heldOn: d('2019-08-31') }, R.heldOutsideYear],
    ['with negative participants', { actualParticipants: -1 }, R.actualParticipantsInvalid],
    ['with fractional participants', { actualParticipants: 1.5 }, R.actualParticipantsInvalid],
    ['with negative hours', { hours: -1 }, R.hoursInvalid],
    ['with too many hours', { hours: 1001 }, R.hoursInvalid],
    ['without a result', { result: ' ' }, R.resultRequired],
  ])('refuses an outcome %s', (_, overrides, rule) => {
    expect(code(recordOutcome(aPlannedActivity(), held(overrides), today, year))).toEqual([rule]);
  });

  it('records a cancellation with its reason', () => {
    expect(recordOutcome(aPlannedActivity(), { status: 'cancelled', reason: ' Карантин ' }, today, year)).toEqual({
      ok: true,
      value: { status: 'cancelled', cancelReason: 'Карантин' },
    });
  });

  it('refuses a cancellation without a reason', () => {
    expect(code(recordOutcome(aPlannedActivity(), { status: 'cancelled', reason: '' }, today, year))).toEqual([
      R.cancelReasonRequired,
    ]);
  });

  it('postpones an activity keeping its length', () => {
    const sut = recordOutcome(aPlannedActivity(), { status: 'postponed', startsOn: d('2020-02-28') }, today, year);
    expect(sut).toEqual({
      ok: true,
      value: { status: 'postponed', startsOn: d('2020-02-28'), endsOn: d('2020-02-29') },
    });
  });

  it('postpones a one-day activity to one day', () => {
    const sut = recordOutcome(
      aPlannedActivity({ endsOn: null }),
      { status: 'postponed', startsOn: d('2019-12-01') },
      today,
      year,
    );
    expect(sut.ok && sut.value).toEqual({ status: 'postponed', startsOn: d('2019-12-01'), endsOn: d('2019-12-01') });
  });

  it('postpones an activity again and takes a new end date', () => {
    const sut = recordOutcome(
      aPlannedActivity({ status: 'postponed' }),
      { status: 'postponed', startsOn: d('2019-11-01'), endsOn: d('2019-11-05') },
      today,
      year,
    );
    expect(sut.ok && sut.value).toEqual({ status: 'postponed', startsOn: d('2019-11-01'), endsOn: d('2019-11-05') });
  });

  it.each<[string, ActivityOutcome, string[]]>([
    ['to the same day', { status: 'postponed', startsOn: d('2019-10-15') }, [R.postponeNotLater]],
    ['to an earlier day', { status: 'postponed', startsOn: d('2019-10-01') }, [R.postponeNotLater]],
    [
      'with the new end before the new start',
      { status: 'postponed', startsOn: d('2019-11-10'), endsOn: d('2019-11-09') },
      [R.postponeEndBeforeStart],
    ],
    ['past the academic year', { status: 'postponed', startsOn: d('2020-08-31') }, [R.postponeOutsideYear]],
    [
      'to the first day after the academic year',
      { status: 'postponed', startsOn: d('2020-09-01'), endsOn: d('2020-09-01') },
      [R.postponeOutsideYear],
    ],
  ])('refuses to postpone an activity %s', (_, outcome, expected) => {
    expect(code(recordOutcome(aPlannedActivity(), outcome, today, year))).toEqual(expected);
  });

  it('refuses to postpone an activity beyond the agreement term', () => {
    const sut = recordOutcome(
      aPlannedActivity(),
      { status: 'postponed', startsOn: d('2020-06-01') },
      today,
      year,
      term,
    );
    expect(code(sut)).toEqual([R.postponeOutsideAgreementTerm]);
  });

  it.each<[ActivityStatus, ActivityOutcome]>([
    ['held', { status: 'cancelled', reason: 'Передумали' }],
    ['cancelled', { status: 'held', heldOn: d('2019-10-15'), actualParticipants: 5, result: 'Проведено' }],
    ['held', { status: 'postponed', startsOn: d('2019-12-01') }],
  ])('refuses to change a %s activity, naming both statuses', (status, outcome) => {
    const sut = recordOutcome(aPlannedActivity({ status }), outcome, today, year);
    expect(sut.ok ? null : sut.error).toMatchObject({
      code: R.outcomeTransitionInvalid,
      category: 'rule',
      details: [{ limit: status, actual: outcome.status }],
    });
  });
});

describe(plannedDatesAfterEdit.name, () => {
  const dates = (startsOn: string, endsOn = startsOn) => ({ startsOn: d(startsOn), endsOn: d(endsOn) });
  const after = (planned: string[], current: string[], edited: string[]) => {
    const r = plannedDatesAfterEdit(
      dates(...(planned as [string])),
      dates(...(current as [string])),
      dates(...(edited as [string])),
    );
    return [r.startsOn.toString(), r.endsOn.toString()];
  };

  it.each<[string, string[], string[], string[], string[]]>([
    [
      'follows an edit of an activity still on its planned dates',
      ['2026-12-12'],
      ['2026-12-12'],
      ['2026-12-14'],
      ['2026-12-14', '2026-12-14'],
    ],
    [
      'follows an edit of the end alone',
      ['2026-12-12', '2026-12-13'],
      ['2026-12-12', '2026-12-13'],
      ['2026-12-12', '2026-12-15'],
      ['2026-12-12', '2026-12-15'],
    ],
    [
      'stays when a postponement moved the activity',
      ['2026-12-12'],
      ['2027-01-20'],
      ['2027-01-22'],
      ['2026-12-12', '2026-12-12'],
    ],
    [
      'stays when a postponement moved only the end',
      ['2026-12-12', '2026-12-13'],
      ['2026-12-12', '2026-12-14'],
      ['2026-12-12', '2026-12-16'],
      ['2026-12-12', '2026-12-13'],
    ],
  ])('%s', (_, planned, current, edited, expected) => {
    expect(after(planned, current, edited)).toEqual(expected);
  });
});

describe(confirmParticipation.name, () => {
  it.each<[ActivityStatus, boolean]>([
    ['planned', true],
    ['postponed', true],
    ['held', true],
    ['cancelled', false],
  ])('lets a partner confirm a %s activity: %s', (status, allowed) => {
    const result = confirmParticipation(status);
    expect(result.ok).toBe(allowed);
    if (!result.ok) expect(result.error.details?.map((f) => f.rule)).toEqual(['activity.confirm.cancelled']);
  });
});
