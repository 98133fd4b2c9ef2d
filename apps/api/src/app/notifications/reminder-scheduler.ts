import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

import { APP_CONFIG, AppConfig } from '../config/app-config';
import { RemindersService } from './reminders.service';

/** The first look for a missing daily pass this long after start (the process is ready, migrations done). */
const FIRST_LOOK_MS = 5_000;
/** Whether the day's pass is due is looked at this often (once a day it is: just after midnight). */
const LOOK_MS = 60_000;
/** Pending e-mails (retries after a refusal) are looked at this often. */
const DELIVERY_MS = 60_000;

/**
 * The reminders' clock inside the API (no external cron): one pass a day, by the district's date (which also writes
 * the amendments whose date has come into their agreements, `RemindersService.run`): looked for every minute and
 * shortly after start, run when the day's pass is missing (`RemindersService.runIfDue`, recorded in the database so
 * that a restart does not run it again); and the e-mail retries every minute. With several processes on one PostgreSQL each may wake; the pass itself runs under an
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
    // one look at a time in this process (a region's pass takes a few seconds; a country's could outlast a minute)
    let looking = false;
    const look = () => {
      if (looking) return;
      looking = true;
      void this.reminders
        .runIfDue()
        .catch((e: unknown) => this.log.error(`Reminder pass failed: ${String(e)}`))
        .finally(() => (looking = false));
    };
    const first = setTimeout(look, FIRST_LOOK_MS);
    first.unref();
    const daily = setInterval(look, LOOK_MS);
    daily.unref();
    const retries = setInterval(
      () => void this.reminders.deliver().catch((e: unknown) => this.log.error(`E-mail delivery failed: ${String(e)}`)),
      DELIVERY_MS,
    );
    retries.unref();
    this.timers.push(first, daily, retries);
  }

  onApplicationShutdown(): void {
    for (const t of this.timers) clearTimeout(t);
  }
}
