import type { RouteDef } from '@socium/contracts';
import { ROLES, type Role } from '@socium/domain';

import { gzipSync } from 'node:zlib';
import fc from 'fast-check';

import { BAD_KEYS, BAD_UTF8, badDates, badText, badValue, RawJson, toJson } from './bad-values';
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
const hasBody = (r: RouteDef) => r.method === 'POST' || r.method === 'PATCH';
/** The role sending a case: the coordinator where allowed, else the school administrator of the target's school. */
export const senderOf = (r: RouteDef): Role | null =>
  r.access === 'public' ? null : r.access.includes('coordinator') ? 'coordinator' : (r.access[0] as Role);
const forbiddenOf = (r: RouteDef): Role[] =>
  r.access === 'public' ? [] : ROLES.filter((x) => !(r.access as readonly string[]).includes(x));

/** Percent-encodes every byte of the UTF-8 form (lone surrogates become U+FFFD, as Node writes them). */
export const pct = (s: string | Uint8Array): string =>
  [...(typeof s === 'string' ? Buffer.from(s, 'utf8') : Buffer.from(s))]
    .map((b) => '%' + b.toString(16).padStart(2, '0'))
    .join('');
/** Percent-encodes what a URL may not carry raw, keeping letters, digits and `-._~`. */
const enc = (s: string) =>
  [...Buffer.from(s, 'utf8')]
    .map((b) => (/[A-Za-z0-9\-._~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : '%' + b.toString(16)))
    .join('');

/** Path parameter values that are not ids: broken encoding, traversal, control characters, 10 kB. */
const badParam: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '%00',
      'ab%00cd',
      '%01',
      '%1f',
      '%7f',
      '%ff',
      '%FF%FE',
      '%c3%28',
      '%C3',
      '%e0%a4%a',
      '%',
      '%%',
      '%zz',
      '%u0000',
      '%ed%a0%80',
      '%c0%af',
      '..%2f..%2fetc%2fpasswd',
      '..%5c..%5c',
      '%2e%2e',
      '..',
      '.',
      '%2f',
      '%2F%2F',
      'a%20b',
      "'%20or%201%3D1--",
      '%F0%9F%98%80',
      '\u00ff',
      '\u00e9t\u00e9',
      '-1',
      '0',
      '1e309',
      'NaN',
      'null',
      'undefined',
      '%5Bobject%20Object%5D',
      '%7B%22%24ne%22%3Anull%7D',
      '00000000-0000-0000-0000-000000000000',
      '00000000-0000-4000-8000-00000000000G',
      'a'.repeat(65),
      'x'.repeat(10_240),
      '%41'.repeat(3000),
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }).map(pct) },
  { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 24 }).map(pct) },
);

/** The query string of a valid-looking value of the route's query schema (arrays as repeated keys). */
function queryText(value: unknown): string {
  if (value === null || typeof value !== 'object') return '';
  const parts: string[] = [];
  for (const [k, v] of Object.entries(value))
    for (const x of Array.isArray(v) ? v : [v]) if (x !== undefined) parts.push(`${enc(k)}=${enc(String(x))}`);
  return parts.join('&');
}

/** One defect for a query string, given the names the route knows. */
const badQueryPart = (names: readonly string[]): fc.Arbitrary<string> =>
  fc.constantFrom(...(names.length ? names : ['q', 'limit', 'lang'])).chain((k) =>
    fc.oneof(
      fc.constantFrom(
        `${k}=1&${k}=2`,
        `${k}=a&${k}=b&${k}=c`,
        `${k}[]=1`,
        `${k}[0]=1`,
        `${k}[a]=1`,
        `${k}[__proto__]=1`,
      ),
      fc.constantFrom(`${k}=%00`, `${k}=a%0Ab`, `%00=${k}`, `${k}%00=1`, `${k}=%1b`),
      fc.constantFrom(`${k}=%`, `${k}=%zz`, `${k}=%ff`, `${k}=%c3%28`, `%ff=1`, `${k}=%e0%a4%a`, `${k}=%ed%a0%80`),
      fc.constantFrom(
        `${k}=1e309`,
        `${k}=-0`,
        `${k}=NaN`,
        `${k}=Infinity`,
        `${k}=99999999999999999999`,
        `${k}=0x10`,
        `${k}=-1`,
        `${k}=1.5`,
        `${k}=`,
        `${k}=%20`,
        k,
      ),
      fc.constantFrom('__proto__=1', '__proto__[x]=1', 'constructor[prototype][x]=1', 'toString=1', 'hasOwnProperty=x'),
      fc.constantFrom('&&&', '=', '==1', '?', ';', `${k}=1;${k}=2`, '#frag'),
      fc.constantFrom(`${k}=${'x'.repeat(10_000)}`, Array.from({ length: 1200 }, (_, i) => `p${i}=1`).join('&')),
      badDates.map((d) => `${k}=${enc(d)}`),
      badText.map((t) => `${k}=${pct(t)}`),
    ),
  );

const JSON_TYPE: Record<string, string> = { 'Content-Type': 'application/json' };
/** A spoilt body: what is wrong, the bytes, the headers that go with them. */
type BodyVariant = [string, Buffer, Record<string, string>];

