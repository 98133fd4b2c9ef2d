import { RULE_CODES } from '@socium/domain';

import { statusOf, statusOfCode } from './http-status';

describe(statusOf.name, () => {
  it.each([
    ['invalid', 400],
    ['unauthenticated', 401],
    ['forbidden', 403],
    ['not_found', 404],
    ['method_not_allowed', 405],
    ['conflict', 409],
    ['too_large', 413],
    ['unsupported_media', 415],
    ['rule', 422],
    ['throttled', 429],
    ['unavailable', 503],
  ] as const)('maps %s to %d', (category, status) => {
    expect(statusOf(category)).toBe(status);
  });
});

describe(statusOfCode.name, () => {
  it('answers every listed code with a client or availability status', () => {
    const unmapped = RULE_CODES.filter((code) => ![400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503].includes(statusOfCode(code)));
    expect(unmapped).toEqual([]);
  });

  it.each([
    ['agreement.edit.signed', 422],
    ['activity.plan.closed', 422],
    ['user.email.taken', 409],
    ['agreement.scan.too-large', 413],
    ['auth.token-revoked', 401],
    ['widget file.not-found', 404],
    ['health.database', 503],
  ] as const)('keeps %s answering %d', (code, status) => {
    expect(statusOfCode(code)).toBe(status);
  });
});
