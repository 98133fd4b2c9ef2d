import { RouteDef, ROUTES } from '@socium/contracts';

import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';

import { caseArbitrary, type SweepCase, type SweepTargets } from '../sweep/cases';
import { changedTables, listTables } from '../sweep/fingerprint';
import { sendRaw } from '../sweep/http-client';
import { problemOf, SweepRunner, type Entry } from '../sweep/runner';
import { bootApp, TestApp } from './harness';

/**
 * The generated bad-input sweep (issue 16): for every route of `ROUTES`, requests generated with fast-check from
 * its zod contract and then spoilt in one place or several (a field of the wrong kind, control characters, lone
 * surrogates, 1000-deep nesting, `__proto__` keys, impossible dates, broken path and query encoding, wrong content
 * types and encodings, bytes that are not UTF-8, bodies over the limit, spoilt or missing tokens). No answer may be
 * a 5xx, every refusal has the documented JSON shape, and the database is fingerprinted around each batch of
 * refusals and must not change. Replay: `SWEEP_SEED=<seed> SWEEP_ONLY=<index,…>`; more cases: `SWEEP_RUNS`;
 * another time budget: `SWEEP_BUDGET_MS`.
 */
const PG = process.env['DB_DRIVER'] === 'postgresql';
const SEED = Number(process.env['SWEEP_SEED'] ?? 20261128);
const RUNS = Number(process.env['SWEEP_RUNS'] ?? 4000);
/** for generating and sending; refusals sent again after a write get half as long again */
const BUDGET_MS = Number(process.env['SWEEP_BUDGET_MS'] ?? 50_000);
const ONLY = process.env['SWEEP_ONLY']?.split(',').map(Number);
const BATCH = 50;
const MISSING = '00000000-0000-4000-8000-000000000000';

