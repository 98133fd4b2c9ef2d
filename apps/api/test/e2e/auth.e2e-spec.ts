import { TokenService } from '../../src/app/auth/token.service';
import { DEMO_ACCOUNTS } from '../../src/app/db/demo-seed';
import { bootApp, TestApp } from './harness';

const school = DEMO_ACCOUNTS.find((a) => a.role === 'school_admin') as (typeof DEMO_ACCOUNTS)[number];

describe('Auth API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootApp({ SOCIUM_LOGIN_MAX_FAILURES: '3' });
  });
  afterAll(() => t.close());

  it('logs in with the contract shape and no-store caching', async () => {
    const res = await t.http.post('/api/v1/auth/login').send({ email: school.email, password: school.password });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      accessToken: expect.any(String),
      user: { id: expect.any(String), email: school.email, role: 'school_admin', organisationId: expect.any(String) },
    });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('refuses a wrong password with 401 and the same message as an unknown e-mail', async () => {
    const wrong = await t.http.post('/api/v1/auth/login').send({ email: school.email, password: 'nope-nope-nope' });
    const unknown = await t.http
      .post('/api/v1/auth/login')
      .send({ email: 'ghost@example.org', password: 'nope-nope-nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.message).toBe(unknown.body.message);
  });

  it('throttles repeated failures with 429 and Retry-After, whatever X-Forwarded-For says', async () => {
    const email = 'victim@example.org';
    for (let i = 0; i < 3; i++)
      await t.http
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', `203.0.113.${i}`)
        .send({ email, password: 'wrong-password' });
    const res = await t.http
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', '198.51.100.7')
      .send({ email, password: 'wrong-password' });
    expect(res.status).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('rotates refresh tokens: a used one stops working', async () => {
    const login = await t.http.post('/api/v1/auth/login').send({ email: school.email, password: school.password });
    const first = await t.http.post('/api/v1/auth/refresh').send({ refreshToken: login.body.refreshToken });
    expect(first.status).toBe(200);
    const again = await t.http.post('/api/v1/auth/refresh').send({ refreshToken: login.body.refreshToken });
    expect(again.status).toBe(401);
  });

  it('revokes access and refresh tokens on log-out', async () => {
    const login = await t.http.post('/api/v1/auth/login').send({ email: school.email, password: school.password });
    const auth = `Bearer ${login.body.accessToken}`;
    expect((await t.http.get('/api/v1/auth/me').set('Authorization', auth)).status).toBe(200);
    expect((await t.http.post('/api/v1/auth/logout').set('Authorization', auth)).status).toBe(204);
    expect((await t.http.get('/api/v1/auth/me').set('Authorization', auth)).status).toBe(401);
    expect((await t.http.post('/api/v1/auth/refresh').send({ refreshToken: login.body.refreshToken })).status).toBe(
      401,
    );
    t.forget();
  });

  it('refuses an expired token with 401', async () => {
    const me = await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${await t.as('coordinator')}`);
    const tokens = t.app.get(TokenService);
    const old = tokens.sign(
      { sub: me.body.id, role: 'coordinator', org: me.body.organisationId, email: me.body.email, gen: 1 },
      Math.floor(Date.now() / 1000) - 3600,
    );
    const res = await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${old}`);
    expect(res.status).toBe(401);
    expect(res.body.rule).toBe('auth.token-invalid');
  });

  it('changes the password, revoking the old sessions', async () => {
    const login = await t.http.post('/api/v1/auth/login').send({ email: school.email, password: school.password });
    const auth = `Bearer ${login.body.accessToken}`;
    const bad = await t.http
      .post('/api/v1/auth/password')
      .set('Authorization', auth)
      .send({ currentPassword: 'wrong', newPassword: 'a-new-password-2026' });
    expect(bad.status).toBe(400);
    const ok = await t.http
      .post('/api/v1/auth/password')
      .set('Authorization', auth)
      .send({ currentPassword: school.password, newPassword: 'a-new-password-2026' });
    expect(ok.status).toBe(204);
    expect((await t.http.get('/api/v1/auth/me').set('Authorization', auth)).status).toBe(401);
    expect(
      (await t.http.post('/api/v1/auth/login').send({ email: school.email, password: 'a-new-password-2026' })).status,
    ).toBe(200);
    t.forget();
  });
});
