import fc from 'fast-check';

import { define } from './schema-values';

/** JSON text written as is: numbers `JSON.stringify` cannot write (`1e309`, `-0`, 30 digits). */
export class RawJson {
  constructor(readonly text: string) {}
}
const raw = (text: string) => new RawJson(text);

/** JSON text of a value that may hold `RawJson` pieces and own `__proto__` keys. */
export function toJson(v: unknown): string {
  if (v instanceof RawJson) return v.text;
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : toJson(x))).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const parts: string[] = [];
    for (const [k, x] of Object.entries(v)) if (x !== undefined) parts.push(`${JSON.stringify(k)}:${toJson(x)}`);
    return `{${parts.join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** An object with one own key, `__proto__` included. */
export const objectWith = (key: string, value: unknown): object => {
  const o = {};
  define(o, key, value);
  return o;
};

export const nestedArrays = (depth: number, leaf: unknown = 1): unknown => {
  let v: unknown = leaf;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
};
export const nestedObjects = (depth: number, key = 'a', leaf: unknown = 1): unknown => {
  let v: unknown = leaf;
  for (let i = 0; i < depth; i++) v = objectWith(key, v);
  return v;
};

/** Keys a body should never smuggle through: prototype pollution, operators, control characters. */
export const BAD_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '$where',
  '$ne',
  '',
  ' ',
  'a\u0000b',
  '\u0007',
  'id',
  'version',
  'createdAt',
  'role',
  '\ud800',
  'ключ',
] as const;

const C0 = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c));
const C1 = fc.integer({ min: 0x7f, max: 0x9f }).map((c) => String.fromCharCode(c));
const around = (inner: fc.Arbitrary<string>) =>
  fc.tuple(fc.constantFrom('', 'Школа', 'a'), inner, fc.constantFrom('', 'b', ' план')).map((p) => p.join(''));

/** Strings that are wrong in their characters: control characters, lone surrogates, odd Unicode. */
export const badText: fc.Arbitrary<string> = fc.oneof(
  around(C0),
  around(C1),
  fc.constantFrom('\u0000', 'a\u0000', '\u0000\u0000', '\\u0000', '%00', '\u001b[31mred'),
  fc.constantFrom('\ud800', '\udfff', 'a\ud800b', '\udc00\ud800', '\ud83d'),
  fc.constantFrom('\u202e', '\ufeff', '\u2028\u2029', '\u00a0', 'a\u0301', '\uffff', '\ufffe', '😀'.repeat(3)),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: 'binary-ascii', maxLength: 20 }),
);

/** Strings that look like dates or numbers but are not what the contract means. */
export const badDates: fc.Arbitrary<string> = fc.constantFrom(
  '2026-02-30',
  '2026-02-29',
  '2025-13-01',
  '2026-00-10',
  '2026-04-31',
  '0000-01-01',
  '9999-12-31',
  '0001-01-10',
  '1899-12-31',
  '2200-01-01',
  '+2026-01-01',
  '2026-1-1',
  '2026-01-01T00:00:00Z',
  '2026-01-01 ',
  '20260101',
  '١٢٣٤-٠١-٠١',
  '2026-2027',
  '2027-2026',
  '0000-0001',
  '25:00',
  '23:60',
  '-1:00',
);

/** A value of the wrong kind, or of the right kind at an extreme. */
export const badValue: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(null, true, false, 0, -1, 1.5, '', ' ', [], {}, [null], '1', 'true', 'null'),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      raw('1e309'),
      raw('-1e309'),
      raw('-0'),
      raw('1e-400'),
      raw('123456789012345678901234567890'),
      raw('0.0000000000000000000000000001'),
      raw('1E2'),
      'NaN',
      'Infinity',
      '-0',
      '1e309',
      '0x10',
      Number.MAX_SAFE_INTEGER + 2,
      -(2 ** 53) - 2,
      2 ** 31,
      -(2 ** 31) - 1,
      1e21,
    ),
  },
  { weight: 4, arbitrary: badText },
  { weight: 2, arbitrary: badDates },
  { weight: 1, arbitrary: fc.integer({ min: 300, max: 30_000 }).map((n) => 'я'.repeat(n)) },
  { weight: 1, arbitrary: fc.integer({ min: 200, max: 20_000 }).map((n) => new Array<number>(n).fill(0)) },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 1000 }).map((n) => nestedArrays(n)) },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 1000 }).map((n) => nestedObjects(n)) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      objectWith('__proto__', { isAdmin: true, role: 'coordinator' }),
      objectWith('constructor', { prototype: { polluted: true } }),
      objectWith('prototype', { polluted: true }),
      { $ne: null },
      { $gt: '' },
      ["' or 1=1--"],
      "' or 1=1--",
      '<script>alert(1)</script>',
      '../../etc/passwd',
      'javascript:alert(1)',
    ),
  },
);

/** Bytes that are not UTF-8: a lone continuation byte, a cut sequence, an overlong form, an encoded surrogate. */
export const BAD_UTF8: readonly number[][] = [
  [0xff],
  [0xfe, 0xff],
  [0x80],
  [0xc3, 0x28],
  [0xe0, 0xa4],
  [0xc0, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
];
