import type { NetworkTerms } from '@socium/contracts';
import {
  DEFAULT_TERM_SCHEME,
  type ActivityForm,
  type ActivityStatus,
  type AgreementKind,
  type AgreementParty,
  type Language,
  type OrganisationKind,
  type PartnerType,
  type PlanStatus,
  type RecipientState,
  type Role,
  type TermSchemeKind,
} from '@socium/domain';

import { EntitySchema } from '@mikro-orm/core';

import { AgreementAmendmentSchema } from './amendment-record';
import { BASE_PROPERTIES as base, BaseRecord } from './base-record';
import { SchoolYearCalendarSchema, WorkingCalendarYearSchema } from './calendar-records';
import { EnrolmentSchema } from './enrolment-record';
import { IdempotencySchema } from './idempotency-record';
import { LabourNeedSchema, PlacementSchema } from './labour-records';
import { NotificationSchema } from './notification-record';
import { SingleUseLinkSchema } from './single-use-link-record';

/** Persistence records: plain classes + EntitySchema (no decorators); see `base-record.ts` for what they share. */

export class OrganisationRecord extends BaseRecord {
  kind!: OrganisationKind;
  name!: string;
  shortName!: string;
  slug!: string;
  partnerType: PartnerType | null = null;
  address: string | null = null;
  site: string | null = null;
  contacts: { role: string; phone?: string; email?: string }[] = [];
  isPublished = true;
  termScheme: TermSchemeKind = DEFAULT_TERM_SCHEME;
  /** a school's pupils in total; its профминимум level is on each year's enrolment record (migration 0032) */
  enrolment: number | null = null;
  /** a school's lesson hours on a school day, "HH:MM" (migration 0012; default 08:00–14:30, domain rules B1) */
  lessonsStartAt = '08:00';
  lessonsEndAt = '14:30';
  /** a partner's: the last day its confirmation of staff certificates (ТК ст. 351.1) holds (migration 0022) */
  vettingValidUntil: string | null = null;
  /** the language of e-mails to the organisation without users: 'ru' | 'tt' | 'en', null = Russian (migration 0033) */
  language: Language | null = null;
}
export const OrganisationSchema = new EntitySchema<OrganisationRecord>({
  class: OrganisationRecord,
  tableName: 'organisation',
  properties: {
    ...base,
    kind: { type: 'string', length: 20, index: true },
    name: { type: 'string', length: 300 },
    shortName: { type: 'string', length: 120 },
    slug: { type: 'string', length: 80, unique: true },
    partnerType: { type: 'string', length: 30, nullable: true },
    address: { type: 'string', length: 300, nullable: true },
    site: { type: 'string', length: 300, nullable: true },
    contacts: { type: 'json' },
    isPublished: { type: 'boolean' },
    termScheme: { type: 'string', length: 20 },
    enrolment: { type: 'integer', nullable: true },
    lessonsStartAt: { type: 'string', length: 5 },
    lessonsEndAt: { type: 'string', length: 5 },
    vettingValidUntil: { type: 'string', length: 10, nullable: true },
    language: { type: 'string', length: 2, nullable: true },
  },
});

export class UserRecord extends BaseRecord {
  email!: string;
  name!: string;
  role!: Role;
  organisationId!: string;
  passwordHash!: string;
  disabled = false;
  /** bumped on log-out, password change and disable: refresh tokens of older generations die */
  tokenGeneration = 1;
  /** the panel's language at the last log-in or refresh (migration 0021): notifications and e-mails use it */
  language: Language | null = null;
}
export const UserSchema = new EntitySchema<UserRecord>({
  class: UserRecord,
  tableName: 'app_user',
  properties: {
    ...base,
    email: { type: 'string', length: 200, unique: true },
    name: { type: 'string', length: 200 },
    role: { type: 'string', length: 20 },
    organisationId: { type: 'string', length: 36, index: true },
    passwordHash: { type: 'string', length: 200 },
    disabled: { type: 'boolean' },
    tokenGeneration: { type: 'integer' },
    language: { type: 'string', length: 2, nullable: true },
  },
});

