import type { EventSubscriber, MikroORM } from '@mikro-orm/core';

/**
 * Holds every flush (after the request has read and checked its records, before it writes) while closed, so a
 * test can send further requests while the first one is provably still running. `arrived` resolves when the
 * first held flush arrives.
 */
export class FlushGate implements EventSubscriber {
  private closed = false;
  private held: (() => void)[] = [];
  private onArrival: (() => void) | null = null;
  arrived: Promise<void> = Promise.resolve();

  constructor(orm: MikroORM) {
    orm.em.getEventManager().registerSubscriber(this);
  }

  close(): void {
    this.closed = true;
    this.arrived = new Promise<void>((resolve) => (this.onArrival = resolve));
  }

  open(): void {
    this.closed = false;
    const all = this.held;
    this.held = [];
    for (const r of all) r();
  }

  async onFlush(): Promise<void> {
    if (!this.closed) return;
    await new Promise<void>((resolve) => {
      this.held.push(resolve);
      this.onArrival?.();
      this.onArrival = null;
    });
  }
}
