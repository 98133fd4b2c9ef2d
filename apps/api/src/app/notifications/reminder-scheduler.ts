import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

import { APP_CONFIG, AppConfig } from '../config/app-config';
import { RemindersService } from './reminders.service';

/** The first daily pass this long after start (the process is warm, migrations done). */
const FIRST_RUN_MS = 60_000;
const DAY_MS = 24 * 60 * 60_000;
/** Pending e-mails (retries after a refusal) are looked at this often. */
const DELIVERY_MS = 60_000;

/**
 * The reminders' clock inside the API (no external cron): a pass a minute after start and then once a day (which
 * also writes the amendments whose date has come into their agreements, `RemindersService.run`), and the
 * e-mail retries every minute. With several processes on one PostgreSQL each may wake; the pass itself runs under an
 * advisory lock and every e-mail is claimed before it is sent, so nothing is done twice. Off with
 * `SOCIUM_REMINDERS=false` (and in tests), where `POST /notifications/run` still runs a pass.
 */
@Injectable()
export class ReminderScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('Reminders');
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly reminders: RemindersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.reminders.daily) return;
    const pass = () =>
      void this.reminders.run().catch((e: unknown) => this.log.error(`Reminder pass failed: ${String(e)}`));
    const first = setTimeout(() => {
      pass();
      const daily = setInterval(pass, DAY_MS);
      daily.unref();
      this.timers.push(daily);
    }, FIRST_RUN_MS);
    first.unref();
    const retries = setInterval(
      () => void this.reminders.deliver().catch((e: unknown) => this.log.error(`E-mail delivery failed: ${String(e)}`)),
      DELIVERY_MS,
    );
    retries.unref();
    this.timers.push(first, retries);
  }

  onApplicationShutdown(): void {
    for (const t of this.timers) clearTimeout(t);
  }
}
