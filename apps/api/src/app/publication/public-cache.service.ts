import { MikroORM } from '@mikro-orm/core';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';

import { ClockService } from '../clock/clock.service';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import {
  affects,
  PublicChange,
  PublicChangeSubscriber,
  PublicDependencies,
  publicScope,
  PublicScope,
} from './public-changes';
import { prepareAnswer, PreparedAnswer, PublicAnswer } from './public-http';

/** At most this many answers are kept (the oldest goes first). */
const MAX_ENTRIES = 5000;
/** A look at the shared log reads at most this many rows; more means "drop everything and start again". */
const MAX_ROWS_PER_LOOK = 2000;
/** Writers keep this many revisions of the shared log; a reader further behind drops everything. */
const KEEP_REVISIONS = 5000;
/** A writer prunes the log when its revision is a multiple of this. */
const PRUNE_EVERY = 500;
/** Local writes remembered so that an answer built across one of them is not kept. */
const RECENT_WRITES = 64;

/** A built answer and what it depends on. */
interface Entry {
  answer: PreparedAnswer;
  deps: PublicDependencies;
}

/** What `answer` builds: the answer and the organisations it shows (every write, when not said). */
export interface PublicBuild extends PublicAnswer {
  dependsOn?: PublicDependencies;
}

/**
 * Public answers kept in memory, built once and sent many times (bytes and ETag made once, brotli and gzip at the
 * first request for each). An entry lives `SOCIUM_PUBLIC_CACHE_SECONDS` at most and only for the day it was built on
 * (pages speak of "today"), and knows which organisations it shows (a district's page: all of them).
 *
 * After a successful write (`written`, called by `PublicRevisionInterceptor` with what the write touched), this
 * process drops the entries that show a touched organisation, takes the next revision of `public_revision` and
 * writes the touched organisations under it to `public_change`; every process looks at that log at most every
 * `SOCIUM_PUBLIC_SYNC_MS` and drops the same entries. So a write to one school's agreement keeps the other schools'
 * pages in memory, in every process. An answer whose building overlapped a write it depends on is sent but not kept.
 * The cache never decides anything: it only saves rebuilding the same bytes.
 */
@Injectable()
export class PublicCacheService implements OnModuleInit {
  private readonly entries = new Map<string, Entry>();
  private readonly building = new Map<string, Promise<PreparedAnswer>>();
  /** local writes, numbered; a build remembers the number it started at */
  private writes = 0;
  private readonly recent: { n: number; scope: Exclude<PublicScope, null> }[] = [];
  /** the last revision of the shared log this process has applied; null before the first look */
  private revision: number | null = null;
  /** revisions this process wrote itself (already applied here), skipped when read back */
  private readonly own = new Set<number>();
  private checkedAt = Number.NEGATIVE_INFINITY;
  private checking: Promise<void> | null = null;
  /** answers served from `peek` before Express and Nest (counted by the fast path), for monitoring and tests */
  fastAnswers = 0;

  constructor(
    private readonly orm: MikroORM,
    private readonly clock: ClockService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.orm.em.getEventManager().registerSubscriber(new PublicChangeSubscriber());
  }

  /** The answer under `key`, from memory while fresh, else built by `build` (once, however many ask at the same time). */
  async answer(key: string, build: () => Promise<PublicBuild>): Promise<PreparedAnswer> {
    const ttl = this.config.publicPages.cacheSeconds * 1000;
    if (ttl === 0) return prepareAnswer(await build(), 0);
    await this.freshen();
    const k = `${this.clock.today().toString()}|${key}`;
    const hit = this.entries.get(k);
    if (hit && hit.answer.expiresAt > this.clock.nowMs()) return hit.answer;
    const running = this.building.get(k);
    if (running) return running;
    const startedAt = this.writes;
    const made = build()
      .then((a) => {
        const p = prepareAnswer(a, this.clock.nowMs() + ttl);
        const deps = a.dependsOn ?? 'everything';
        if (!this.writtenSince(startedAt, deps)) this.keep(k, { answer: p, deps });
        return p;
      })
      .finally(() => {
        if (this.building.get(k) === made) this.building.delete(k);
      });
    this.building.set(k, made);
    return made;
  }

  /**
   * The answer under `key` when it is in memory, fresh, and the shared log was looked at within the sync
   * interval; else undefined (then `answer` builds or checks). Never waits.
   */
  peek(key: string): PreparedAnswer | undefined {
    if (this.config.publicPages.cacheSeconds === 0) return undefined;
    const now = this.clock.nowMs();
    if (now - this.checkedAt >= this.config.publicPages.syncMs) return undefined;
    const hit = this.entries.get(`${this.clock.today().toString()}|${key}`);
    return hit && hit.answer.expiresAt > now ? hit.answer : undefined;
  }

