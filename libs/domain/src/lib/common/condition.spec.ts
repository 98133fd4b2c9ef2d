import { Condition, holds } from './condition';

type F = 'a' | 'b' | 'flag';

describe(holds.name, () => {
  it.each<[string, Condition<F>, boolean]>([
    ['a value compares as text', { field: 'a', op: '<', value: '2025-01-02' }, true],
    ['an equal value is not below it', { field: 'a', op: '<', value: '2025-01-01' }, false],
    ['an equal value is at most it', { field: 'a', op: '<=', value: '2025-01-01' }, true],
    ['two fields compare with each other', { field: 'a', op: '<', otherField: 'b' }, true],
    ['a comparison with a null field never holds', { field: 'a', op: '<>', otherField: 'flag' }, false],
    ['a set field is not null', { field: 'a', isNull: false }, true],
    ['a list holds its members', { field: 'a', oneOf: ['x', '2025-01-01'] }, true],
    ['a list does not hold others', { field: 'b', oneOf: ['x'] }, false],
    [
      'all needs every part',
      {
        all: [
          { field: 'a', isNull: false },
          { field: 'b', isNull: true },
        ],
      },
      false,
    ],
    [
      'any needs one part',
      {
        any: [
          { field: 'a', isNull: true },
          { field: 'b', isNull: false },
        ],
      },
      true,
    ],
    ['an empty any holds for no row', { any: [] }, false],
  ])('%s', (_, condition, expected) => {
    expect(holds(condition, { a: '2025-01-01', b: '2025-03-01', flag: null })).toBe(expected);
  });

  it.each([
    [true, true, true],
    [1, true, true],
    [0, true, false],
    [false, false, true],
    [null, false, false],
  ])('a flag stored as %p is true=%p: %p', (flag, isTrue, expected) => {
    expect(holds<F>({ field: 'flag', isTrue }, { a: null, b: null, flag })).toBe(expected);
  });
});
