import { simplePlacementContext } from '../placement-context';
import { aPlacement } from '../testing';
import { prohibitedWorkRule as sut } from './prohibited-work.rule';

const ctx = simplePlacementContext();

describe('prohibitedWorkRule', () => {
  it('blocks harmful or dangerous work', () => {
    const findings = sut.evaluate(aPlacement({ harmful: true, jobTitle: 'маляр' }), ctx);
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'placement.prohibited-work',
        field: 'harmful',
        limit: 'not harmful',
        actual: 'harmful',
      }),
    ]);
    expect(findings[0].message.ru).toContain('маляр');
  });

  it('accepts work that is not harmful', () => {
    expect(sut.evaluate(aPlacement({ harmful: false }), ctx)).toEqual([]);
  });
});