  /** Whether today's answer under `key` is in memory, fresh or not (for tests and monitoring). */
  holds(key: string): boolean {
    return this.entries.has(`${this.clock.today().toString()}|${key}`);
  }

  /**
   * After a committed write: this process forgets the answers it touched at once, the others at their next look.
   * The revision is taken under the row lock of `public_revision`, held until the log rows are committed, so the
   * log's revisions become visible in order and a reader never skips one.
   */
  async written(change: PublicChange | undefined): Promise<void> {
    const scope = publicScope(change);
    if (scope === null) return;
    this.forget(scope);
    const organisations: (string | null)[] = scope === 'everything' ? [null] : [...scope];
    const revision = await this.orm.em.fork().transactional(async (em) => {
      const connection = em.getConnection();
      const ctx = em.getTransactionContext();
      const rows = await connection.execute<{ revision: number | string }[]>(
        'update public_revision set revision = revision + 1 where id = 1 returning revision',
        [],
        'all',
        ctx,
      );
      const taken = Number(rows[0]?.revision);
      await connection.execute(
        `insert into public_change (revision, organisation_id) values ${organisations.map(() => '(?, ?)').join(', ')}`,
        organisations.flatMap((o) => [taken, o]),
        'run',
        ctx,
      );
      if (taken % PRUNE_EVERY === 0) {
        await connection.execute('delete from public_change where revision <= ?', [taken - KEEP_REVISIONS], 'run', ctx);
      }
      return taken;
    });
    // nobody else wrote since we last looked: our own step is known; else the next look applies it with the others
    if (this.revision !== null && revision === this.revision + 1) this.revision = revision;
    else this.own.add(revision);
  }

  private keep(k: string, e: Entry): void {
    this.entries.delete(k);
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(k, e);
  }

  /** Drops the entries `scope` touches; answers being built are not joined any more (they may predate the write). */
  private forget(scope: Exclude<PublicScope, null>): void {
    this.writes++;
    this.recent.push({ n: this.writes, scope });
    if (this.recent.length > RECENT_WRITES) this.recent.shift();
    this.building.clear();
    if (scope === 'everything') {
      this.entries.clear();
      return;
    }
    for (const [k, e] of this.entries) if (affects(scope, e.deps)) this.entries.delete(k);
  }

  /** A write this process applied after `startedAt` touches `deps` (or too many writes to tell). */
  private writtenSince(startedAt: number, deps: PublicDependencies): boolean {
    if (this.writes === startedAt) return false;
    if (this.writes - startedAt > this.recent.length) return true;
    return this.recent.some((w) => w.n > startedAt && affects(w.scope, deps));
  }

  /** Looks at the shared log at most every sync interval and applies what other processes wrote since. */
  private async freshen(): Promise<void> {
    if (this.clock.nowMs() - this.checkedAt < this.config.publicPages.syncMs) return;
    this.checking ??= (async () => {
      try {
        await this.look();
        this.checkedAt = this.clock.nowMs();
      } finally {
        this.checking = null;
      }
    })();
    await this.checking;
  }

  private async look(): Promise<void> {
    const connection = this.orm.em.getConnection();
    if (this.revision === null) {
      const rows = await connection.execute<{ revision: number | string }[]>(
        'select revision from public_revision where id = 1',
        [],
        'all',
      );
      this.revision = Number(rows[0]?.revision ?? 0);
      return;
    }
    const rows = await connection.execute<{ revision: number | string; organisation_id: string | null }[]>(
      'select revision, organisation_id from public_change where revision > ? order by revision limit ?',
      [this.revision, MAX_ROWS_PER_LOOK + 1],
      'all',
    );
    if (rows.length === 0) return;
    const first = Number(rows[0].revision);
    if (first !== this.revision + 1 || rows.length > MAX_ROWS_PER_LOOK) {
      // pruned past us, or too far behind: start again from the current revision
      this.forget('everything');
      this.own.clear();
      this.revision = null;
      await this.look();
      return;
    }
    const touched = new Set<string>();
    let everything = false;
    for (const r of rows) {
      const revision = Number(r.revision);
      if (this.own.has(revision)) continue;
      if (r.organisation_id === null) everything = true;
      else touched.add(r.organisation_id);
    }
    for (const r of rows) this.own.delete(Number(r.revision));
    if (everything) this.forget('everything');
    else if (touched.size > 0) this.forget(touched);
    this.revision = Number(rows[rows.length - 1].revision);
  }
}
