import type {
  DeliveryListQuery,
  DeliveryResponse,
  NotificationPage,
  NotificationResponse,
  Page,
  ReadAllResponse,
  ReminderRunResponse,
} from '@socium/contracts';

import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import { ApiHttp, path } from './http';

/** The caller's in-app notifications, and the coordinator's reminder run and e-mail delivery view. */
@Injectable({ providedIn: 'root' })
export class NotificationsData {
  private readonly http = inject(ApiHttp);

  /** The caller's notifications, newest first, with the number still unread. */
  list(q: { unread?: boolean; limit?: number; offset?: number } = {}): Observable<NotificationPage> {
    return this.http.get<NotificationPage>('/notifications', {
      unread: q.unread === undefined ? undefined : String(q.unread),
      limit: q.limit,
      offset: q.offset,
    });
  }
  /** Only the number of unread ones (for the bell): one row is asked for. */
  unreadCount(): Observable<NotificationPage> {
    return this.list({ unread: true, limit: 1 });
  }
  read(id: string): Observable<NotificationResponse> {
    return this.http.post<NotificationResponse>(`${path('notifications', id)}/read`);
  }
  readAll(): Observable<ReadAllResponse> {
    return this.http.post<ReadAllResponse>('/notifications/read-all');
  }
  /** Coordinator only: computes the reminders now and sends what e-mail is due. */
  run(): Observable<ReminderRunResponse> {
    return this.http.post<ReminderRunResponse>('/notifications/run');
  }
  /** Coordinator only: e-mail deliveries of one state. */
  deliveries(
    q: Partial<Pick<DeliveryListQuery, 'state' | 'limit' | 'offset'>> = {},
  ): Observable<Page<DeliveryResponse>> {
    return this.http.get<Page<DeliveryResponse>>('/notifications/deliveries', q);
  }
}
