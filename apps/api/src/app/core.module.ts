import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR, DiscoveryModule } from '@nestjs/core';

import { AccessService } from './access/access.service';
import { AuditService } from './audit/audit.service';
import { AuthGuard } from './auth/auth.guard';
import { LoginThrottleService } from './auth/login-throttle.service';
import { PasswordService } from './auth/password.service';
import { RoutePolicies } from './auth/route-policies';
import { TokenService } from './auth/token.service';
import { ClockService } from './clock/clock.service';
import { DatabaseErrorsInterceptor } from './common/database-errors';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { IdempotencyInterceptor } from './http/idempotency.interceptor';
import { IdempotencyService } from './http/idempotency.service';
import { PublicCacheService } from './publication/public-cache.service';
import { PublicRevisionInterceptor } from './publication/public-revision.interceptor';

/** Cross-cutting services every context uses: config, clock, tokens, access, audit. */
@Global()
@Module({})
export class CoreModule {
  static register(config: AppConfig): DynamicModule {
    const providers = [
      { provide: APP_CONFIG, useValue: config },
      ClockService,
      AuditService,
      AccessService,
      TokenService,
      PasswordService,
      LoginThrottleService,
      PublicCacheService,
      IdempotencyService,
      RoutePolicies,
      { provide: APP_GUARD, useClass: AuthGuard },
      { provide: APP_INTERCEPTOR, useClass: DatabaseErrorsInterceptor },
      // inside the one above: it sees the handler's own errors (and releases the key) before they are translated
      { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      { provide: APP_INTERCEPTOR, useClass: PublicRevisionInterceptor },
    ];
    return {
      module: CoreModule,
      imports: [DiscoveryModule],
      providers,
      exports: [
        APP_CONFIG,
        ClockService,
        AuditService,
        AccessService,
        TokenService,
        PasswordService,
        LoginThrottleService,
        PublicCacheService,
      ],
    };
  }
}
