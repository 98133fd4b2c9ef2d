import fc from 'fast-check';

import { normaliseProfession, professionCoverage, uncoveredProfessions } from './professions';

describe(normaliseProfession.name, () => {
  it.each([
    ['  Сварщик ', 'сварщик'],
    ['СВАРЩИК', 'сварщик'],
    ['Водитель   погрузчика', 'водитель погрузчика'],
    ['Слёсарь', 'слесарь'],
    ['СЛЁСАРЬ', 'слесарь'],
    ['Оператор\tЭВМ', 'оператор эвм'],
  ])('turns %j into the key %j', (name, key) => {
    expect(normaliseProfession(name)).toBe(key);
  });
});

describe(uncoveredProfessions.name, () => {
  const demanded = [
    { profession: 'Сварщик', demand: 3 },
    { profession: 'Слесарь-ремонтник', demand: 10 },
    { profession: 'Медицинская сестра', demand: 7 },
    { profession: 'Оператор добычи нефти', demand: 7 },
  ];

  it('returns the demanded professions no activity touched, highest demand first, then by name', () => {
    expect(uncoveredProfessions(demanded, ['сварщик'])).toEqual([
      { profession: 'Слесарь-ремонтник', demand: 10 },
      { profession: 'Медицинская сестра', demand: 7 },
      { profession: 'Оператор добычи нефти', demand: 7 },
    ]);
  });

  it.each([['слесарь-ремонтник'], ['  СЛЕСАРЬ-РЕМОНТНИК '], ['слёсарь-ремонтник']])(
    'matches the covered tag %j case-insensitively, trimmed and with ё as е',
    (tag) => {
      expect(uncoveredProfessions([{ profession: 'Слесарь-ремонтник', demand: 1 }], [tag])).toEqual([]);
    },
  );

  it('matches a demanded profession written with ё against a tag written with е', () => {
    expect(uncoveredProfessions([{ profession: 'Слёсарь', demand: 1 }], ['слесарь'])).toEqual([]);
  });

  it('merges needs for the same profession, summing demand and keeping the first spelling', () => {
    const sut = uncoveredProfessions(
      [
        { profession: ' Сварщик ', demand: 2 },
        { profession: 'Электрик', demand: 4 },
        { profession: 'СВАРЩИК', demand: 3 },
      ],
      [],
    );
    expect(sut).toEqual([
      { profession: 'Сварщик', demand: 5 },
      { profession: 'Электрик', demand: 4 },
    ]);
  });

  it('ignores a need with a blank profession', () => {
    expect(uncoveredProfessions([{ profession: '  ', demand: 9 }], [])).toEqual([]);
  });
});

describe(professionCoverage.name, () => {
  it('counts distinct demanded professions and those featured in activities', () => {
    const sut = professionCoverage(
      [
        { profession: 'Сварщик', demand: 3 },
        { profession: 'сварщик', demand: 1 },
        { profession: 'Электрик', demand: 2 },
        { profession: 'Повар', demand: 2 },
      ],
      ['Сварщик', 'Программист', 'повар', 'ПОВАР'],
    );
    expect(sut).toEqual({ demanded: 3, covered: 2, ratio: 0.6667 });
  });

  it('has no ratio when nothing is demanded', () => {
    expect(professionCoverage([], ['Сварщик'])).toEqual({ demanded: 0, covered: 0, ratio: null });
  });

  it('keeps covered plus uncovered equal to demanded, with a ratio in 0..1', () => {
    const name = fc.constantFrom('Сварщик', 'сварщик', 'Слёсарь', 'слесарь', 'Повар', 'Электрик');
    fc.assert(
      fc.property(
        fc.array(fc.record({ profession: name, demand: fc.integer({ min: 1, max: 9 }) })),
        fc.array(name),
        (demanded, covered) => {
          const sut = professionCoverage(demanded, covered);
          expect(sut.covered + uncoveredProfessions(demanded, covered).length).toBe(sut.demanded);
          if (sut.ratio !== null) expect(sut.ratio).toBeGreaterThanOrEqual(0);
          if (sut.ratio !== null) expect(sut.ratio).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe(`${uncoveredProfessions.name} ordering`, () => {
  it.each([
    [['Токарь', 'Агроном', 'Электрик']],
    [['Электрик', 'Токарь', 'Агроном']],
    [['Агроном', 'Электрик', 'Токарь']],
  ])('orders professions of equal demand alphabetically whatever the input order (%j)', (names) => {
    const sut = uncoveredProfessions(
      names.map((profession) => ({ profession, demand: 5 })),
      [],
    );
    expect(sut.map((n) => n.profession)).toEqual(['Агроном', 'Токарь', 'Электрик']);
  });
});
