import { ActivityRecord, AgreementRecord, OrganisationRecord, PlanRecord, UserRecord } from '@socium/api-persistence';
import type {
  CreateOrganisationRequest,
  OrganisationListQuery,
  OrganisationResponse,
  Page,
  UpdateOrganisationRequest,
} from '@socium/contracts';
import { DEFAULT_LESSON_HOURS, DEFAULT_TERM_SCHEME } from '@socium/domain';

import { EntityManager, FilterQuery } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';

import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/policy.decorator';
import { ClockService } from '../clock/clock.service';
import { applyPatch, checkVersion, findPage, newId, snapshot, textSearch } from '../common/crud.support';
import { levelToCurrentYear } from '../enrolment/current-level';
import { AppError, conflict, invalid, notFound } from '../http/app-error';
import { toOrganisationResponse } from './organisation.mapper';

/** 409 organisation.slug.taken: the service's own check and the database's unique index (a race) say it alike. */
export const slugTaken = (slug?: string): AppError =>
  slug === undefined
    ? conflict('organisation.slug.taken', 'The slug is taken', 'Адрес уже занят', 'Адрес инде алынган', 'slug')
    : conflict(
        'organisation.slug.taken',
        `The slug "${slug}" is taken`,
        `Адрес «${slug}» уже занят`,
        `«${slug}» адресы инде алынган`,
        'slug',
      );

/** The lesson hours of a school that has not recorded its own (`DEFAULT_LESSON_HOURS` of the domain, B1). */
const DEFAULT_LESSONS = {
  lessonsStartAt: DEFAULT_LESSON_HOURS.startsAt.toString(),
  lessonsEndAt: DEFAULT_LESSON_HOURS.endsAt.toString(),
};

