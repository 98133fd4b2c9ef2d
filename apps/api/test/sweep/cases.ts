import type { RouteDef } from '@socium/contracts';
import { ROLES, type Role } from '@socium/domain';

import fc from 'fast-check';

import {
  badBytes,
  badEncoding,
  badParam,
  badQueryPart,
  CONTENT_TYPES,
  IDEMPOTENCY_KEYS,
  JSON_TYPE,
  queryText,
  type BodyVariant,
} from './bad-requests';
import { BAD_KEYS, badValue, RawJson, toJson } from './bad-values';
import { define, jsonSchemaOf, pathsOf, setAt, valueOf, type IdPool, type JsonSchema } from './schema-values';

/** How a case authenticates: a role's real token, a real token spoilt, a header as given, or none. */
export type SweepAuth =
  | { kind: 'role'; role: Role }
  | { kind: 'mangled'; role: Role; how: (typeof MANGLES)[number] }
  | { kind: 'header'; value: string }
  | { kind: 'none' };

/** One generated request. `path` is sent byte for byte (percent-encoding and all), after `/api/v1`. */
export interface SweepCase {
  key: string;
  /** what is wrong with it, for the report */
  defect: string;
  method: string;
  path: string;
  auth: SweepAuth;
  headers: Record<string, string>;
  body?: Buffer;
}

export interface SweepTargets {
  /** the value of the route's `:id` or `:slug` that names a real object it may act on */
  paramOf(route: RouteDef): string;
  ids: IdPool;
}

export const MANGLES = [
  'lowercase-scheme',
  'no-scheme',
  'twice',
  'extra-char',
  'cut-signature',
  'alg-none',
  'role-changed',
  'trailing-space',
] as const;

const keyOf = (r: RouteDef) => `${r.method} ${r.path}`;
const hasBody = (r: RouteDef) => r.method === 'POST' || r.method === 'PUT' || r.method === 'PATCH';
/** The role sending a case: the coordinator where allowed, else the school administrator of the target's school. */
export const senderOf = (r: RouteDef): Role | null =>
  r.access === 'public' ? null : r.access.includes('coordinator') ? 'coordinator' : (r.access[0] as Role);
const forbiddenOf = (r: RouteDef): Role[] =>
  r.access === 'public' ? [] : ROLES.filter((x) => !(r.access as readonly string[]).includes(x));

/** A body mutated in one place: a field of the wrong kind, a smuggled key, a dropped field, or all of it. */
const mutated = (valid: fc.Arbitrary<unknown>): fc.Arbitrary<[string, unknown]> =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc.tuple(valid, fc.nat(), badValue).map(([v, i, bad]) => {
        const paths = pathsOf(v);
        const path = paths.length > 1 ? (paths[1 + (i % (paths.length - 1))] as (string | number)[]) : [];
        return [`field ${path.join('.') || '(body)'} := ${describe(bad)}`, setAt(v, path, bad)] as [string, unknown];
      }),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(valid, fc.nat(), fc.constantFrom(...BAD_KEYS), fc.oneof(badValue, fc.constant(1)))
        .map(([v, i, key, bad]) => {
          const objects = pathsOf(v).filter((p) => isObject(getAt(v, p)));
          const path = objects.length ? (objects[i % objects.length] as (string | number)[]) : [];
          const target = isObject(getAt(v, path)) ? { ...(getAt(v, path) as object) } : {};
          define(target, key, bad);
          return [`key ${JSON.stringify(key)} at ${path.join('.') || '(body)'}`, setAt(v, path, target)] as [
            string,
            unknown,
          ];
        }),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(valid, fc.nat()).map(([v, i]) => {
        const paths = pathsOf(v).slice(1);
        const path = paths.length ? (paths[i % paths.length] as (string | number)[]) : [];
        return [`field ${path.join('.') || '(body)'} dropped`, setAt(v, path, undefined)] as [string, unknown];
      }),
    },
    { weight: 2, arbitrary: badValue.map((bad) => [`body := ${describe(bad)}`, bad] as [string, unknown]) },
  );

