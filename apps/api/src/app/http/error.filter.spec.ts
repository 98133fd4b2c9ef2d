import { RULE_CODES } from '@socium/domain';

import type { ArgumentsHost } from '@nestjs/common';

import { fail } from './app-error';
import { ErrorFilter } from './error.filter';
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
    const unmapped = RULE_CODES.filter(
      (code) => ![400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503].includes(statusOfCode(code)),
    );
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

describe(ErrorFilter.name, () => {
  const answer = (query: Record<string, unknown>, acceptLanguage?: string): string => {
    let body: { message?: string } = {};
    const res = { headersSent: false, setHeader: () => res, status: () => res, json: (b: typeof body) => (body = b) };
    const req = { query, headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {} };
    const host = {
      switchToHttp: () => ({ getResponse: () => res, getRequest: () => req }),
    } as unknown as ArgumentsHost;
    new ErrorFilter().catch(fail('agreement.edit.signed', { ru: 'по-русски', en: 'in English', tt: 'татарча' }), host);
    return body.message ?? '';
  };

  it.each([
    [{ lang: 'en' }, undefined, 'in English'],
    [{ lang: 'tt' }, 'en-GB', 'татарча'],
    [{ lang: 'de' }, 'en-GB,en;q=0.9', 'in English'],
    [{}, 'tt-RU', 'татарча'],
    [{}, 'de-DE', 'по-русски'],
    [{ lang: ['en'] }, undefined, 'по-русски'],
  ])('answers a request with query %p and Accept-Language %p in the language of «%s»', (query, header, expected) => {
    expect(answer(query, header)).toBe(expected);
  });
});
