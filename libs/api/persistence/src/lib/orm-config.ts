import type { Options } from '@mikro-orm/core';

import { Migration0001Initial } from './migrations/migration-0001-initial';
import { Migration0002ReportIndexes } from './migrations/migration-0002-report-indexes';
import { Migration0003ReportOrders } from './migrations/migration-0003-report-orders';
import { Migration0004PartnerPeriod } from './migrations/migration-0004-partner-period';
import { Migration0005PlacementPeriod } from './migrations/migration-0005-placement-period';
import { Migration0006ActivityPublicText } from './migrations/migration-0006-activity-public-text';
import { Migration0007LoginThrottle } from './migrations/migration-0007-login-throttle';
import { Migration0008IdempotencyUniquePlans } from './migrations/migration-0008-idempotency-unique-plans';
import { Migration0009PublicSharedState } from './migrations/migration-0009-public-shared-state';
import { Migration0010ActivityPlannedDates } from './migrations/migration-0010-activity-planned-dates';
import { Migration0011Enrolment } from './migrations/migration-0011-enrolment';
import { Migration0012PlacementStatus } from './migrations/migration-0012-placement-status';
import { Migration0013Calendars } from './migrations/migration-0013-calendars';
import { Migration0014ActivityConfirmation } from './migrations/migration-0014-activity-confirmation';
import { Migration0015DocumentLifecycle } from './migrations/migration-0015-document-lifecycle';
import { Migration0016Notifications } from './migrations/migration-0016-notifications';
import { Migration0017SingleUseLinks } from './migrations/migration-0017-single-use-links';
import { Migration0018AgreementAmendments } from './migrations/migration-0018-agreement-amendments';
import { Migration0020PlanSubmissionDeadline } from './migrations/migration-0020-plan-submission-deadline';
import { Migration0021UserLanguage } from './migrations/migration-0021-user-language';
import { Migration0022PartnerVetting } from './migrations/migration-0022-partner-vetting';
import { Migration0023PresidentialNonWorkingDays } from './migrations/migration-0023-presidential-non-working-days';
import { Migration0024ListOrders } from './migrations/migration-0024-list-orders';
import { Migration0025DocumentFiles } from './migrations/migration-0025-document-files';
import { Migration0026TrigramSearch } from './migrations/migration-0026-trigram-search';
import { Migration0027ResponsePlanFile } from './migrations/migration-0027-response-plan-file';
import { Migration0028NotificationEmailTo } from './migrations/migration-0028-notification-email-to';
import { Migration0029EnrolmentProfminimumLevel } from './migrations/migration-0029-enrolment-profminimum-level';
import { Migration0030PublicChanges } from './migrations/migration-0030-public-changes';
import { Migration0031SqliteTextSearch } from './migrations/migration-0031-sqlite-text-search';
import {
  levelOnEnrolmentOnly,
  Migration0032LevelOnEnrolmentOnly,
  type MigrationClock,
} from './migrations/migration-0032-level-on-enrolment-only';
import { Migration0033OrganisationLanguage } from './migrations/migration-0033-organisation-language';
import { Migration0034ActivitySearchYear } from './migrations/migration-0034-activity-search-year';
import { Migration0035PlacementStatus } from './migrations/migration-0035-placement-status';
import { Migration0036ReminderPasses } from './migrations/migration-0036-reminder-passes';
import { ENTITY_SCHEMAS } from './records';

export type DatabaseTarget = { driver: 'sqlite'; path: string } | { driver: 'postgresql'; url: string };