const isObject = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof RawJson);
const getAt = (v: unknown, path: readonly (string | number)[]): unknown =>
  path.reduce<unknown>((x, k) => (x as Record<string | number, unknown> | null)?.[k], v);
const describe = (v: unknown): string => {
  const s = v instanceof RawJson ? v.text : (toJson(v) ?? String(v));
  return s.length > 60 ? `${s.slice(0, 40)}… (${s.length} chars)` : s;
};

const badAuth = (r: RouteDef): fc.Arbitrary<[string, SweepAuth]> => {
  const sender = senderOf(r) ?? 'coordinator';
  const forbidden = forbiddenOf(r);
  return fc.oneof(
    fc.constant<[string, SweepAuth]>(['no token', { kind: 'none' }]),
    fc
      .constantFrom(...MANGLES)
      .map((how) => [`token ${how}`, { kind: 'mangled', role: sender, how }] as [string, SweepAuth]),
    fc
      .constantFrom(
        'Bearer',
        'Bearer ',
        'Bearer x',
        'Bearer a.b.c',
        'Bearer ...',
        'Basic dXNlcjpwYXNz',
        'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.',
        `Bearer ${'A'.repeat(8000)}`,
        'Bearer \u00ff\u00fe',
        'Bearer\ttab',
      )
      .map((value) => [`Authorization ${describe(value)}`, { kind: 'header', value }] as [string, SweepAuth]),
    fc
      .string({ unit: 'binary-ascii', maxLength: 40 })
      .map((s) => s.replace(/[^\x20-\x7e]/g, ''))
      .map((value) => [`Authorization ${describe(value)}`, { kind: 'header', value }] as [string, SweepAuth]),
    ...(forbidden.length
      ? [fc.constantFrom(...forbidden).map((role) => [`as ${role}`, { kind: 'role', role }] as [string, SweepAuth])]
      : []),
  );
};

