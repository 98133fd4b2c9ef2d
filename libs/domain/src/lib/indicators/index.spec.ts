import * as career from '../career';
import * as indicators from './index';

describe('indicators public API', () => {
  it('exposes a function for every G2 indicator it names in the catalogue', () => {
    const api: Record<string, unknown> = { ...indicators, ...career };
    const names = indicators.INDICATORS.flatMap((i) => i.computedBy.split(' / '));
    expect(names.filter((name) => typeof api[name] !== 'function')).toEqual([]);
  });

  it('exposes the report helpers and keeps the row helpers private', () => {
    expect(Object.keys(indicators)).toEqual(
      expect.arrayContaining([
        'ratio',
        'suppressSmall',
        'suppressRecord',
        'emptyTotals',
        'addTotals',
        'districtTotals',
      ]),
    );
    expect(Object.keys(indicators)).not.toContain('tally');
  });
});
