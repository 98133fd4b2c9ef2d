import type { Role } from '@socium/domain';

import { MikroORM } from '@mikro-orm/core';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';

import { ClockService } from '../../src/app/clock/clock.service';
import { loadAppConfig } from '../../src/app/config/app-config';
import { DEMO_ACCOUNTS } from '../../src/app/db/demo-seed';
import { createApp } from '../../src/app/setup-app';

/**
 * Boots the whole application for end-to-end tests: SQLite in memory by default, PostgreSQL when
 * DB_DRIVER=postgresql and DATABASE_URL are set (the schema is dropped and migrated afresh).
 */
export async function bootApp(env: Record<string, string> = {}): Promise<TestApp> {
  const pg = postgresUrl();
  if (pg) await resetPostgres(pg);
  return startApp(pg ?? 'sqlite::memory:', env);
}

/**
 * Boots a second instance of the application on the database another test app already uses (no reset):
 * `database` is that app's DATABASE_URL (a SQLite file or the PostgreSQL URL). For tests of what instances share.
 */
export function joinApp(database: string, env: Record<string, string> = {}): Promise<TestApp> {
  return startApp(database, env);
}

/** The database the e2e apps of this run use: PostgreSQL when configured, else `sqliteFile`. */
export function sharedDatabase(sqliteFile: string): string {
  return postgresUrl() ?? `sqlite:${sqliteFile}`;
}

const postgresUrl = (): string | null =>
  process.env['DB_DRIVER'] === 'postgresql' && process.env['DATABASE_URL'] ? process.env['DATABASE_URL'] : null;

/** The app on `database` with the tests' defaults: demo data, "today" pinned, a fixed token key. */
async function startApp(database: string, env: Record<string, string>): Promise<TestApp> {
  const config = loadAppConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database,
    SOCIUM_DEMO: 'true',
    SOCIUM_TODAY: '2026-11-28',
    SOCIUM_JWT_SECRET: 'test-secret-test-secret-test-secret-0123',
    ...env,
  });
  const { app } = await createApp(config, { logger: ['error'] });
  return new TestApp(app);
}

async function resetPostgres(url: string): Promise<void> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
  await client.end();
}

export class TestApp {
  private tokens = new Map<string, string>();
  constructor(readonly app: INestApplication) {}

  get http() {
    return request(this.app.getHttpServer());
  }

  get orm(): MikroORM {
    return this.app.get(MikroORM);
  }

  get clock(): ClockService {
    return this.app.get(ClockService);
  }

  async login(email: string, password: string): Promise<string> {
    const key = `${email}|${password}`;
    const cached = this.tokens.get(key);
    if (cached) return cached;
    const res = await this.http.post('/api/v1/auth/login').send({ email, password });
    if (res.status !== 200) throw new Error(`login failed for ${email}: ${res.status} ${JSON.stringify(res.body)}`);
    this.tokens.set(key, res.body.accessToken);
    return res.body.accessToken as string;
  }

  /** The access token of a demo account by role. */
  async as(role: Role): Promise<string> {
    const a = DEMO_ACCOUNTS.find((x) => x.role === role);
    if (!a) throw new Error(`no demo account for ${role}`);
    return this.login(a.email, a.password);
  }

  /** The Authorization header of a demo account by role, for supertest's `.set(...)`. */
  async auth(role: Role): Promise<{ Authorization: string }> {
    return { Authorization: `Bearer ${await this.as(role)}` };
  }

  forget(): void {
    this.tokens.clear();
  }

  async close(): Promise<void> {
    await this.app.close();
  }
}
