import { IdempotencyRecord } from '@socium/api-persistence';

import { createHash } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';

import { ClockService } from '../clock/clock.service';
import { fail } from './app-error';

/** How long a key is remembered; an older one is ignored (and swept). */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** A claim without an answer after this long belongs to a request that died with its process: it is released. */
export const UNFINISHED_CLAIM_MS = 2 * 60 * 1000;
/** 1 to 255 visible ASCII characters (no spaces, no control characters). */
const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;
/** Removes expired keys every this many claims (in this process). */
const SWEEP_EVERY = 64;

/** Who sends which key to which create route. */
export interface IdempotencyScope {
  userId: string;
  method: string;
  path: string;
  key: string;
}

/** A claim won (run the handler, then complete or release it) or an earlier answer to send again. */
export type IdempotencyClaim =
  | { kind: 'claimed'; scopeKey: string }
  | { kind: 'replay'; statusCode: number; body: unknown };

/**
 * `Idempotency-Key` of create requests, kept in the database (`idempotency_key`, migration 0008) so that every API
 * process shares it. A request claims its key with one insert before its handler runs: of two parallel requests
 * with one key only one inserts, the other finds the claim (409 `idempotency.in-progress` while it runs, the
 * stored answer once it succeeded, 422 `idempotency.key-reused` for another body). A failed request releases the
 * key. Keys are scoped by the caller, the method and the path, stored as a SHA-256 digest, and forgotten after 24 h.
 */
@Injectable()
export class IdempotencyService {
  private claimsSinceSweep = 0;

  constructor(
    private readonly em: EntityManager,
    private readonly clock: ClockService,
  ) {}

  /** The header's value, or 400 `idempotency.key-invalid`. */
  parseKey(raw: string | string[]): string {
    if (typeof raw === 'string' && KEY_FORMAT.test(raw)) return raw;
    throw fail('idempotency.key-invalid', {
      ru: 'Idempotency-Key: от 1 до 255 видимых символов ASCII',
      en: 'Idempotency-Key must be 1 to 255 visible ASCII characters',
      tt: 'Idempotency-Key: 1дән 255кә кадәр күренә торган ASCII символы',
    });
  }

  /** Claims the key for this request, or answers what an earlier request with it got. */
  async claim(scope: IdempotencyScope, body: unknown): Promise<IdempotencyClaim> {
    const scopeKey = digest([scope.userId, scope.method, scope.path, scope.key].join('\u0000'));
    const requestHash = digest(canonicalJson(body ?? null));
    const now = this.clock.nowMs();
    if (++this.claimsSinceSweep >= SWEEP_EVERY) await this.sweep(now - IDEMPOTENCY_TTL_MS);
    // Two rounds: the first may find an expired claim (deleted, then claimed afresh) or one released meanwhile.
    for (let round = 0; round < 2; round++) {
      if (await this.insert(scopeKey, requestHash, now)) return { kind: 'claimed', scopeKey };
      const held = await this.em.fork().findOne(IdempotencyRecord, { scopeKey }, { disableIdentityMap: true });
      if (!held) continue;
      if (Number(held.createdAt) <= now - IDEMPOTENCY_TTL_MS) {
        await this.run('delete from idempotency_key where scope_key = ? and created_at = ?', [
          scopeKey,
          held.createdAt,
        ]);
        continue;
      }
      if (held.requestHash !== requestHash)
        throw fail('idempotency.key-reused', {
          ru: 'Этот Idempotency-Key уже использован с другим запросом',
          en: 'This Idempotency-Key was already used with another request',
          tt: 'Бу Idempotency-Key башка сорау белән инде кулланылган',
        });
      if (held.statusCode === null || held.responseBody === null) {
        // a claim whose request never finished (its process died mid-request) is given up after a while
        if (Number(held.createdAt) > now - UNFINISHED_CLAIM_MS) break;
        await this.run('delete from idempotency_key where scope_key = ? and created_at = ? and status_code is null', [
          scopeKey,
          held.createdAt,
        ]);
        continue;
      }
      return { kind: 'replay', statusCode: held.statusCode, body: JSON.parse(held.responseBody) };
    }
    throw fail('idempotency.in-progress', {
      ru: 'Запрос с этим Idempotency-Key ещё выполняется: повторите позже',
      en: 'A request with this Idempotency-Key is still in progress: retry later',
      tt: 'Бу Idempotency-Key белән сорау әле башкарыла: соңрак кабатлагыз',
    });
  }

  /** Keeps the successful answer for replays. */
  async complete(scopeKey: string, statusCode: number, body: unknown): Promise<void> {
    await this.run('update idempotency_key set status_code = ?, response_body = ? where scope_key = ?', [
      statusCode,
      JSON.stringify(body ?? null),
      scopeKey,
    ]);
  }

  /** Frees the key of a failed request, so that the client may retry with it. */
  async release(scopeKey: string): Promise<void> {
    await this.run('delete from idempotency_key where scope_key = ? and status_code is null', [scopeKey]);
  }

  /** One atomic insert: true when this request now holds the key. */
  private async insert(scopeKey: string, requestHash: string, now: number): Promise<boolean> {
    const res = await this.run(
      'insert into idempotency_key (scope_key, request_hash, created_at) values (?, ?, ?) on conflict (scope_key) do nothing',
      [scopeKey, requestHash, now],
    );
    return res.affectedRows === 1;
  }

  private async sweep(before: number): Promise<void> {
    this.claimsSinceSweep = 0;
    await this.run('delete from idempotency_key where created_at <= ?', [before]);
  }

  private run(sql: string, params: unknown[]): Promise<{ affectedRows: number }> {
    return this.em.getConnection().execute<{ affectedRows: number }>(sql, params, 'run');
  }
}

const digest = (text: string): string => createHash('sha256').update(text).digest('hex');

/** JSON with object keys sorted at every level, so that one body always has one hash. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}
