import { gzipSync } from 'node:zlib';
import fc from 'fast-check';

import { BAD_UTF8, badDates, badText, toJson } from './bad-values';

/** The parts of a request below its JSON value that the sweep spoils: path parameters, query strings, bytes, headers. */

/** Percent-encodes every byte of the UTF-8 form (lone surrogates become U+FFFD, as Node writes them). */
export const pct = (s: string | Uint8Array): string =>
  [...(typeof s === 'string' ? Buffer.from(s, 'utf8') : Buffer.from(s))]
    .map((b) => '%' + b.toString(16).padStart(2, '0'))
    .join('');
/** Percent-encodes what a URL may not carry raw, keeping letters, digits and `-._~`. */
const enc = (s: string) =>
  [...Buffer.from(s, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9\-._~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : '%' + b.toString(16).padStart(2, '0'),
    )
    .join('');

/** Path parameter values that are not ids: broken encoding, traversal, control characters, 10 kB. */
export const badParam: fc.Arbitrary<string> = fc.oneof(
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
export function queryText(value: unknown): string {
  if (value === null || typeof value !== 'object') return '';
  const parts: string[] = [];
  for (const [k, v] of Object.entries(value))
    for (const x of Array.isArray(v) ? v : [v]) if (x !== undefined) parts.push(`${enc(k)}=${enc(String(x))}`);
  return parts.join('&');
}

/** One defect for a query string, given the names the route knows. */
export const badQueryPart = (names: readonly string[]): fc.Arbitrary<string> =>
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

export const JSON_TYPE: Record<string, string> = { 'Content-Type': 'application/json' };
/** A spoilt body: what is wrong, the bytes, the headers that go with them. */
export type BodyVariant = [string, Buffer, Record<string, string>];

/** Body defects below JSON: bytes that are not UTF-8, broken syntax, sizes, other text encodings. */
export const badBytes = (json: string): fc.Arbitrary<BodyVariant> => {
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

export const CONTENT_TYPES = [
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

/** Keys for `Idempotency-Key` on create routes: fresh valid ones, and ones of the wrong length or characters. */
export const IDEMPOTENCY_KEYS: fc.Arbitrary<string> = fc.oneof(
  fc.uuid(),
  fc.constantFrom(
    '',
    ' ',
    'x'.repeat(255),
    'x'.repeat(256),
    '\u00e9t\u00e9',
    'a b',
    '\tx',
    '%00',
    '../..',
    '__proto__',
  ),
);

export const ENCODINGS = [
  'gzip',
  'deflate',
  'br',
  'x-gzip',
  'GZIP',
  'gzip, deflate',
  'identity',
  'zstd',
  'compress',
  '',
];

export const badEncoding = (json: string): fc.Arbitrary<BodyVariant> =>
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
