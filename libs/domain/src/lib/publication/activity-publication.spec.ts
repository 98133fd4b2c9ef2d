import { ACTIVITY_STATUSES } from '../activity/activity';
import { PLAN_STATUSES } from '../plan/plan';
import { isActivityPublished } from './activity-publication';

describe('isActivityPublished', () => {
  it.each([
    ['planned', 'draft', false],
    ['planned', 'submitted', false],
    ['planned', 'returned', false],
    ['planned', 'approved', true],
    ['planned', 'closed', true],
    ['postponed', 'submitted', false],
    ['postponed', 'approved', true],
    ['cancelled', 'draft', false],
    ['cancelled', 'approved', true],
    ['held', 'draft', true],
    ['held', 'returned', true],
    ['held', 'approved', true],
  ] as const)('a public %s activity of a %s plan is published: %s', (status, plan, expected) => {
    expect(isActivityPublished({ isPublic: true, status }, plan)).toBe(expected);
  });

  it('never publishes an activity that is not public, whatever its status and its plan', () => {
    for (const status of ACTIVITY_STATUSES)
      for (const plan of PLAN_STATUSES) expect(isActivityPublished({ isPublic: false, status }, plan)).toBe(false);
  });

  it('does not publish a planned activity whose plan is unknown, but keeps a held one', () => {
    expect(isActivityPublished({ isPublic: true, status: 'planned' }, null)).toBe(false);
    expect(isActivityPublished({ isPublic: true, status: 'held' }, undefined)).toBe(true);
  });
});
