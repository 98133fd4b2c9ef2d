import { ErrorResponse, RouteDef, ROUTES } from '@socium/contracts';

import { z } from 'zod';

const toSchema = (s: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'openapi-3.0' }) as Record<string, unknown>;

/** The OpenAPI 3 document, generated from the contract route table and its zod schemas. */
export function buildOpenApi(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const errorRef = { $ref: '#/components/schemas/Error' };
  for (const r of ROUTES) {
    const path = '/api/v1' + r.path.replace(/:([a-zA-Z]+)/g, '{$1}');
    const params = [...r.path.matchAll(/:([a-zA-Z]+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    if (r.query) {
      const qs = toSchema(r.query, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, schema] of Object.entries(qs.properties ?? {}))
        params.push({ name, in: 'query', required: (qs.required ?? []).includes(name), schema } as never);
    }
    const creates = r.method === 'POST' && r.status === 201;
    if (creates) params.push(IDEMPOTENCY_KEY as never);
    const ok = String(r.status ?? 200);
    const responses: Record<string, unknown> = {
      [ok]: r.produces
        ? { description: 'OK', content: { [r.produces]: { schema: { type: 'string', format: 'binary' } } } }
        : r.response
          ? { description: 'OK', content: { 'application/json': { schema: toSchema(r.response, 'output') } } }
          : { description: 'No content' },
      '400': { description: 'Malformed or invalid input', content: { 'application/json': { schema: errorRef } } },
    };
    if (r.access !== 'public') {
      responses['401'] = { description: 'No or bad token', content: { 'application/json': { schema: errorRef } } };
      responses['403'] = {
        description: 'Your role may not do this',
        content: { 'application/json': { schema: errorRef } },
      };
    }
    if (r.path.includes(':'))
      responses['404'] = {
        description: 'Missing, or not yours',
        content: { 'application/json': { schema: errorRef } },
      };
    if (r.method === 'PATCH' || r.method === 'PUT')
      responses['409'] = { description: 'Stale version', content: { 'application/json': { schema: errorRef } } };
    if (creates) {
      (responses[ok] as Record<string, unknown>)['headers'] = REPLAYED_HEADER;
      responses['409'] = {
        description: 'A unique value is taken, or a request with this Idempotency-Key is still running',
        content: { 'application/json': { schema: errorRef } },
      };
    }
    if (r.method !== 'GET')
      responses['422'] = {
        description: 'A domain rule refused it (see `rule` and `details`)',
        content: { 'application/json': { schema: errorRef } },
      };
    const op: Record<string, unknown> = {
      tags: [r.tag],
      summary: r.summary,
      operationId: opId(r),
      parameters: params,
      responses,
      ...(r.access === 'public' ? { security: [] } : { description: `Roles: ${r.access.join(', ')}` }),
    };
    if (r.body)
      op['requestBody'] = { required: true, content: { 'application/json': { schema: toSchema(r.body, 'input') } } };
    (paths[path] ??= {})[r.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'Socium API',
      version: '1.0.0',
      description:
        'Partnerships of a district Education Department, its schools and social institutions. JSON over HTTP, camelCase, ISO dates, ids as strings. Log in at POST /api/v1/auth/login and send `Authorization: Bearer <accessToken>`.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Error: toSchema(ErrorResponse, 'output') },
    },
    paths,
  };
}

/** Every create route (a POST answering 201) takes an optional `Idempotency-Key` (see PRODUCT.md). */
const IDEMPOTENCY_KEY = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Makes a retried create safe: the same key (per user and route, kept 24 h) with the same body answers the first answer again with `Idempotent-Replayed: true` and creates nothing; with another body 422 `idempotency.key-reused`; while the first request runs 409 `idempotency.in-progress`; a failed request frees the key. 1-255 visible ASCII characters, else 400 `idempotency.key-invalid`.',
  schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7E]+$' },
};
const REPLAYED_HEADER = {
  'Idempotent-Replayed': {
    description: '`true` when this is the stored answer to an earlier request with the same Idempotency-Key',
    schema: { type: 'string', enum: ['true'] },
  },
};

function opId(r: RouteDef): string {
  return (r.method.toLowerCase() + r.path.replace(/[/:.-]+(\w)/g, (_m, c: string) => c.toUpperCase())).replace(
    /[^a-zA-Z0-9]/g,
    '',
  );
}
