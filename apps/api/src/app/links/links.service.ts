import {
  ActivityRecord,
  DocumentRecipientRecord,
  DocumentRecord,
  OrganisationRecord,
  SingleUseLinkRecord,
  UserRecord,
} from '@socium/api-persistence';
import type {
  CreatedLinkResponse,
  CreateLinkRequest,
  LinkResponse,
  UsedLinkResponse,
  UseLinkRequest,
} from '@socium/contracts';
import {
  checkLinkUsable,
  contactEmail,
  LANGUAGES,
  LINK_RULES,
  linkExpiry,
  type Language,
  type LinkPurpose,
} from '@socium/domain';

import { createHash, randomBytes } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable, Logger } from '@nestjs/common';

import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/policy.decorator';
import { ClockService } from '../clock/clock.service';
import { newId } from '../common/crud.support';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DocumentsService } from '../documents/documents.service';
import { fail, forbidden, notFound, orThrow } from '../http/app-error';
import { MailerService } from '../notifications/mailer.service';
import { ActivitiesService } from '../plans/activities.service';
import { LINK_TEXTS } from './link-texts';

/** A token is 32 random bytes, base64url (43 characters); anything else finds nothing. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const hashOf = (token: string): string => createHash('sha256').update(token).digest('hex');
/** `createdBy` of the links made by the system (the reminders' e-mails), not by a person. */
export const SYSTEM_MADE = 'system';

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
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(c: Caller, body: CreateLinkRequest): Promise<CreatedLinkResponse> {
    const organisationId = await this.targetOrganisation(c, body);
    const org = await this.em.findOne(OrganisationRecord, { id: organisationId });
    if (!org) throw notFound('organisation');
    const email = body.email ?? contactEmail(org.contacts);
    const { record: r, url } = await this.issue(this.em, {
      purpose: body.purpose,
      objectId: body.objectId,
      organisationId,
      email,
      createdBy: c.id,
    });
    let emailedTo: string | null = null;
    if (email && this.mailer.enabled) {
      try {
        // in the recipient's language when it is known (then the link opens its page in it too), else the
        // organisation's language for e-mails, else Russian
        const lang = (await this.languageOf(organisationId, email)) ?? org.language;
        await this.mailer.send({
          to: email,
          subject: LINK_TEXTS[lang ?? 'ru'].subject[body.purpose],
          text: mailText(lang ?? 'ru', body.purpose, await this.describeRecord(r), lang ? `${url}?lang=${lang}` : url),
        });
        emailedTo = email;
      } catch (e) {
        this.log.warn(`The link ${r.id} was made but not e-mailed: ${String((e as Error).message ?? e)}`);
      }
    }
    return { id: r.id, url, expiresAt: r.expiresAt, emailedTo };
  }

  /**
   * Makes a link (only its token's hash is stored) and returns its address, without e-mailing it: `create` mails it
   * at once, the reminders put it in the e-mail outbox of an organisation without users. Flushed in `em`.
   */
  async issue(
    em: EntityManager,
    link: Pick<SingleUseLinkRecord, 'purpose' | 'objectId' | 'organisationId' | 'email' | 'createdBy'>,
  ): Promise<{ record: SingleUseLinkRecord; url: string }> {
    const token = randomBytes(32).toString('base64url');
    const r = new SingleUseLinkRecord();
    Object.assign(r, {
      id: newId(),
      tokenHash: hashOf(token),
      ...link,
      createdAt: this.clock.nowIso(),
      expiresAt: linkExpiry(this.clock.nowMs()),
      usedAt: null,
    });
    em.persist(r);
    // who made it (none for the reminders'), for whom and until when; never the token
    this.audit.record(em, {
      userId: link.createdBy === SYSTEM_MADE ? null : link.createdBy,
      action: 'create',
      objectType: 'single_use_link',
      objectId: r.id,
      after: {
        purpose: r.purpose,
        objectId: r.objectId,
        organisationId: r.organisationId,
        email: r.email,
        expiresAt: r.expiresAt,
      },
    });
    await em.flush();
    return { record: r, url: `${this.config.publicUrl ?? ''}/link/${token}` };
  }

  /** What the link asks, without using it. */
  async describe(token: string): Promise<LinkResponse> {
    return this.describeRecord(orThrowUsable(await this.find(token), this.clock.nowIso()));
  }

  private async describeRecord(link: SingleUseLinkRecord): Promise<LinkResponse> {
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

  /**
   * The language of whoever reads the e-mail: the user with that address, else the one most of the organisation's
   * active users last used; null when nobody is known (an organisation without accounts).
   */
  private async languageOf(organisationId: string, email: string): Promise<Language | null> {
    const users = await this.em.find(
      UserRecord,
      { organisationId, disabled: false },
      { fields: ['email', 'language'], orderBy: { email: 'asc' } },
    );
    const known = (l: string | null | undefined): Language | null => LANGUAGES.find((x) => x === l) ?? null;
    const own = await this.em.findOne(UserRecord, { email: email.toLowerCase() }, { fields: ['language'] });
    if (own && known(own.language)) return known(own.language);
    const counts = new Map<Language, number>();
    for (const u of users) {
      const l = known(u.language);
      if (l) counts.set(l, (counts.get(l) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
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
        {
          ru: 'Организация не является получателем документа',
          en: 'The organisation is not a recipient',
          tt: 'Оешма документны алучы түгел',
        },
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

/** The e-mail that carries a link: what is asked, what about, the link. */
function mailText(lang: Language, purpose: LinkPurpose, link: LinkResponse, url: string): string {
  const t = LINK_TEXTS[lang];
  const day = (iso: string | null) => (iso ? iso.slice(0, 10).split('-').reverse().join('.') : '');
  const what =
    purpose === 'activity.confirm'
      ? t.activityLine(link.title, day(link.startsOn))
      : t.documentLine(link.number ?? '', day(link.startsOn), link.title);
  return `${t.mailIntro[purpose]}\n\n${url}\n\n${t.organisation(link.organisationName)}\n${what}\n${t.validUntil(day(link.expiresAt))}\n`;
}
