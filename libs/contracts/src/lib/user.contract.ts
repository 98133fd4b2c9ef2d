import { z } from 'zod';

import { ROLES } from './auth.contract';
import { Id, ListQuery, RequiredText, Version } from './common.contract';

export const CreateUserRequest = z.strictObject({
  email: z.email().max(200),
  name: RequiredText(200),
  role: z.enum(ROLES),
  organisationId: Id,
  password: z.string().min(10).max(200),
  disabled: z.boolean().optional(),
});
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;
export const UpdateUserRequest = z.strictObject({
  version: Version,
  email: z.email().max(200).optional(),
  name: RequiredText(200).optional(),
  role: z.enum(ROLES).optional(),
  organisationId: Id.optional(),
  password: z.string().min(10).max(200).optional(),
  disabled: z.boolean().optional(),
});
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;
export const UserResponse = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  organisationId: Id,
  disabled: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type UserResponse = z.infer<typeof UserResponse>;
export const UserListQuery = ListQuery.extend({ role: z.enum(ROLES).optional(), organisationId: Id.optional() });
export type UserListQuery = z.infer<typeof UserListQuery>;
