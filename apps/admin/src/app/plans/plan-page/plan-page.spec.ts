import type { AgreementResponse, PlanResponse, Role } from '@socium/contracts';
import type { PlanStatus } from '@socium/domain';

import { BreakpointObserver } from '@angular/cdk/layout';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { of } from 'rxjs';

import { agreement } from '../../testing/agreement-fixtures';
import { providePageTesting } from '../../testing/page-testing';
import { messageAfterTyping } from '../../testing/typing';
import { PlanPage } from './plan-page';

const plan = (status: PlanStatus): PlanResponse => ({
  id: 'plan-1',
  organisationId: 'school-1',
  academicYear: '2019-2020',
  agreementId: null,
  title: 'Совместный план',
  status,
  returnComment: null,
  submittedOn: null,
  approvedOn: null,
  activitiesCount: 0,
  version: 1,
  createdAt: '',
  updatedAt: '',
});
const empty = { items: [], total: 0, limit: 100, offset: 0 };

// the page is large: its first render (template compilation) can take over the default 5 s on a busy CI machine
jest.setTimeout(20000);

describe(PlanPage.name, () => {
  let http: HttpTestingController;

  const render = async (role: Role, status: PlanStatus) => {
    TestBed.configureTestingModule({
      providers: providePageTesting(role),
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(PlanPage);
    fixture.componentRef.setInput('id', 'plan-1');
    await fixture.whenStable();
    http
      .match((r) => r.url === '/api/v1/organisations' || r.url === '/api/v1/directions')
      .forEach((r) => r.flush(empty));
    http.expectOne('/api/v1/plans/plan-1').flush(plan(status));
    http.expectOne((r) => r.url === '/api/v1/plans/plan-1/activities').flush(empty);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const buttons = () => [...el.querySelectorAll('.decision button')].map((b) => b.textContent?.trim());
    return { el, buttons, stable: () => fixture.whenStable() };
  };

  it.each([
    ['school_admin', 'draft', ['Отправить на утверждение']],
    ['school_admin', 'returned', ['Отправить на утверждение']],
    ['school_admin', 'submitted', []],
    ['coordinator', 'submitted', ['Утвердить', 'Вернуть на доработку']],
    ['coordinator', 'approved', []],
    ['partner_rep', 'draft', []],
  ] as const)('offers a %s the lifecycle steps that a %s plan allows', async (role, status, expected) => {
    const { buttons } = await render(role, status);
    expect(buttons()).toEqual(expected);
  });

  it('submits the plan and shows its new status', async () => {
    const { el, stable } = await render('school_admin', 'draft');
    (el.querySelector('.decision button') as HTMLButtonElement).click();
    http.expectOne('/api/v1/plans/plan-1/submit').flush(plan('submitted'));
    await stable();
    expect(el.querySelector('[data-testid="plan-status"]')?.textContent?.trim()).toBe('На утверждении');
  });
});

describe(`${PlanPage.name}: activities`, () => {
  let http: HttpTestingController;
  const nextYear: PlanResponse = { ...plan('draft'), academicYear: '2027-2028' };
  const held = {
    id: 'a1',
    planId: 'plan-1',
    organisationId: 'school-1',
    title: 'Экскурсия на завод',
    directionId: 'd1',
    form: 'excursion',
    partnerId: 'p1',
    startsOn: '2027-10-14',
    endsOn: '2027-10-14',
    plannedStartsOn: '2027-10-14',
    venue: '',
    status: 'planned',
    hours: 2,
    plannedParticipants: 20,
    targetGrades: [9],
    evidenceLinks: [],
    partnerConfirmedAt: '2026-11-27T10:00:00.000Z',
    partnerComment: 'Ждём к 10:00',
    version: 3,
  };

  const render = async (
    p: PlanResponse,
    acts: unknown[] = [],
    { phone = false, agreements = [] as AgreementResponse[] } = {},
  ) => {
    TestBed.configureTestingModule({
      providers: [
        ...providePageTesting('school_admin', { now: new Date(2026, 10, 28) }),
        ...(phone
          ? [{ provide: BreakpointObserver, useValue: { observe: () => of({ matches: true, breakpoints: {} }) } }]
          : []),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(PlanPage);
    fixture.componentRef.setInput('id', 'plan-1');
    await fixture.whenStable();
    http
      .match((r) => r.url === '/api/v1/organisations' || r.url === '/api/v1/directions')
      .forEach((r) => r.flush(empty));
    http.expectOne('/api/v1/plans/plan-1').flush(p);
    http
      .expectOne((r) => r.url === '/api/v1/plans/plan-1/activities')
      .flush({ items: acts, total: acts.length, limit: 100, offset: 0 });
    await fixture.whenStable();
    http
      .match((r) => r.url === '/api/v1/agreements')
      .forEach((r) => r.flush({ ...empty, items: agreements, total: agreements.length }));
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const click = async (testId: string) => {
      (el.querySelector(`[data-testid="${testId}"]`) as HTMLButtonElement).click();
      await fixture.whenStable();
    };
    return { el, click, stable: () => fixture.whenStable() };
  };

  it('defaults a new activity of next year’s plan to the first day of that year, not today', async () => {
    const { el, click } = await render(nextYear);
    await click('activity-add');
    const starts = el.querySelector('[data-testid="activity-starts"]') as HTMLInputElement;
    expect(starts.value).toBe('01.09.2027');
    expect(starts.min).toBe('2027-09-01');
    expect(starts.max).toBe('2028-08-31');
  });

  it('defaults a new activity of this year’s plan to today', async () => {
    const { el, click } = await render({ ...plan('approved'), academicYear: '2026-2027' });
    await click('activity-add');
    expect((el.querySelector('[data-testid="activity-starts"]') as HTMLInputElement).value).toBe('28.11.2026');
  });

  it('shows the partner’s confirmation with its date and comment', async () => {
    const { el } = await render(nextYear, [held]);
    const text = el.querySelector('[data-testid="partner-confirmed"]')?.textContent ?? '';
    expect(text).toContain('Подтверждено партнёром 27.11.2026');
    expect(text).toContain('Ждём к 10:00');
  });

  it('shows each activity as a card on a phone: one column, its dates, form, partner, status and actions under the title', async () => {
    const { el } = await render(nextYear, [held], { phone: true });
    const table = el.querySelector('[data-testid="activities-table"]') as HTMLElement;
    expect([...table.querySelectorAll('th')].map((th) => th.textContent?.trim())).toEqual(['Название']);
    const card = table.querySelector('tbody td') as HTMLElement;
    const text = card.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(text).toContain('Экскурсия на завод');
    expect(text).toContain('14.10.2027');
    expect(text).toContain('Экскурсия');
    expect(text).toContain('Подтверждено партнёром 27.11.2026');
    expect(text).toContain('Запланировано');
    expect(card.querySelector('mat-slide-toggle')).not.toBeNull();
    expect(card.querySelector('[data-testid="activity-edit"]')).not.toBeNull();
  });

  it('keeps the columns of the table on a wider screen', async () => {
    const { el } = await render(nextYear, [held]);
    expect(el.querySelectorAll('[data-testid="activities-table"] th')).toHaveLength(7);
  });

  it('edits an activity with its version and shows the change', async () => {
    const { el, click, stable } = await render(nextYear, [held]);
    await click('activity-edit');
    const title = el.querySelector('[data-testid="activity-title"]') as HTMLInputElement;
    title.value = 'Экскурсия в цех';
    title.dispatchEvent(new Event('input'));
    await click('activity-save');
    const req = http.expectOne('/api/v1/activities/a1');
    expect(req.request.method).toBe('PATCH');
    expect(req.request.body).toMatchObject({ title: 'Экскурсия в цех', version: 3, startsOn: '2027-10-14' });
    req.flush({ ...held, title: 'Экскурсия в цех', version: 4 });
    await stable();
    expect(el.querySelector('[data-testid="activities-table"]')?.textContent).toContain('Экскурсия в цех');
  });

  it('offers reloading when the activity was changed by someone else (409)', async () => {
    const { el, click, stable } = await render(nextYear, [held]);
    await click('activity-edit');
    await click('activity-save');
    http.expectOne('/api/v1/activities/a1').flush({ message: 'stale' }, { status: 409, statusText: 'Conflict' });
    await stable();
    expect(el.querySelector('[data-testid="plan-stale"]')?.textContent).toContain('Обновите страницу');
  });

  it('shows what someone else changed in the activity and overwrites knowingly with the current version', async () => {
    const act = { ...held, isPublic: false };
    const { el, click, stable } = await render(nextYear, [act]);
    await click('activity-edit');
    const title = el.querySelector('[data-testid="activity-title"]') as HTMLInputElement;
    title.value = 'Экскурсия в цех';
    title.dispatchEvent(new Event('input'));
    await click('activity-save');
    http
      .expectOne('/api/v1/activities/a1')
      .flush({ message: 'stale', rule: 'version.stale', currentVersion: 4 }, { status: 409, statusText: 'Conflict' });
    const read = http.expectOne('/api/v1/activities/a1');
    expect(read.request.method).toBe('GET');
    read.flush({ ...act, venue: 'Актовый зал', version: 4 });
    await stable();
    const rows = [...el.querySelectorAll('[data-testid="conflict-changes"] tbody tr')].map((r) =>
      [...r.children].map((c) => c.textContent?.trim()),
    );
    expect(rows.map((r) => r[0])).toEqual(['Название', 'Место проведения']);
    expect(rows[0]?.slice(1)).toEqual(['Экскурсия в цех', 'Экскурсия на завод']);
    expect(rows[1]?.slice(1)).toEqual(['—', 'Актовый зал']);
    // the edits stay until the user chooses
    expect(title.value).toBe('Экскурсия в цех');
    await click('conflict-overwrite');
    const again = http.expectOne('/api/v1/activities/a1');
    expect(again.request.method).toBe('PATCH');
    expect(again.request.body).toMatchObject({ title: 'Экскурсия в цех', version: 4 });
  });

  it('offers the outcome only once the activity has begun; postponing and cancelling at any time', async () => {
    const { el, click } = await render(nextYear, [held]);
    expect(el.querySelector('[data-testid="activity-outcome"]')).toBeNull();
    await click('activity-more');
    expect(document.querySelector('[data-testid="activity-postpone"]')).not.toBeNull();
    expect(document.querySelector('[data-testid="activity-cancel"]')).not.toBeNull();
  });

  it('asks once before deleting an activity, then removes it', async () => {
    const { el, click, stable } = await render(nextYear, [held]);
    await click('activity-more');
    // the menu opens in the overlay, outside the component
    (document.querySelector('[data-testid="activity-delete"]') as HTMLButtonElement).click();
    await stable();
    expect(el.querySelector('[data-testid="activity-delete-confirm"]')?.textContent).toContain('Экскурсия на завод');
    await click('activity-delete-yes');
    const req = http.expectOne('/api/v1/activities/a1');
    expect(req.request.method).toBe('DELETE');
    req.flush(null, { status: 204, statusText: 'No Content' });
    await stable();
    expect(el.querySelector('[data-testid="activities-table"]')).toBeNull();
  });

  it('refuses a javascript: evidence link next to its field without calling the server', async () => {
    const { el, click, stable } = await render({ ...plan('approved'), academicYear: '2026-2027' }, [
      { ...held, startsOn: '2026-11-20', endsOn: '2026-11-20' },
    ]);
    await click('activity-outcome');
    const link = el.querySelector('[data-testid="outcome-link-0"]') as HTMLInputElement;
    link.value = 'javascript:alert(1)';
    link.dispatchEvent(new Event('input'));
    await click('outcome-save');
    await stable();
    http.expectNone('/api/v1/activities/a1/outcome');
    expect(el.querySelector('[data-testid="outcome-card"] .links mat-error')?.textContent).toContain('https://');
  });

  it('sends the outcome with hours and the evidence links', async () => {
    const { el, click } = await render({ ...plan('approved'), academicYear: '2026-2027' }, [
      { ...held, startsOn: '2026-11-20', endsOn: '2026-11-20' },
    ]);
    await click('activity-outcome');
    const set = (id: string, value: string) => {
      const input = el.querySelector(`[data-testid="${id}"]`) as HTMLInputElement | HTMLTextAreaElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    set('outcome-hours', '3.5');
    set('outcome-result', 'Провели');
    set('outcome-link-0', 'https://school.example/news/1');
    await click('outcome-save');
    const req = http.expectOne('/api/v1/activities/a1/outcome');
    expect(req.request.body).toEqual({
      status: 'held',
      heldOn: '2026-11-20',
      actualParticipants: 20,
      hours: 3.5,
      result: 'Провели',
      evidenceLinks: ['https://school.example/news/1'],
    });
  });

  it('says that the agreement starts later when an activity is dated before the agreement is in force', async () => {
    const signedToday = agreement({ startsOn: '2026-11-28', endsOn: '2027-08-31', effectiveEndsOn: '2027-08-31' });
    const { el, click, stable } = await render(
      { ...plan('draft'), academicYear: '2026-2027', agreementId: 'ag-1' },
      [],
      { agreements: [{ ...signedToday, status: 'active' }] },
    );
    await click('activity-add');
    const starts = el.querySelector('[data-testid="activity-starts"]') as HTMLInputElement;
    expect(await messageAfterTyping(starts, '20.11.2026', stable)).toBe(
      'Дата не может быть раньше 28.11.2026: соглашение действует с этого дня.',
    );
  });

  it('keeps the plain bound when the academic year, not the agreement, draws it', async () => {
    const { el, click, stable } = await render(nextYear);
    await click('activity-add');
    const starts = el.querySelector('[data-testid="activity-starts"]') as HTMLInputElement;
    expect(await messageAfterTyping(starts, '31.08.2027', stable)).toBe('Дата не может быть раньше 01.09.2027.');
  });
});
