import fc from 'fast-check';
import { z } from 'zod';

/**
 * Valid-looking values for a zod contract, through its JSON Schema (`z.toJSONSchema`, the form the OpenAPI
 * document is built from): objects with their required and some optional fields, strings of the right
 * pattern, format and length, numbers in range, enum members. Refinements are not represented, so a value
 * may still be refused (a date that is not in the calendar): that is fine, it only has to look right.
 */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
};

export const jsonSchemaOf = (schema: z.ZodType): JsonSchema =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

/** Ids of real objects, so a valid-looking `…Id` field can name something and reach the service's checks. */
export type IdPool = readonly string[];

const date = fc
  .tuple(fc.integer({ min: 2025, max: 2028 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const year = fc.integer({ min: 2024, max: 2030 }).map((y) => `${y}-${y + 1}`);
const time = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const words = fc
  .array(fc.constantFrom('Школа', 'план', 'urussu', 'профессия', 'Татарстан', 'мәктәп', 'test', '№ 5', 'é'), {
    minLength: 1,
    maxLength: 4,
  })
  .map((w) => w.join(' '));

function stringOf(s: JsonSchema, name: string, ids: IdPool): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 60, 200);
  const fit = (a: fc.Arbitrary<string>) => a.filter((v) => v.length >= min && v.length <= (s.maxLength ?? Infinity));
  if (s.format === 'email') return fc.constantFrom('school@example.ru', 'a.b@socium.demo', 'x@y.org');
  if (s.format === 'uri') return fc.constantFrom('https://example.ru/', 'http://school.example.ru/a?b=1');
  if (s.format === 'uuid') return fc.uuid();
  if (s.pattern === '^\\d{4}-\\d{2}-\\d{2}$') return date;
  if (s.pattern === '^\\d{4}-\\d{4}$') return year;
  if (s.pattern === '^([01]\\d|2[0-3]):[0-5]\\d$') return time;
  if (s.pattern) return fit(fc.stringMatching(new RegExp(s.pattern), { size: 'xsmall' }));
  if (/Ids?$/.test(name) && ids.length) return fc.constantFrom(...ids);
  if (/password/i.test(name)) return fc.string({ minLength: Math.max(min, 10), maxLength: 40 });
  return fit(fc.oneof(words, fc.string({ minLength: min, maxLength: Math.max(min, max) })));
}

/** A valid-looking value of a JSON Schema; `name` is the property it fills (for ids). */
export function valueOf(s: JsonSchema, ids: IdPool, name = ''): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((a) => valueOf(a, ids, name)));
  if (s.allOf?.length) return valueOf(s.allOf[0] as JsonSchema, ids, name);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'object': {
      const props = Object.entries(s.properties ?? {});
      const required = new Set(s.required ?? []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of props) record[k] = valueOf(v, ids, k);
      return fc.record(record, { requiredKeys: props.map(([k]) => k).filter((k) => required.has(k)) });
    }
    case 'array': {
      const item = s.items ? valueOf(s.items, ids, name) : fc.string();
      return fc.array(item, { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 3, 3) });
    }
    case 'string':
      return stringOf(s, name, ids);
    case 'integer':
      return fc.integer({ min: Math.max(s.minimum ?? -1000, -1e6), max: Math.min(s.maximum ?? 1000, 1e6) });
    case 'number':
      return fc.double({
        min: Math.max(s.minimum ?? -1000, -1e6),
        max: Math.min(s.maximum ?? 1000, 1e6),
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean());
  }
}

/** Every path into a value where a mutation can go: the root, each key of an object, each item of an array. */
export function pathsOf(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [at];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...pathsOf(x, [...at, i])));
  else if (v !== null && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) out.push(...pathsOf(x, [...at, k]));
  return out;
}

/** A copy of `root` with the value at `path` replaced (an own, enumerable key even for `__proto__`). */
export function setAt(root: unknown, path: readonly (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<string | number, unknown>;
  define(copy, head, setAt((root as Record<string | number, unknown>)[head], rest, value));
  return copy;
}

/** Adds or replaces an own enumerable key, `__proto__` included (plain assignment would set the prototype). */
export function define(o: object, key: string | number, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}
