import { RefreshTokenRecord } from '@socium/api-persistence';

import { createHmac } from 'node:crypto';

import { bootApp, TestApp } from './harness';

/** The secret the harness boots with: these tokens are correctly signed. */
const SECRET = 'test-secret-test-secret-test-secret-0123';

function signWithTestSecret(payload: object): string {
  const h = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
  const p = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${h}.${p}.${createHmac('sha256', SECRET).update(`${h}.${p}`).digest('base64url')}`;
}

describe('Access token claims and refresh-token lifetime', () => {
  let t: TestApp;
  let me: { id: string; organisationId: string; email: string };
  const now = () => Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    t = await bootApp({ SOCIUM_REFRESH_TTL_DAYS: '3' });
    me = (await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${await t.as('coordinator')}`)).body;
  });
  afterAll(() => t.close());

  const claims = () => ({
    sub: me.id,
    role: 'coordinator',
    org: me.organisationId,
    email: me.email,
    gen: 1,
    iat: now(),
    exp: now() + 600,
  });
  const meWith = (token: string) => t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`);

  it('accepts a correctly signed token with well-typed claims (the control case)', async () => {
    expect((await meWith(signWithTestSecret(claims()))).status).toBe(200);
  });

  it('refuses a correctly signed token whose sub is a query operator with 401 auth.token-invalid', async () => {
    const res = await meWith(signWithTestSecret({ ...claims(), sub: { $ne: null } }));
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ statusCode: 401, rule: 'auth.token-invalid' });
  });

  it.each([
    ['a role that does not exist', { role: 'root' }],
    ['a generation given as text', { gen: '1' }],
    ['an organisation given as an object', { org: { $gt: '' } }],
    ['an expiry given as text', { exp: '9999999999' }],
  ])('refuses a correctly signed token with %s with 401', async (_, change) => {
    const res = await meWith(signWithTestSecret({ ...claims(), ...change }));
    expect(res.status).toBe(401);
    expect(res.body.rule).toBe('auth.token-invalid');
  });

  it('issues refresh tokens that expire after SOCIUM_REFRESH_TTL_DAYS days', async () => {
    const before = Date.now();
    await t.as('school_admin');
    const rows = await t.orm.em.fork().find(RefreshTokenRecord, {}, { orderBy: { createdAt: 'desc' }, limit: 1 });
    const ttlMs = Date.parse(rows[0]?.expiresAt as string) - Date.parse(rows[0]?.createdAt as string);
    expect(Math.abs(ttlMs - 3 * 86_400_000)).toBeLessThan(1000); // not the default 14 days
    expect(Date.parse(rows[0]?.createdAt as string)).toBeGreaterThanOrEqual(before - 1000);
  });
});
