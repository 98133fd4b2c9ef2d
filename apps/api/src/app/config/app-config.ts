import type { DatabaseTarget } from '@socium/api-persistence';

import { z } from 'zod';

/**
 * Every environment variable the API reads, validated once at start. Code reads AppConfig, never
 * process.env. Secrets have no default in production. See .env.example.
 */
const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** HTTP port */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** unset: SQLite file data/socium.sqlite; `sqlite:PATH` (`sqlite::memory:`); `postgres://…` */
  DATABASE_URL: z.string().optional(),
  /** legacy selector kept for tools: `postgresql` forces PostgreSQL with DATABASE_URL */
  DB_DRIVER: z.enum(['sqlite', 'postgresql']).optional(),
  /** fill demo data on an empty database (default true on SQLite, false on PostgreSQL) */
  SOCIUM_DEMO: z.enum(['true', 'false']).optional(),
  /** first coordinator account on an empty database */
  SOCIUM_ADMIN_EMAIL: z.email().optional(),
  /** secret */
  SOCIUM_ADMIN_PASSWORD: z.string().min(10).optional(),
  /** secret: HMAC key for access tokens (≥ 32 chars). Required in production; random per process otherwise. */
  SOCIUM_JWT_SECRET: z.string().min(32).optional(),
  /** access-token lifetime in seconds (≤ 900) */
  SOCIUM_ACCESS_TTL: z.coerce.number().int().min(30).max(900).default(900),
  /** refresh-token lifetime in days */
  SOCIUM_REFRESH_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  /** failed log-ins per e-mail and client within the window before 429 */
  SOCIUM_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  SOCIUM_LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86400).default(900),
  /** number of reverse proxies in front of the API whose X-Forwarded-For is trusted (0 = none) */
  SOCIUM_TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  /**
   * the address the public reaches this server at (`https://socium.example.ru`, or with a path prefix),
   * used for absolute links in exported pages; unset: those links are relative. Never taken from `Host`.
   */
  SOCIUM_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'expected an http(s) URL' })
    .refine((u) => !/[?#]/.test(u), 'no query string or fragment')
    .optional(),
  /** requests per minute one client may make to the public pages (JSON, calendar, export, embed); 0: no limit */
  SOCIUM_PUBLIC_RATE_LIMIT: z.coerce.number().int().min(0).max(1_000_000).default(120),
  /** how long a public answer may be served from memory before it is built again; 0: no cache */
  SOCIUM_PUBLIC_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  /**
   * how often (ms) a process adds its public-rate-limit counts to the database and looks whether another process
   * has written (then drops its cached public answers): the most another instance's widget lags behind a write
   */
  SOCIUM_PUBLIC_SYNC_MS: z.coerce.number().int().min(20).max(60_000).default(1000),
  /** IANA zone whose calendar date is "today" */
  SOCIUM_TIME_ZONE: z.string().default('Europe/Moscow'),
  /** pin "today" (YYYY-MM-DD) for demos and tests */
  SOCIUM_TODAY: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  /** secret (may hold a password): `smtp://user:pass@host:587` or `smtps://…`; unset: e-mail is off */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'expected smtp://… or smtps://…' }).optional(),
  /** the sender of e-mails, `Name <address>` or an address */
  SMTP_FROM: z.string().min(3).max(200).default('Socium <no-reply@socium.invalid>'),
  /** compute reminders once a day in the API (default true; false: only on demand, `POST /notifications/run`) */
  SOCIUM_REMINDERS: z.enum(['true', 'false']).optional(),
  /** the first wait before a failed e-mail is sent again (doubles per attempt, at most an hour) */
  SOCIUM_EMAIL_RETRY_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  /** log SQL */
  SOCIUM_DEBUG_SQL: z.enum(['true', 'false']).default('false'),
});

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  database: DatabaseTarget;
  demo: boolean;
  admin: { email: string; password: string } | null;
  jwtSecret: string | null;
  accessTtlSeconds: number;
  refreshTtlDays: number;
  login: { maxFailures: number; windowSeconds: number };
  trustProxyHops: number;
  /** SOCIUM_PUBLIC_URL without a trailing slash, or null */
  publicUrl: string | null;
  /** the public pages' guards: requests per client per minute (0: off), cache lifetime (0: off), sync interval */
  publicPages: { rateLimitPerMinute: number; cacheSeconds: number; syncMs: number };
  timeZone: string;
  today: string | null;
  debugSql: boolean;
  /** e-mail over SMTP (null: off) and the daily reminders */
  email: { smtpUrl: string | null; from: string; retrySeconds: number };
  reminders: { daily: boolean };
}

