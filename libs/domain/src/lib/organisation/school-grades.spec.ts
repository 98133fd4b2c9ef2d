import { isSchoolGrade, MAX_GRADE, MIN_GRADE, SCHOOL_GRADES } from './school-grades';

describe('school grades', () => {
  it('run from the first grade to the eleventh, each once and in order', () => {
    expect(SCHOOL_GRADES).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect([MIN_GRADE, MAX_GRADE]).toEqual([1, 11]);
  });

  it.each([
    [1, true],
    [11, true],
    [0, false],
    [12, false],
    [8.5, false],
  ])('grade %p is a school grade: %p', (grade, expected) => {
    expect(isSchoolGrade(grade)).toBe(expected);
  });
});
