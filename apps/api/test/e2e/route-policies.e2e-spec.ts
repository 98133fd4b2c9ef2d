import { Role, ROLES, ROUTES } from '@socium/contracts';

import { DiscoveryService, MetadataScanner } from '@nestjs/core';

import type { Policy } from '../../src/app/auth/policy.decorator';
import { RouteHandler, routeHandlers, RoutePolicies } from '../../src/app/auth/route-policies';
import { bootApp, TestApp } from './harness';

interface Handler extends RouteHandler {
  policy: Policy | undefined;
}

const MISSING = '00000000-0000-4000-8000-000000000000';

function handlers(t: TestApp): Handler[] {
  const policies = t.app.get(RoutePolicies);
  return routeHandlers(t.app.get(DiscoveryService), t.app.get(MetadataScanner)).map((h) => ({
    ...h,
    policy: policies.of(h.handler),
  }));
}

describe('Route access policies', () => {
  let t: TestApp;
  let all: Handler[];
  beforeAll(async () => {
    t = await bootApp();
    all = handlers(t);
  });
  afterAll(() => t.close());

  it('gives every route a policy: the contract table inside the API, @Public() outside it', () => {
    const missing = all.filter((h) => h.policy === undefined).map((h) => `${h.method} ${h.path}`);
    expect(missing).toEqual([]);
  });

  it('implements every route of the contract table, with the roles the table gives', () => {
    const table = new Map(all.map((h) => [`${h.method} ${h.path}`, h.policy]));
    const problems: string[] = [];
    for (const r of ROUTES) {
      const key = `${r.method} /api/v1${r.path}`;
      if (!table.has(key)) problems.push(`missing: ${key}`);
      else if (
        JSON.stringify(r.access === 'public' ? 'public' : [...r.access].sort()) !==
        JSON.stringify(table.get(key) === 'public' ? 'public' : [...(table.get(key) as Role[])].sort())
      )
        problems.push(`policy differs: ${key}`);
    }
    expect(problems).toEqual([]);
  });

  it('lists every API route of the app in the contract table', () => {
    const known = new Set(ROUTES.map((r) => `${r.method} /api/v1${r.path}`));
    const extra = all
      .filter((h) => h.path.startsWith('/api/v1/') && !known.has(`${h.method} ${h.path}`))
      .map((h) => `${h.method} ${h.path}`);
    expect(extra).toEqual([]);
  });

  const protectedRoutes = ROUTES.filter((r) => r.access !== 'public');

  it.each(protectedRoutes.map((r) => [r.method, r.path] as const))(
    'answers %s %s without a token with 401',
    async (method, path) => {
      const res = await t.http[method.toLowerCase() as 'get'](`/api/v1${path.replace(/:id/g, MISSING)}`);
      expect(res.status).toBe(401);
    },
  );

  it.each(
    protectedRoutes.flatMap((r) =>
      ROLES.map((role) => [r.method, r.path, role, (r.access as readonly Role[]).includes(role)] as const),
    ),
  )('answers %s %s for %s by its role table (allowed: %s), never with a 500', async (method, path, role, allowed) => {
    const token = await t.as(role);
    const res = await t.http[method.toLowerCase() as 'get'](`/api/v1${path.replace(/:id/g, MISSING)}`)
      .set('Authorization', `Bearer ${token}`)
      .send({});
    if (path.startsWith('/auth/')) t.forget(); // log-out revokes the session
    expect(res.status).toBeLessThan(500);
    if (!allowed) expect(res.status).toBe(403);
    else {
      expect(res.status).not.toBe(403);
      if (path.includes(':id')) expect([400, 404]).toContain(res.status);
    }
  });
});
