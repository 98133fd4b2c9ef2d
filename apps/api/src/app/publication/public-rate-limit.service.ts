import { MikroORM } from '@mikro-orm/core';
import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import type { Request } from 'express';

import { ClockService } from '../clock/clock.service';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { hitKey, HitRow, HitStore, rateLimited, SharedRateLimiter } from './public-http';

interface HitTotal {
  bucket: string;
  window_start: number | string;
  hits: number | string;
}

/** `public_rate_limit` (migration 0009): one atomic upsert adds a batch of hits and answers the totals. */
class DatabaseHitStore implements HitStore {
  constructor(private readonly orm: MikroORM) {}

  async add(rows: readonly HitRow[]): Promise<Map<string, number>> {
    if (rows.length === 0) return new Map();
    const found = await this.orm.em
      .getConnection()
      .execute<{ bucket: string; window_start: number | string; hits: number | string }[]>(
        `insert into public_rate_limit (bucket, window_start, hits) values ${rows.map(() => '(?, ?, ?)').join(', ')}
       on conflict (bucket, window_start) do update set hits = public_rate_limit.hits + excluded.hits
       returning bucket, window_start, hits`,
        rows.flatMap((r) => [r.bucket, r.windowStart, r.hits]),
        'all',
      );
    return new Map((found as HitTotal[]).map((r) => [hitKey(r.bucket, Number(r.window_start)), Number(r.hits)]));
  }

  async sweep(before: number): Promise<void> {
    await this.orm.em.getConnection().execute('delete from public_rate_limit where window_start < ?', [before], 'run');
  }
}

/**
 * The public pages' limit per client (`SOCIUM_PUBLIC_RATE_LIMIT` a minute), shared by every API process on the
 * database: counts are added to `public_rate_limit` every `SOCIUM_PUBLIC_SYNC_MS` and at once near the limit.
 * The client is the socket's address, or the hop the configured proxies vouch for (`req.ip`).
 */
@Injectable()
export class PublicRateLimitService implements OnModuleDestroy {
  private readonly limiter: SharedRateLimiter;
  private readonly timer: NodeJS.Timeout;

  constructor(orm: MikroORM, clock: ClockService, @Inject(APP_CONFIG) config: AppConfig) {
    this.limiter = new SharedRateLimiter(
      new DatabaseHitStore(orm),
      () => clock.nowMs(),
      config.publicPages.rateLimitPerMinute,
    );
    this.timer = setInterval(() => void this.limiter.flush().catch(() => undefined), config.publicPages.syncMs);
    this.timer.unref();
  }

  /** Throws 429 (with Retry-After) when `req`'s client is over the limit. */
  async check(req: Request): Promise<void> {
    const wait = await this.limiter.hit(req.ip ?? req.socket.remoteAddress ?? 'unknown');
    if (wait > 0) throw rateLimited(wait);
  }

  /** Counts a hit of `client` when this process may decide it alone (see `SharedRateLimiter.hitLocally`). */
  allowedLocally(client: string): boolean {
    return this.limiter.hitLocally(client);
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.limiter.flush().catch(() => undefined);
  }
}
