import * as D from '@socium/domain';

import { z } from 'zod';

import { Id, ListQuery, pageOf } from './common.contract';

/** One in-app notification of the caller (issue 15 item 2). */
export const NotificationResponse = z.object({
  id: Id,
  kind: z.enum(D.REMINDER_KINDS),
  subject: z.string(),
  body: z.string(),
  /** the record in the panel */
  link: z.string(),
  objectType: z.string(),
  objectId: Id,
  createdAt: z.string(),
  readAt: z.string().nullable(),
  emailState: z.enum(D.EMAIL_STATES),
});
export type NotificationResponse = z.infer<typeof NotificationResponse>;
export const NotificationListQuery = ListQuery.extend({ unread: z.enum(['true', 'false']).optional() });
export type NotificationListQuery = z.infer<typeof NotificationListQuery>;
export const NotificationPage = pageOf(NotificationResponse).extend({ unread: z.number().int() });
export type NotificationPage = z.infer<typeof NotificationPage>;
export const ReadAllResponse = z.object({ read: z.number().int() });
export type ReadAllResponse = z.infer<typeof ReadAllResponse>;

/** `POST /notifications/run`: what one pass of the reminders did. */
export const ReminderRunResponse = z.object({
  /** false: another API process holds the run (PostgreSQL advisory lock) */
  ran: z.boolean(),
  reminders: z.number().int(),
  notificationsCreated: z.number().int(),
  emailsSent: z.number().int(),
  emailsFailed: z.number().int(),
  emailEnabled: z.boolean(),
});
export type ReminderRunResponse = z.infer<typeof ReminderRunResponse>;

/** The coordinator's view of e-mail delivery: what waits, what was sent, what failed and why. */
export const DeliveryResponse = z.object({
  id: Id,
  userId: Id,
  subject: z.string(),
  createdAt: z.string(),
  emailState: z.enum(D.EMAIL_STATES),
  emailAttempts: z.number().int(),
  emailNextAt: z.string().nullable(),
  emailError: z.string().nullable(),
  emailSentAt: z.string().nullable(),
  /** where the e-mail goes: the user's address, or an organisation's contact e-mail when it has no users */
  recipientEmail: z.string().nullable(),
  /** the organisation written to: the user's own (the department for a coordinator), or the one without users */
  organisationId: Id.nullable(),
  organisationName: z.string().nullable(),
});
export type DeliveryResponse = z.infer<typeof DeliveryResponse>;
export const DeliveryListQuery = ListQuery.extend({ state: z.enum(D.EMAIL_STATES).optional() });
export type DeliveryListQuery = z.infer<typeof DeliveryListQuery>;
export const DeliveryPage = pageOf(DeliveryResponse);
