import { LABOUR_NEED_RULES, LabourNeed, LabourNeedInput } from './labour-need';

const valid: LabourNeedInput = {
  profession: ' Оператор  добычи нефти ',
  sector: ' Нефтедобыча ',
  demand: 4,
  academicYear: '2019-2020',
};

describe(LabourNeed.name, () => {
  it('accepts a need with trimmed texts and a matching key', () => {
    const sut = LabourNeed.create(valid);
    expect(sut.ok).toBe(true);
    if (!sut.ok) return;
    expect(sut.value).toMatchObject({
      profession: 'Оператор добычи нефти',
      sector: 'Нефтедобыча',
      demand: 4,
      academicYear: '2019-2020',
    });
    expect(sut.value.professionKey).toBe('оператор добычи нефти');
  });

  it.each([
    [{ profession: '   ' }, LABOUR_NEED_RULES.professionRequired, 'profession'],
    [{ sector: '' }, LABOUR_NEED_RULES.sectorRequired, 'sector'],
    [{ demand: 0 }, LABOUR_NEED_RULES.demandInvalid, 'demand'],
    [{ demand: -3 }, LABOUR_NEED_RULES.demandInvalid, 'demand'],
    [{ demand: 2.5 }, LABOUR_NEED_RULES.demandInvalid, 'demand'],
    [{ demand: Number.NaN }, LABOUR_NEED_RULES.demandInvalid, 'demand'],
    [{ academicYear: '2019-2021' }, LABOUR_NEED_RULES.academicYearInvalid, 'academicYear'],
    [{ academicYear: '2019/2020' }, LABOUR_NEED_RULES.academicYearInvalid, 'academicYear'],
  ])('rejects %j with %s', (over, code, field) => {
    const sut = LabourNeed.create({ ...valid, ...over });
    expect(sut.ok ? null : { code: sut.error.code, category: sut.error.category, field: sut.error.field }).toEqual({
      code,
      category: 'invalid',
      field,
    });
  });

  it('accepts a demand of exactly 1', () => {
    expect(LabourNeed.create({ ...valid, demand: 1 }).ok).toBe(true);
  });

  it('reports every broken rule, the first naming the error', () => {
    const sut = LabourNeed.create({ profession: '', sector: '', demand: 0, academicYear: '' });
    expect(sut.ok).toBe(false);
    if (sut.ok) return;
    expect(sut.error.code).toBe('labour-need.profession.required');
    expect(sut.error.details?.map((f) => f.rule)).toEqual([
      'labour-need.profession.required',
      'labour-need.sector.required',
      'labour-need.demand.invalid',
      'labour-need.academic-year.invalid',
    ]);
  });
});
