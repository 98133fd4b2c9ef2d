import { NotificationRecord, OrganisationRecord, UserRecord } from '@socium/api-persistence';
import type {
  DeliveryListQuery,
  DeliveryResponse,
  NotificationListQuery,
  NotificationPage,
  NotificationResponse,
  Page,
  ReadAllResponse,
} from '@socium/contracts';

import { EntityManager, FilterQuery } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';

import type { Caller } from '../auth/policy.decorator';
import { ClockService } from '../clock/clock.service';
import { findPage } from '../common/crud.support';
import { notFound } from '../http/app-error';

/** Each user's own notifications (the bell), and the coordinator's view of e-mail delivery. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: ClockService,
  ) {}

  async list(c: Caller, q: NotificationListQuery): Promise<NotificationPage> {
    const where: FilterQuery<NotificationRecord> = { userId: c.id };
    if (q.unread) where.readAt = q.unread === 'true' ? null : { $ne: null };
    const [page, unread] = await Promise.all([
      findPage(this.em, NotificationRecord, where, q, { createdAt: 'desc' }, toNotificationResponse),
      this.em.count(NotificationRecord, { userId: c.id, readAt: null }),
    ]);
    return { ...page, unread };
  }

  /** Marks one of the caller's notifications read (someone else's is 404). */
  async read(c: Caller, id: string): Promise<NotificationResponse> {
    const r = await this.em.findOne(NotificationRecord, { id, userId: c.id });
    if (!r) throw notFound('notification');
    r.readAt ??= this.clock.nowIso();
    await this.em.flush();
    return toNotificationResponse(r);
  }

  async readAll(c: Caller): Promise<ReadAllResponse> {
    const read = await this.em.nativeUpdate(
      NotificationRecord,
      { userId: c.id, readAt: null },
      { readAt: this.clock.nowIso() },
    );
    return { read };
  }

  /**
   * The e-mails as the coordinator follows them: each with its address (the user's, or the contact e-mail of an
   * organisation without users, whose id the row holds as `userId`) and the organisation's name, not ids.
   */
  async deliveries(q: DeliveryListQuery): Promise<Page<DeliveryResponse>> {
    const where: FilterQuery<NotificationRecord> = q.state ? { emailState: q.state } : { emailState: { $ne: 'off' } };
    const page = await findPage(this.em, NotificationRecord, where, q, { createdAt: 'desc' }, (r) => r);
    const userIds = [...new Set(page.items.filter((r) => !r.emailTo).map((r) => r.userId))];
    const users = new Map(
      (userIds.length
        ? await this.em.find(UserRecord, { id: { $in: userIds } }, { fields: ['id', 'email', 'organisationId'] })
        : []
      ).map((u) => [u.id, u]),
    );
    const orgOf = (r: NotificationRecord): string | null =>
      r.emailTo ? r.userId : (users.get(r.userId)?.organisationId ?? null);
    const orgIds = [...new Set(page.items.map(orgOf).filter((x): x is string => !!x))];
    const names = new Map(
      (orgIds.length
        ? await this.em.find(OrganisationRecord, { id: { $in: orgIds } }, { fields: ['id', 'name', 'shortName'] })
        : []
      ).map((o) => [o.id, o.shortName || o.name]),
    );
    return {
      ...page,
      items: page.items.map((r) => {
        const organisationId = orgOf(r);
        return {
          id: r.id,
          userId: r.userId,
          subject: r.subject,
          createdAt: r.createdAt,
          emailState: r.emailState,
          emailAttempts: r.emailAttempts,
          emailNextAt: r.emailNextAt,
          emailError: r.emailError,
          emailSentAt: r.emailSentAt,
          recipientEmail: r.emailTo ?? users.get(r.userId)?.email ?? null,
          organisationId: organisationId && names.has(organisationId) ? organisationId : null,
          organisationName: (organisationId && names.get(organisationId)) || null,
        };
      }),
    };
  }
}

function toNotificationResponse(r: NotificationRecord): NotificationResponse {
  return {
    id: r.id,
    kind: r.kind,
    subject: r.subject,
    body: r.body,
    link: r.link,
    objectType: r.objectType,
    objectId: r.objectId,
    createdAt: r.createdAt,
    readAt: r.readAt,
    emailState: r.emailState,
  };
}
