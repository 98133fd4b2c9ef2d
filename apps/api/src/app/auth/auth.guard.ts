import { UserRecord } from '@socium/api-persistence';

import { EntityManager } from '@mikro-orm/core';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';

import { httpFailure } from '../http/app-error';
import { Policy, POLICY_KEY } from './policy.decorator';
import { TokenService } from './token.service';

/**
 * Deny by default: a route without a declared policy is refused (and a test fails). Public routes
 * pass; others need a valid access token of a live user of the current token generation and a role
 * the policy lists.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly em: EntityManager,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<Policy | undefined>(POLICY_KEY, [ctx.getHandler(), ctx.getClass()]);
    if (policy === undefined) throw httpFailure('access.no-policy', 'Route has no access policy');
    if (policy === 'public') return true;
    const req = ctx.switchToHttp().getRequest<Request & { user?: unknown }>();
    const header = req.headers.authorization ?? '';
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) throw httpFailure('auth.token-missing', 'Missing bearer token');
    const claims = this.tokens.verify(m[1] as string);
    if (!claims) throw httpFailure('auth.token-invalid', 'Invalid or expired token');
    const user = await this.em.fork().findOne(UserRecord, { id: claims.sub });
    if (!user || user.disabled || user.tokenGeneration !== claims.gen)
      throw httpFailure('auth.token-revoked', 'Session revoked');
    if (!policy.includes(user.role)) throw httpFailure('access.role', 'Your role may not do this');
    req.user = { id: user.id, email: user.email, role: user.role, organisationId: user.organisationId };
    return true;
  }
}
