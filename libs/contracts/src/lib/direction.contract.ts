import * as D from '@socium/domain';

import { z } from 'zod';

import { Id, ListQuery, RequiredText, Version } from './common.contract';

export const DEFAULT_DIRECTION_CODES = D.DEFAULT_DIRECTION_CODES;
export const CreateDirectionRequest = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,49}$/, 'lowercase latin letters, digits and underscores'),
  name: RequiredText(200),
});
export type CreateDirectionRequest = z.infer<typeof CreateDirectionRequest>;
export const UpdateDirectionRequest = z.strictObject({ version: Version, name: RequiredText(200).optional() });
export type UpdateDirectionRequest = z.infer<typeof UpdateDirectionRequest>;
export const DirectionResponse = z.object({ id: Id, code: z.string(), name: z.string(), version: z.number().int() });
export type DirectionResponse = z.infer<typeof DirectionResponse>;
export const DirectionListQuery = ListQuery;
