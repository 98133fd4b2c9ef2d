import { CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { catchError, defer, from, map, mergeMap, Observable, of, throwError } from 'rxjs';

import { IdempotencyService } from './idempotency.service';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const REPLAYED_HEADER = 'Idempotent-Replayed';

/**
 * `Idempotency-Key` on every create route (a POST answering 201): the first request with a key runs and its answer
 * is kept; the same key with the same body answers that again with `Idempotent-Replayed: true` and creates
 * nothing (see `IdempotencyService`). Without the header, and on every other route, nothing changes.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: IdempotencyService,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const req = ctx.switchToHttp().getRequest<Request & { user?: { id: string } }>();
    const raw = req.headers[IDEMPOTENCY_HEADER.toLowerCase()];
    if (raw === undefined || !this.isCreate(ctx, req)) return next.handle();
    const res = ctx.switchToHttp().getResponse<Response>();
    const scope = { userId: req.user?.id ?? '', method: req.method, path: req.originalUrl.split('?')[0] as string };
    return defer(() => this.keys.claim({ ...scope, key: this.keys.parseKey(raw) }, req.body)).pipe(
      mergeMap((claim) => {
        if (claim.kind === 'replay') {
          res.status(claim.statusCode).setHeader(REPLAYED_HEADER, 'true');
          return of(claim.body);
        }
        return next.handle().pipe(
          mergeMap((body) => from(this.keys.complete(claim.scopeKey, res.statusCode, body)).pipe(map(() => body))),
          catchError((e: unknown) => from(this.keys.release(claim.scopeKey)).pipe(mergeMap(() => throwError(() => e)))),
        );
      }),
    );
  }

  private isCreate(ctx: ExecutionContext, req: Request): boolean {
    if (req.method !== 'POST') return false;
    const code = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, ctx.getHandler());
    return (code ?? HttpStatus.CREATED) === HttpStatus.CREATED;
  }
}