export const MIGRATIONS = [
  { name: 'Migration0001Initial', class: Migration0001Initial },
  { name: 'Migration0002ReportIndexes', class: Migration0002ReportIndexes },
  { name: 'Migration0003ReportOrders', class: Migration0003ReportOrders },
  { name: 'Migration0004PartnerPeriod', class: Migration0004PartnerPeriod },
  { name: 'Migration0005PlacementPeriod', class: Migration0005PlacementPeriod },
  { name: 'Migration0006ActivityPublicText', class: Migration0006ActivityPublicText },
  { name: 'Migration0007LoginThrottle', class: Migration0007LoginThrottle },
  { name: 'Migration0008IdempotencyUniquePlans', class: Migration0008IdempotencyUniquePlans },
  { name: 'Migration0009PublicSharedState', class: Migration0009PublicSharedState },
  { name: 'Migration0010ActivityPlannedDates', class: Migration0010ActivityPlannedDates },
  { name: 'Migration0011Enrolment', class: Migration0011Enrolment },
  { name: 'Migration0012PlacementStatus', class: Migration0012PlacementStatus },
  { name: 'Migration0013Calendars', class: Migration0013Calendars },
  { name: 'Migration0014ActivityConfirmation', class: Migration0014ActivityConfirmation },
  { name: 'Migration0015DocumentLifecycle', class: Migration0015DocumentLifecycle },
  { name: 'Migration0016Notifications', class: Migration0016Notifications },
  { name: 'Migration0017SingleUseLinks', class: Migration0017SingleUseLinks },
  { name: 'Migration0018AgreementAmendments', class: Migration0018AgreementAmendments },
  { name: 'Migration0020PlanSubmissionDeadline', class: Migration0020PlanSubmissionDeadline },
  { name: 'Migration0021UserLanguage', class: Migration0021UserLanguage },
  { name: 'Migration0022PartnerVetting', class: Migration0022PartnerVetting },
  { name: 'Migration0023PresidentialNonWorkingDays', class: Migration0023PresidentialNonWorkingDays },
  { name: 'Migration0024ListOrders', class: Migration0024ListOrders },
  { name: 'Migration0025DocumentFiles', class: Migration0025DocumentFiles },
  { name: 'Migration0026TrigramSearch', class: Migration0026TrigramSearch },
  { name: 'Migration0027ResponsePlanFile', class: Migration0027ResponsePlanFile },
  { name: 'Migration0028NotificationEmailTo', class: Migration0028NotificationEmailTo },
  { name: 'Migration0029EnrolmentProfminimumLevel', class: Migration0029EnrolmentProfminimumLevel },
  { name: 'Migration0030PublicChanges', class: Migration0030PublicChanges },
  { name: 'Migration0031SqliteTextSearch', class: Migration0031SqliteTextSearch },
  { name: 'Migration0032LevelOnEnrolmentOnly', class: Migration0032LevelOnEnrolmentOnly },
  { name: 'Migration0033OrganisationLanguage', class: Migration0033OrganisationLanguage },
  { name: 'Migration0034ActivitySearchYear', class: Migration0034ActivitySearchYear },
  { name: 'Migration0035PlacementStatus', class: Migration0035PlacementStatus },
  { name: 'Migration0036ReminderPasses', class: Migration0036ReminderPasses },
];

/**
 * The migrations as run by an application with `clock` (0032 moves levels into the academic year of its today);
 * without one, the database's date.
 */
export const migrationsFor = (clock: (() => MigrationClock) | undefined): typeof MIGRATIONS =>
  MIGRATIONS.map((m) =>
    m.class === Migration0032LevelOnEnrolmentOnly ? { ...m, class: levelOnEnrolmentOnly(clock) } : m,
  );

/**
 * Builds MikroORM options for the configured database. Drivers are loaded lazily so that a SQLite
 * install never needs `pg` at start-up and vice versa.
 */
