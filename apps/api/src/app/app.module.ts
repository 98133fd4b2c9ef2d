import { DynamicModule, Module } from '@nestjs/common';

import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import type { AppConfig } from './config/app-config';
import { CoreModule } from './core.module';
import { DatabaseSetupService } from './db/database-setup.service';
import { DatabaseModule } from './db/database.module';
import { DemoSeeder } from './db/demo-seed';
import { FEATURE_CONTROLLERS, FEATURE_PROVIDERS } from './features';

@Module({})
export class AppModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [CoreModule.register(config), DatabaseModule.register(config)],
      controllers: [AuthController, ...FEATURE_CONTROLLERS],
      providers: [AuthService, DatabaseSetupService, DemoSeeder, ...FEATURE_PROVIDERS],
    };
  }
}
