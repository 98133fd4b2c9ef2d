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
});
