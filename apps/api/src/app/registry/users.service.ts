import { Injectable } from '@nestjs/common';
import { EntityManager, FilterQuery } from '@mikro-orm/core';

import type { CreateUserRequest, Page, Role, UpdateUserRequest, UserListQuery, UserResponse } from '@socium/contracts';
import { OrganisationRecord, RefreshTokenRecord, UserRecord } from '@socium/api-persistence';
import { domainError } from '@socium/domain';

import { AuditService } from '../audit/audit.service';
import { PasswordService } from '../auth/password.service';
import type { Caller } from '../auth/policy.decorator';
import { applyPatch, checkVersion, findPage, like, newId, nowIso } from '../common/crud.support';
import { AppError, conflict, notFound } from '../http/app-error';
import { toUserResponse } from './registry.mappers';

/** The organisation kind each role must belong to. */
const ROLE_ORGANISATION: Record<Role, OrganisationRecord['kind']> = { coordinator: 'department', school_admin: 'school', partner_rep: 'partner' };

const rule = (code: string, field: string, en: string, ru: string): AppError => new AppError(domainError(code, 'rule', { ru, en }, { field, details: [{ rule: code, field, message: { ru, en } }] }));

/** User accounts (coordinator only). The password is write-only: hashed with argon2id, never returned or audited. */
@Injectable()
export class UsersService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
    private readonly passwords: PasswordService,
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
    const now = nowIso();
    Object.assign(r, { id: newId(), version: 1, createdAt: now, updatedAt: now, email, name: body.name, role: body.role, organisationId: body.organisationId, disabled: body.disabled ?? false, tokenGeneration: 1, passwordHash: await this.passwords.hash(body.password) });
    this.em.persist(r);
    this.audit.record(this.em, { userId: c.id, action: 'create', objectType: 'user', objectId: r.id, after: toUserResponse(r) });
    await this.em.flush();
    return toUserResponse(r);
  }

  async update(c: Caller, id: string, body: UpdateUserRequest): Promise<UserResponse> {
    const r = await this.load(id);
    const { version, password, ...patch } = body;
    checkVersion(r, version);
    if (patch.email) patch.email = patch.email.toLowerCase();
    if (patch.email && patch.email !== r.email) await this.checkEmailFree(patch.email);
    if (patch.disabled === true && r.id === c.id) throw rule('user.disable.self', 'disabled', 'You cannot disable your own account', 'Нельзя отключить собственную учётную запись');
    if (patch.role || patch.organisationId) await this.checkOrganisation(patch.role ?? r.role, patch.organisationId ?? r.organisationId);
    const before = toUserResponse(r);
    const revoke = (patch.disabled === true && !r.disabled) || password !== undefined || (patch.role !== undefined && patch.role !== r.role) || (patch.organisationId !== undefined && patch.organisationId !== r.organisationId);
    applyPatch(r, patch as Partial<UserRecord>);
    if (password !== undefined) r.passwordHash = await this.passwords.hash(password);
    if (revoke) await this.revokeSessions(r);
    this.audit.record(this.em, { userId: c.id, action: 'update', objectType: 'user', objectId: r.id, before, after: { ...toUserResponse(r), ...(password !== undefined ? { passwordChanged: true } : {}) } });
    await this.em.flush();
    return toUserResponse(r);
  }

  async remove(c: Caller, id: string): Promise<void> {
    const r = await this.load(id);
    if (r.id === c.id) throw rule('user.delete.self', 'id', 'You cannot delete your own account', 'Нельзя удалить собственную учётную запись');
    this.audit.record(this.em, { userId: c.id, action: 'delete', objectType: 'user', objectId: id, before: toUserResponse(r) });
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
    await this.em.nativeUpdate(RefreshTokenRecord, { userId: u.id, revokedAt: null }, { revokedAt: nowIso() });
  }

  private async checkEmailFree(email: string): Promise<void> {
    if (await this.em.count(UserRecord, { email })) throw conflict('user.email.taken', `The e-mail ${email} is already in use`, `Адрес ${email} уже используется`, 'email');
  }

  private async checkOrganisation(role: Role, organisationId: string): Promise<void> {
    const org = await this.em.findOne(OrganisationRecord, { id: organisationId });
    if (!org) throw rule('user.organisation.not-found', 'organisationId', 'The organisation does not exist', 'Организация не найдена');
    const kind = ROLE_ORGANISATION[role];
    if (org.kind !== kind)
      throw rule('user.role.organisation-mismatch', 'organisationId', `A ${role} must belong to a ${kind} organisation`, `Пользователь с ролью ${role} должен относиться к организации вида ${kind}`);
  }
}
