import type { NotificationResponse } from '@socium/contracts';

import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { providePageTesting } from '../testing/page-testing';
import { NotificationsPage, panelPath } from './notifications-page';
import { UnreadCount } from './unread-count';

const note = (id: string, readAt: string | null): NotificationResponse => ({
  id,
  kind: 'agreement.expiring',
  subject: `Соглашение ${id} истекает`,
  body: 'Срок действия истекает через 30 дней.',
  link: `https://socium.example/admin/agreements/${id}`,
  objectType: 'agreement',
  objectId: id,
  createdAt: '2026-12-05T09:05:00.000Z',
  readAt,
  emailState: 'off',
});

describe(NotificationsPage.name, () => {
  let http: HttpTestingController;
  const isList = (r: { url: string }) => r.url === '/api/v1/notifications';

  const render = async (role: 'coordinator' | 'school_admin' = 'school_admin') => {
    TestBed.configureTestingModule({ providers: providePageTesting(role) });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(NotificationsPage);
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    const stable = async () => (fixture.detectChanges(), await fixture.whenStable());
    const click = async (id: string) => {
      (el.querySelector(`[data-testid="${id}"]`) as HTMLElement).click();
      await stable();
    };
    return { el, stable, click };
  };
  const flushList = async (req: TestRequest, items: NotificationResponse[], unread: number) =>
    req.flush({ items, total: items.length, limit: 20, offset: 0, unread });

  afterEach(() => http.verify());

  it('lists the notifications with the unread one in bold and its record linked inside the panel', async () => {
    const { el, stable } = await render();
    const req = http.expectOne(isList);
    expect(req.request.params.get('limit')).toBe('20');
    expect(req.request.params.get('unread')).toBeNull();
    await flushList(req, [note('a1', null), note('a2', '2026-12-05T10:00:00.000Z')], 1);
    await stable();
    const rows = el.querySelectorAll('[data-testid="ntf-item"]');
    expect(rows).toHaveLength(2);
    expect(rows[0].classList).toContain('unread');
    expect(rows[1].classList).not.toContain('unread');
    expect(rows[0].textContent).toContain('Соглашение a1 истекает');
    expect(rows[0].textContent).toMatch(/05\.12\.2026 \d\d:\d\d/);
    expect(rows[0].querySelector('[data-testid="ntf-open"]')?.getAttribute('href')).toBe('/agreements/a1');
    expect(rows[1].querySelector('[data-testid="ntf-mark-read"]')).toBeNull();
    expect(TestBed.inject(UnreadCount).count()).toBe(1);
    expect(el.querySelector('[data-testid="ntf-run"]')).toBeNull();
  });

  it('marks one read in place and all read, and tells the bell', async () => {
    const { el, stable, click } = await render();
    await flushList(http.expectOne(isList), [note('a1', null), note('a2', null)], 2);
    await stable();
    await click('ntf-mark-read');
    const read = http.expectOne('/api/v1/notifications/a1/read');
    expect(read.request.method).toBe('POST');
    read.flush(note('a1', '2026-12-06T08:00:00.000Z'));
    await stable();
    expect(el.querySelectorAll('.unread')).toHaveLength(1);
    expect(TestBed.inject(UnreadCount).count()).toBe(1);
    await click('ntf-read-all');
    http.expectOne('/api/v1/notifications/read-all').flush({ read: 1 });
    await stable();
    expect(TestBed.inject(UnreadCount).count()).toBe(0);
    await flushList(http.expectOne(isList), [note('a1', 'x'), note('a2', 'x')], 0);
    await stable();
    expect(el.querySelectorAll('.unread')).toHaveLength(0);
  });

  it('says when there are none, asks for unread ones only on request, and shows a failure in words', async () => {
    const { el, stable } = await render();
    await flushList(http.expectOne(isList), [], 0);
    await stable();
    expect(el.querySelector('[data-testid="ntf-empty"]')?.textContent).toContain('Уведомлений нет');
    (el.querySelector('[data-testid="ntf-unread-only"] button') as HTMLButtonElement).click();
    await stable();
    http
      .expectOne((r) => isList(r) && r.params.get('unread') === 'true')
      .flush(
        { statusCode: 503, error: 'Service Unavailable', message: 'База данных недоступна' },
        { status: 503, statusText: 'x' },
      );
    await stable();
    expect(el.querySelector('[role="alert"]')?.textContent?.trim()).toBeTruthy();
    expect(el.querySelector('[data-testid="ntf-empty"]')).toBeNull();
  });

  it('lets the coordinator run the reminders, says e-mail is off, and lists failed deliveries by address and organisation', async () => {
    const { el, stable, click } = await render('coordinator');
    await flushList(http.expectOne(isList), [], 0);
    const deliveries = http.expectOne((r) => r.url === '/api/v1/notifications/deliveries');
    expect(deliveries.request.params.get('state')).toBe('failed');
    deliveries.flush({
      items: [
        {
          id: 'd1',
          userId: 'u2',
          subject: 'План не сдан',
          createdAt: '2026-12-01T00:00:00.000Z',
          emailState: 'failed',
          emailAttempts: 5,
          emailNextAt: null,
          emailError: 'SMTP 550 mailbox unavailable',
          emailSentAt: null,
          recipientEmail: 'priemnaya@kcson.example.ru',
          organisationId: 'o7',
          organisationName: 'Центр социального обслуживания',
        },
      ],
      total: 1,
      limit: 20,
      offset: 0,
    });
    await stable();
    const table = el.querySelector('[data-testid="ntf-deliveries"]')?.textContent ?? '';
    expect(table).toContain('SMTP 550 mailbox unavailable');
    expect(table).toContain('Не доставлено');
    expect(table).toContain('5');
    expect(el.querySelector('[data-testid="ntf-delivery-address"]')?.textContent).toContain(
      'priemnaya@kcson.example.ru',
    );
    expect(el.querySelector('[data-testid="ntf-delivery-organisation"]')?.textContent).toContain(
      'Центр социального обслуживания',
    );
    expect(table).not.toContain('o7');
    await click('ntf-run');
    const run = http.expectOne('/api/v1/notifications/run');
    expect(run.request.method).toBe('POST');
    run.flush({
      ran: true,
      reminders: 4,
      notificationsCreated: 3,
      emailsSent: 0,
      emailsFailed: 0,
      emailEnabled: false,
    });
    await stable();
    expect(el.querySelector('[data-testid="ntf-run-result"]')?.textContent).toContain(
      'Напоминаний: 4. Новых уведомлений: 3.',
    );
    expect(el.querySelector('[data-testid="ntf-email-off"]')?.textContent).toContain('Отправка e-mail выключена');
    http
      .expectOne((r) => r.url === '/api/v1/notifications/deliveries')
      .flush({ items: [], total: 0, limit: 20, offset: 0 });
    await flushList(http.expectOne(isList), [note('n1', null)], 1);
    await stable();
    expect(el.querySelectorAll('[data-testid="ntf-item"]')).toHaveLength(1);
  });

  it('turns a link with /admin/ into a path of the panel and leaves others as they are', () => {
    expect(panelPath('/admin/plans/7')).toBe('/plans/7');
    expect(panelPath('https://socium.example/admin/documents/3')).toBe('/documents/3');
    expect(panelPath('https://other.example/x')).toBeNull();
  });
});
