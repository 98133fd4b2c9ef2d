import { ormOptions } from '@socium/api-persistence';

import { MikroOrmModule } from '@mikro-orm/nestjs';
import { DynamicModule, Module } from '@nestjs/common';

import { ClockService } from '../clock/clock.service';
import type { AppConfig } from '../config/app-config';

/** MikroORM on the configured database (SQLite by default, PostgreSQL by DATABASE_URL). */
@Module({})
export class DatabaseModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        MikroOrmModule.forRootAsync({
          // migration 0032 needs the application's today (pinned or real) and instant
          useFactory: () => {
            const clock = new ClockService(config);
            return ormOptions(config.database, {
              debug: config.debugSql,
              clock: () => ({ today: clock.today().toString(), now: clock.nowIso() }),
            });
          },
          driver: undefined as never,
        }),
      ],
    };
  }
}
