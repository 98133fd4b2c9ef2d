import * as D from '@socium/domain';

import { z } from 'zod';

import { Id } from './common.contract';

export const ROLES = D.ROLES;
export type Role = D.Role;

export const LoginRequest = z.strictObject({
  email: z.string().trim().max(200).min(1),
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.infer<typeof LoginRequest>;
export const SessionUser = z.object({
  id: Id,
  email: z.string(),
  role: z.enum(ROLES),
  organisationId: Id,
  name: z.string(),
});
export type SessionUser = z.infer<typeof SessionUser>;
export const LoginResponse = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  expiresIn: z.number().int(),
  user: SessionUser,
});
export type LoginResponse = z.infer<typeof LoginResponse>;
export const RefreshRequest = z.strictObject({ refreshToken: z.string().min(1).max(500) });
export type RefreshRequest = z.infer<typeof RefreshRequest>;
export const ChangePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(10).max(200),
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;
