import { Inject, Injectable } from '@nestjs/common';

import { ClockService } from '../clock/clock.service';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/**
 * Counts failed log-ins per e-mail and per client address (the socket address, or the hop the
 * configured proxies vouch for — never a raw X-Forwarded-For), and blocks for the window.
 */
@Injectable()
export class LoginThrottleService {
  private readonly failures = new Map<string, number[]>();
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: ClockService,
  ) {}

  /** Seconds to wait, or 0 when the attempt may proceed. */
  retryAfter(email: string, client: string, nowMs = this.clock.nowMs()): number {
    const windowMs = this.config.login.windowSeconds * 1000;
    let wait = 0;
    for (const key of this.keys(email, client)) {
      const list = (this.failures.get(key) ?? []).filter((t) => nowMs - t < windowMs);
      this.failures.set(key, list);
      const limit = key.startsWith('ip:') ? this.config.login.maxFailures * 4 : this.config.login.maxFailures;
      if (list.length >= limit) wait = Math.max(wait, Math.ceil((windowMs - (nowMs - (list[0] as number))) / 1000));
    }
    return wait;
  }

  recordFailure(email: string, client: string, nowMs = this.clock.nowMs()): void {
    for (const key of this.keys(email, client)) this.failures.set(key, [...(this.failures.get(key) ?? []), nowMs]);
  }

  reset(email: string): void {
    this.failures.delete(`email:${email.toLowerCase()}`);
  }

  private keys(email: string, client: string): string[] {
    return [`email:${email.toLowerCase()}`, `ip:${client}`];
  }
}
