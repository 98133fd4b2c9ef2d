import fc from 'fast-check';

import {
  peopleCells,
  publicPeopleCount,
  suppressedRatio,
  SUPPRESSION_THRESHOLD,
  suppressRecord,
  suppressSmall,
} from './suppression';

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

describe(publicPeopleCount.name, () => {
  it.each([
    [[], 0],
    [[0], 0],
    [[4], null],
    [[5], 5],
    [[4, 4], null],
    [[5, 4], 5],
    [[5, 0, 12], 17],
    [[3, 20], 20],
  ])('publishes cells %p as %s', (cells, shown) => {
    expect(publicPeopleCount(cells)).toBe(shown);
  });

  it('does not change a district total when a small cell (the complement) is added, so subtraction reveals nothing', () => {
    const others = [20, 7, 0];
    expect(publicPeopleCount([...others, 3])).toBe(publicPeopleCount(others));
    expect(publicPeopleCount([...others, 4])).toBe(27);
    expect(publicPeopleCount([...others, 5])).toBe(32);
  });

  it('makes every difference of two published totals a sum of cells of at least 5', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(30), { maxLength: 8 }), fc.integer({ min: 1, max: 30 }), (cells, extra) => {
        const before = publicPeopleCount(cells) ?? 0;
        const after = publicPeopleCount([...cells, extra]) ?? 0;
        expect(after - before).toBe(extra >= SUPPRESSION_THRESHOLD ? extra : 0);
      }),
    );
  });

  it('never publishes a figure between 1 and 4', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(30), { maxLength: 8 }), (cells) => {
        const shown = publicPeopleCount(cells);
        expect(shown === null || shown === 0 || shown >= SUPPRESSION_THRESHOLD).toBe(true);
      }),
    );
  });
});

describe(peopleCells.name, () => {
  it('sums the rows of one key into one cell', () => {
    const rows = [
      { school: 'a', partner: 'p', n: 3 },
      { school: 'a', partner: 'p', n: 3 },
      { school: 'a', partner: 'q', n: 4 },
      { school: 'b', partner: 'p', n: 1 },
    ];
    expect(
      peopleCells(
        rows,
        (r) => `${r.school}|${r.partner}`,
        (r) => r.n,
      ),
    ).toEqual([6, 4, 1]);
  });
});
