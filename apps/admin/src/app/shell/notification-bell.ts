import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatBadgeModule } from '@angular/material/badge';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { NavigationEnd, Router, RouterLink } from '@angular/router';
import { filter, interval, merge, startWith } from 'rxjs';

import { I18nService } from '../core/i18n.service';
import { UnreadCount } from '../notifications/unread-count';

/** How often the bell asks for the unread count while the panel is open. */
export const BELL_REFRESH_MS = 60_000;

/**
 * The bell in the header: a link to the notifications page whose badge is the number of unread notifications, asked
 * for on each navigation and every minute. Its accessible name says the number in words.
 */
@Component({
  selector: 'admin-notification-bell',
  imports: [MatBadgeModule, MatButtonModule, MatIconModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a
      mat-icon-button
      routerLink="/notifications"
      [attr.aria-label]="label()"
      [title]="label()"
      [matBadge]="badge()"
      [matBadgeHidden]="count() === 0"
      matBadgeColor="warn"
      data-testid="notification-bell"
    >
      <mat-icon aria-hidden="true">notifications</mat-icon>
    </a>
  `,
})
export class NotificationBell {
  private readonly unread = inject(UnreadCount);
  private readonly i18n = inject(I18nService);
  protected readonly count = this.unread.count;
  protected readonly badge = computed(() => (this.count() > 99 ? '99+' : String(this.count())));
  protected readonly label = computed(() => this.i18n.t('ntf_bell', { count: this.count() }));

  constructor() {
    const router = inject(Router);
    merge(router.events.pipe(filter((e) => e instanceof NavigationEnd)), interval(BELL_REFRESH_MS))
      .pipe(startWith(null), takeUntilDestroyed())
      .subscribe(() => this.unread.refresh());
  }
}
