import type { ActivityResponse, Role } from '@socium/contracts';

import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { providePageTesting } from '../testing/page-testing';
import { ActivitiesList } from './activities-list';

const activity = (id: string, organisationId: string): ActivityResponse =>
  ({
    id,
    planId: `plan-${organisationId}`,
    organisationId,
    title: 'Экскурсия на завод «Тапарт»',
    startsOn: '2026-10-17',
    form: 'excursion',
    status: 'planned',
  }) as unknown as ActivityResponse;

describe(ActivitiesList.name, () => {
  const render = async (role: Role) => {
    TestBed.configureTestingModule({ providers: providePageTesting(role) });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(ActivitiesList);
    await fixture.whenStable();
    http
      .match((r) => r.url === '/api/v1/organisations')
      .forEach((r) =>
        r.flush({
          items: [
            { id: 's1', name: 'Уруссинская гимназия', shortName: '' },
            { id: 's2', name: 'Ютазинская школа', shortName: '' },
          ],
          total: 2,
          limit: 100,
          offset: 0,
        }),
      );
    http
      .expectOne((r) => r.url === '/api/v1/activities')
      .flush({ items: [activity('a1', 's1'), activity('a2', 's2')], total: 2, limit: 100, offset: 0 });
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    return {
      rows: [...el.querySelectorAll('tr.mat-mdc-row')].map((tr) => tr.textContent ?? ''),
      links: el.querySelectorAll('tr.mat-mdc-row a').length,
    };
  };

  it('tells activities of the same title apart by their school', async () => {
    const { rows } = await render('coordinator');
    expect(rows[0]).toContain('Уруссинская гимназия');
    expect(rows[1]).toContain('Ютазинская школа');
  });

  it.each([
    ['coordinator', 2],
    ['school_admin', 2],
    ['partner_rep', 0],
  ] as const)(
    'links each activity to its plan for a %s only where the plan can be read (%i links)',
    async (role, links) => {
      expect((await render(role)).links).toBe(links);
    },
  );
});

describe(`${ActivitiesList.name}: filters and the partner's confirmation`, () => {
  const page = (items: unknown[]) => ({ items, total: items.length, limit: 20, offset: 0 });
  const setup = async (role: Role, organisationId = 's1') => {
    TestBed.configureTestingModule({ providers: providePageTesting(role, { organisationId }) });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(ActivitiesList);
    await fixture.whenStable();
    http
      .match((r) => r.url === '/api/v1/organisations' || r.url === '/api/v1/directions')
      .forEach((r) => r.flush(page([])));
    const el = fixture.nativeElement as HTMLElement;
    return { http, el, stable: () => fixture.whenStable() };
  };

  it('sends the period and the search to the API and names the school and the partner in each row', async () => {
    const { http, el, stable } = await setup('coordinator');
    http.expectOne((r) => r.url === '/api/v1/activities').flush(page([]));
    await stable();
    const from = el.querySelector('[data-testid="filter-from"]') as HTMLInputElement;
    from.value = '01.11.2026';
    from.dispatchEvent(new Event('input'));
    from.dispatchEvent(new Event('blur'));
    await stable();
    const req = http.expectOne((r) => r.url === '/api/v1/activities');
    expect(req.request.params.get('from')).toBe('2026-11-01');
    expect(req.request.params.get('offset')).toBe('0');
    req.flush(page([]));
    await stable();
    expect(el.querySelector('[data-testid="activities-empty"]')?.textContent).toContain('Ничего не найдено');
  });

  it('lets the partner representative confirm its activity with a comment', async () => {
    const { http, el, stable } = await setup('partner_rep', 'p1');
    const a = {
      ...activity('a1', 's1'),
      partnerId: 'p1',
      endsOn: '2026-10-17',
      venue: 'Цех',
      partnerConfirmedAt: null,
    };
    http.expectOne((r) => r.url === '/api/v1/activities').flush(page([a]));
    await stable();
    (el.querySelector('[data-testid="activity-confirm"]') as HTMLButtonElement).click();
    await stable();
    const comment = el.querySelector('[data-testid="confirm-comment"]') as HTMLTextAreaElement;
    comment.value = 'Ждём группу к 10:00';
    comment.dispatchEvent(new Event('input'));
    (el.querySelector('[data-testid="confirm-save"]') as HTMLButtonElement).click();
    await stable();
    const req = http.expectOne('/api/v1/activities/a1/confirm');
    expect(req.request.body).toEqual({ comment: 'Ждём группу к 10:00' });
    req.flush({ ...a, partnerConfirmedAt: '2026-11-28T09:00:00.000Z', partnerComment: 'Ждём группу к 10:00' });
    await stable();
    const shown = el.querySelector('[data-testid="partner-confirmed"]')?.textContent ?? '';
    expect(shown).toContain('Подтверждено партнёром 28.11.2026');
    expect(shown).toContain('Ждём группу к 10:00');
  });

  it('offers no confirmation to a school administrator', async () => {
    const { http, el, stable } = await setup('school_admin');
    http
      .expectOne((r) => r.url === '/api/v1/activities')
      .flush(page([{ ...activity('a1', 's1'), partnerId: 'p1', endsOn: '2026-10-17' }]));
    await stable();
    expect(el.querySelector('[data-testid="activity-confirm"]')).toBeNull();
  });
});
