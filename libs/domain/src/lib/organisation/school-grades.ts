// The grades (классы) of general education a school teaches: начальное, основное and среднее общее образование.

/** The lowest grade. */
export const MIN_GRADE = 1;
/** The highest grade. */
export const MAX_GRADE = 11;
/** Every grade from the lowest to the highest, in order. */
export const SCHOOL_GRADES: readonly number[] = Array.from(
  { length: MAX_GRADE - MIN_GRADE + 1 },
  (_, i) => MIN_GRADE + i,
);

/** A whole number from the lowest to the highest grade. */
export const isSchoolGrade = (grade: number): boolean =>
  Number.isInteger(grade) && grade >= MIN_GRADE && grade <= MAX_GRADE;
