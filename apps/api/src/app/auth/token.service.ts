import { ROLES } from '@socium/domain';

import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';

import { ClockService } from '../clock/clock.service';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/**
 * The claims of an access token, checked field by field after the signature: a correctly signed token whose
 * claims have the wrong types (`"sub": {"$ne": null}`, a role that does not exist) is refused like a forged one.
 */
const AccessClaimsSchema = z.strictObject({
  sub: z.guid(),
  role: z.enum(ROLES),
  org: z.string().min(1).max(64),
  email: z.string().max(200),
  /** token generation: a bump (log-out, password change, disable) kills older access tokens too */
  gen: z.number().int().min(0),
  iat: z.number().int(),
  exp: z.number().int(),
});
export type AccessClaims = z.infer<typeof AccessClaimsSchema>;

const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64url');

/** Short-lived HS256 access tokens and opaque refresh tokens (stored hashed). */
@Injectable()
export class TokenService {
  private readonly secret: Buffer;
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: ClockService,
  ) {
    // No default secret: production requires one (config check); elsewhere a random per-process key.
    this.secret = config.jwtSecret ? Buffer.from(config.jwtSecret) : randomBytes(48);
  }

  private epochSeconds(): number {
    return Math.floor(this.clock.nowMs() / 1000);
  }

  get accessTtl(): number {
    return this.config.accessTtlSeconds;
  }

  sign(claims: Omit<AccessClaims, 'iat' | 'exp'>, nowSeconds = this.epochSeconds()): string {
    const header = b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const payload = b64(JSON.stringify({ ...claims, iat: nowSeconds, exp: nowSeconds + this.config.accessTtlSeconds }));
    const sig = b64(createHmac('sha256', this.secret).update(`${header}.${payload}`).digest());
    return `${header}.${payload}.${sig}`;
  }

  /** Returns the claims of a valid, unexpired token, else null. */
  verify(token: string, nowSeconds = this.epochSeconds()): AccessClaims | null {
    const parts = token.split('.');
    if (parts.length !== 3) return null;
    const [h, p, s] = parts as [string, string, string];
    const expected = createHmac('sha256', this.secret).update(`${h}.${p}`).digest();
    const given = Buffer.from(s, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    try {
      const header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
      if (header.alg !== 'HS256') return null;
      const parsed = AccessClaimsSchema.safeParse(JSON.parse(Buffer.from(p, 'base64url').toString('utf8')));
      if (!parsed.success || parsed.data.exp <= nowSeconds) return null;
      return parsed.data;
    } catch {
      return null;
    }
  }

  newRefreshToken(): { token: string; hash: string } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: this.hashRefresh(token) };
  }

  hashRefresh(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }
}
