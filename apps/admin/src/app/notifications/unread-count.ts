import { inject, Injectable, signal } from '@angular/core';
import { catchError, of } from 'rxjs';

import { NotificationsData } from '../data-access/notifications.data';

/** The number of the user's unread notifications, shared by the bell and the notifications page. */
@Injectable({ providedIn: 'root' })
export class UnreadCount {
  private readonly data = inject(NotificationsData);
  private readonly value = signal(0);
  readonly count = this.value.asReadonly();

  /** Asks the API again; a failure keeps the last known number (the bell is no place for an error). */
  refresh(): void {
    this.data
      .unreadCount()
      .pipe(catchError(() => of(null)))
      .subscribe((page) => {
        if (page) this.value.set(page.unread);
      });
  }
  /** Takes the number an answer already carries (a list page, a read). */
  set(n: number): void {
    this.value.set(Math.max(0, n));
  }
}
