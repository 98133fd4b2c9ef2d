import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { mergeMap, Observable } from 'rxjs';

import { PublicCacheService } from './public-cache.service';
import { newPublicChange, publicChangeOf } from './public-changes';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A write (any method but a read, outside /auth) runs with a `PublicChange` that the ORM's flushes fill in; once it
 * has succeeded, before the client hears so, the public answers it touched are dropped in this process and named
 * in the shared log for the others.
 */
@Injectable()
export class PublicRevisionInterceptor implements NestInterceptor {
  constructor(private readonly cache: PublicCacheService) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = ctx.switchToHttp().getRequest<Request>();
    if (READS.has(req.method) || req.path.startsWith('/api/v1/auth/')) return next.handle();
    const change = newPublicChange();
    // Nest binds the handler to the async context in which `handle` is called, so the flushes see `change`
    return publicChangeOf
      .run(change, () => next.handle())
      .pipe(
        mergeMap(async (value: unknown) => {
          await this.cache.written(change);
          return value;
        }),
      );
  }
}
