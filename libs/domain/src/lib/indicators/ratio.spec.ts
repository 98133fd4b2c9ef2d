import fc from 'fast-check';

import { median, ratio, round4, tally, weight } from './ratio';

describe(ratio.name, () => {
  it.each([
    [3, 0, null],
    [0, 0, null],
    [0, 5, 0],
    [5, 5, 1],
    [2, 3, 0.6667],
    [1, 3, 0.3333],
    [1, 8, 0.125],
    [7, 4, 1.75],
  ])('divides %d by %d as %s', (n, d, expected) => {
    expect(ratio(n, d)).toBe(expected);
  });

  it('stays within 0..1 when the numerator does not exceed the denominator', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), (d, n0) => {
        const r = ratio(n0 % (d + 1), d);
        expect(r).not.toBeNull();
        expect(r).toBeGreaterThanOrEqual(0);
        expect(r).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('never differs from the exact quotient by more than half a unit of the fourth decimal', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 100_000 }), (n, d) => {
        expect(Math.abs((ratio(n, d) as number) - n / d)).toBeLessThanOrEqual(0.00005 + 1e-12);
      }),
    );
  });
});

describe(round4.name, () => {
  it.each([
    [0.12345, 0.1235],
    [0.12344, 0.1234],
    [-0.12345, -0.1235],
    [2, 2],
  ])('rounds %d to %d', (value, expected) => {
    expect(round4(value)).toBe(expected);
  });
});

describe(median.name, () => {
  it.each([
    [[], null],
    [[4], 4],
    [[5, 1, 3], 3],
    [[4, 1, 3, 2], 2.5],
    [[10, 2], 6],
  ])('takes the median of %j as %s', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('leaves its input unsorted', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe(tally.name, () => {
  it('sums row weights per key, a row without a count standing for one item', () => {
    expect(tally([{ k: 'a' }, { k: 'b', count: 4 }, { k: 'a', count: 2 }], (r) => r.k)).toEqual({ a: 3, b: 4 });
    expect(weight({})).toBe(1);
  });
});
