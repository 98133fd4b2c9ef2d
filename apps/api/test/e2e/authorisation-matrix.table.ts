import { RouteDef, ROUTES } from '@socium/contracts';

/** The authorisation matrix as data, for `authorisation-matrix.e2e-spec.ts`: every `:id` route by caller and object. */

export type CallerRole = 'school_admin' | 'partner_rep';
export type Who = 'own' | 'foreign' | 'missing';
/** [own object, another school's object, missing id] */
export type Cells = readonly [own: number, foreign: number, missing: number];
export type Row = Record<CallerRole, Cells>;
export type Obj = { id: string; version: number } & Record<string, unknown>;

export const MISSING = '00000000-0000-4000-8000-000000000000';
export const CALLERS: readonly CallerRole[] = ['school_admin', 'partner_rep'];
export const WHO: readonly Who[] = ['own', 'foreign', 'missing'];
export const PDF = Buffer.from('%PDF-1.4\n% authorisation matrix\n%%EOF\n');

export const DENIED: Cells = [403, 403, 403];
export const both = (cells: Cells): Row => ({ school_admin: cells, partner_rep: cells });
/** Read by both roles; another school's object looks missing. */
export const SCOPED_READ = both([200, 404, 404]);
/** Shared registry data every role may read (the lists show it to every role too). */
export const SHARED_READ = both([200, 200, 404]);
export const COORDINATOR_ONLY = both(DENIED);
/** Staff only: the school admin on their own object, the partner representative refused by role. */
export const staff = (ok: number): Row => ({ school_admin: [ok, 404, 404], partner_rep: DENIED });

/** The expected status of every `:id` route, by caller and object. */
export const MATRIX: Record<string, Row> = {
  'GET /organisations/:id': SHARED_READ,
  'PATCH /organisations/:id': COORDINATOR_ONLY,
  'DELETE /organisations/:id': COORDINATOR_ONLY,
  'GET /users/:id': COORDINATOR_ONLY,
  'PATCH /users/:id': COORDINATOR_ONLY,
  'DELETE /users/:id': COORDINATOR_ONLY,
  'GET /directions/:id': SHARED_READ,
  'PATCH /directions/:id': COORDINATOR_ONLY,
  'DELETE /directions/:id': COORDINATOR_ONLY,
  'GET /agreements/:id': SCOPED_READ,
  'PATCH /agreements/:id': staff(200),
  'DELETE /agreements/:id': staff(204),
  'POST /agreements/:id/sign': both([200, 404, 404]),
  'POST /agreements/:id/terminate': staff(200),
  'POST /agreements/:id/scan': staff(200),
  'GET /agreements/:id/scan': SCOPED_READ,
  'GET /agreements/:id/amendments': SCOPED_READ,
  'POST /agreements/:id/amendments': staff(201),
  'POST /agreements/:id/amendments/:number/sign': both([200, 404, 404]),
  'DELETE /agreements/:id/amendments/:number': staff(204),
  'GET /plans/:id': SCOPED_READ,
  'PATCH /plans/:id': staff(200),
  'DELETE /plans/:id': staff(204),
  'POST /plans/:id/submit': staff(200),
  'POST /plans/:id/approve': COORDINATOR_ONLY,
  'POST /plans/:id/return': COORDINATOR_ONLY,
  'GET /plans/:id/activities': SCOPED_READ,
  'POST /plans/:id/activities': staff(201),
  'GET /activities/:id': SCOPED_READ,
  'PATCH /activities/:id': staff(200),
  'DELETE /activities/:id': staff(204),
  'POST /activities/:id/outcome': both([200, 404, 404]),
  'POST /activities/:id/confirm': { school_admin: DENIED, partner_rep: [200, 404, 404] },
  'GET /labour-needs/:id': SHARED_READ,
  'PATCH /labour-needs/:id': COORDINATOR_ONLY,
  'DELETE /labour-needs/:id': COORDINATOR_ONLY,
  'GET /placements/:id': SCOPED_READ,
  'PATCH /placements/:id': staff(200),
  'DELETE /placements/:id': staff(204),
  'GET /documents/:id': SCOPED_READ,
  'PATCH /documents/:id': COORDINATOR_ONLY,
  'DELETE /documents/:id': COORDINATOR_ONLY,
  'POST /documents/:id/send': COORDINATOR_ONLY,
  'POST /notifications/:id/read': both([200, 404, 404]),
  'POST /documents/:id/close': COORDINATOR_ONLY,
  'POST /documents/:id/reissue': COORDINATOR_ONLY,
  'POST /documents/:id/receive': both([200, 404, 404]),
  'POST /documents/:id/acknowledge': both([200, 404, 404]),
  'POST /documents/:id/respond': both([200, 404, 404]),
  'GET /documents/:id/recipients': SCOPED_READ,
  'PUT /documents/:id/recipients/:orgId/response-file': both([200, 404, 404]),
  'GET /documents/:id/recipients/:orgId/response-file': SCOPED_READ,
  'GET /documents/:id/files': SCOPED_READ,
  'POST /documents/:id/files': COORDINATOR_ONLY,
  'GET /documents/:id/files/:fileId': SCOPED_READ,
  'DELETE /documents/:id/files/:fileId': COORDINATOR_ONLY,
  'GET /enrolment/:id': staff(200),
  'PATCH /enrolment/:id': staff(200),
  'DELETE /enrolment/:id': staff(204),
};

export const keyOf = (r: Pick<RouteDef, 'method' | 'path'>) => `${r.method} ${r.path}`;
export const ID_ROUTES = ROUTES.filter((r) => r.path.includes(':id'));
export const MATRIX_ROWS = ID_ROUTES.flatMap((r) =>
  CALLERS.flatMap((role) => WHO.map((who) => [keyOf(r), role, who] as const)),
);

/** The demo objects the rows use, resolved by listing as the coordinator. */
export interface Ids {
  org: Record<string, string>;
  dir: Record<string, string>;
  user: Record<CallerRole, string>;
  foreignUser: string;
  agreement: { own: string; foreign: string; draft: string };
  plan: { own: string; foreign: string; annexed: string };
  activity: { own: string; foreign: string };
  need: { district: string; tapart: string; foreign: string };
  placement: { own: string; foreign: string };
  document: { own: string; foreign: string };
  enrolment: { own: string; foreign: string };
}
