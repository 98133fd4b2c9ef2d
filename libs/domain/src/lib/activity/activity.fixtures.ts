import { DateRange, LocalDate } from '../common';
import { ActivityInput, ActivityState } from './activity';

/** The academic year 2019–2020 as a plan's period: 1 Sep 2019 – 31 Aug 2020. */
export const YEAR_2019_2020 = DateRange.ofInclusive(LocalDate.iso('2019-09-01'), LocalDate.iso('2020-08-31'));

/** A valid excursion for grades 8–9 on 15 Oct 2019; override what the test is about. */
export function anActivity(overrides: Partial<ActivityInput> = {}): ActivityInput {
  return {
    title: 'Экскурсия на предприятие',
    form: 'excursion',
    startsOn: LocalDate.iso('2019-10-15'),
    endsOn: LocalDate.iso('2019-10-15'),
    targetGrades: [8, 9],
    plannedParticipants: 25,
    hours: 2,
    ...overrides,
  };
}

/** A planned two-day activity, 15–16 Oct 2019, as the outcome rules see it. */
export function aPlannedActivity(overrides: Partial<ActivityState> = {}): ActivityState {
  return {
    status: 'planned',
    startsOn: LocalDate.iso('2019-10-15'),
    endsOn: LocalDate.iso('2019-10-16'),
    ...overrides,
  };
}
