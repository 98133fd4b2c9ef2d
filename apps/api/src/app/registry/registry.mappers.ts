import type { DirectionRecord, UserRecord } from '@socium/api-persistence';
import type { DirectionResponse, UserResponse } from '@socium/contracts';

/** Whitelists what leaves the API: never the password hash or the token generation. */
export function toUserResponse(r: UserRecord): UserResponse {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    organisationId: r.organisationId,
    disabled: r.disabled,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export function toDirectionResponse(r: DirectionRecord): DirectionResponse {
  return { id: r.id, code: r.code, name: r.name, version: r.version };
}
