import fc from 'fast-check';

import { ActivityStatus } from '../activity';
import { DateRange, LocalDate } from '../common';
import { activityCounts, planExecution, planExecutionCounts, studentCoverage, trialsAndExcursions } from './activities';

describe(activityCounts.name, () => {
  it('counts every scheduled activity as planned, whatever its outcome', () => {
    const sut = activityCounts([
      { status: 'held', count: 6 },
      { status: 'cancelled' },
      { status: 'postponed', count: 2 },
      { status: 'planned', count: 3 },
    ]);
    expect(sut).toEqual({ planned: 12, held: 6, cancelled: 1, postponed: 2, pending: 3 });
  });

  it('counts zero of everything for no activity', () => {
    expect(activityCounts([])).toEqual({ planned: 0, held: 0, cancelled: 0, postponed: 0, pending: 0 });
  });

  it('never counts more held than planned, so execution stays within 0..1', () => {
    const status = fc.constantFrom('planned', 'held', 'cancelled', 'postponed') as fc.Arbitrary<
      'planned' | 'held' | 'cancelled' | 'postponed'
    >;
    fc.assert(
      fc.property(fc.array(fc.record({ status, count: fc.nat(50) })), (rows) => {
        const counts = activityCounts(rows);
        const e = planExecution(counts);
        if (e !== null) expect(e >= 0 && e <= 1).toBe(true);
      }),
    );
  });
});

describe(planExecution.name, () => {
  it.each([
    [0, 0, null],
    [10, 0, 0],
    [10, 7, 0.7],
    [3, 2, 0.6667],
    [4, 4, 1],
  ])('with %d planned and %d held gives %s', (planned, held, expected) => {
    expect(planExecution({ planned, held })).toBe(expected);
  });

  it('lowers execution when an activity is cancelled', () => {
    const counts = activityCounts([{ status: 'held', count: 4 }, { status: 'cancelled' }]);
    expect(planExecution(counts)).toBe(0.8);
  });
});

describe(studentCoverage.name, () => {
  it.each([
    [120, 300, 0.4],
    [0, 300, 0],
    [50, 0, null],
    [50, null, null],
    [50, undefined, null],
  ])('covers %d unique students of an enrolment of %s as %s', (participants, enrolment, expected) => {
    expect(studentCoverage(participants, enrolment)).toBe(expected);
  });
});

describe(trialsAndExcursions.name, () => {
  it('counts held trials and excursions, the grades 6 to 11 they reached and the participant share', () => {
    const sut = trialsAndExcursions({
      held: [
        { form: 'professional_trial', targetGrades: [8, 9], count: 2 },
        { form: 'excursion', targetGrades: [5, 6] },
        { form: 'excursion', targetGrades: [9] },
        { form: 'master_class', targetGrades: [10, 11], count: 5 },
      ],
      uniqueParticipants: 45,
      enrolment6to11: 180,
    });
    expect(sut).toEqual({
      professionalTrials: 2,
      excursions: 2,
      gradesReached: [6, 8, 9],
      gradeShare: 0.5,
      uniqueParticipants: 45,
      participantShare: 0.25,
    });
  });

  it('has no participant share when the enrolment of grades 6 to 11 is unknown', () => {
    const sut = trialsAndExcursions({ held: [], uniqueParticipants: 0, enrolment6to11: null });
    expect(sut).toMatchObject({
      professionalTrials: 0,
      excursions: 0,
      gradesReached: [],
      gradeShare: 0,
      participantShare: null,
    });
  });
});

describe(planExecutionCounts.name, () => {
  // December 2026 as a period; an activity planned on its edges, one postponed out of it, one postponed into it
  const december = DateRange.ofInclusive(LocalDate.iso('2026-12-01'), LocalDate.iso('2026-12-31'));
  const row = (status: ActivityStatus, plannedStartsOn: string) => ({
    status,
    plannedStartsOn: LocalDate.iso(plannedStartsOn),
  });

  it('counts an activity in the period it was planned in, whatever it was postponed to', () => {
    const rows = [
      row('postponed', '2026-12-12'), // postponed to 20.01.2027
      row('held', '2026-12-12'), // postponed, then held in January
      row('planned', '2026-12-01'), // the first day
      row('held', '2026-12-31'), // the last day
      row('held', '2026-11-30'), // the day before, postponed into December
      row('cancelled', '2027-01-01'), // the day after
    ];
    expect(planExecutionCounts(rows, december)).toEqual({
      planned: 4,
      held: 2,
      cancelled: 0,
      postponed: 1,
      pending: 1,
    });
    expect(planExecution(planExecutionCounts(rows, december))).toBe(0.5);
  });

  it('counts nothing in a period no activity was planned in', () => {
    const january = DateRange.ofInclusive(LocalDate.iso('2027-01-02'), LocalDate.iso('2027-01-31'));
    expect(planExecution(planExecutionCounts([row('held', '2026-12-12')], january))).toBeNull();
  });
});
