import { BreakpointObserver } from '@angular/cdk/layout';
import { inject, type Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { map } from 'rxjs';

/** A phone: the lists keep one column (a card per row) and put the rest under the row's name. */
export const PHONE = '(max-width: 599.98px)';

/** Whether the window is phone-narrow now; call it in an injection context (a field of a component). */
export function phoneWidth(): Signal<boolean> {
  return toSignal(
    inject(BreakpointObserver)
      .observe(PHONE)
      .pipe(map((s) => s.matches)),
    { initialValue: false },
  );
}
