import type { Role } from '@socium/contracts';

import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';

export const POLICY_KEY = 'socium:policy';
export type Policy = 'public' | readonly Role[];

/** Declares who may call a page outside the API (API routes take their roles from `ROUTES`, see RoutePolicies). */
export const Allow = (...roles: Role[]) => SetMetadata(POLICY_KEY, roles as readonly Role[]);
/** Declares a route open without a token. */
export const Public = () => SetMetadata(POLICY_KEY, 'public');

export interface Caller {
  id: string;
  email: string;
  role: Role;
  organisationId: string;
}

/** The authenticated caller (set by the AuthGuard). */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): Caller => {
  return ctx.switchToHttp().getRequest().user as Caller;
});
