import { DirectionRecord, UserRecord } from '@socium/api-persistence';
import { DEFAULT_DIRECTION_CODES } from '@socium/contracts';
import { RU_LABELS } from '@socium/domain';

import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { Inject, Injectable, Logger } from '@nestjs/common';

import { PasswordService } from '../auth/password.service';
import { ClockService } from '../clock/clock.service';
import { newId } from '../common/crud.support';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DEMO_ACCOUNTS, DemoSeeder } from './demo-seed';

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

  async run(): Promise<{ demoAccounts: typeof DEMO_ACCOUNTS | null }> {
    await this.orm.getMigrator().up();
    const em = this.orm.em.fork();
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
