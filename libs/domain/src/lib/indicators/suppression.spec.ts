import fc from 'fast-check';

import { suppressedRatio, SUPPRESSION_THRESHOLD, suppressRecord, suppressSmall } from './suppression';

describe(suppressSmall.name, () => {
  it.each([
    [0, 0],
    [1, null],
    [4, null],
    [5, 5],
    [6, 6],
    [120, 120],
  ])('publishes a count of %d as %s', (count, shown) => {
    expect(suppressSmall(count)).toBe(shown);
  });

  it('uses a threshold of 5 by default', () => {
    expect(SUPPRESSION_THRESHOLD).toBe(5);
  });

  it.each([
    [9, 10, null],
    [10, 10, 10],
    [2, 3, null],
    [3, 3, 3],
  ])('hides %d under a threshold of %d (%s)', (count, threshold, shown) => {
    expect(suppressSmall(count, threshold)).toBe(shown);
  });

  it('either shows the exact count or hides a count between 1 and the threshold', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.integer({ min: 1, max: 20 }), (count, threshold) => {
        const shown = suppressSmall(count, threshold);
        expect(shown === null ? count >= 1 && count < threshold : shown === count).toBe(true);
      }),
    );
  });
});

describe(suppressedRatio.name, () => {
  it.each([
    [4, 10, null],
    [5, 10, 0.5],
    [0, 10, 0],
    [0, 4, null],
    [3, 4, null],
    [0, 0, null],
    [5, 5, 1],
  ])('publishes %d ÷ %d as %s', (n, d, shown) => {
    expect(suppressedRatio(n, d)).toBe(shown);
  });
});

describe(suppressRecord.name, () => {
  const row = {
    name: 'Ютазинская школа',
    held: 4,
    planned: 12,
    partners: 0,
    enrolment: null as number | null,
    execution: 0.3333,
  };

  it('hides small counts of the selected fields and lists them', () => {
    const sut = suppressRecord(row, ['held', 'planned', 'partners']);
    expect(sut.record).toEqual({ ...row, held: null });
    expect(sut.suppressed).toEqual(['held']);
  });

  it('leaves fields it was not asked about untouched', () => {
    expect(suppressRecord(row, ['planned']).record.held).toBe(4);
  });

  it('keeps a null count null without listing it', () => {
    const sut = suppressRecord(row, ['enrolment', 'planned']);
    expect(sut.record.enrolment).toBeNull();
    expect(sut.suppressed).toEqual([]);
  });

  it('hides a ratio derived from a suppressed numerator or denominator', () => {
    const sut = suppressRecord(row, ['held', 'planned'], { ratios: { execution: ['held', 'planned'] } });
    expect(sut.record.execution).toBeNull();
    expect(sut.suppressed).toEqual(['held', 'execution']);
  });

  it('keeps a ratio whose counts are both shown', () => {
    const sut = suppressRecord({ ...row, held: 6 }, ['held', 'planned'], {
      ratios: { execution: ['held', 'planned'] },
    });
    expect(sut.record.execution).toBe(0.3333);
    expect(sut.suppressed).toEqual([]);
  });

  it('hides a ratio when only its denominator is suppressed', () => {
    const sut = suppressRecord({ ...row, held: 0, planned: 3 }, ['held', 'planned'], {
      ratios: { execution: ['held', 'planned'] },
    });
    expect(sut.record).toMatchObject({ held: 0, planned: null, execution: null });
  });

  it('applies a custom threshold', () => {
    expect(suppressRecord(row, ['planned'], { threshold: 20 }).record.planned).toBeNull();
  });

  it('does not change the record it was given', () => {
    suppressRecord(row, ['held']);
    expect(row.held).toBe(4);
  });
});
