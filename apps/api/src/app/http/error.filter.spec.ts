import { statusOf } from './error.filter';

describe(statusOf.name, () => {
  it.each([
    ['invalid', 400],
    ['rule', 422],
    ['not_found', 404],
    ['conflict', 409],
    ['forbidden', 403],
    ['throttled', 429],
  ] as const)('maps %s to %d', (category, status) => {
    expect(statusOf(category)).toBe(status);
  });
});
