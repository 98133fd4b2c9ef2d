import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { providePageTesting } from '../testing/page-testing';
import { DocumentsList } from './documents-list';

const empty = { items: [], total: 0, limit: 100, offset: 0 };

describe(DocumentsList.name, () => {
  let http: HttpTestingController;

  const render = async (role: 'coordinator' | 'school_admin') => {
    TestBed.configureTestingModule({ providers: providePageTesting(role) });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(DocumentsList);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    return { el, stable: () => fixture.whenStable() };
  };

  afterEach(() => http.verify());

  it('offers the coordinator a new document and asks the API for the overdue ones when filtered', async () => {
    const { el, stable } = await render('coordinator');
    const first = http.expectOne((r) => r.url === '/api/v1/documents');
    expect(first.request.params.has('overdue')).toBe(false);
    first.flush(empty);
    await stable();
    expect(el.querySelector('[data-testid="doc-new"]')).not.toBeNull();
    (el.querySelector('[data-testid="doc-overdue-only"] input') as HTMLInputElement).click();
    await stable();
    const filtered = http.expectOne((r) => r.url === '/api/v1/documents');
    expect(filtered.request.params.get('overdue')).toBe('true');
    filtered.flush(empty);
  });

  it('does not offer a school administrator to register documents', async () => {
    const { el, stable } = await render('school_admin');
    http.expectOne((r) => r.url === '/api/v1/documents').flush(empty);
    await stable();
    expect(el.querySelector('[data-testid="doc-new"]')).toBeNull();
  });
});
