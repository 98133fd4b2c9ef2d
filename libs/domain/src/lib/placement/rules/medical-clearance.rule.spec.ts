import { d } from '../../../testing';
import { simplePlacementContext } from '../placement-context';
import { aPlacement } from '../testing';
import { medicalClearanceRule as sut } from './medical-clearance.rule';

const ctx = simplePlacementContext();

describe('medicalClearanceRule', () => {
  it('blocks a placement without a medical clearance', () => {
    expect(sut.evaluate(aPlacement({ medicalClearanceOn: null }), ctx)).toEqual([
      expect.objectContaining({
        rule: 'placement.medical.required',
        field: 'medicalClearanceOn',
        limit: '≤ 2020-06-15',
        actual: 'missing',
      }),
    ]);
  });

  it('refuses a clearance dated after the start', () => {
    expect(sut.evaluate(aPlacement({ medicalClearanceOn: d('2020-06-16') }), ctx)).toEqual([
      expect.objectContaining({ rule: 'placement.medical.after-start', limit: '≤ 2020-06-15', actual: '2020-06-16' }),
    ]);
  });

  it.each(['2020-06-15', '2020-05-01'])('accepts a clearance dated %s, on or before the start', (on) => {
    expect(sut.evaluate(aPlacement({ medicalClearanceOn: d(on) }), ctx)).toEqual([]);
  });

  it.each([
    ['a year before the start to the day', '2026-06-15', '2025-06-15', []],
    ['a year and a day before the start', '2026-06-15', '2025-06-14', ['placement.medical.expired']],
    ['the issue 14 case: dated 2022 for a job in 2026', '2026-06-15', '2022-05-10', ['placement.medical.expired']],
    ['a year before a start on 29 February: 28 February', '2024-02-29', '2023-02-28', []],
    ['the day before that', '2024-02-29', '2023-02-27', ['placement.medical.expired']],
    ['a year before a start on 1 March after a leap day', '2024-03-01', '2023-03-01', []],
    ['a year before a start on 28 February after a leap year', '2025-02-28', '2024-02-28', []],
    ['the leap day itself a year and a day before', '2025-03-01', '2024-02-29', ['placement.medical.expired']],
  ])('counts a clearance for one year: %s', (_, startsOn, on, rules) => {
    const placement = aPlacement({ startsOn: d(startsOn), endsOn: d(startsOn), medicalClearanceOn: d(on) });
    expect(sut.evaluate(placement, ctx).map((f) => f.rule)).toEqual(rules);
  });

  it('names the oldest date that still counts', () => {
    expect(sut.evaluate(aPlacement({ medicalClearanceOn: d('2019-06-14') }), ctx)).toEqual([
      expect.objectContaining({
        rule: 'placement.medical.expired',
        field: 'medicalClearanceOn',
        limit: '2019-06-15…2020-06-15',
        actual: '2019-06-14',
      }),
    ]);
  });
});
