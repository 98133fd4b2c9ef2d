import type { NotificationResponse } from '@socium/contracts';

import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorIntl, MatPaginatorModule } from '@angular/material/paginator';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { RouterLink } from '@angular/router';
import { tap } from 'rxjs';

import { AuthService } from '../core/auth.service';
import { I18nService } from '../core/i18n.service';
import { Notify } from '../core/notify';
import { LocalizedPaginatorIntl } from '../core/paginator-intl';
import { NotificationsData } from '../data-access/notifications.data';
import { ListShell, listState, Pager } from '../ui/list';
import { ReminderTools } from './reminder-tools';
import { UnreadCount } from './unread-count';

/** The panel's own path of a notification's link (`/admin/plans/7` or `https://…/admin/plans/7` → `/plans/7`). */
export function panelPath(link: string): string | null {
  const at = link.indexOf('/admin/');
  return at < 0 ? null : link.slice(at + '/admin'.length);
}

/**
 * The user's notifications, newest first, unread ones in bold: each with its record's link and "mark as read", and
 * "mark all as read". The coordinator also checks the reminders on demand and sees the e-mail deliveries.
 */
@Component({
  selector: 'admin-notifications-page',
  imports: [
    ListShell,
    MatButtonModule,
    MatIconModule,
    MatPaginatorModule,
    MatSlideToggleModule,
    ReminderTools,
    RouterLink,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [{ provide: MatPaginatorIntl, useClass: LocalizedPaginatorIntl }],
  templateUrl: './notifications-page.html',
  styleUrl: './notifications-page.scss',
})
export class NotificationsPage {
  private readonly data = inject(NotificationsData);
  private readonly notify = inject(Notify);
  private readonly unread = inject(UnreadCount);
  protected readonly i18n = inject(I18nService);
  private readonly auth = inject(AuthService);
  protected readonly coordinator = computed(() => this.auth.user()?.role === 'coordinator');
  protected readonly pager = new Pager();
  protected readonly sizes = [...Pager.SIZES];
  protected readonly unreadOnly = signal(false);
  protected readonly unreadCount = this.unread.count;
  protected readonly busy = signal(false);

  protected readonly list = listState(
    () => ({ unread: this.unreadOnly() || undefined, limit: this.pager.size(), offset: this.pager.offset() }),
    (q) => this.data.list(q).pipe(tap((page) => this.unread.set(page.unread))),
  );

  protected panelPath = panelPath;

  /** `06.12.2026 09:05` in the user's language, in local time. */
  protected when(iso: string): string {
    const d = new Date(iso);
    const pad = (n: number) => String(n).padStart(2, '0');
    const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    return `${this.i18n.date(day)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }

  protected toggleUnread(on: boolean): void {
    this.unreadOnly.set(on);
    this.pager.first();
  }

  protected markRead(n: NotificationResponse): void {
    if (n.readAt) return;
    this.data.read(n.id).subscribe({
      next: (updated) => {
        this.list.update((items) => items.map((i) => (i.id === updated.id ? updated : i)));
        this.unread.set(this.unread.count() - 1);
      },
      error: (e: unknown) => this.notify.failed(e),
    });
  }

  protected readAll(): void {
    this.busy.set(true);
    this.data.readAll().subscribe({
      next: ({ read }) => {
        this.busy.set(false);
        this.unread.set(0);
        this.notify.done(this.i18n.t('ntf_read_all_done', { count: read }));
        this.list.reload();
      },
      error: (e: unknown) => (this.busy.set(false), this.notify.failed(e)),
    });
  }

  /** After a reminder run new notifications may be there. */
  protected ran(): void {
    this.list.reload();
  }
}
