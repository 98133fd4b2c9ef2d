import { checkLinkUsable, LINK_LIFETIME_DAYS, linkExpiry } from '.';

describe(checkLinkUsable.name, () => {
  const link = { expiresAt: '2026-12-20T10:00:00.000Z', usedAt: null };

  it.each([
    ['2026-12-20T09:59:59.999Z', null],
    ['2026-12-20T10:00:00.000Z', 'link.expired'],
    ['2027-01-01T00:00:00.000Z', 'link.expired'],
  ])('at %s refuses with %s', (now, rule) => {
    const result = checkLinkUsable(link, now);
    expect(result.ok ? null : result.error.code).toBe(rule);
  });

  it('refuses a link used once, whatever its expiry', () => {
    const result = checkLinkUsable({ ...link, usedAt: '2026-12-07T08:00:00.000Z' }, '2026-12-08T00:00:00.000Z');
    expect(result.ok ? null : result.error.code).toBe('link.used');
  });
});

describe(linkExpiry.name, () => {
  it(`lets a link work ${LINK_LIFETIME_DAYS} days`, () => {
    expect(linkExpiry(Date.parse('2026-12-06T10:00:00.000Z'))).toBe('2026-12-20T10:00:00.000Z');
  });
});
