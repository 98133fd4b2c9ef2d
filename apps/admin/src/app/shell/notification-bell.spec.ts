import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { I18nService } from '../core/i18n.service';
import { providePageTesting } from '../testing/page-testing';
import { NotificationBell } from './notification-bell';

describe(NotificationBell.name, () => {
  let http: HttpTestingController;

  const render = async (unread: number) => {
    TestBed.configureTestingModule({ providers: providePageTesting('school_admin') });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(NotificationBell);
    fixture.detectChanges();
    const req = http.expectOne((r) => r.url === '/api/v1/notifications');
    expect(req.request.params.get('unread')).toBe('true');
    expect(req.request.params.get('limit')).toBe('1');
    req.flush({ items: [], total: unread, limit: 1, offset: 0, unread });
    await fixture.whenStable();
    const link = (fixture.nativeElement as HTMLElement).querySelector(
      '[data-testid="notification-bell"]',
    ) as HTMLElement;
    return { fixture, link };
  };

  afterEach(() => http.verify());

  it('links to the notifications page and names the unread count in Russian plural forms', async () => {
    const { link } = await render(3);
    expect(link.getAttribute('href')).toBe('/notifications');
    expect(link.getAttribute('aria-label')).toBe('Уведомления: 3 непрочитанных');
    expect(link.textContent).toContain('3');
    const i18n = TestBed.inject(I18nService);
    expect(i18n.t('ntf_bell', { count: 1 })).toBe('Уведомления: 1 непрочитанное');
    expect(i18n.t('ntf_bell', { count: 22 })).toBe('Уведомления: 22 непрочитанных');
    i18n.use('tt');
    expect(i18n.t('ntf_bell', { count: 2 })).toBe('Белдерүләр: 2 укылмаган');
    i18n.use('en');
    expect(i18n.t('ntf_bell', { count: 1 })).toBe('Notifications: 1 unread');
  });

  it('hides the badge when nothing is unread', async () => {
    const { fixture, link } = await render(0);
    expect(link.getAttribute('aria-label')).toBe('Уведомления: 0 непрочитанных');
    expect(link.classList).toContain('mat-badge-hidden');
    fixture.destroy();
  });

  it('asks again on each minute', () => {
    jest.useFakeTimers();
    try {
      TestBed.configureTestingModule({ providers: providePageTesting('school_admin') });
      http = TestBed.inject(HttpTestingController);
      const fixture = TestBed.createComponent(NotificationBell);
      fixture.detectChanges();
      const page = (unread: number) => ({ items: [], total: unread, limit: 1, offset: 0, unread });
      http.expectOne((r) => r.url === '/api/v1/notifications').flush(page(2));
      jest.advanceTimersByTime(59_000);
      http.expectNone((r) => r.url === '/api/v1/notifications');
      jest.advanceTimersByTime(1_000);
      http.expectOne((r) => r.url === '/api/v1/notifications').flush(page(5));
      fixture.detectChanges();
      const link = (fixture.nativeElement as HTMLElement).querySelector('[data-testid="notification-bell"]');
      expect(link?.getAttribute('aria-label')).toBe('Уведомления: 5 непрочитанных');
      fixture.destroy();
    } finally {
      jest.useRealTimers();
    }
  });
});
