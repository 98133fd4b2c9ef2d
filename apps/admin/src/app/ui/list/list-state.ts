import type { Page } from '@socium/contracts';

import { computed, inject, Signal, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import {
  catchError,
  combineLatest,
  debounceTime,
  distinctUntilChanged,
  map,
  Observable,
  of,
  switchMap,
  tap,
} from 'rxjs';

import { describeError } from '../../core/api-error';
import { I18nService } from '../../core/i18n.service';

/** What a list page shows: the rows, and whether they are loading, failed or there are none. */
export interface ListState<T> {
  readonly items: Signal<readonly T[]>;
  /** all rows that match, when the API pages them; else the number of rows */
  readonly total: Signal<number>;
  readonly loading: Signal<boolean>;
  /** the failure in the user's words */
  readonly error: Signal<string | null>;
  /** loaded without an error and nothing to show */
  readonly empty: Signal<boolean>;
  /** loads the same query again (after a change made on the page) */
  reload(): void;
  /** changes rows in place (after an action whose answer is known) */
  update(change: (items: readonly T[]) => readonly T[]): void;
}

const asPage = <T>(answer: Page<T> | readonly T[]): { items: readonly T[]; total: number } =>
  Array.isArray(answer) ? { items: answer, total: answer.length } : (answer as Page<T>);

/**
 * Loads a list each time `query` changes (and on `reload()`); the last answer wins and rows stay on screen
 * while the next ones load. Call it in a component's field initialiser (an injection context).
 */
export function listState<Q, T>(query: () => Q, load: (q: Q) => Observable<Page<T> | readonly T[]>): ListState<T> {
  const i18n = inject(I18nService);
  const items = signal<readonly T[]>([]);
  const total = signal(0);
  const loading = signal(true);
  const loaded = signal(false);
  const error = signal<string | null>(null);
  const reloads = signal(0);

  combineLatest([toObservable(computed(query)), toObservable(reloads)])
    .pipe(
      tap(() => (loading.set(true), error.set(null))),
      switchMap(([q]) =>
        load(q).pipe(
          map(asPage),
          catchError((e: unknown) => (error.set(describeError(e, i18n).message), of({ items: [], total: 0 }))),
        ),
      ),
      takeUntilDestroyed(),
    )
    .subscribe((page) => {
      items.set(page.items);
      total.set(page.total);
      loading.set(false);
      loaded.set(true);
    });

  return {
    items: items.asReadonly(),
    total: total.asReadonly(),
    loading: loading.asReadonly(),
    error: error.asReadonly(),
    empty: computed(() => loaded() && !loading() && !error() && items().length === 0),
    reload: () => reloads.update((n) => n + 1),
    update: (change) => items.update(change),
  };
}

/** Paging of a list the API pages: page index and size, back to the first page when a filter changes. */
export class Pager {
  static readonly SIZES: readonly number[] = [10, 20, 50, 100];
  readonly index = signal(0);
  readonly size = signal(20);
  readonly offset = computed(() => this.index() * this.size());

  /** Shows the first page (call it when a filter or the search changes). */
  first(): void {
    this.index.set(0);
  }
  /** Follows the paginator. */
  go(page: { pageIndex: number; pageSize: number }): void {
    this.size.set(page.pageSize);
    this.index.set(page.pageIndex);
  }
}

/** The trimmed text of a search box once the user has stopped typing for `ms`. */
export function settled(text: Signal<string>, ms = 300): Signal<string> {
  return toSignal(
    toObservable(text).pipe(
      debounceTime(ms),
      map((s) => s.trim()),
      distinctUntilChanged(),
    ),
    { initialValue: text().trim() },
  );
}
