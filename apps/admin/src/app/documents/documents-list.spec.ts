import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';

import { providePageTesting } from '../testing/page-testing';
import { afterDebounce } from '../testing/typing';
import { DocumentsList } from './documents-list';

const empty = { items: [], total: 0, limit: 20, offset: 0 };
const doc = (id: string, title: string) => ({
  id,
  number: `${id}-н`,
  title,
  issuedOn: '2026-11-02',
  summary: '',
  dueOn: null,
  dueWorkingDays: null,
  isPublic: false,
  revision: 1,
  recipientsCount: 3,
  acknowledgedCount: 1,
  version: 1,
  createdAt: '',
  updatedAt: '',
});
const page = (items: unknown[]) => ({ items, total: items.length, limit: 20, offset: 0 });

jest.setTimeout(20_000);

describe(DocumentsList.name, () => {
  let http: HttpTestingController;

  const render = async (role: 'coordinator' | 'school_admin', url = '/') => {
    TestBed.configureTestingModule({ providers: providePageTesting(role) });
    http = TestBed.inject(HttpTestingController);
    await TestBed.inject(Router).navigateByUrl(url);
    const fixture = TestBed.createComponent(DocumentsList);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const q = (id: string) => el.querySelector(`[data-testid="${id}"]`);
    const stable = async () => {
      fixture.detectChanges();
      await fixture.whenStable();
    };
    return { el, q, stable };
  };
  const lists = () => http.match((r) => r.url === '/api/v1/documents');

  afterEach(() => http.verify());

  it('searches the register by number and title, filters the overdue ones, counts them and resets both', async () => {
    const { el, q, stable } = await render('coordinator');
    const first = lists();
    expect(first.map((r) => [r.request.params.get('overdue'), r.request.params.get('q')])).toEqual([[null, null]]);
    first[0].flush(page([doc('1', 'О профориентации'), doc('2', 'О летней занятости')]));
    await stable();
    expect(q('doc-new')).not.toBeNull();
    expect(q('doc-count')?.textContent?.trim()).toBe('Найдено 2 документа');
    expect(q('doc-table')?.textContent).toContain('О профориентации');

    const search = q('doc-search') as HTMLInputElement;
    search.value = 'летн';
    search.dispatchEvent(new Event('input'));
    await afterDebounce(stable);
    lists()[0].flush(page([doc('2', 'О летней занятости')]));
    await stable();
    (el.querySelector('[data-testid="doc-overdue-only"] [role="option"]') as HTMLElement).click();
    await stable();
    const filtered = lists();
    expect(filtered.map((r) => [r.request.params.get('overdue'), r.request.params.get('q')])).toEqual([
      ['true', 'летн'],
    ]);
    filtered[0].flush(empty);
    await stable();
    expect(q('doc-empty')?.textContent?.trim()).toBe('Ничего не нашлось. Измените поиск или фильтры.');
    expect(TestBed.inject(Router).url).toBe('/?q=%D0%BB%D0%B5%D1%82%D0%BD&overdue=true');

    (q('doc-reset') as HTMLButtonElement).click();
    await afterDebounce(stable);
    // the filter clears at once, the search once the box's text settles: the last request asks for everything
    const all = lists();
    expect(all.map((r) => [r.request.params.get('overdue'), r.request.params.get('q')]).at(-1)).toEqual([null, null]);
    all.forEach((r) => r.cancelled || r.flush(empty));
    await stable();
    expect(q('doc-empty')?.textContent?.trim()).toBe('Документов пока нет.');
  });

  it('opens with the filters of the address and offers a school neither registration nor the published filter', async () => {
    const { q, stable } = await render('school_admin', '/?overdue=false&published=maybe');
    const first = lists();
    expect(first.map((r) => [r.request.params.get('overdue'), r.request.params.get('isPublic')])).toEqual([
      ['false', null],
    ]);
    first[0].flush(empty);
    await stable();
    expect(q('doc-new')).toBeNull();
    expect(q('doc-published')).toBeNull();
    expect(q('doc-reset')).not.toBeNull();
  });
});
