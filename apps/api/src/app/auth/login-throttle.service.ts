import { createHash } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';

import { ClockService } from '../clock/clock.service';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/** A counted log-in attempt: how long to wait (0: go on and check the password) and the windows it was counted in. */
export interface LoginAttempt {
  retryAfterSeconds: number;
  emailKey: string;
  clientKey: string;
  clientWindow: number;
}

/** Removes stale counters every this many attempts (in this process). */
const SWEEP_EVERY = 64;

/**
 * Log-in throttling kept in the database (`login_throttle`, migration 0007), so that parallel requests and
 * several API processes on one database share it. Each attempt is counted BEFORE the password is checked, by
 * one atomic upsert per key (the e-mail, and the client address: the socket's, or the hop the configured
 * proxies vouch for, never a raw X-Forwarded-For), in a fixed window that starts at the first attempt: the
 * attempt that makes the count exceed the limit (`SOCIUM_LOGIN_MAX_FAILURES` per e-mail, four times that per
 * address) and every later one in the window is refused. A successful log-in clears the e-mail's counter and
 * gives its attempt back to the address, so a school behind one address is not locked out by its own log-ins.
 * Keys are SHA-256 digests: the table holds neither e-mails nor addresses.
 */
@Injectable()
export class LoginThrottleService {
  private attemptsSinceSweep = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: ClockService,
    private readonly em: EntityManager,
  ) {}

  /** Counts an attempt for the e-mail and the client; `retryAfterSeconds > 0` means refuse it (429). */
  async attempt(email: string, client: string): Promise<LoginAttempt> {
    const now = this.clock.nowMs();
    const windowMs = this.config.login.windowSeconds * 1000;
    const emailKey = key('email', email.toLowerCase());
    const clientKey = key('ip', client);
    if (++this.attemptsSinceSweep >= SWEEP_EVERY) await this.sweep(now - windowMs);
    const byEmail = await this.count(emailKey, now, windowMs);
    const byClient = await this.count(clientKey, now, windowMs);
    const wait = (c: Counter, limit: number) =>
      c.attempts > limit ? Math.max(1, Math.ceil((c.windowStart + windowMs - now) / 1000)) : 0;
    const max = this.config.login.maxFailures;
    return {
      retryAfterSeconds: Math.max(wait(byEmail, max), wait(byClient, max * 4)),
      emailKey,
      clientKey,
      clientWindow: byClient.windowStart,
    };
  }

  /** After a successful log-in: the e-mail starts afresh, the address gets its attempt back. */
  async succeeded(a: LoginAttempt): Promise<void> {
    const db = this.em.getConnection();
    await db.execute('delete from login_throttle where throttle_key = ?', [a.emailKey], 'run');
    await db.execute(
      'update login_throttle set attempts = attempts - 1 where throttle_key = ? and window_start = ? and attempts > 0',
      [a.clientKey, a.clientWindow],
      'run',
    );
  }

  /** One atomic statement: a new window when the old one has passed, else one more attempt in it. */
  private async count(throttleKey: string, now: number, windowMs: number): Promise<Counter> {
    const expired = now - windowMs;
    const rows = await this.em.getConnection().execute<{ attempts: number | string; window_start: number | string }[]>(
      `insert into login_throttle (throttle_key, window_start, attempts) values (?, ?, 1)
       on conflict (throttle_key) do update set
         attempts = case when login_throttle.window_start <= ? then 1 else login_throttle.attempts + 1 end,
         window_start = case when login_throttle.window_start <= ? then ? else login_throttle.window_start end
       returning attempts, window_start`,
      [throttleKey, now, expired, expired, now],
      'all',
    );
    const row = rows[0];
    return { attempts: Number(row?.attempts ?? 1), windowStart: Number(row?.window_start ?? now) };
  }

  private async sweep(before: number): Promise<void> {
    this.attemptsSinceSweep = 0;
    await this.em.getConnection().execute('delete from login_throttle where window_start <= ?', [before], 'run');
  }
}

interface Counter {
  attempts: number;
  windowStart: number;
}

const key = (kind: 'email' | 'ip', value: string): string =>
  createHash('sha256').update(`${kind}:${value}`).digest('hex');
