import { DEMO_ACCOUNTS } from '../../src/app/db/demo-seed';
import { bootApp, TestApp } from './harness';

const school = DEMO_ACCOUNTS.find((a) => a.role === 'school_admin') as (typeof DEMO_ACCOUNTS)[number];
const coordinator = DEMO_ACCOUNTS.find((a) => a.role === 'coordinator') as (typeof DEMO_ACCOUNTS)[number];
const partner = DEMO_ACCOUNTS.find((a) => a.role === 'partner_rep') as (typeof DEMO_ACCOUNTS)[number];

/** Log-in throttling under parallel requests: the attempt is counted before the password is checked. */
describe('Log-in throttling under parallel requests', () => {
  let t: TestApp;
  beforeAll(async () => {
    // one trusted proxy: each test is a different client address (X-Forwarded-For), so the tests do not share
    // the address counter
    t = await bootApp({ SOCIUM_LOGIN_MAX_FAILURES: '5', SOCIUM_TRUST_PROXY_HOPS: '1' });
  });
  afterAll(() => t.close());

  const login = (client: string, email: string, password: string) =>
    t.http.post('/api/v1/auth/login').set('X-Forwarded-For', client).send({ email, password });

  it('answers forty parallel wrong passwords for one e-mail from one address with at most five 401 and the rest 429', async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => login('203.0.113.10', school.email, 'wrong-password')),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(35);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    const refused = answers.find((r) => r.status === 429);
    expect(refused?.body).toMatchObject({ statusCode: 429, rule: 'auth.throttled' });
    expect(Number(refused?.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('refuses the right password with 429 when it comes after the first five of thirty parallel guesses', async () => {
    const guesses = Array.from({ length: 30 }, (_, i) => (i === 29 ? partner.password : `guess-${i}-password`));
    const answers = await Promise.all(guesses.map((p) => login('203.0.113.20', partner.email, p)));
    const statuses = answers.map((r) => r.status);
    // only five attempts reach the password check at all; the right one is among them or refused
    expect(statuses.filter((s) => s !== 429).length).toBeLessThanOrEqual(5);
    expect([200, 429]).toContain(statuses[29]);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(1);
  });

  it('lets another account log in from another address while one e-mail is throttled', async () => {
    await Promise.all(Array.from({ length: 10 }, () => login('203.0.113.30', school.email, 'wrong-password')));
    expect((await login('203.0.113.31', coordinator.email, coordinator.password)).status).toBe(200);
  });
});
