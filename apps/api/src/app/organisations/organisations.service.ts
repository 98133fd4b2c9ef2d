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
import {
  anyRecord,
  applyPatch,
  checkVersion,
  findPage,
  newId,
  rareTrigrams,
  snapshot,
  textSearch,
} from '../common/crud.support';
import { currentLevel, currentLevels, writeCurrentLevel } from '../enrolment/school-level';
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

  async list(q: OrganisationListQuery): Promise<Page<OrganisationResponse>> {
    const where: FilterQuery<OrganisationRecord> = {};
    if (q.kind) where.kind = q.kind;
    if (q.partnerType) where.partnerType = q.partnerType;
    if (q.isPublished) where.isPublished = q.isPublished === 'true';
    if (q.q) {
      const searched = ['name', 'shortName', 'slug'] as const;
      const rare = await rareTrigrams(this.em, 'organisation', searched, q.q);
      where.$or = textSearch<OrganisationRecord, 'organisation'>('organisation', searched, q.q, { rare });
    }
    const page = await findPage(this.em, OrganisationRecord, where, q, { kind: 'asc', shortName: 'asc' }, (r) => r, {
      totalWithRows: !!q.q,
    });
    // the page's levels in one query, not one per row
    const levels = await currentLevels(
      this.em,
      page.items.filter((r) => r.kind === 'school').map((r) => r.id),
      this.clock.today(),
    );
    return { ...page, items: page.items.map((r) => toOrganisationResponse(r, levels.get(r.id) ?? null)) };
  }

  async get(id: string): Promise<OrganisationResponse> {
    return this.respond(await this.load(id));
  }

  /** The record as sent: with its level of the current academic year (E1). */
  private async respond(r: OrganisationRecord): Promise<OrganisationResponse> {
    return toOrganisationResponse(
      r,
      r.kind === 'school' ? await currentLevel(this.em, r.id, this.clock.today()) : null,
    );
  }

  async create(c: Caller, body: CreateOrganisationRequest): Promise<OrganisationResponse> {
    const { profminimumLevel, ...fields } = body;
    this.checkPartnerType(body.kind, body.partnerType ?? null);
    this.checkLevel(body.kind, body.profminimumLevel);
    this.checkLessonHours(body.kind, body, DEFAULT_LESSONS);
    await this.checkSlugFree(body.slug);
    const r = new OrganisationRecord();
    const now = this.clock.nowIso();
    Object.assign(r, {
      ...fields,
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
    if (profminimumLevel) await writeCurrentLevel(this.levelWrite(c), r, profminimumLevel);
    await this.em.flush();
    return this.respond(r);
  }

  async update(c: Caller, id: string, body: UpdateOrganisationRequest): Promise<OrganisationResponse> {
    const r = await this.load(id);
    checkVersion(r, body.version);
    const { profminimumLevel, ...patch }: Partial<UpdateOrganisationRequest> = body;
    delete patch.version;
    this.checkPartnerType(patch.kind ?? r.kind, patch.partnerType === undefined ? r.partnerType : patch.partnerType);
    this.checkLevel(patch.kind ?? r.kind, profminimumLevel);
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
    // the level is the school's of the current academic year: written to that year's enrolment record
    if (profminimumLevel !== undefined && r.kind === 'school')
      await writeCurrentLevel(this.levelWrite(c), r, profminimumLevel);
    await this.em.flush();
    return this.respond(r);
  }

  private levelWrite(c: Caller) {
    return { em: this.em, audit: this.audit, userId: c.id, today: this.clock.today(), now: this.clock.nowIso() };
  }

  /** Only a school has a профминимум level (E1): a level for another kind is refused (400), none is accepted. */
  private checkLevel(kind: string, level: string | null | undefined): void {
    if (kind !== 'school' && level)
      throw invalid(
        'organisation.profminimum-level.only-schools',
        'profminimumLevel',
        'Only a school has a profminimum level',
        'Уровень профминимума указывается только для школы',
        'Профминимум дәрәҗәсе мәктәп өчен генә күрсәтелә',
      );
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
    if (await anyRecord(this.em, OrganisationRecord, { slug })) throw slugTaken(slug);
  }
}
