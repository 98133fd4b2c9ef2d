import { ormOptions } from '@socium/api-persistence';

import { MikroOrmModule } from '@mikro-orm/nestjs';
import { DynamicModule, Module } from '@nestjs/common';

import type { AppConfig } from '../config/app-config';

/** MikroORM on the configured database (SQLite by default, PostgreSQL by DATABASE_URL). */
@Module({})
export class DatabaseModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        MikroOrmModule.forRootAsync({
          useFactory: () => ormOptions(config.database, { debug: config.debugSql }),
          driver: undefined as never,
        }),
      ],
    };
  }
}
