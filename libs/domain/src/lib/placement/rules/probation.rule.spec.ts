import { simplePlacementContext } from '../placement-context';
import { aPlacement } from '../testing';
import { probationRule as sut } from './probation.rule';

const ctx = simplePlacementContext();

describe('probationRule', () => {
  it("refuses a probation clause on a minor's contract", () => {
    expect(sut.evaluate(aPlacement({ probationClause: true }), ctx)).toEqual([
      expect.objectContaining({
        rule: 'placement.probation',
        field: 'probationClause',
        limit: 'no probation',
        actual: 'probation clause',
      }),
    ]);
  });

  it.each([false, undefined])('accepts a contract whose probation clause is %s', (probationClause) => {
    expect(sut.evaluate(aPlacement({ probationClause }), ctx)).toEqual([]);
  });
});
