import type { EmailState, ReminderKind } from '@socium/domain';

import { EntitySchema } from '@mikro-orm/core';

/**
 * One in-app notification of one user (issue 15 item 2) and its e-mail. `(user_id, cause)` is unique: a cause (the
 * thing and the moment, e.g. a document's revision) is notified once per person however often reminders run.
 * E-mail: `pending` until sent, retried with back-off (`email_next_at`), `failed` after the last attempt, `off`
 * without SMTP or without an address.
 */
export class NotificationRecord {
  id!: string;
  userId!: string;
  cause!: string;
  kind!: ReminderKind;
  objectType!: string;
  objectId!: string;
  subject!: string;
  body!: string;
  /** path of the record in the panel, e.g. `/admin/documents/<id>` */
  link!: string;
  createdAt!: string;
  readAt: string | null = null;
  emailState: EmailState = 'off';
  emailAttempts = 0;
  emailNextAt: string | null = null;
  emailError: string | null = null;
  emailSentAt: string | null = null;
  /** the address when the e-mail is not for a user: an organisation without users (`userId` is then its id) */
  emailTo: string | null = null;
}
export const NotificationSchema = new EntitySchema<NotificationRecord>({
  class: NotificationRecord,
  tableName: 'notification',
  uniques: [{ name: 'notification_user_cause_unique', properties: ['userId', 'cause'] }],
  properties: {
    id: { type: 'string', length: 36, primary: true },
    userId: { type: 'string', length: 36 },
    cause: { type: 'string', length: 200 },
    kind: { type: 'string', length: 60 },
    objectType: { type: 'string', length: 40 },
    objectId: { type: 'string', length: 36 },
    subject: { type: 'string', length: 500 },
    body: { type: 'text' },
    link: { type: 'string', length: 300 },
    createdAt: { type: 'string', length: 30 },
    readAt: { type: 'string', length: 30, nullable: true },
    emailState: { type: 'string', length: 10 },
    emailAttempts: { type: 'integer' },
    emailNextAt: { type: 'string', length: 30, nullable: true },
    emailError: { type: 'string', length: 500, nullable: true },
    emailSentAt: { type: 'string', length: 30, nullable: true },
    emailTo: { type: 'string', length: 200, nullable: true },
  },
});
