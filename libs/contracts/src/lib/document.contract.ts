import * as D from '@socium/domain';

import { z } from 'zod';

import { Id, IsoDate, ListQuery, RequiredText, Text, Version } from './common.contract';

export const RECIPIENT_STATES = D.RECIPIENT_STATES;
const documentFields = {
  number: RequiredText(60),
  title: RequiredText(500),
  issuedOn: IsoDate,
  summary: Text(4000),
  dueOn: IsoDate.nullable(),
  isPublic: z.boolean(),
};
/** A deadline as N working days after the issue date, on the district's working-day calendar (F1). */
const DueWorkingDays = z.number().int().min(1).max(60);
const oneDeadline = (b: { dueOn?: string | null; dueWorkingDays?: number | null }) => !(b.dueOn && b.dueWorkingDays);
const oneDeadlineIssue = { message: 'Give either dueOn or dueWorkingDays, not both', path: ['dueWorkingDays'] };
export const CreateDocumentRequest = z
  .strictObject({
    ...documentFields,
    summary: documentFields.summary.default(''),
    dueOn: documentFields.dueOn.default(null),
    dueWorkingDays: DueWorkingDays.nullable().default(null),
    isPublic: documentFields.isPublic.default(false),
  })
  .refine(oneDeadline, oneDeadlineIssue);
export type CreateDocumentRequest = z.infer<typeof CreateDocumentRequest>;
export const UpdateDocumentRequest = z
  .strictObject({ ...documentFields, dueWorkingDays: DueWorkingDays.nullable(), version: Version })
  .partial()
  .required({ version: true })
  .refine(oneDeadline, oneDeadlineIssue);
export type UpdateDocumentRequest = z.infer<typeof UpdateDocumentRequest>;
/** Who gets a mailing besides the named ones: every school, organisations of some kinds or partner types. */
export const DocumentAudience = z.strictObject({
  schools: z.boolean().optional(),
  kinds: z.array(z.enum(D.ORGANISATION_KINDS)).max(3).optional(),
  partnerTypes: z.array(z.enum(D.PARTNER_TYPES)).max(D.PARTNER_TYPES.length).optional(),
});
export const SendDocumentRequest = z
  .strictObject({ recipientIds: z.array(Id).min(1).max(5000).optional(), audience: DocumentAudience.optional() })
  .refine((b) => b.recipientIds !== undefined || b.audience !== undefined, {
    message: 'Name the recipients (recipientIds) or an audience',
    path: ['recipientIds'],
  });
export type SendDocumentRequest = z.infer<typeof SendDocumentRequest>;
export const AcknowledgeDocumentRequest = z.strictObject({ comment: Text(2000).optional() }).optional();
/** `POST /documents/:id/receive`: the recipient's incoming number and the day it registered the document. */
export const ReceiveDocumentRequest = z
  .strictObject({ incomingNumber: Text(60).optional(), receivedOn: IsoDate.optional() })
  .optional();
export type ReceiveDocumentRequest = z.infer<typeof ReceiveDocumentRequest>;
/** `POST /documents/:id/close`: the coordinator closes one recipient's line (after its acknowledgement). */
export const CloseRecipientRequest = z.strictObject({ organisationId: Id });
export type CloseRecipientRequest = z.infer<typeof CloseRecipientRequest>;
/** `POST /documents/:id/reissue`: a new version; every recipient is asked again. */
export const ReissueDocumentRequest = z
  .strictObject({
    title: documentFields.title.optional(),
    summary: documentFields.summary.optional(),
    dueOn: documentFields.dueOn.optional(),
    dueWorkingDays: DueWorkingDays.nullable().optional(),
    reason: RequiredText(2000),
    version: Version,
  })
  .refine(oneDeadline, oneDeadlineIssue);
export type ReissueDocumentRequest = z.infer<typeof ReissueDocumentRequest>;
export const RespondDocumentRequest = z.strictObject({ response: RequiredText(4000), planId: Id.optional() });
export type RespondDocumentRequest = z.infer<typeof RespondDocumentRequest>;
export const DocumentResponse = z.object({
  id: Id,
  number: z.string(),
  title: z.string(),
  issuedOn: z.string(),
  summary: z.string(),
  dueOn: z.string().nullable(),
  dueWorkingDays: z.number().int().nullable(),
  isPublic: z.boolean(),
  revision: z.number().int(),
  recipientsCount: z.number().int(),
  acknowledgedCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DocumentResponse = z.infer<typeof DocumentResponse>;
export const RecipientResponse = z.object({
  organisationId: Id,
  organisationName: z.string(),
  state: z.enum(RECIPIENT_STATES),
  revision: z.number().int(),
  sentOn: z.string(),
  incomingNumber: z.string().nullable(),
  receivedOn: z.string().nullable(),
  acknowledgedOn: z.string().nullable(),
  respondedOn: z.string().nullable(),
  response: z.string().nullable(),
  closedOn: z.string().nullable(),
  overdue: z.boolean(),
  /** the organisation's own work plan its response names, and that plan's title */
  planId: Id.nullable(),
  planTitle: z.string().nullable(),
  /** the file attached to the response (download: GET /documents/:id/recipients/:orgId/response-file) */
  responseFile: z
    .object({ fileName: z.string(), contentType: z.string(), size: z.number().int(), createdAt: z.string() })
    .nullable(),
});
export type RecipientResponse = z.infer<typeof RecipientResponse>;
export const RecipientsResponse = z.object({ items: z.array(RecipientResponse), total: z.number().int() });
export type RecipientsResponse = z.infer<typeof RecipientsResponse>;
/** A file attached to a document (PDF, DOCX, XLSX, ODT, JPEG or PNG, ≤ 10 MB; at most 10 per document). */
export const DocumentFileResponse = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
});
export type DocumentFileResponse = z.infer<typeof DocumentFileResponse>;
export const DocumentListQuery = ListQuery.extend({
  isPublic: z.enum(['true', 'false']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
});
export type DocumentListQuery = z.infer<typeof DocumentListQuery>;
