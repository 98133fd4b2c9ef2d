import { z } from 'zod';

import * as A from './agreement.contract';
import * as Au from './audit.contract';
import * as Auth from './auth.contract';
import * as C from './common.contract';
import * as Di from './direction.contract';
import * as Do from './document.contract';
import * as E from './enrolment.contract';
import * as I from './import.contract';
import * as L from './labour.contract';
import * as O from './organisation.contract';
import * as Pe from './period.contract';
import * as P from './plan.contract';
import * as Pu from './public.contract';
import * as U from './user.contract';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';
export interface RouteDef {
  method: HttpMethod;
  /** path under /api/v1, Nest style (`/agreements/:id`) */
  path: string;
  tag: string;
  summary: string;
  /** 'public' needs no token; otherwise the roles that may call it at all (objects are checked further). */
  access: 'public' | readonly Auth.Role[];
  body?: z.ZodType;
  query?: z.ZodType;
  response?: z.ZodType;
  /** non-JSON answer, e.g. 'text/calendar' */
  produces?: string;
  status?: number;
}

const ALL = Auth.ROLES;
const COORD = ['coordinator'] as const;
const STAFF = ['coordinator', 'school_admin'] as const;

function crud(
  path: string,
  tag: string,
  s: { create: z.ZodType; update: z.ZodType; response: z.ZodType; query: z.ZodType },
  access: { read: RouteDef['access']; write: RouteDef['access'] },
): RouteDef[] {
  return [
    {
      method: 'GET',
      path,
      tag,
      summary: `List ${tag}`,
      access: access.read,
      query: s.query,
      response: C.pageOf(s.response as z.ZodTypeAny),
    },
    {
      method: 'POST',
      path,
      tag,
      summary: `Create ${tag}`,
      access: access.write,
      body: s.create,
      response: s.response,
      status: 201,
    },
    {
      method: 'GET',
      path: `${path}/:id`,
      tag,
      summary: `Read one of ${tag}`,
      access: access.read,
      response: s.response,
    },
    {
      method: 'PATCH',
      path: `${path}/:id`,
      tag,
      summary: `Change one of ${tag} (send the current version)`,
      access: access.write,
      body: s.update,
      response: s.response,
    },
    { method: 'DELETE', path: `${path}/:id`, tag, summary: `Delete one of ${tag}`, access: access.write, status: 204 },
  ];
}

