import { MikroORM } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';

import { ClockService } from '../clock/clock.service';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { prepareAnswer, PreparedAnswer, PublicAnswer } from './public-http';

/** At most this many answers are kept (the oldest goes first). */
const MAX_ENTRIES = 5000;

/**
 * Public answers kept in memory, built once and sent many times (bytes and ETag made once, brotli and gzip at
 * the first request for each). An entry lives
 * `SOCIUM_PUBLIC_CACHE_SECONDS` at most and only for the day it was built on (pages speak of "today"). Every
 * successful write drops this process's entries (`written`, called by `PublicRevisionInterceptor`) and moves the
 * counter in `public_revision`; each process looks at that counter at most every `SOCIUM_PUBLIC_SYNC_MS` and drops
 * its entries when another process has written. An answer whose building overlapped a write is sent but not kept.
 * The cache never decides anything: it only saves rebuilding the same bytes.
 */
@Injectable()
export class PublicCacheService {
  private readonly entries = new Map<string, PreparedAnswer>();
  private readonly building = new Map<string, Promise<PreparedAnswer>>();
  private generation = 0;
  private revision: number | null = null;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private checking: Promise<void> | null = null;
  /** answers served from `peek` before Express and Nest (counted by the fast path), for monitoring and tests */
  fastAnswers = 0;

  constructor(
    private readonly orm: MikroORM,
    private readonly clock: ClockService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The answer under `key`, from memory while fresh, else built by `build` (once, however many ask at the same time). */
  async answer(key: string, build: () => Promise<PublicAnswer>): Promise<PreparedAnswer> {
    const ttl = this.config.publicPages.cacheSeconds * 1000;
    if (ttl === 0) return prepareAnswer(await build(), 0);
    await this.freshen();
    const k = `${this.clock.today().toString()}|${key}`;
    const hit = this.entries.get(k);
    if (hit && hit.expiresAt > this.clock.nowMs()) return hit;
    const running = this.building.get(k);
    if (running) return running;
    const generation = this.generation;
    const made = build()
      .then((a) => {
        const p = prepareAnswer(a, this.clock.nowMs() + ttl);
        if (generation === this.generation) this.keep(k, p);
        return p;
      })
      .finally(() => {
        if (this.building.get(k) === made) this.building.delete(k);
      });
    this.building.set(k, made);
    return made;
  }

  /**
   * The answer under `key` when it is in memory, fresh, and the shared revision was looked at within the sync
   * interval; else undefined (then `answer` builds or checks). Never waits.
   */
  peek(key: string): PreparedAnswer | undefined {
    if (this.config.publicPages.cacheSeconds === 0) return undefined;
    const now = this.clock.nowMs();
    if (now - this.checkedAt >= this.config.publicPages.syncMs) return undefined;
    const hit = this.entries.get(`${this.clock.today().toString()}|${key}`);
    return hit && hit.expiresAt > now ? hit : undefined;
  }

  /** After a committed write: this process forgets its answers at once, the others at their next look. */
  async written(): Promise<void> {
    this.drop();
    const rows = await this.orm.em
      .getConnection()
      .execute<
        { revision: number | string }[]
      >('update public_revision set revision = revision + 1 where id = 1 returning revision', [], 'all');
    const now = Number(rows[0]?.revision);
    // nobody else wrote since we last looked: our own step is known; else the next look drops once more
    if (this.revision !== null && now === this.revision + 1) this.revision = now;
  }

  private keep(k: string, p: PreparedAnswer): void {
    this.entries.delete(k);
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(k, p);
  }

  private drop(): void {
    this.generation++;
    this.entries.clear();
    this.building.clear();
  }

  /** Looks at the shared revision at most every sync interval; drops the entries when another process has written. */
  private async freshen(): Promise<void> {
    if (this.clock.nowMs() - this.checkedAt < this.config.publicPages.syncMs) return;
    this.checking ??= (async () => {
      try {
        const rows = await this.orm.em
          .getConnection()
          .execute<{ revision: number | string }[]>('select revision from public_revision where id = 1', [], 'all');
        const seen = Number(rows[0]?.revision ?? 0);
        if (this.revision !== null && seen !== this.revision) this.drop();
        this.revision = seen;
        this.checkedAt = this.clock.nowMs();
      } finally {
        this.checking = null;
      }
    })();
    await this.checking;
  }
}
