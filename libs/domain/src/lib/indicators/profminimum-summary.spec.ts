import { profminimumSummary } from './profminimum-summary';

describe(profminimumSummary.name, () => {
  const full = { 6: 40, 7: 40, 8: 40, 9: 40, 10: 40, 11: 40 };

  it('judges each school against its own level and sums grades and fulfilled schools', () => {
    const sut = profminimumSummary([
      { level: 'basic', hoursByGrade: full },
      { level: 'main', hoursByGrade: full },
      { level: 'basic', hoursByGrade: { 6: 40, 7: 39, 8: 40, 9: 40 }, grades: [6, 7, 8, 9] },
    ]);
    expect(sut).toEqual({ schools: 3, schoolsFulfilled: 1, gradeSlots: 16, gradeSlotsMet: 9, share: 0.5625 });
  });

  it('does not count a school without grades 6 to 11 as fulfilled', () => {
    const sut = profminimumSummary([{ level: 'basic', hoursByGrade: {}, grades: [1, 2, 3, 4] }]);
    expect(sut).toEqual({ schools: 1, schoolsFulfilled: 0, gradeSlots: 0, gradeSlotsMet: 0, share: null });
  });
});
