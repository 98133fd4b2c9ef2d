import {
  ActivityRecord,
  DocumentRecipientRecord,
  DocumentRecord,
  OrganisationRecord,
  SingleUseLinkRecord,
} from '@socium/api-persistence';
import type {
  CreatedLinkResponse,
  CreateLinkRequest,
  LinkResponse,
  UsedLinkResponse,
  UseLinkRequest,
} from '@socium/contracts';
import { checkLinkUsable, LINK_RULES, linkExpiry } from '@socium/domain';

import { createHash, randomBytes } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable, Logger } from '@nestjs/common';

import { AccessService } from '../access/access.service';
import type { Caller } from '../auth/policy.decorator';
import { ClockService } from '../clock/clock.service';
import { newId } from '../common/crud.support';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DocumentsService } from '../documents/documents.service';
import { fail, forbidden, notFound, orThrow } from '../http/app-error';
import { MailerService } from '../notifications/mailer.service';
import { ActivitiesService } from '../plans/activities.service';

/** A token is 32 random bytes, base64url (43 characters); anything else finds nothing. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const hashOf = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * Single-use links (issue 15 item 3): staff make one for an organisation without an account — the partner of an
 * activity confirms it, a recipient acknowledges a document — and it is e-mailed; whoever opens it may do that one
 * thing once before it expires, without logging in. Only the token's hash is stored; every use is audited.
 */
@Injectable()
export class LinksService {
  private readonly log = new Logger('Links');

  constructor(
    private readonly em: EntityManager,
    private readonly access: AccessService,
    private readonly clock: ClockService,
    private readonly activities: ActivitiesService,
    private readonly documents: DocumentsService,
    private readonly mailer: MailerService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(c: Caller, body: CreateLinkRequest): Promise<CreatedLinkResponse> {
    const organisationId = await this.targetOrganisation(c, body);
    const org = await this.em.findOne(OrganisationRecord, { id: organisationId });
    if (!org) throw notFound('organisation');
    const token = randomBytes(32).toString('base64url');
    const r = new SingleUseLinkRecord();
    const email = body.email ?? org.contacts?.find((x) => x.email)?.email ?? null;
    Object.assign(r, {
      id: newId(),
      tokenHash: hashOf(token),
      purpose: body.purpose,
      objectId: body.objectId,
      organisationId,
      email,
      createdBy: c.id,
      createdAt: this.clock.nowIso(),
      expiresAt: linkExpiry(this.clock.nowMs()),
      usedAt: null,
    });
    this.em.persist(r);
    await this.em.flush();
    const url = `${this.config.publicUrl ?? ''}/link/${token}`;
    let emailedTo: string | null = null;
    if (email && this.mailer.enabled) {
      try {
        await this.mailer.send({
          to: email,
          subject: subjectOf(body.purpose),
          text: `${textOf(body.purpose)}\n\n${url}\n`,
        });
        emailedTo = email;
      } catch (e) {
        this.log.warn(`The link ${r.id} was made but not e-mailed: ${String((e as Error).message ?? e)}`);
      }
    }
    return { id: r.id, url, expiresAt: r.expiresAt, emailedTo };
  }

  /** What the link asks, without using it. */
  async describe(token: string): Promise<LinkResponse> {
    const link = orThrowUsable(await this.find(token), this.clock.nowIso());
    const org = await this.em.findOne(OrganisationRecord, { id: link.organisationId }, { fields: ['name'] });
    if (link.purpose === 'activity.confirm') {
      const a = await this.em.findOne(ActivityRecord, { id: link.objectId });
      if (!a) throw notFound('link');
      return base(link, org?.name ?? '', { title: a.title, startsOn: a.startsOn, number: null });
    }
    const d = await this.em.findOne(DocumentRecord, { id: link.objectId });
    if (!d) throw notFound('link');
    return base(link, org?.name ?? '', { title: d.title, startsOn: d.issuedOn, number: d.number });
  }

  /** Does what the link asks, once: the link is spent in the same step (a second use is refused). */
  async use(token: string, body: UseLinkRequest): Promise<UsedLinkResponse> {
    const link = orThrowUsable(await this.find(token), this.clock.nowIso());
    // spend it first, atomically: of two simultaneous uses one wins
    const spent = await this.em.nativeUpdate(
      SingleUseLinkRecord,
      { id: link.id, usedAt: null },
      { usedAt: this.clock.nowIso() },
    );
    if (!spent) orThrowUsable({ ...link, usedAt: 'now' }, this.clock.nowIso());
    const via = `link:${link.id}`;
    if (link.purpose === 'activity.confirm') {
      const a = await this.em.findOne(ActivityRecord, { id: link.objectId });
      if (!a || a.partnerId !== link.organisationId) throw notFound('link');
      await this.activities.recordConfirmation(a, { userId: null, via }, body?.comment);
    } else {
      await this.documents.transition({ id: null, organisationId: link.organisationId, via }, link.objectId, {
        action: 'acknowledge',
        comment: body?.comment,
      });
    }
    return { purpose: link.purpose, done: true };
  }

  private async find(token: string): Promise<SingleUseLinkRecord> {
    const r = TOKEN.test(token) ? await this.em.findOne(SingleUseLinkRecord, { tokenHash: hashOf(token) }) : null;
    if (!r) throw notFound('link');
    return r;
  }

  /** The organisation the link acts for, after the maker's own rights on the object. */
  private async targetOrganisation(c: Caller, body: CreateLinkRequest): Promise<string> {
    if (body.purpose === 'activity.confirm') {
      const { activity } = await this.activities.loadWritable(c, body.objectId);
      if (!activity.partnerId)
        throw fail(
          LINK_RULES.targetInvalid,
          { ru: 'У мероприятия нет партнёра', en: 'The activity has no partner', tt: 'Чараның партнеры юк' },
          'objectId',
        );
      return activity.partnerId;
    }
    if (!this.access.isCoordinator(c)) throw forbidden();
    await this.documents.load(body.objectId);
    const recipient = body.organisationId
      ? await this.em.findOne(DocumentRecipientRecord, {
          documentId: body.objectId,
          organisationId: body.organisationId,
        })
      : null;
    if (!recipient)
      throw fail(
        LINK_RULES.targetInvalid,
        { ru: 'Организация не является получателем документа', en: 'The organisation is not a recipient', tt: 'Оешма документны алучы түгел' },
        'organisationId',
      );
    return recipient.organisationId;
  }
}

function orThrowUsable(link: SingleUseLinkRecord, now: string): SingleUseLinkRecord {
  orThrow(checkLinkUsable(link, now));
  return link;
}

function base(
  link: SingleUseLinkRecord,
  organisationName: string,
  what: Pick<LinkResponse, 'title' | 'startsOn' | 'number'>,
): LinkResponse {
  return { purpose: link.purpose, organisationName, expiresAt: link.expiresAt, ...what };
}

function subjectOf(purpose: CreateLinkRequest['purpose']): string {
  return purpose === 'activity.confirm' ? 'Подтвердите участие в мероприятии' : 'Подтвердите ознакомление с документом';
}

function textOf(purpose: CreateLinkRequest['purpose']): string {
  return purpose === 'activity.confirm'
    ? 'Школа просит подтвердить участие вашей организации в совместном мероприятии. Откройте ссылку (она действует один раз):'
    : 'Отдел образования просит подтвердить ознакомление с документом. Откройте ссылку (она действует один раз):';
}
