import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { mergeMap, Observable } from 'rxjs';

import { PublicCacheService } from './public-cache.service';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * After every successful write (any method but a read, outside /auth) the public answers are out of date: this
 * process drops them and the shared revision moves for the others, before the client hears that its write is done.
 */
@Injectable()
export class PublicRevisionInterceptor implements NestInterceptor {
  constructor(private readonly cache: PublicCacheService) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = ctx.switchToHttp().getRequest<Request>();
    if (READS.has(req.method) || req.path.startsWith('/api/v1/auth/')) return next.handle();
    return next.handle().pipe(
      mergeMap(async (value: unknown) => {
        await this.cache.written();
        return value;
      }),
    );
  }
}