export class RefreshTokenRecord {
  id!: string;
  userId!: string;
  tokenHash!: string;
  generation!: number;
  expiresAt!: string;
  revokedAt: string | null = null;
  createdAt!: string;
}
export const RefreshTokenSchema = new EntitySchema<RefreshTokenRecord>({
  class: RefreshTokenRecord,
  tableName: 'refresh_token',
  properties: {
    id: { type: 'string', length: 36, primary: true },
    userId: { type: 'string', length: 36, index: true },
    tokenHash: { type: 'string', length: 64, unique: true },
    generation: { type: 'integer' },
    expiresAt: { type: 'string', length: 30 },
    revokedAt: { type: 'string', length: 30, nullable: true },
    createdAt: { type: 'string', length: 30 },
  },
});

export class DirectionRecord extends BaseRecord {
  code!: string;
  name!: string;
}
export const DirectionSchema = new EntitySchema<DirectionRecord>({
  class: DirectionRecord,
  tableName: 'direction',
  properties: { ...base, code: { type: 'string', length: 50, unique: true }, name: { type: 'string', length: 200 } },
});

export class AgreementRecord extends BaseRecord {
  number!: string;
  kind!: AgreementKind;
  schoolId!: string;
  partnerId!: string;
  subject = '';
  goal = '';
  directionIds: string[] = [];
  obligations: { party: AgreementParty; text: string }[] = [];
  responsibleRoles: { school?: string; partner?: string } = {};
  networkTerms: NetworkTerms | null = null;
  startsOn!: string;
  endsOn: string | null = null;
  autoRenew = false;
  noticeDays = 30;
  signedBySchoolOn: string | null = null;
  signedByPartnerOn: string | null = null;
  terminatedOn: string | null = null;
  terminationReason: string | null = null;
  noticeGivenOn: string | null = null;
  scanFileId: string | null = null;
}
export const AgreementSchema = new EntitySchema<AgreementRecord>({
  class: AgreementRecord,
  tableName: 'agreement',
  properties: {
    ...base,
    number: { type: 'string', length: 60 },
    kind: { type: 'string', length: 30 },
    schoolId: { type: 'string', length: 36, index: true },
    partnerId: { type: 'string', length: 36, index: true },
    subject: { type: 'text' },
    goal: { type: 'text' },
    directionIds: { type: 'json' },
    obligations: { type: 'json' },
    responsibleRoles: { type: 'json' },
    networkTerms: { type: 'json', nullable: true },
    startsOn: { type: 'string', length: 10 },
    endsOn: { type: 'string', length: 10, nullable: true },
    autoRenew: { type: 'boolean' },
    noticeDays: { type: 'integer' },
    signedBySchoolOn: { type: 'string', length: 10, nullable: true },
    signedByPartnerOn: { type: 'string', length: 10, nullable: true },
    terminatedOn: { type: 'string', length: 10, nullable: true },
    terminationReason: { type: 'text', nullable: true },
    noticeGivenOn: { type: 'string', length: 10, nullable: true },
    scanFileId: { type: 'string', length: 36, nullable: true },
  },
});

export class FileRecord {
  id!: string;
  contentType!: string;
  fileName!: string;
  size!: number;
  data!: Buffer;
  createdAt!: string;
}
export const FileSchema = new EntitySchema<FileRecord>({
  class: FileRecord,
  tableName: 'stored_file',
  properties: {
    id: { type: 'string', length: 36, primary: true },
    contentType: { type: 'string', length: 100 },
    fileName: { type: 'string', length: 200 },
    size: { type: 'integer' },
    data: { type: 'blob', lazy: true },
    createdAt: { type: 'string', length: 30 },
  },
});

export class PlanRecord extends BaseRecord {
  organisationId!: string;
  academicYear!: string;
  agreementId: string | null = null;
  title = '';
  status: PlanStatus = 'draft';
  returnComment: string | null = null;
  submittedOn: string | null = null;
  approvedOn: string | null = null;
}
export const PlanSchema = new EntitySchema<PlanRecord>({
  class: PlanRecord,
  tableName: 'plan',
  indexes: [{ properties: ['organisationId', 'academicYear'] }],
  properties: {
    ...base,
    organisationId: { type: 'string', length: 36 },
    academicYear: { type: 'string', length: 9, index: true },
    agreementId: { type: 'string', length: 36, nullable: true, index: true },
    title: { type: 'string', length: 300 },
    status: { type: 'string', length: 20 },
    returnComment: { type: 'text', nullable: true },
    submittedOn: { type: 'string', length: 10, nullable: true },
    approvedOn: { type: 'string', length: 10, nullable: true },
  },
});