export async function ormOptions(
  target: DatabaseTarget,
  extra: { debug?: boolean; clock?: () => MigrationClock } = {},
): Promise<Options> {
  const common: Partial<Options> = {
    entities: ENTITY_SCHEMAS,
    // no schema snapshot: the migrations are a fixed list, and reading the schema back fails on SQLite's
    // untyped statistics tables (sqlite_stat1, written by ANALYZE) once a database is upgraded
    migrations: {
      migrationsList: migrationsFor(extra.clock),
      silent: true,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      tableName: 'mikro_orm_migrations',
    },
    // One UPDATE per record, each with its version check and its affected-row count (the batched form checks
    // versions with a SELECT first and then updates without them, which lets a concurrent write through).
    useBatchUpdates: false,
    debug: extra.debug ?? false,
    allowGlobalContext: false,
    forceUndefined: false,
    ignoreUndefinedInQuery: true,
    discovery: { warnWhenNoEntities: false },
  };
  if (target.driver === 'postgresql') {
    const { PostgreSqlDriver } = await import('@mikro-orm/postgresql');
    return {
      ...common,
      driver: PostgreSqlDriver,
      clientUrl: target.url,
      pool: {
        min: 0,
        max: 10,
        // Report GROUP BYs hash a few thousand groups out of ~10^5 rows; the 4 MB default makes the planner
        // sort them on disk instead. 32 MB per sort/hash node, at most 10 connections. No parallel workers: a
        // report runs its aggregates side by side on the pool, and on a small server extra workers only contend.
        // No JIT: it starts above a fixed plan cost, i.e. only on large databases, and compiling costs the
        // report's sub-second queries 50-150 ms each there (measured, docs/benchmarks.md) for nothing back.
        afterCreate: (
          conn: { query: (sql: string, cb: (e: Error | null) => void) => void },
          done: (e: Error | null, c: unknown) => void,
        ) =>
          conn.query("SET work_mem = '32MB'; SET max_parallel_workers_per_gather = 0; SET jit = off", (e) =>
            done(e, conn),
          ),
      },
    } as Options;
  }
  const { BetterSqliteDriver } = await import('@mikro-orm/better-sqlite');
  return {
    ...common,
    driver: BetterSqliteDriver,
    dbName: target.path,
    pool: {
      afterCreate: (
        conn: {
          pragma?: (s: string) => void;
          function?: (name: string, opts: object, fn: (...a: unknown[]) => unknown) => void;
          prepare?: (sql: string) => unknown;
        },
        done: (e: Error | null, c: unknown) => void,
      ) => {
        reusePreparedStatements(conn);
        // SQLite folds only ASCII in LIKE; replace it with a Unicode case-insensitive one (Cyrillic search).
        conn.function?.('like', { deterministic: true, varargs: true }, (pattern, value, escape) =>
          unicodeLike(pattern, value, escape),
        );
        // WAL for concurrent reads, FULL sync for durability, foreign keys on, wait on locks.
        try {
          conn.pragma?.('journal_mode = WAL');
          conn.pragma?.('synchronous = FULL');
          conn.pragma?.('foreign_keys = ON');
          conn.pragma?.('busy_timeout = 5000');
          // room for report GROUP BYs without spilling to disk
          conn.pragma?.('cache_size = -65536');
          conn.pragma?.('temp_store = MEMORY');
          // keep the planner's statistics fresh (quick, bounded ANALYZE only where they are missing or stale)
          conn.pragma?.('analysis_limit = 1000');
          conn.pragma?.('optimize = 0x10002');
        } catch {
          /* :memory: has no WAL; the rest still applies */
        }
        done(null, conn);
      },
    },
  } as Options;
}

/** How many prepared statements a SQLite connection keeps for reuse (the least recently used go first). */
const STATEMENTS_KEPT = 500;

/**
 * The query builder prepares every query's SQL afresh; SQLite compiles it each time (a measurable share of a
 * short request's CPU, docs/benchmarks.md). The same text gets the same statement back instead: the builder only
 * runs it to completion with new bindings (`all`/`run`), which a statement allows any number of times, and
 * SQLite recompiles a kept statement by itself if the schema changed under it.
 */
export function reusePreparedStatements(conn: { prepare?: (sql: string) => unknown }): void {
  const prepare = conn.prepare?.bind(conn);
  if (!prepare) return;
  const kept = new Map<string, unknown>();
  conn.prepare = (sql: string) => {
    let statement = kept.get(sql);
    if (statement) kept.delete(sql);
    else statement = prepare(sql);
    kept.set(sql, statement);
    if (kept.size > STATEMENTS_KEPT) kept.delete(kept.keys().next().value as string);
    return statement;
  };
}

const likeCache = new Map<string, RegExp>();
/** SQL LIKE with Unicode case folding: `%` any run, `_` one character, optional escape character. */
export function unicodeLike(pattern: unknown, value: unknown, escape?: unknown): number | null {
  if (pattern === null || value === null || pattern === undefined || value === undefined) return null;
  const esc = escape === undefined ? '\\' : escape; // backslash by default, as in PostgreSQL
  const key = `${String(esc ?? '')}\u0000${String(pattern)}`;
  let re = likeCache.get(key);
  if (!re) {
    let src = '';
    const p = String(pattern);
    for (let i = 0; i < p.length; i++) {
      const c = p[i] as string;
      if (esc && c === esc && i + 1 < p.length) src += (p[++i] as string).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      else if (c === '%') src += '[\\s\\S]*';
      else if (c === '_') src += '[\\s\\S]';
      else src += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
    re = new RegExp(`^${src}$`, 'iu');
    if (likeCache.size > 500) likeCache.clear();
    likeCache.set(key, re);
  }
  return re.test(String(value)) ? 1 : 0;
}
