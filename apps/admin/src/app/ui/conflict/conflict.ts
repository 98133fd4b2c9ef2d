import { computed, signal } from '@angular/core';

import { apiFailure } from '../../data-access/http';
import type { FieldChange } from './changed-fields';

/** `409 version.stale`: someone saved the record after the form read it. */
export function isStale(e: unknown): boolean {
  const f = apiFailure(e);
  return f?.status === 409 && f.body.rule === 'version.stale';
}

/**
 * A form's open conflict: the record as stored now and the fields where the user's values differ from it. The form
 * keeps its edits while it is open; the user then reloads (takes `current`) or overwrites (re-sends with
 * `current.version`).
 */
export class VersionConflict<R> {
  private readonly state = signal<{ current: R; changes: readonly FieldChange[] } | null>(null);
  /** the stored record, while the conflict is open */
  readonly current = computed(() => this.state()?.current ?? null);
  readonly changes = computed(() => this.state()?.changes ?? []);
  readonly open = computed(() => this.state() !== null);

  show(current: R, changes: readonly FieldChange[]): void {
    this.state.set({ current, changes });
  }

  /** Closes the conflict and hands back the stored record (null when none was open). */
  take(): R | null {
    const current = this.current();
    this.state.set(null);
    return current;
  }

  clear(): void {
    this.state.set(null);
  }
}