export class ActivityRecord extends BaseRecord {
  planId!: string;
  organisationId!: string;
  academicYear!: string;
  title!: string;
  directionId!: string;
  form!: ActivityForm;
  partnerId: string | null = null;
  startsOn!: string;
  endsOn!: string;
  /** the dates the plan set (G2 #5 counts the activity in their period): an edit of the plan moves them, a postponement does not */
  plannedStartsOn!: string;
  plannedEndsOn!: string;
  venue = '';
  targetGrades: number[] = [];
  plannedParticipants = 0;
  hours = 0;
  isPublic = false;
  professions: string[] = [];
  description = '';
  status: ActivityStatus = 'planned';
  heldOn: string | null = null;
  actualParticipants: number | null = null;
  result: string | null = null;
  evidenceLinks: string[] = [];
  cancelReason: string | null = null;
  /** the school confirmed the public text although the screening flagged it (reset when that text changes) */
  publicTextConfirmed = false;
  /** the partner representative's confirmation (`POST /activities/:id/confirm`), withdrawn when the dates move */
  partnerConfirmedAt: string | null = null;
  partnerConfirmedBy: string | null = null;
  partnerComment: string | null = null;
}
export const ActivitySchema = new EntitySchema<ActivityRecord>({
  class: ActivityRecord,
  tableName: 'activity',
  indexes: [{ properties: ['organisationId', 'startsOn'] }],
  properties: {
    ...base,
    planId: { type: 'string', length: 36, index: true },
    organisationId: { type: 'string', length: 36 },
    academicYear: { type: 'string', length: 9, index: true },
    title: { type: 'string', length: 300 },
    directionId: { type: 'string', length: 36 },
    form: { type: 'string', length: 40 },
    partnerId: { type: 'string', length: 36, nullable: true, index: true },
    startsOn: { type: 'string', length: 10 },
    endsOn: { type: 'string', length: 10 },
    // set to the first dates when the activity is created (migration 0010 backfilled the existing ones)
    plannedStartsOn: { type: 'string', length: 10, onCreate: (a: ActivityRecord) => a.startsOn },
    plannedEndsOn: { type: 'string', length: 10, onCreate: (a: ActivityRecord) => a.endsOn },
    venue: { type: 'string', length: 300 },
    targetGrades: { type: 'json' },
    plannedParticipants: { type: 'integer' },
    hours: { type: 'double' },
    isPublic: { type: 'boolean' },
    professions: { type: 'json' },
    description: { type: 'text' },
    status: { type: 'string', length: 20 },
    heldOn: { type: 'string', length: 10, nullable: true },
    actualParticipants: { type: 'integer', nullable: true },
    result: { type: 'text', nullable: true },
    evidenceLinks: { type: 'json' },
    cancelReason: { type: 'text', nullable: true },
    publicTextConfirmed: { type: 'boolean', default: false },
    partnerConfirmedAt: { type: 'string', length: 30, nullable: true },
    partnerConfirmedBy: { type: 'string', length: 36, nullable: true },
    partnerComment: { type: 'text', nullable: true },
  },
});

export class DocumentRecord extends BaseRecord {
  number!: string;
  title!: string;
  issuedOn!: string;
  summary = '';
  dueOn: string | null = null;
  isPublic = false;
  /** 1 for the first version; a new version asks every recipient again */
  revision = 1;
  /** the deadline as N working days after the issue date, when given so (then `dueOn` is computed) */
  dueWorkingDays: number | null = null;
}
export const DocumentSchema = new EntitySchema<DocumentRecord>({
  class: DocumentRecord,
  tableName: 'document',
  properties: {
    ...base,
    number: { type: 'string', length: 60 },
    title: { type: 'string', length: 500 },
    issuedOn: { type: 'string', length: 10 },
    summary: { type: 'text' },
    dueOn: { type: 'string', length: 10, nullable: true },
    isPublic: { type: 'boolean' },
    revision: { type: 'integer', default: 1 },
    dueWorkingDays: { type: 'integer', nullable: true },
  },
});