/** Body defects below JSON: bytes that are not UTF-8, broken syntax, sizes, other text encodings. */
const badBytes = (json: string): fc.Arbitrary<BodyVariant> => {
  const text = Buffer.from(json, 'utf8');
  const at = fc.nat({ max: text.length });
  return fc.oneof(
    fc
      .tuple(at, fc.constantFrom(...BAD_UTF8))
      .map(
        ([i, b]): BodyVariant => [
          `invalid UTF-8 ${pct(Uint8Array.from(b))} at ${i}`,
          Buffer.concat([text.subarray(0, i), Buffer.from(b), text.subarray(i)]),
          JSON_TYPE,
        ],
      ),
    at.map(
      (i): BodyVariant => [
        `NUL byte at ${i}`,
        Buffer.concat([text.subarray(0, i), Buffer.from([0]), text.subarray(i)]),
        JSON_TYPE,
      ],
    ),
    at.map((i): BodyVariant => [`cut at ${i}`, text.subarray(0, i), JSON_TYPE]),
    fc.constantFrom<BodyVariant>(
      ['empty body', Buffer.alloc(0), JSON_TYPE],
      ['spaces only', Buffer.from('   \n'), JSON_TYPE],
      ['over 100 kB', Buffer.concat([text, Buffer.alloc(110 * 1024, 0x20)]), JSON_TYPE],
      ['over 100 kB of string', Buffer.from(toJson({ a: 'я'.repeat(60_000) })), JSON_TYPE],
      ['trailing garbage', Buffer.concat([text, Buffer.from('x')]), JSON_TYPE],
      ['two documents', Buffer.concat([text, text]), JSON_TYPE],
      ['BOM first', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text]), JSON_TYPE],
      ['comment first', Buffer.concat([Buffer.from('/* x */'), text]), JSON_TYPE],
      ['single quotes', Buffer.from(json.replace(/"/g, "'")), JSON_TYPE],
      ['bare keys', Buffer.from(json.replace(/"([A-Za-z]+)":/g, '$1:')), JSON_TYPE],
      ['duplicate key', Buffer.from(json.startsWith('{"') ? `{"version":"x",${json.slice(1)}` : json), JSON_TYPE],
      ['UTF-16LE without charset', Buffer.from(json, 'utf16le'), JSON_TYPE],
      ['UTF-16LE', Buffer.from(json, 'utf16le'), { 'Content-Type': 'application/json; charset=utf-16le' }],
      ['charset latin1', text, { 'Content-Type': 'application/json; charset=latin1' }],
      ['charset bogus', text, { 'Content-Type': 'application/json; charset=bogus-8' }],
      ['charset utf-7', text, { 'Content-Type': 'application/json; charset=utf-7' }],
      ['a JSON null', Buffer.from('null'), JSON_TYPE],
      ['a JSON number', Buffer.from('1e309'), JSON_TYPE],
      ['a JSON string', Buffer.from('"x"'), JSON_TYPE],
      ['deep arrays 1000', Buffer.from('['.repeat(1000) + ']'.repeat(1000)), JSON_TYPE],
      ['deep objects 1000', Buffer.from('{"a":'.repeat(1000) + '1' + '}'.repeat(1000)), JSON_TYPE],
      ['unclosed deep arrays', Buffer.from('['.repeat(5000)), JSON_TYPE],
    ),
  );
};

const CONTENT_TYPES = [
  'text/plain',
  'text/plain; charset=utf-8',
  'application/xml',
  'text/xml',
  'multipart/form-data; boundary=sweep',
  'application/x-www-form-urlencoded',
  'application/octet-stream',
  'application/javascript',
  'application/merge-patch+json',
  'APPLICATION/JSON',
  'application/json;;',
  'application/json; charset=',
  'application/json, text/plain',
  'json',
  '*/*',
  '',
  'none',
] as const;

const ENCODINGS = ['gzip', 'deflate', 'br', 'x-gzip', 'GZIP', 'gzip, deflate', 'identity', 'zstd', 'compress', ''];

const badEncoding = (json: string): fc.Arbitrary<BodyVariant> =>
  fc.oneof(
    fc.constantFrom(...ENCODINGS).map(
      (e): BodyVariant => [
        `Content-Encoding ${e || '(empty)'} on a plain body`,
        Buffer.from(json),
        {
          ...JSON_TYPE,
          'Content-Encoding': e,
        },
      ],
    ),
    fc.constantFrom<BodyVariant>(
      [
        'gzip of invalid UTF-8',
        gzipSync(Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d])),
        { ...JSON_TYPE, 'Content-Encoding': 'gzip' },
      ],
      ['gzip of a cut body', gzipSync(Buffer.from(json)).subarray(0, 12), { ...JSON_TYPE, 'Content-Encoding': 'gzip' }],
      [
        'gzip bomb of 2 MB',
        gzipSync(Buffer.alloc(2 * 1024 * 1024, 0x20)),
        { ...JSON_TYPE, 'Content-Encoding': 'gzip' },
      ],
      ['gzip of a NUL', gzipSync(Buffer.from('{"a":"\\u0000"}')), { ...JSON_TYPE, 'Content-Encoding': 'gzip' }],
    ),
  );

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