describe('The generated bad-input sweep over every route', () => {
  let t: TestApp;
  let port: number;
  let targets: SweepTargets;
  let seq = 0;

  beforeAll(async () => {
    t = await bootApp();
    const server = t.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    targets = await findTargets(t, () => ++seq);
  });
  afterAll(() => t.close());

  it('has a real object for every :id route and generates a case of each kind for every route', () => {
    const ids = ROUTES.filter((r) => r.path.includes(':id')).map((r) => [r.method, r.path, targets.paramOf(r)]);
    expect(ids.filter(([, , id]) => !id || id === MISSING)).toEqual([]);
    for (const r of ROUTES) expect(fc.sample(caseArbitrary(r, targets), { seed: SEED, numRuns: 5 })).toHaveLength(5);
  });

  // before the sweep, which logs the demo accounts out and throttles log-ins
  describe('defects it found, kept as cases', () => {
    it.each(['active', 'renewed'])(
      'lists the %s agreements of a direction (a raw filter used up by the status query was a 500)',
      async (status) => {
        const auth = { Authorization: `Bearer ${await t.as('coordinator')}` };
        const all = await t.http.get('/api/v1/agreements?limit=100').set(auth);
        const one = (all.body.items as { id: string; status: string; directionIds: string[] }[]).find(
          (a) => a.status === status && a.directionIds.length,
        );
        if (!one) throw new Error(`the demo data has no ${status} agreement with a direction`);
        const res = await t.http
          .get(`/api/v1/agreements?status=${status}&directionId=${one.directionIds[0]}&limit=100`)
          .set(auth);
        expect(res.status).toBe(200);
        expect(res.body.items.map((a: { id: string }) => a.id)).toContain(one.id);
      },
    );

    it.each(['date=9999-12-31', 'date=9999-08-31', 'date=0001-01-01', 'academicYear=9998-9999'])(
      'refuses periods at the end of the calendar (%s) with 400, not a 500',
      async (query) => {
        const res = await t.http
          .get(`/api/v1/periods?${query}`)
          .set({ Authorization: `Bearer ${await t.as('coordinator')}` });
        expect(res.status).toBe(400);
        // refused by the contract (dates and years outside 1900–2199), naming the field
        expect(res.body).toMatchObject({ statusCode: 400, details: [{ field: query.split('=')[0] }] });
      },
    );

    it.each([
      ['a raw byte above 0x7E in the path', '/api/v1/plans/\u00ff', 400, 'request.malformed-url'],
      ['headers over the size limit', '/api/v1/plans?q=' + 'x'.repeat(20_000), 431, undefined],
    ])('answers %s, which Node refuses before the app, in the error shape', async (_name, path, status, rule) => {
      const a = await sendRaw(port, { method: 'GET', path, headers: {} });
      expect(problemOf(a)).toBeNull();
      expect(a.status).toBe(status);
      expect((a.json as { rule?: string }).rule).toBe(rule);
    });
  });

  it(
    'answers every generated bad request without a 5xx, refuses in the documented shape and changes no data',
    async () => {
      const arbitraries = ROUTES.map((r) => caseArbitrary(r, targets));
      const caseAt = (index: number): SweepCase => {
        const seed = (SEED ^ Math.imul(index + 1, 0x9e3779b1)) | 0;
        return fc.sample(arbitraries[index % ROUTES.length] as fc.Arbitrary<SweepCase>, {
          seed,
          numRuns: 1,
        })[0] as SweepCase;
      };
      function* entries(): Generator<Entry> {
        for (const index of ONLY ?? Array.from({ length: RUNS }, (_, i) => i)) yield { index, c: caseAt(index) };
      }
      const tables = await listTables(t.orm);
      const runner = new SweepRunner(t, port, tables, SEED, BATCH);
      const started = performance.now();
      const again = await runner.run(entries(), () => performance.now() - started > BUDGET_MS);
      await runner.rerun(again, () => performance.now() - started > BUDGET_MS * 1.5);
      const r = runner.report;
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.info(
        `bad-input sweep (${PG ? 'PostgreSQL' : 'SQLite'}, seed ${SEED}): ${r.sent} requests (and ${r.resent} ` +
          `refusals sent again after a write succeeded beside them) in ${seconds} s ` +
          `over ${ROUTES.length} routes, ${r.refusals} refusals, ${r.comparedRefusals} compared with the database ` +
          `in batches of ${BATCH}, ${r.uncompared} not compared; statuses ${JSON.stringify(r.byStatus)}; ` +
          `${tables.length} tables fingerprinted`,
      );
      if (r.problems.length)
        throw new Error(`seed ${SEED}: ${r.problems.length} problems\n\n${r.problems.join('\n\n')}`);
      if (!ONLY) expect(r.sent).toBeGreaterThanOrEqual(Math.min(RUNS, 1000));
      expect(r.comparedRefusals).toBeGreaterThan(r.refusals * 0.75);
    },
    BUDGET_MS + 120_000,
  );

  describe('its checks', () => {
    const answer = (status: number, json: unknown, contentType = 'application/json; charset=utf-8') => ({
      status,
      contentType,
      text: JSON.stringify(json),
      json,
    });

    it.each([
      ['a 500', answer(500, { statusCode: 500, error: 'Internal Server Error', message: 'Internal error' })],
      ['a 404 in HTML', answer(404, undefined, 'text/html')],
      ['a statusCode that is not the status', answer(400, { statusCode: 404, error: 'Bad Request', message: 'x' })],
      ['an empty message', answer(400, { statusCode: 400, error: 'Bad Request', message: ' ' })],
      ['a rule in capitals', answer(400, { statusCode: 400, error: 'Bad Request', message: 'x', rule: 'Bad Rule' })],
      ['no error', answer(400, { statusCode: 400, message: 'x' })],
    ])('flags %s', (_name, a) => {
      expect(problemOf(a)).not.toBeNull();
    });

    it('passes a documented refusal and a success', () => {
      expect(
        problemOf(answer(400, { statusCode: 400, error: 'Bad Request', message: 'x', rule: 'request.invalid' })),
      ).toBeNull();
      expect(problemOf(answer(200, { ok: true }))).toBeNull();
    });

    it('sees a changed row in the fingerprint', async () => {
      const { fingerprint } = await import('../sweep/fingerprint');
      const tables = await listTables(t.orm);
      const before = await fingerprint(t.orm, tables);
      const db = t.orm.em.getConnection();
      const [d] = await db.execute<{ id: string; name: string }[]>('select id, name from direction limit 1');
      await db.execute('update direction set name = ? where id = ?', [`${d?.name} `, d?.id]);
      expect(changedTables(before, await fingerprint(t.orm, tables))).toEqual(['direction']);
      await db.execute('update direction set name = ? where id = ?', [d?.name, d?.id]);
      expect(changedTables(before, await fingerprint(t.orm, tables))).toEqual([]);
    });
  });
});

