import type { ActivityResponse } from '@socium/contracts';

import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { providePageTesting } from '../testing/page-testing';
import { PublicTextReview } from './public-text-review';

const flagged = (id: string, version = 3): ActivityResponse =>
  ({
    id,
    planId: 'plan-1',
    organisationId: 'school-1',
    title: 'Олимпиада по агрономии',
    venue: null,
    result: 'Победитель: ivanov@example.org',
    startsOn: '2026-11-20',
    publicTextFlags: [{ field: 'result', flags: ['email', 'person_name'] }],
    publicTextConfirmed: false,
    version,
  }) as unknown as ActivityResponse;

describe(PublicTextReview.name, () => {
  let http: HttpTestingController;

  const render = async (items: ActivityResponse[]) => {
    TestBed.configureTestingModule({ providers: providePageTesting('school_admin') });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(PublicTextReview);
    fixture.componentRef.setInput('organisationId', 'school-1');
    await fixture.whenStable();
    const req = http.expectOne((r) => r.url === '/api/v1/activities');
    expect(req.request.params.get('organisationId')).toBe('school-1');
    expect(req.request.params.get('publicTextPending')).toBe('true');
    req.flush({ items, total: items.length, limit: 100, offset: 0 });
    await fixture.whenStable();
    return { el: fixture.nativeElement as HTMLElement, stable: () => fixture.whenStable() };
  };

  it('says so when no text awaits confirmation', async () => {
    const { el } = await render([]);
    expect(el.querySelector('[data-testid="public-text-empty"]')?.textContent).toContain(
      'Нет текстов, ожидающих подтверждения',
    );
  });

  it('shows the flagged field, its text and what was found, in the interface language', async () => {
    const { el } = await render([flagged('a-1')]);
    const item = el.querySelector('[data-testid="public-text-item"]')?.textContent ?? '';
    expect(item).toContain('Результат:');
    expect(item).toContain('Победитель: ivanov@example.org');
    expect(item).toContain('Найдено: адрес электронной почты, имя человека');
    expect(item).toContain('20.11.2026');
  });

  it('confirms a text with its version and takes it off the list', async () => {
    const { el, stable } = await render([flagged('a-1', 7), flagged('a-2')]);
    (el.querySelector('[data-testid="public-text-confirm"]') as HTMLButtonElement).click();
    const patch = http.expectOne('/api/v1/activities/a-1');
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toEqual({ publicTextConfirmed: true, version: 7 });
    patch.flush({ ...flagged('a-1', 8), publicTextConfirmed: true });
    await stable();
    expect(el.querySelectorAll('[data-testid="public-text-item"]')).toHaveLength(1);
  });
});