export class ConfigError extends Error {}

export function loadAppConfig(env: Record<string, string | undefined>): AppConfig {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  const url = e.DATABASE_URL?.trim();
  let database: DatabaseTarget;
  if (url && /^postgres(ql)?:\/\//.test(url)) database = { driver: 'postgresql', url };
  else if (e.DB_DRIVER === 'postgresql') throw new ConfigError('DB_DRIVER=postgresql needs DATABASE_URL=postgres://…');
  else if (url && url.startsWith('sqlite:'))
    database = { driver: 'sqlite', path: url.slice('sqlite:'.length) || ':memory:' };
  else if (url) throw new ConfigError(`DATABASE_URL must be postgres://… or sqlite:PATH, got "${url.split(':')[0]}:…"`);
  else database = { driver: 'sqlite', path: 'data/socium.sqlite' };
  if (e.NODE_ENV === 'production' && !e.SOCIUM_JWT_SECRET)
    throw new ConfigError('SOCIUM_JWT_SECRET is required in production');
  if (!!e.SOCIUM_ADMIN_EMAIL !== !!e.SOCIUM_ADMIN_PASSWORD)
    throw new ConfigError('SOCIUM_ADMIN_EMAIL and SOCIUM_ADMIN_PASSWORD go together');
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    database,
    demo: e.SOCIUM_DEMO ? e.SOCIUM_DEMO === 'true' : database.driver === 'sqlite' && e.NODE_ENV !== 'production',
    admin:
      e.SOCIUM_ADMIN_EMAIL && e.SOCIUM_ADMIN_PASSWORD
        ? { email: e.SOCIUM_ADMIN_EMAIL, password: e.SOCIUM_ADMIN_PASSWORD }
        : null,
    jwtSecret: e.SOCIUM_JWT_SECRET ?? null,
    accessTtlSeconds: e.SOCIUM_ACCESS_TTL,
    refreshTtlDays: e.SOCIUM_REFRESH_TTL_DAYS,
    login: { maxFailures: e.SOCIUM_LOGIN_MAX_FAILURES, windowSeconds: e.SOCIUM_LOGIN_WINDOW_SECONDS },
    trustProxyHops: e.SOCIUM_TRUST_PROXY_HOPS,
    publicUrl: e.SOCIUM_PUBLIC_URL ? e.SOCIUM_PUBLIC_URL.replace(/\/+$/, '') : null,
    publicPages: {
      rateLimitPerMinute: e.SOCIUM_PUBLIC_RATE_LIMIT,
      cacheSeconds: e.SOCIUM_PUBLIC_CACHE_SECONDS,
      syncMs: e.SOCIUM_PUBLIC_SYNC_MS,
    },
    timeZone: e.SOCIUM_TIME_ZONE,
    today: e.SOCIUM_TODAY ?? null,
    debugSql: e.SOCIUM_DEBUG_SQL === 'true',
    email: { smtpUrl: e.SMTP_URL ?? null, from: e.SMTP_FROM, retrySeconds: e.SOCIUM_EMAIL_RETRY_SECONDS },
    reminders: { daily: e.SOCIUM_REMINDERS ? e.SOCIUM_REMINDERS === 'true' : e.NODE_ENV !== 'test' },
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
