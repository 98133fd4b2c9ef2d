import { domainError } from '@socium/domain';

import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';

import { AppError } from '../http/app-error';

export const PUBLIC_CACHE = 'public, max-age=300, stale-while-revalidate=3600';

/** Strong validator: the SHA-256 of the exact bytes sent. */
export function strongEtag(body: string | Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url')}"`;
}

/** Whether an `If-None-Match` header matches `etag` (a list, `*`, or weak forms compared weakly as RFC 9110 allows for 304). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/** Sends a cacheable public answer: CORP, Cache-Control, ETag, 304 on a matching If-None-Match. */
export function sendPublic(
  req: Request,
  res: Response,
  body: string,
  contentType: string,
  extra: Record<string, string> = {},
): void {
  const etag = strongEtag(body);
  res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Cache-Control', PUBLIC_CACHE);
  res.setHeader('Vary', 'Accept-Encoding');
  res.setHeader('ETag', etag);
  for (const [k, v] of Object.entries(extra)) res.setHeader(k, v);
  if (etagMatches(req.headers['if-none-match'], etag)) {
    res.status(304).end();
    return;
  }
  res.status(200).type(contentType).send(body);
}

/**
 * A fixed-window, in-memory limit per client address (per instance: behind a load balancer each instance
 * counts separately, which only loosens the limit). Old windows are swept as they expire. `now` is the clock's
 * milliseconds (`ClockService.nowMs`).
 */
export class RateLimiter {
  private readonly hits = new Map<string, { start: number; count: number }>();
  private lastSweep = 0;
  constructor(
    private readonly now: () => number,
    private readonly limit = 120,
    private readonly windowMs = 60_000,
  ) {}

  /** Counts a hit; returns the seconds to wait when over the limit, or 0. */
  hit(key: string): number {
    const now = this.now();
    if (now - this.lastSweep > this.windowMs) {
      for (const [k, v] of this.hits) if (now - v.start >= this.windowMs) this.hits.delete(k);
      this.lastSweep = now;
    }
    const w = this.hits.get(key);
    if (!w || now - w.start >= this.windowMs) {
      this.hits.set(key, { start: now, count: 1 });
      return 0;
    }
    w.count++;
    return w.count > this.limit ? Math.max(1, Math.ceil((w.start + this.windowMs - now) / 1000)) : 0;
  }

  /** Throws 429 (with Retry-After) when `req`'s client is over the limit. */
  check(req: Request): void {
    const wait = this.hit(req.ip ?? req.socket.remoteAddress ?? 'unknown');
    if (wait > 0)
      throw new AppError(
        domainError('public.rate-limited', 'throttled', {
          en: 'Too many requests; try again later',
          ru: 'Слишком много запросов; повторите позже',
          tt: 'Сораулар артык күп; соңрак кабатлагыз',
        }),
        { retryAfterSeconds: wait },
      );
  }
}
