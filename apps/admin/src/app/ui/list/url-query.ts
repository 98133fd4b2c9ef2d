import { effect, inject, untracked, type WritableSignal } from '@angular/core';
import { ActivatedRoute, Router } from '@angular/router';

/** A filter kept in the address: text (empty: absent), a choice (null: absent) or a switch (false: absent). */
export type UrlField = WritableSignal<string> | WritableSignal<string | null> | WritableSignal<boolean>;

/** A value of the address given to a field as the field holds it, or `undefined` when the field keeps its value. */
export function fromUrl(current: string | boolean | null, value: string | null, allowed?: readonly string[]) {
  if (value === null) return undefined;
  if (typeof current === 'boolean') return value === 'true';
  if (allowed && !allowed.includes(value)) return undefined;
  return value;
}

/** A field's value as the address writes it; null leaves it out. */
export function toUrl(value: string | boolean | null): string | null {
  if (typeof value === 'boolean') return value ? 'true' : null;
  return value ? value : null;
}

/**
 * Keeps a list's search and filters in the address's query (`?q=гимн&status=active`), so that a link, a reload and
 * the Back button bring the same list back: the fields take the address's values when the page opens (a value not in
 * `allowed[key]` is ignored), and each change replaces the address (no new history entry). Call it in a component's
 * field initialiser or constructor, after the fields.
 */
export function keepInUrl(
  fields: Readonly<Record<string, UrlField>>,
  allowed: Readonly<Record<string, readonly string[]>> = {},
): void {
  const route = inject(ActivatedRoute);
  const router = inject(Router);
  const params = route.snapshot.queryParamMap;
  for (const [key, field] of Object.entries(fields)) {
    const value = fromUrl(field(), params.get(key), allowed[key]);
    if (value !== undefined) (field as WritableSignal<unknown>).set(value);
  }
  effect(() => {
    const queryParams = Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, toUrl(field())]));
    untracked(() => {
      const now = route.snapshot.queryParamMap;
      if (Object.entries(queryParams).every(([key, v]) => now.get(key) === v)) return;
      void router.navigate([], { relativeTo: route, queryParams, queryParamsHandling: 'merge', replaceUrl: true });
    });
  });
}
