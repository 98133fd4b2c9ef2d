import { DirectionRecord, UserRecord } from '@socium/api-persistence';
import { DEFAULT_DIRECTION_CODES } from '@socium/contracts';
import { RU_LABELS } from '@socium/domain';

import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { EntityManager, MikroORM } from '@mikro-orm/core';
import { Inject, Injectable, Logger } from '@nestjs/common';

import { PasswordService } from '../auth/password.service';
import { ClockService } from '../clock/clock.service';
import { newId } from '../common/crud.support';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DEMO_ACCOUNTS, DemoSeeder } from './demo-seed';

/** The advisory lock key instances hold while they migrate and seed ("socium" in ASCII). */
const SETUP_LOCK = 0x736f6369756d;

/** Migrates, then fills what a first start needs: directions, the first coordinator, demo data. */
@Injectable()
export class DatabaseSetupService {
  private readonly logger = new Logger('Database');
  constructor(
    private readonly orm: MikroORM,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly passwords: PasswordService,
    private readonly demo: DemoSeeder,
    private readonly clock: ClockService,
  ) {}

  static ensureDirectory(config: AppConfig): void {
    if (config.database.driver === 'sqlite' && config.database.path !== ':memory:')
      mkdirSync(dirname(config.database.path), { recursive: true });
  }

  /**
   * Instances started together on one PostgreSQL database take turns: the first migrates and seeds under an
   * advisory lock, the others wait for it and then find nothing left to do. (SQLite is one embedded process.)
   */
  async run(): Promise<{ demoAccounts: typeof DEMO_ACCOUNTS | null }> {
    const db = this.config.database;
    if (db.driver !== 'postgresql') return this.setUp();
    const { Client } = await import('pg');
    const lock = new Client({ connectionString: db.url });
    await lock.connect();
    try {
      await lock.query('select pg_advisory_lock($1)', [SETUP_LOCK]);
      return await this.setUp();
    } finally {
      await lock.end().catch(() => undefined); // ending the session releases the lock
    }
  }

  private async setUp(): Promise<{ demoAccounts: typeof DEMO_ACCOUNTS | null }> {
    await this.orm.getMigrator().up();
    // What a first start writes is one transaction: a crash half-way (kill -9 after the demo organisations, before
    // the accounts) leaves the database as the migrations left it, and the next start fills it again instead of
    // failing on the organisations it finds there (tools/process-tests/crash.test.mjs).
    return this.orm.em.fork().transactional((em) => this.fill(em));
  }

  private async fill(em: EntityManager): Promise<{ demoAccounts: typeof DEMO_ACCOUNTS | null }> {
    if ((await em.count(DirectionRecord, {})) === 0) {
      const now = this.clock.nowIso();
      for (const code of DEFAULT_DIRECTION_CODES) {
        const d = new DirectionRecord();
        Object.assign(d, {
          id: newId(),
          code,
          name: RU_LABELS.direction[code],
          version: 1,
          createdAt: now,
          updatedAt: now,
        });
        em.persist(d);
      }
      await em.flush();
    }
    const empty = (await em.count(UserRecord, {})) === 0;
    let demoAccounts: typeof DEMO_ACCOUNTS | null = null;
    if (empty && this.config.demo) {
      await this.demo.seed(em);
      demoAccounts = DEMO_ACCOUNTS;
      this.logger.log('Demo data for the Yutazinsky district created');
    }
    if (empty && this.config.admin) {
      await this.demo.ensureDepartment(em);
      await this.demo.createUser(em, {
        email: this.config.admin.email,
        name: 'Координатор',
        role: 'coordinator',
        password: this.config.admin.password,
      });
      this.logger.log(`First coordinator account created: ${this.config.admin.email}`);
    }
    return { demoAccounts };
  }
}