/** Every kind of bad request for one route, as a fast-check arbitrary. */
export function caseArbitrary(r: RouteDef, targets: SweepTargets): fc.Arbitrary<SweepCase> {
  const key = keyOf(r);
  const sender = senderOf(r);
  const goodAuth: SweepAuth = sender ? { kind: 'role', role: sender } : { kind: 'none' };
  const params = r.path.match(/:[a-z]+/g) ?? [];
  const goodParam = r.method === 'DELETE' ? '00000000-0000-4000-8000-000000000000' : targets.paramOf(r);
  const pathWith = (param: string) => r.path.replace(/:[a-z]+/g, param);
  const goodPath = pathWith(goodParam);
  const querySchema: JsonSchema | null = r.query ? jsonSchemaOf(r.query) : null;
  const queryNames = Object.keys(querySchema?.properties ?? {});
  const goodQuery = querySchema
    ? fc.oneof(fc.constant(''), valueOf(querySchema, targets.ids).map(queryText))
    : fc.constant('');
  const bodySchema = r.body ? jsonSchemaOf(r.body) : null;
  const goodValue = bodySchema ? valueOf(bodySchema, targets.ids) : fc.constant({});
  const goodJson = goodValue.map(toJson);
  const url = (path: string, query: string) => (query ? `${path}?${query}` : path);

  const make = (
    defect: string,
    o: { path?: string; query?: string; auth?: SweepAuth; body?: Buffer; headers?: Record<string, string> },
  ): SweepCase => ({
    key,
    defect,
    method: r.method,
    path: url(o.path ?? goodPath, o.query ?? ''),
    auth: o.auth ?? goodAuth,
    headers: o.headers ?? (o.body ? JSON_TYPE : {}),
    ...(o.body ? { body: o.body } : {}),
  });
  const withGoodBody = (c: Omit<Parameters<typeof make>[1], 'body'>) =>
    hasBody(r)
      ? goodJson.map((j) => ({ ...c, body: Buffer.from(j), headers: c.headers ?? JSON_TYPE }))
      : fc.constant(c);

  const kinds: { weight: number; arbitrary: fc.Arbitrary<SweepCase> }[] = [];
  const add = (weight: number, arbitrary: fc.Arbitrary<SweepCase>) => kinds.push({ weight, arbitrary });
  if (hasBody(r)) {
    const w = bodySchema ? 3 : 1;
    add(
      bodySchema ? 10 : 2,
      fc
        .tuple(mutated(goodValue), goodQuery)
        .map(([[defect, v], query]) => make(defect, { query, body: Buffer.from(toJson(v)) })),
    );
    add(
      w,
      goodJson.chain(badBytes).map(([defect, body, headers]) => make(defect, { body, headers })),
    );
    add(
      w,
      fc.tuple(goodJson, fc.constantFrom(...CONTENT_TYPES)).map(([json, type]) =>
        make(`Content-Type ${type || '(empty)'}`, {
          body: Buffer.from(json),
          headers: type === 'none' ? {} : { 'Content-Type': type },
        }),
      ),
    );
    add(
      w,
      goodJson.chain(badEncoding).map(([defect, body, headers]) => make(defect, { body, headers })),
    );
  }
  if (r.method === 'POST' && r.status === 201)
    // a refused create releases the key it claimed: the database is compared around it like any refusal
    add(
      2,
      fc.tuple(mutated(goodValue), IDEMPOTENCY_KEYS).map(([[defect, v], key]) =>
        make(`Idempotency-Key ${describe(key)}, ${defect}`, {
          body: Buffer.from(toJson(v)),
          headers: { ...JSON_TYPE, 'Idempotency-Key': key },
        }),
      ),
    );
  add(
    params.length ? 4 : 1,
    fc.tuple(badParam, fc.boolean()).chain(([p, append]) =>
      withGoodBody({
        path: params.length && !append ? pathWith(p) : `${goodPath}${append ? '/' : ''}${p}`,
      }).map((c) => make(`path ${describe(p)}`, c)),
    ),
  );
  add(
    r.query ? 4 : 2,
    fc
      .tuple(goodQuery, badQueryPart(queryNames))
      .chain(([q, bad]) =>
        withGoodBody({ query: q ? `${q}&${bad}` : bad }).map((c) => make(`query ${describe(bad)}`, c)),
      ),
  );
  add(
    r.access === 'public' ? 1 : 2,
    badAuth(r).chain(([defect, auth]) =>
      withGoodBody({ auth }).chain((c) => goodQuery.map((query) => make(defect, { ...c, query }))),
    ),
  );
  // a method the route does not have (Node's parser refuses the ones HTTP does not know)
  add(
    1,
    fc
      .constantFrom(
        'PUT',
        'OPTIONS',
        'TRACE',
        'PROPFIND',
        'FOO',
        'get',
        ...(['GET', 'POST', 'PATCH', 'DELETE'] as const),
      )
      .filter((m) => m !== r.method)
      .chain((method) => withGoodBody({}).map((c) => ({ ...make(`method ${method}`, c), method }))),
  );
  // several defects at once, on any method (a GET with a body too)
  add(
    2,
    fc
      .tuple(
        fc.oneof(fc.constant(goodParam), badParam),
        fc.oneof(goodQuery, badQueryPart(queryNames)),
        fc.oneof(fc.constant<[string, SweepAuth]>(['', goodAuth]), badAuth(r)),
        goodJson.chain((j) =>
          fc.oneof(fc.constant<BodyVariant>(['', Buffer.from(j), JSON_TYPE]), badBytes(j), badEncoding(j)),
        ),
      )
      .map(([p, query, [authDefect, auth], [bodyDefect, body, headers]]) =>
        make(['mixed:', `path ${describe(p)}`, query && `query ${describe(query)}`, authDefect, bodyDefect].join(' '), {
          path: params.length ? pathWith(p) : goodPath,
          query,
          auth,
          body,
          headers,
        }),
      ),
  );
  return fc.oneof(...kinds);
}