@Injectable()
export class OrganisationsService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
    private readonly clock: ClockService,
  ) {}

  list(q: OrganisationListQuery): Promise<Page<OrganisationResponse>> {
    const where: FilterQuery<OrganisationRecord> = {};
    if (q.kind) where.kind = q.kind;
    if (q.partnerType) where.partnerType = q.partnerType;
    if (q.isPublished) where.isPublished = q.isPublished === 'true';
    if (q.q)
      where.$or = textSearch<OrganisationRecord, 'organisation'>('organisation', ['name', 'shortName', 'slug'], q.q);
    return findPage(this.em, OrganisationRecord, where, q, { kind: 'asc', shortName: 'asc' }, toOrganisationResponse);
  }

  async get(id: string): Promise<OrganisationResponse> {
    return toOrganisationResponse(await this.load(id));
  }

  async create(c: Caller, body: CreateOrganisationRequest): Promise<OrganisationResponse> {
    this.checkPartnerType(body.kind, body.partnerType ?? null);
    this.checkLessonHours(body.kind, body, DEFAULT_LESSONS);
    await this.checkSlugFree(body.slug);
    const r = new OrganisationRecord();
    const now = this.clock.nowIso();
    Object.assign(r, {
      ...body,
      id: newId(),
      version: 1,
      createdAt: now,
      updatedAt: now,
      partnerType: body.partnerType ?? null,
      address: body.address ?? null,
      site: body.site ?? null,
      contacts: body.contacts ?? [],
      isPublished: body.isPublished ?? true,
      termScheme: body.termScheme ?? DEFAULT_TERM_SCHEME,
      profminimumLevel: body.profminimumLevel ?? null,
      enrolment: body.enrolment ?? null,
      lessonsStartAt: body.lessonsStartAt ?? DEFAULT_LESSONS.lessonsStartAt,
      lessonsEndAt: body.lessonsEndAt ?? DEFAULT_LESSONS.lessonsEndAt,
      vettingValidUntil: body.vettingValidUntil ?? null,
      language: body.language ?? null,
    });
    this.em.persist(r);
    this.audit.record(this.em, {
      userId: c.id,
      action: 'create',
      objectType: 'organisation',
      objectId: r.id,
      after: snapshot(r),
    });
    await this.em.flush();
    return toOrganisationResponse(r);
  }

  async update(c: Caller, id: string, body: UpdateOrganisationRequest): Promise<OrganisationResponse> {
    const r = await this.load(id);
    checkVersion(r, body.version);
    const patch: Partial<UpdateOrganisationRequest> = { ...body };
    delete patch.version;
    this.checkPartnerType(patch.kind ?? r.kind, patch.partnerType === undefined ? r.partnerType : patch.partnerType);
    this.checkLessonHours(patch.kind ?? r.kind, patch, r);
    if (patch.slug && patch.slug !== r.slug) await this.checkSlugFree(patch.slug);
    const before = snapshot(r);
    applyPatch(r, patch as Partial<OrganisationRecord>, this.clock.nowIso());
    this.audit.record(this.em, {
      userId: c.id,
      action: 'update',
      objectType: 'organisation',
      objectId: r.id,
      before,
      after: snapshot(r),
    });
    if (patch.profminimumLevel !== undefined)
      await levelToCurrentYear(
        { em: this.em, audit: this.audit, userId: c.id, today: this.clock.today(), now: this.clock.nowIso() },
        r,
      );
    await this.em.flush();
    return toOrganisationResponse(r);
  }

  async remove(c: Caller, id: string): Promise<void> {
    const r = await this.load(id);
    const inUse =
      (await this.em.count(UserRecord, { organisationId: id })) +
      (await this.em.count(AgreementRecord, { $or: [{ schoolId: id }, { partnerId: id }] })) +
      (await this.em.count(PlanRecord, { organisationId: id })) +
      // a partner of another organisation's activities: the reports count it by its type
      (await this.em.count(ActivityRecord, { partnerId: id }));
    if (inUse > 0)
      throw conflict(
        'organisation.in-use',
        'The organisation has users, agreements, plans or activities as a partner; disable or reassign them first',
        'У организации есть пользователи, соглашения, планы или мероприятия в качестве партнёра',
        'Оешманың кулланучылары, килешүләре, планнары яки партнер буларак чаралары бар',
      );
    this.audit.record(this.em, {
      userId: c.id,
      action: 'delete',
      objectType: 'organisation',
      objectId: id,
      before: snapshot(r),
    });
    this.em.remove(r);
    await this.em.flush();
  }

  async load(id: string): Promise<OrganisationRecord> {
    const r = await this.em.findOne(OrganisationRecord, { id });
    if (!r) throw notFound('organisation');
    return r;
  }

  private checkPartnerType(kind: string, partnerType: string | null): void {
    if (kind === 'partner' && !partnerType)
      throw invalid(
        'organisation.partner-type.required',
        'partnerType',
        'A partner needs a partner type',
        'Для партнёра нужен тип',
        'Партнерның төрен күрсәтергә кирәк',
      );
    if (kind !== 'partner' && partnerType)
      throw invalid(
        'organisation.partner-type.only-partners',
        'partnerType',
        'Only partners have a partner type',
        'Тип партнёра указывается только для партнёров',
        'Партнер төре партнерлар өчен генә күрсәтелә',
      );
  }

  /**
   * A school's lesson hours (domain rules B1): only a school has them, and they start before they end (400 naming the
   * field). `current` gives the stored (or default) value of the one not sent.
   */
  private checkLessonHours(
    kind: string,
    sent: { lessonsStartAt?: string; lessonsEndAt?: string },
    current: { lessonsStartAt: string; lessonsEndAt: string },
  ): void {
    if (sent.lessonsStartAt === undefined && sent.lessonsEndAt === undefined) return;
    const field = sent.lessonsStartAt !== undefined ? 'lessonsStartAt' : 'lessonsEndAt';
    if (kind !== 'school')
      throw invalid(
        'organisation.lesson-hours.only-schools',
        field,
        'Only a school has lesson hours',
        'Время уроков указывается только для школы',
        'Дәресләр вакыты мәктәп өчен генә күрсәтелә',
      );
    const start = sent.lessonsStartAt ?? current.lessonsStartAt;
    const end = sent.lessonsEndAt ?? current.lessonsEndAt;
    if (start >= end)
      throw invalid(
        'organisation.lesson-hours.invalid',
        field,
        `Lessons must start before they end (${start}–${end})`,
        `Уроки должны начинаться раньше, чем заканчиваются (${start}–${end})`,
        `Дәресләр тәмамланганчы башланырга тиеш (${start}–${end})`,
      );
  }

  private async checkSlugFree(slug: string): Promise<void> {
    if (await this.em.count(OrganisationRecord, { slug })) throw slugTaken(slug);
  }
}
