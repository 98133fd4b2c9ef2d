import { INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import express from 'express';

import { AppModule } from './app.module';
import { configureSearch } from './common/crud.support';
import { AppConfig } from './config/app-config';
import { DatabaseSetupService } from './db/database-setup.service';
import { ErrorFilter } from './http/error.filter';
import { OUTSIDE_API } from './http/outside-api';
import { answerClientError, checkBody, checkUrl, withParserErrors } from './http/request-guards';
import { securityHeaders } from './http/security.middleware';
import { ZodValidationPipe } from './http/zod-validation.pipe';
import { PublicCacheService } from './publication/public-cache.service';
import { installFastPath } from './publication/public-fast-path';
import { PublicRateLimitService } from './publication/public-rate-limit.service';

export interface StartedApp {
  app: INestApplication;
  demoAccounts: { email: string; password: string; role: string }[] | null;
}

/** Builds the whole application (used by main.ts and by the end-to-end tests). */
export async function createApp(
  config: AppConfig,
  opts: { logger?: false | ('error' | 'warn' | 'log')[] } = {},
): Promise<StartedApp> {
  DatabaseSetupService.ensureDirectory(config);
  configureSearch(config.database.driver);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), {
    bodyParser: false,
    abortOnError: false,
    logger: opts.logger ?? ['error', 'warn', 'log'],
  });
  app.disable('x-powered-by');
  app.getHttpServer().on('clientError', answerClientError); // what Node's parser refuses, in the error shape
  app.set('trust proxy', config.trustProxyHops);
  app.set('etag', false);
  app.use(securityHeaders);
  // gzip for text answers from 1 KB (the panel's scripts, JSON lists, the widget bundle); answers that arrive
  // already encoded (the public pages' cached gzip) and types that do not compress (XLSX, PDF) are left alone
  app.use(compression({ threshold: 1024 }));
  app.use(checkUrl);
  // the single-use link's page posts a plain form (no script): its one field, url-encoded
  app.use('/link', withParserErrors(express.urlencoded({ extended: false, limit: '10kb', parameterLimit: 5 })));
  app.use('/api/v1/agreements/:id/scan', withParserErrors(express.raw({ type: () => true, limit: '10mb' })));
  app.use('/api/v1/documents/:id/files', withParserErrors(express.raw({ type: () => true, limit: '10mb' })));
  app.use(
    '/api/v1/documents/:id/recipients/:orgId/response-file',
    withParserErrors(express.raw({ type: () => true, limit: '10mb' })),
  );
  // a spreadsheet import takes the file itself as its body (CSV or XLSX), whatever type it is sent as
  app.use('/api/v1/imports/:kind', withParserErrors(express.raw({ type: () => true, limit: '5mb' })));
  app.use(
    withParserErrors(express.json({ limit: '100kb', strict: true, type: ['application/json', 'application/*+json'] })),
  );
  app.use(checkBody);
  app.setGlobalPrefix('api/v1', { exclude: [...OUTSIDE_API] });
  app.useGlobalPipes(new ZodValidationPipe());
  app.useGlobalFilters(new ErrorFilter());
  app.enableShutdownHooks();
  await app.init();
  const { demoAccounts } = await app.get(DatabaseSetupService).run();
  // cached public pages are answered before Express and Nest (the same bytes and headers as the full path)
  installFastPath(app.getHttpServer(), {
    cache: app.get(PublicCacheService),
    limiter: app.get(PublicRateLimitService),
    trustProxyHops: config.trustProxyHops,
  });
  // Errors thrown by express middleware (body parser: malformed JSON, 413) get the same JSON shape.
  app.use((e: unknown, req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(e);
    new ErrorFilter().catch(e, { switchToHttp: () => ({ getResponse: () => res, getRequest: () => req }) } as never);
  });
  Logger.flush();
  return { app, demoAccounts };
}
