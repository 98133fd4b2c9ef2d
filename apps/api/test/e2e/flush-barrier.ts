import type { EventSubscriber, FlushEventArgs, MikroORM } from '@mikro-orm/core';

/**
 * Makes a race deterministic: while armed, every flush waits at `onFlush` (after the request has read and checked
 * its records, before it writes) until `parties` flushes have arrived or `timeoutMs` has passed. So N simultaneous
 * requests all read the same state before any of them writes, on SQLite as on PostgreSQL.
 */
export class FlushBarrier implements EventSubscriber {
  private waiting: (() => void)[] = [];
  private parties = 0;

  constructor(
    orm: MikroORM,
    private readonly timeoutMs = 2000,
  ) {
    orm.em.getEventManager().registerSubscriber(this);
  }

  /** Holds the next `parties` flushes until they have all arrived. */
  arm(parties: number): void {
    this.parties = parties;
    this.waiting = [];
  }

  disarm(): void {
    this.parties = 0;
    this.release();
  }

  async onFlush(_: FlushEventArgs): Promise<void> {
    if (this.parties === 0) return;
    await new Promise<void>((resolve) => {
      this.waiting.push(resolve);
      if (this.waiting.length >= this.parties) this.release();
      else setTimeout(resolve, this.timeoutMs);
    });
  }

  private release(): void {
    const all = this.waiting;
    this.waiting = [];
    this.parties = 0;
    for (const r of all) r();
  }
}
