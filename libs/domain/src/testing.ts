// Test helpers for specs only (lint forbids importing this from production code).
import { Clock, LocalDate } from './lib/common';

/** A clock that always answers the same day. */
export class FixedClock implements Clock {
  constructor(private current: LocalDate) {}
  static on(iso: string): FixedClock {
    return new FixedClock(LocalDate.iso(iso));
  }
  today(): LocalDate {
    return this.current;
  }
  set(iso: string): void {
    this.current = LocalDate.iso(iso);
  }
}

export const d = (iso: string): LocalDate => LocalDate.iso(iso);

// Builders for specs of any tier (API services, contracts): one vocabulary with the domain's own specs.
export * from './lib/agreement/agreement.fixtures';
export * from './lib/activity/activity.fixtures';
export * from './lib/document/document.fixtures';
export { aPlacement, t as time } from './lib/placement/testing';
