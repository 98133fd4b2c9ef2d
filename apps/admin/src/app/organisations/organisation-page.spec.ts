import { useLines } from './organisation-page';

describe('organisation page: why it cannot be deleted', () => {
  it('names only what uses the organisation, with its count', () => {
    expect(useLines({ users: 2, agreements: 0, plans: 1, activities: 0 })).toEqual([
      { key: 'org_uses_users', count: 2 },
      { key: 'org_uses_plans', count: 1 },
    ]);
  });
});