/** A file attached to a document (the bytes in `stored_file`, so backups carry them). */
export class DocumentFileRecord {
  id!: string;
  documentId!: string;
  fileId!: string;
  fileName!: string;
  createdAt!: string;
}
export const DocumentFileSchema = new EntitySchema<DocumentFileRecord>({
  class: DocumentFileRecord,
  tableName: 'document_file',
  properties: {
    id: { type: 'string', length: 36, primary: true },
    documentId: { type: 'string', length: 36 },
    fileId: { type: 'string', length: 36 },
    fileName: { type: 'string', length: 200 },
    createdAt: { type: 'string', length: 30 },
  },
});

export class DocumentRecipientRecord {
  id!: string;
  documentId!: string;
  organisationId!: string;
  state: RecipientState = 'sent';
  sentOn!: string;
  receivedOn: string | null = null;
  acknowledgedOn: string | null = null;
  acknowledgedBy: string | null = null;
  respondedOn: string | null = null;
  response: string | null = null;
  closedOn: string | null = null;
  /** the recipient's own registration number of the incoming document, recorded on receipt */
  incomingNumber: string | null = null;
  /** the document's revision this recipient was last sent */
  revision = 1;
  /** the organisation's own plan its response names */
  planId: string | null = null;
  /** the `stored_file` attached to the response, and the name it was uploaded under */
  responseFileId: string | null = null;
  responseFileName: string | null = null;
}
export const DocumentRecipientSchema = new EntitySchema<DocumentRecipientRecord>({
  class: DocumentRecipientRecord,
  tableName: 'document_recipient',
  uniques: [{ properties: ['documentId', 'organisationId'] }],
  properties: {
    id: { type: 'string', length: 36, primary: true },
    documentId: { type: 'string', length: 36, index: true },
    organisationId: { type: 'string', length: 36, index: true },
    state: { type: 'string', length: 20 },
    sentOn: { type: 'string', length: 10 },
    receivedOn: { type: 'string', length: 10, nullable: true },
    acknowledgedOn: { type: 'string', length: 10, nullable: true },
    acknowledgedBy: { type: 'string', length: 36, nullable: true },
    respondedOn: { type: 'string', length: 10, nullable: true },
    response: { type: 'text', nullable: true },
    closedOn: { type: 'string', length: 10, nullable: true },
    incomingNumber: { type: 'string', length: 60, nullable: true },
    revision: { type: 'integer', default: 1 },
    planId: { type: 'string', length: 36, nullable: true },
    responseFileId: { type: 'string', length: 36, nullable: true },
    responseFileName: { type: 'string', length: 200, nullable: true },
  },
});

export class AuditRecord {
  id!: string;
  at!: string;
  userId: string | null = null;
  action!: string;
  objectType!: string;
  objectId!: string;
  before: Record<string, unknown> | null = null;
  after: Record<string, unknown> | null = null;
}
export const AuditSchema = new EntitySchema<AuditRecord>({
  class: AuditRecord,
  tableName: 'audit_entry',
  indexes: [{ properties: ['objectType', 'objectId'] }],
  properties: {
    id: { type: 'string', length: 36, primary: true },
    at: { type: 'string', length: 30, index: true },
    userId: { type: 'string', length: 36, nullable: true, index: true },
    action: { type: 'string', length: 40 },
    objectType: { type: 'string', length: 40 },
    objectId: { type: 'string', length: 36 },
    before: { type: 'json', nullable: true },
    after: { type: 'json', nullable: true },
  },
});

export const ENTITY_SCHEMAS = [
  OrganisationSchema,
  UserSchema,
  RefreshTokenSchema,
  DirectionSchema,
  AgreementSchema,
  AgreementAmendmentSchema,
  FileSchema,
  PlanSchema,
  ActivitySchema,
  LabourNeedSchema,
  PlacementSchema,
  DocumentSchema,
  DocumentRecipientSchema,
  DocumentFileSchema,
  AuditSchema,
  IdempotencySchema,
  EnrolmentSchema,
  NotificationSchema,
  SingleUseLinkSchema,
  SchoolYearCalendarSchema,
  WorkingCalendarYearSchema,
];
