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
    if (r.method === 'PATCH')
      responses['409'] = { description: 'Stale version', content: { 'application/json': { schema: errorRef } } };
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

function opId(r: RouteDef): string {
  return (r.method.toLowerCase() + r.path.replace(/[/:.-]+(\w)/g, (_m, c: string) => c.toUpperCase())).replace(
    /[^a-zA-Z0-9]/g,
    '',
  );
}