/** Real objects for each `:id` route (as malformed-bodies.e2e-spec.ts finds them), and ids for `…Id` fields. */
async function findTargets(t: TestApp, next: () => number): Promise<SweepTargets> {
  const auth = { Authorization: `Bearer ${await t.as('coordinator')}` };
  const post = async (path: string, body: object, status = 201) => {
    const res = await t.http.post(`/api/v1${path}`).set(auth).send(body);
    if (res.status !== status)
      throw new Error(`POST ${path}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string };
  };
  const list = async (path: string) =>
    (await t.http.get(`/api/v1${path}`).set(auth)).body.items as ({ id: string } & Record<string, unknown>)[];
  const orgs = await list('/organisations?limit=100');
  const gym = orgs.find((o) => o['slug'] === 'urussu-gymnasium')?.id as string;
  const year = () => {
    const y = 2040 + next();
    return `${y}-${y + 1}`;
  };
  const plan = async () => (await post('/plans', { organisationId: gym, academicYear: year() })).id;
  const doc = (
    await post('/documents', {
      number: 'М-свип',
      title: 'Письмо для проверки входа',
      issuedOn: '2026-11-01',
      dueOn: '2026-11-10',
    })
  ).id;
  await post(`/documents/${doc}/send`, { recipientIds: [gym] }, 200);
  // the overdue letter escalates to the coordinator: a notification of the sweep's caller
  await post('/notifications/run', {}, 200);
  const partner = orgs.find((o) => o['kind'] === 'partner')?.id as string;
  const byResource: Record<string, string> = {
    organisations: gym,
    // a user of its own: a valid-looking change to a demo account (its role, disabled) would end the sweep's sessions
    users: (
      await post('/users', {
        email: 'sweep-target@socium.demo',
        name: 'Цель проверки ввода',
        role: 'partner_rep',
        organisationId: partner,
        password: 'sweep-target-password',
      })
    ).id,
    directions: (await list('/directions?limit=100'))[0]?.id as string,
    agreements: (await list(`/agreements?schoolId=${gym}&limit=100`))[0]?.id as string,
    plans: await plan(),
    'plans/submit': await plan(),
    'plans/approve': await plan(),
    activities: (await list(`/activities?organisationId=${gym}&limit=100`))[0]?.id as string,
    'labour-needs': (await list('/labour-needs?limit=100'))[0]?.id as string,
    placements: (await list(`/placements?schoolId=${gym}&limit=100`))[0]?.id as string,
    documents: doc,
    notifications: (await list('/notifications?limit=1'))[0]?.id as string,
    enrolment: (await post('/enrolment', { organisationId: gym, academicYear: year(), aged14: 1 })).id,
    // a real kind, so the import's raw-body routes are swept past the kind check (a dry run by default)
    imports: 'agreements',
  };
  return {
    paramOf: (r: RouteDef) => {
      if (r.path.includes(':slug')) return 'urussu-gymnasium';
      const [, resource, , action] = r.path.split('/');
      return byResource[`${resource}/${action}`] ?? byResource[resource as string] ?? MISSING;
    },
    ids: [...new Set([...orgs.slice(0, 6).map((o) => o.id), ...Object.values(byResource), MISSING])],
  };
}
