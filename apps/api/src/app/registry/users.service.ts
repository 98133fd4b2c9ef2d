import { OrganisationRecord, RefreshTokenRecord, UserRecord } from '@socium/api-persistence';
import type { CreateUserRequest, Page, Role, UpdateUserRequest, UserListQuery, UserResponse } from '@socium/contracts';

import { EntityManager, FilterQuery } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';

import { AuditService } from '../audit/audit.service';
import { PasswordService } from '../auth/password.service';
import type { Caller } from '../auth/policy.decorator';
import { ClockService } from '../clock/clock.service';
import { applyPatch, checkVersion, findPage, like, newId } from '../common/crud.support';
import { AppError, conflict, fail, notFound } from '../http/app-error';
import { toUserResponse } from './registry.mappers';

/** The organisation kind each role must belong to. */
const ROLE_ORGANISATION: Record<Role, OrganisationRecord['kind']> = {
  coordinator: 'department',
  school_admin: 'school',
  partner_rep: 'partner',
};

/** User accounts (coordinator only). The password is write-only: hashed with argon2id, never returned or audited. */
/** 409 user.email.taken: the service's own check and the database's unique index (a race) say it alike. */
export const emailTaken = (email?: string): AppError =>
  email === undefined
    ? conflict(
        'user.email.taken',
        'The e-mail is already in use',
        'Адрес уже используется',
        'Адрес инде кулланыла',
        'email',
      )
    : conflict(
        'user.email.taken',
        `The e-mail ${email} is already in use`,
        `Адрес ${email} уже используется`,
        `${email} адресы инде кулланыла`,
        'email',
      );

@Injectable()
export class UsersService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
    private readonly passwords: PasswordService,
    private readonly clock: ClockService,
  ) {}

  list(q: UserListQuery): Promise<Page<UserResponse>> {
    const where: FilterQuery<UserRecord> = {};
    if (q.role) where.role = q.role;
    if (q.organisationId) where.organisationId = q.organisationId;
    if (q.q) where.$or = [{ email: like(q.q.toLowerCase()) }, { name: like(q.q) }];
    return findPage(this.em, UserRecord, where, q, { email: 'asc' }, toUserResponse);
  }

  async get(id: string): Promise<UserResponse> {
    return toUserResponse(await this.load(id));
  }

  async create(c: Caller, body: CreateUserRequest): Promise<UserResponse> {
    const email = body.email.toLowerCase();
    await this.checkEmailFree(email);
    await this.checkOrganisation(body.role, body.organisationId);
    const r = new UserRecord();
    const now = this.clock.nowIso();
    Object.assign(r, {
      id: newId(),
      version: 1,
      createdAt: now,
      updatedAt: now,
      email,
      name: body.name,
      role: body.role,
      organisationId: body.organisationId,
      disabled: body.disabled ?? false,
      tokenGeneration: 1,
      passwordHash: await this.passwords.hash(body.password),
    });
    this.em.persist(r);
    this.audit.record(this.em, {
      userId: c.id,
      action: 'create',
      objectType: 'user',
      objectId: r.id,
      after: toUserResponse(r),
    });
    await this.em.flush();
    return toUserResponse(r);
  }

  async update(c: Caller, id: string, body: UpdateUserRequest): Promise<UserResponse> {
    const r = await this.load(id);
    const { version, password, ...patch } = body;
    checkVersion(r, version);
    if (patch.email) patch.email = patch.email.toLowerCase();
    if (patch.email && patch.email !== r.email) await this.checkEmailFree(patch.email);
    if (patch.disabled === true && r.id === c.id)
      throw fail(
        'user.disable.self',
        {
          ru: 'Нельзя отключить собственную учётную запись',
          en: 'You cannot disable your own account',
          tt: 'Үз хисап язмагызны сүндерә алмыйсыз',
        },
        'disabled',
      );
    if (patch.role || patch.organisationId)
      await this.checkOrganisation(patch.role ?? r.role, patch.organisationId ?? r.organisationId);
    const before = toUserResponse(r);
    const revoke =
      (patch.disabled === true && !r.disabled) ||
      password !== undefined ||
      (patch.role !== undefined && patch.role !== r.role) ||
      (patch.organisationId !== undefined && patch.organisationId !== r.organisationId);
    applyPatch(r, patch as Partial<UserRecord>, this.clock.nowIso());
    if (password !== undefined) r.passwordHash = await this.passwords.hash(password);
    if (revoke) await this.revokeSessions(r);
    this.audit.record(this.em, {
      userId: c.id,
      action: 'update',
      objectType: 'user',
      objectId: r.id,
      before,
      after: { ...toUserResponse(r), ...(password !== undefined ? { passwordChanged: true } : {}) },
    });
    await this.em.flush();
    return toUserResponse(r);
  }

  async remove(c: Caller, id: string): Promise<void> {
    const r = await this.load(id);
    if (r.id === c.id)
      throw fail(
        'user.delete.self',
        {
          ru: 'Нельзя удалить собственную учётную запись',
          en: 'You cannot delete your own account',
          tt: 'Үз хисап язмагызны бетерә алмыйсыз',
        },
        'id',
      );
    this.audit.record(this.em, {
      userId: c.id,
      action: 'delete',
      objectType: 'user',
      objectId: id,
      before: toUserResponse(r),
    });
    await this.em.nativeDelete(RefreshTokenRecord, { userId: id });
    this.em.remove(r);
    await this.em.flush();
  }

  private async load(id: string): Promise<UserRecord> {
    const r = await this.em.findOne(UserRecord, { id });
    if (!r) throw notFound('user');
    return r;
  }

  /** Same effect as AuthService.revokeAll, inside this unit of work: older access and refresh tokens die. */
  private async revokeSessions(u: UserRecord): Promise<void> {
    u.tokenGeneration += 1;
    await this.em.nativeUpdate(
      RefreshTokenRecord,
      { userId: u.id, revokedAt: null },
      { revokedAt: this.clock.nowIso() },
    );
  }

  private async checkEmailFree(email: string): Promise<void> {
    if (await this.em.count(UserRecord, { email })) throw emailTaken(email);
  }

  private async checkOrganisation(role: Role, organisationId: string): Promise<void> {
    const org = await this.em.findOne(OrganisationRecord, { id: organisationId });
    if (!org)
      throw fail(
        'user.organisation.not-found',
        { ru: 'Организация не найдена', en: 'The organisation does not exist', tt: 'Оешма табылмады' },
        'organisationId',
      );
    const kind = ROLE_ORGANISATION[role];
    if (org.kind !== kind)
      throw fail(
        'user.role.organisation-mismatch',
        {
          ru: `Пользователь с ролью ${role} должен относиться к организации вида ${kind}`,
          en: `A ${role} must belong to a ${kind} organisation`,
          tt: `${role} роле булган кулланучы ${kind} төрендәге оешмага карарга тиеш`,
        },
        'organisationId',
      );
  }
}
