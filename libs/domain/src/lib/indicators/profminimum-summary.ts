import { HoursByGrade, profminimumFulfilment, ProfminimumLevel } from '../career';
import { ratio } from './ratio';

export interface SchoolProfminimum {
  readonly level: ProfminimumLevel;
  readonly hoursByGrade: HoursByGrade;
  /** grades the school teaches (default 6–11) */
  readonly grades?: readonly number[];
}

export interface ProfminimumSummary {
  readonly schools: number;
  /** schools where every grade in scope meets the declared level */
  readonly schoolsFulfilled: number;
  /** school × grade pairs in scope */
  readonly gradeSlots: number;
  readonly gradeSlotsMet: number;
  /** gradeSlotsMet ÷ gradeSlots; null when there is none */
  readonly share: number | null;
}

/**
 * Indicator #8 across schools (academic year): each school's grades judged against its own declared
 * level (`profminimumFulfilment`), then summed. A school without grades 6–11 is not counted as fulfilled.
 */
export function profminimumSummary(schools: readonly SchoolProfminimum[]): ProfminimumSummary {
  let schoolsFulfilled = 0;
  let gradeSlots = 0;
  let gradeSlotsMet = 0;
  for (const school of schools) {
    const f = profminimumFulfilment(school.hoursByGrade, school.level, { grades: school.grades });
    gradeSlots += f.grades.length;
    gradeSlotsMet += f.gradesMet;
    if (f.grades.length > 0 && f.gradesMet === f.grades.length) schoolsFulfilled++;
  }
  return {
    schools: schools.length,
    schoolsFulfilled,
    gradeSlots,
    gradeSlotsMet,
    share: ratio(gradeSlotsMet, gradeSlots),
  };
}
