import type { Role } from '@socium/contracts';

import { EntityManager } from '@mikro-orm/core';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';

import { runSql } from '../common/plain-sql';
import { httpFailure, SESSION_REVOKED } from '../http/app-error';
import type { Caller } from './policy.decorator';
import { RoutePolicies } from './route-policies';
import { TokenService } from './token.service';

interface StoredCallerRow {
  id: string;
  email: string;
  role: Role;
  organisation_id: string;
  disabled: boolean | number | string;
  token_generation: number | string;
}
/** The caller as stored, with what the check needs beside what routes see. */
interface StoredCaller extends Caller {
  disabled: boolean;
  tokenGeneration: number;
}

/**
 * Deny by default: a route without a policy (`RoutePolicies`: the contract's route table, or `@Public()` outside
 * the API) is refused (and a test fails). Public routes
 * pass; others need a valid access token of a live user of the current token generation and a role
 * the policy lists.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly policies: RoutePolicies,
    private readonly tokens: TokenService,
    private readonly em: EntityManager,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const policy = this.policies.of(ctx.getHandler());
    if (policy === undefined)
      throw httpFailure('access.no-policy', {
        en: 'Route has no access policy',
        ru: 'У маршрута нет правил доступа',
        tt: 'Маршрутның керү кагыйдәләре юк',
      });
    if (policy === 'public') return true;
    const req = ctx.switchToHttp().getRequest<Request & { user?: unknown }>();
    const header = req.headers.authorization ?? '';
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m)
      throw httpFailure('auth.token-missing', {
        en: 'Missing bearer token',
        ru: 'Нет токена входа',
        tt: 'Керү токены юк',
      });
    const claims = this.tokens.verify(m[1] as string);
    if (!claims)
      throw httpFailure('auth.token-invalid', {
        en: 'Invalid or expired token',
        ru: 'Токен входа недействителен или истёк',
        tt: 'Керү токены дөрес түгел яки аның вакыты узган',
      });
    const user = await this.storedCaller(claims.sub);
    if (!user || user.disabled || user.tokenGeneration !== claims.gen)
      throw httpFailure('auth.token-revoked', SESSION_REVOKED);
    if (!policy.includes(user.role))
      throw httpFailure('access.role', {
        en: 'Your role may not do this',
        ru: 'Вашей роли это не разрешено',
        tt: 'Сезнең рольгә моны эшләргә ярамый',
      });
    req.user = { id: user.id, email: user.email, role: user.role, organisationId: user.organisationId };
    return true;
  }

  /**
   * The signed-in user's columns the check needs, by one hand-written statement: every private request runs it, and
   * through the ORM (a fork, the query builder, an entity) it cost about ten times the statement itself (0.3–0.7
   * against 0.04 ms of CPU, docs/benchmarks.md).
   */
  private async storedCaller(id: string): Promise<StoredCaller | null> {
    const [row] = await runSql<StoredCallerRow>(
      this.em,
      'select id, email, role, organisation_id, disabled, token_generation from app_user where id = ?',
      [id],
    );
    if (!row) return null;
    return {
      id: row.id,
      email: row.email,
      role: row.role,
      organisationId: row.organisation_id,
      // a boolean on PostgreSQL, 0 or 1 on SQLite
      disabled: row.disabled === true || Number(row.disabled) === 1,
      tokenGeneration: Number(row.token_generation),
    };
  }
}
