import { RouteDef, ROUTES } from '@socium/contracts';

import { keyOf } from './authorisation-matrix.table';
import { bootApp, TestApp } from './harness';

describe('Malformed bodies on every POST and PATCH route', () => {
  let t: TestApp;
  let target: Record<string, string>;
  let seq = 0;

  const nested = (depth: number): object => (depth === 0 ? { leaf: true } : { a: nested(depth - 1) });
  const MALFORMED: readonly [string, unknown][] = [
    ['an array', []],
    ['a JSON string', 'text'],
    ['wrongly typed fields', { version: 'x', startsOn: 12, targetGrades: 'a' }],
    ['a 50-level nested object', nested(50)],
  ];
  const ROUTES_WITH_BODY = ROUTES.filter((r) => r.method === 'POST' || r.method === 'PUT' || r.method === 'PATCH');
  /**
   * Routes whose contract declares no JSON body: the body is ignored (or, for the scan, read as the file).
   * A JSON body that parses therefore reaches the action itself; they still must never answer 500.
   */
  const BODYLESS = new Set(ROUTES_WITH_BODY.filter((r) => !r.body).map(keyOf));
  /** Routes the coordinator may not call are sent by a role that may, so the body is what is checked. */
  const senderOf = (r: RouteDef) =>
    r.access === 'public' || r.access.includes('coordinator')
      ? 'coordinator'
      : r.access.includes('school_admin')
        ? 'school_admin'
        : 'partner_rep';

  const bearer = async (role: 'coordinator' | 'school_admin' | 'partner_rep') => ({
    Authorization: `Bearer ${await t.as(role)}`,
  });
  const post = async (path: string, body: object, status = 201) => {
    const res = await t.http
      .post(`/api/v1${path}`)
      .set(await bearer('coordinator'))
      .send(body);
    if (res.status !== status)
      throw new Error(`POST ${path}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string };
  };
  const list = async (path: string) =>
    (await t.http.get(`/api/v1${path}`).set(await bearer('coordinator'))).body.items as ({ id: string } & Record<
      string,
      unknown
    >)[];

  beforeAll(async () => {
    t = await bootApp();
    const orgs = await list('/organisations?limit=100');
    const gym = orgs.find((o) => o['slug'] === 'urussu-gymnasium')?.id as string;
    const year = () => `${2040 + ++seq}-${2041 + seq}`;
    const plan = (await post('/plans', { organisationId: gym, academicYear: year() })).id;
    const doc = (
      await post('/documents', {
        number: 'М-тело',
        title: 'Письмо для проверки тел запросов',
        issuedOn: '2026-11-01',
        dueOn: '2026-11-10',
      })
    ).id;
    await post(`/documents/${doc}/send`, { recipientIds: [gym] }, 200);
    // the overdue letter escalates to the coordinator: a notification of the sender
    await post('/notifications/run', {}, 200);
    // real objects of each kind; body-less transitions get their own objects, since a parsed body does not stop them
    target = {
      organisations: gym,
      users: (await list('/users?limit=100'))[0]?.id as string,
      directions: (await list('/directions?limit=100'))[0]?.id as string,
      agreements: (await list(`/agreements?schoolId=${gym}&limit=100`))[0]?.id as string,
      plans: plan,
      'plans/submit': (await post('/plans', { organisationId: gym, academicYear: year() })).id,
      'plans/approve': (await post('/plans', { organisationId: gym, academicYear: year() })).id,
      activities: (await list(`/activities?organisationId=${gym}&limit=100`))[0]?.id as string,
      'labour-needs': (await list('/labour-needs?limit=100'))[0]?.id as string,
      placements: (await list(`/placements?schoolId=${gym}&limit=100`))[0]?.id as string,
      documents: doc,
      notifications: (await list('/notifications?limit=1'))[0]?.id as string,
    };
  });
  afterAll(() => t.close());

  const urlOf = (r: RouteDef) => {
    const [, resource, , action] = r.path.split('/');
    const id = target[`${resource}/${action}`] ?? target[resource as string];
    return `/api/v1${r.path.replace(/:id/g, id ?? '')}`;
  };

  it('has a real object for every :id route it sends to', () => {
    expect(ROUTES_WITH_BODY.filter((r) => r.path.includes(':id') && urlOf(r).includes('//')).map(keyOf)).toEqual([]);
  });

  it.each(ROUTES_WITH_BODY.flatMap((r) => MALFORMED.map(([name, body]) => [keyOf(r), name, r, body] as const)))(
    'refuses %s with %s as a client error with statusCode and message, never a 500',
    async (key, _name, route, body) => {
      const res = await t.http[route.method.toLowerCase() as 'post' | 'patch'](urlOf(route))
        .set(await bearer(senderOf(route)))
        .set('Content-Type', 'application/json')
        .send(JSON.stringify(body));
      if (route.path.startsWith('/auth/')) t.forget(); // logging out revokes the session
      expect(res.status).not.toBe(500);
      if (BODYLESS.has(key)) {
        // the body is not read: the action answers for itself (log-out 204, a first submit or receipt 200, then 422)
        expect([200, 204, 400, 404, 409, 413, 422]).toContain(res.status);
        if (res.status >= 400) expect(res.body).toMatchObject({ statusCode: res.status, message: expect.any(String) });
        return;
      }
      expect([400, 404, 409, 413, 422]).toContain(res.status);
      expect(res.body).toMatchObject({ statusCode: res.status, message: expect.any(String) });
    },
  );
});