/** Every route of the public contract. The OpenAPI document and the authorisation matrix test are built from it. */
export const ROUTES: RouteDef[] = [
  {
    method: 'POST',
    path: '/auth/login',
    tag: 'auth',
    summary: 'Log in',
    access: 'public',
    body: Auth.LoginRequest,
    response: Auth.LoginResponse,
    status: 200,
  },
  {
    method: 'POST',
    path: '/auth/refresh',
    tag: 'auth',
    summary: 'Exchange a refresh token for new tokens',
    access: 'public',
    body: Auth.RefreshRequest,
    response: Auth.LoginResponse,
    status: 200,
  },
  {
    method: 'POST',
    path: '/auth/logout',
    tag: 'auth',
    summary: 'Log out (revokes refresh tokens)',
    access: ALL,
    status: 204,
  },
  {
    method: 'GET',
    path: '/auth/me',
    tag: 'auth',
    summary: 'The current user',
    access: ALL,
    response: Auth.SessionUser,
  },
  {
    method: 'POST',
    path: '/auth/password',
    tag: 'auth',
    summary: 'Change own password (revokes sessions)',
    access: ALL,
    body: Auth.ChangePasswordRequest,
    status: 204,
  },
  ...crud(
    '/organisations',
    'organisations',
    {
      create: O.CreateOrganisationRequest,
      update: O.UpdateOrganisationRequest,
      response: O.OrganisationResponse,
      query: O.OrganisationListQuery,
    },
    { read: ALL, write: COORD },
  ),
  ...crud(
    '/users',
    'users',
    { create: U.CreateUserRequest, update: U.UpdateUserRequest, response: U.UserResponse, query: U.UserListQuery },
    { read: COORD, write: COORD },
  ),
  ...crud(
    '/directions',
    'directions',
    {
      create: Di.CreateDirectionRequest,
      update: Di.UpdateDirectionRequest,
      response: Di.DirectionResponse,
      query: Di.DirectionListQuery,
    },
    { read: ALL, write: COORD },
  ),
  ...crud(
    '/agreements',
    'agreements',
    {
      create: A.CreateAgreementRequest,
      update: A.UpdateAgreementRequest,
      response: A.AgreementResponse,
      query: A.AgreementListQuery,
    },
    { read: ALL, write: STAFF },
  ),
  {
    method: 'POST',
    path: '/agreements/:id/sign',
    tag: 'agreements',
    summary: 'Record a party’s signature',
    access: ALL,
    body: A.SignAgreementRequest,
    response: A.AgreementResponse,
    status: 200,
  },
  {
    method: 'POST',
    path: '/agreements/:id/terminate',
    tag: 'agreements',
    summary: 'Terminate a signed agreement',
    access: STAFF,
    body: A.TerminateAgreementRequest,
    response: A.AgreementResponse,
    status: 200,
  },
  {
    method: 'POST',
    path: '/agreements/:id/scan',
    tag: 'agreements',
    summary: 'Upload the signed scan (PDF, JPEG or PNG, ≤ 10 MB, raw body)',
    access: STAFF,
    response: A.AgreementResponse,
    status: 200,
  },
  {
    method: 'GET',
    path: '/agreements/:id/scan',
    tag: 'agreements',
    summary: 'Download the signed scan',
    access: ALL,
    produces: 'application/octet-stream',
  },
  ...crud(
    '/plans',
    'plans',
    { create: P.CreatePlanRequest, update: P.UpdatePlanRequest, response: P.PlanResponse, query: P.PlanListQuery },
    { read: ALL, write: STAFF },
  ),
  {
    method: 'POST',
    path: '/plans/:id/submit',
    tag: 'plans',
    summary: 'Submit a plan to the coordinator',
    access: STAFF,
    response: P.PlanResponse,
    status: 200,
  },
  {
    method: 'POST',
    path: '/plans/:id/approve',
    tag: 'plans',
    summary: 'Approve a submitted plan',
    access: COORD,
    response: P.PlanResponse,
    status: 200,
  },
  {
    method: 'POST',
    path: '/plans/:id/return',
    tag: 'plans',
    summary: 'Return a submitted plan with a comment',
    access: COORD,
    body: P.ReturnPlanRequest,
    response: P.PlanResponse,
    status: 200,
  },
  {
    method: 'GET',
    path: '/plans/:id/activities',
    tag: 'activities',
    summary: 'List the activities of a plan',
    access: ALL,
    query: P.ActivityListQuery,
    response: C.pageOf(P.ActivityResponse),
  },
  {
    method: 'POST',
    path: '/plans/:id/activities',
    tag: 'activities',
    summary: 'Add an activity to a plan',
    access: STAFF,
    body: P.CreateActivityRequest,
    response: P.ActivityResponse,
    status: 201,
  },
  {
    method: 'GET',
    path: '/activities',
    tag: 'activities',
    summary: 'List activities',
    access: ALL,
    query: P.ActivityListQuery,
    response: C.pageOf(P.ActivityResponse),
  },
  {
    method: 'GET',
    path: '/activities/:id',
    tag: 'activities',
    summary: 'Read an activity',
    access: ALL,
    response: P.ActivityResponse,
  },
  {
    method: 'PATCH',
    path: '/activities/:id',
    tag: 'activities',
    summary: 'Change an activity',
    access: STAFF,
    body: P.UpdateActivityRequest,
    response: P.ActivityResponse,
  },
  {
    method: 'DELETE',
    path: '/activities/:id',
    tag: 'activities',
    summary: 'Delete an activity',
    access: STAFF,
    status: 204,
  },
  {
    method: 'POST',
    path: '/activities/:id/outcome',
    tag: 'activities',
    summary: 'Record the outcome: held, cancelled or postponed',
    access: ALL,
    body: P.ActivityOutcomeRequest,
    response: P.ActivityResponse,
    status: 200,
  },
  ...crud(
    '/labour-needs',
    'labour-needs',
    {
      create: L.CreateLabourNeedRequest,
      update: L.UpdateLabourNeedRequest,
      response: L.LabourNeedResponse,
      query: L.LabourNeedListQuery,
    },
    { read: ALL, write: COORD },
  ),
  ...crud(
    '/enrolment',
    'enrolment',
    {
      create: E.CreateEnrolmentRequest,
      update: E.UpdateEnrolmentRequest,
      response: E.EnrolmentResponse,
      query: E.EnrolmentListQuery,
    },
    { read: STAFF, write: STAFF },
  ),
  {
    method: 'POST',
    path: '/imports/:kind',
    tag: 'imports',
    summary:
      'Import a spreadsheet (raw body: text/csv UTF-8 or Windows-1251, or XLSX; ≤ 5 MB, ≤ 10,000 rows) of one kind: ' +
      'organisations, agreements, activities, labour-needs or enrolment. ?dryRun=true (the default) validates and ' +
      'writes nothing; ?dryRun=false writes all rows or none (422 import.rows-invalid with the row errors)',
    access: STAFF,
    query: I.ImportQuery,
    response: I.ImportResult,
    status: 200,
  },
  {
    method: 'GET',
    path: '/imports/:kind/template',
    tag: 'imports',
    summary: 'The CSV template of a kind: a UTF-8 BOM and one header row, `;`-separated (?lang=en for English headers)',
    access: STAFF,
    query: I.ImportTemplateQuery,
    produces: 'text/csv',
  },
  ...crud(
    '/placements',
    'placements',
    {
      create: L.CreatePlacementRequest,
      update: L.UpdatePlacementRequest,
      response: L.PlacementResponse,
      query: L.PlacementListQuery,
    },
    { read: ALL, write: STAFF },
  ),
  ...crud(
    '/documents',
    'documents',
    {
      create: Do.CreateDocumentRequest,
      update: Do.UpdateDocumentRequest,
      response: Do.DocumentResponse,
      query: Do.DocumentListQuery,
    },
    { read: ALL, write: COORD },
  ),
  {
    method: 'POST',
    path: '/documents/:id/send',
    tag: 'documents',
    summary: 'Send a document to organisations',
    access: COORD,
    body: Do.SendDocumentRequest,
    response: Do.RecipientsResponse,
    status: 200,
  },
  {
    method: 'POST',
    path: '/documents/:id/receive',
    tag: 'documents',
    summary: 'Mark received by the caller’s organisation',
    access: ['school_admin', 'partner_rep'],
    response: Do.RecipientResponse,
    status: 200,
  },
  {
    method: 'POST',
    path: '/documents/:id/acknowledge',
    tag: 'documents',
    summary: 'Acknowledge for the caller’s organisation (optional comment)',
    access: ['school_admin', 'partner_rep'],
    body: Do.AcknowledgeDocumentRequest,
    response: Do.RecipientResponse,
    status: 200,
  },
  {
    method: 'POST',
    path: '/documents/:id/respond',
    tag: 'documents',
    summary: 'Respond (a plan or a comment) for the caller’s organisation',
    access: ['school_admin', 'partner_rep'],
    body: Do.RespondDocumentRequest,
    response: Do.RecipientResponse,
    status: 200,
  },
  {
    method: 'GET',
    path: '/documents/:id/recipients',
    tag: 'documents',
    summary: 'Recipients and their states',
    access: ALL,
    response: Do.RecipientsResponse,
  },
  {
    method: 'GET',
    path: '/periods',
    tag: 'periods',
    summary: 'The academic year and its terms',
    access: ALL,
    query: Pe.PeriodsQuery,
    response: Pe.PeriodsResponse,
  },
  {
    method: 'GET',
    path: '/reports/summary',
    tag: 'reports',
    summary: 'Indicators for a period (JSON, XLSX, CSV or PDF)',
    access: STAFF,
    query: Pe.ReportQuery,
    response: Pe.ReportSummary,
  },
  {
    method: 'GET',
    path: '/audit',
    tag: 'audit',
    summary: 'The audit log',
    access: COORD,
    query: Au.AuditListQuery,
    response: C.pageOf(Au.AuditEntryResponse),
  },
  {
    method: 'GET',
    path: '/public/organisations/:slug',
    tag: 'public',
    summary: 'What the widget shows',
    access: 'public',
    response: Pu.PublicOrganisation,
  },
  {
    method: 'GET',
    path: '/public/organisations/:slug/events.ics',
    tag: 'public',
    summary: 'iCalendar feed of public activities',
    access: 'public',
    produces: 'text/calendar',
  },
  {
    method: 'GET',
    path: '/public/organisations/:slug/export.html',
    tag: 'public',
    summary: 'Static HTML fragment for sites without scripts',
    access: 'public',
    produces: 'text/html',
  },
];
