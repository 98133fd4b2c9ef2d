// Enrolment of a school in an academic year: pupils per grade and per Labour Code age band (issue 14 item 6),
// the denominators of G2 #7 (student coverage) and #11 (summer employment).

/** The grades a school's pupils are counted in, as the keys of `pupilsByGrade`. */
export const ENROLMENT_GRADES = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11'] as const;
export type EnrolmentGrade = (typeof ENROLMENT_GRADES)[number];

/** The largest count a school can report in one grade or age band. */
export const ENROLMENT_MAX_COUNT = 100000;

/** Pupils of grades `from`–`to` (inclusive); a grade left out counts 0. */
export function pupilsInGrades(pupilsByGrade: Readonly<Record<string, number>>, from = 1, to = 11): number {
  let sum = 0;
  for (let g = from; g <= to; g++) sum += pupilsByGrade[String(g)] ?? 0;
  return sum;
}
