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
export const CreateDocumentRequest = z.strictObject({
  ...documentFields,
  summary: documentFields.summary.default(''),
  dueOn: documentFields.dueOn.default(null),
  isPublic: documentFields.isPublic.default(false),
});
export type CreateDocumentRequest = z.infer<typeof CreateDocumentRequest>;
export const UpdateDocumentRequest = z
  .strictObject({ ...documentFields, version: Version })
  .partial()
  .required({ version: true });
export type UpdateDocumentRequest = z.infer<typeof UpdateDocumentRequest>;
export const SendDocumentRequest = z.strictObject({ recipientIds: z.array(Id).min(1).max(5000) });
export type SendDocumentRequest = z.infer<typeof SendDocumentRequest>;
export const AcknowledgeDocumentRequest = z.strictObject({ comment: Text(2000).optional() }).optional();
export const RespondDocumentRequest = z.strictObject({ response: RequiredText(4000), planId: Id.optional() });
export type RespondDocumentRequest = z.infer<typeof RespondDocumentRequest>;
export const DocumentResponse = z.object({
  id: Id,
  number: z.string(),
  title: z.string(),
  issuedOn: z.string(),
  summary: z.string(),
  dueOn: z.string().nullable(),
  isPublic: z.boolean(),
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
  sentOn: z.string(),
  receivedOn: z.string().nullable(),
  acknowledgedOn: z.string().nullable(),
  respondedOn: z.string().nullable(),
  response: z.string().nullable(),
  closedOn: z.string().nullable(),
  overdue: z.boolean(),
});
export type RecipientResponse = z.infer<typeof RecipientResponse>;
export const RecipientsResponse = z.object({ items: z.array(RecipientResponse), total: z.number().int() });
export type RecipientsResponse = z.infer<typeof RecipientsResponse>;
export const DocumentListQuery = ListQuery.extend({
  isPublic: z.enum(['true', 'false']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
});
export type DocumentListQuery = z.infer<typeof DocumentListQuery>;
