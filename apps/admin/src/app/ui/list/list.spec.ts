import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Observable, of, throwError } from 'rxjs';

import { LANG_STORAGE } from '../../core/i18n.service';
import { CellDef, DataTable, ListShell, listState, ListToolbar, type Column } from './index';

interface Row {
  id?: string;
  name: string;
  count: number;
}

const answers: Record<string, () => Observable<Row[]>> = {
  two: () =>
    of([
      { name: 'Гимназия', count: 3 },
      { name: 'Лицей', count: 0 },
    ]),
  none: () => of([]),
  ided: () => of([{ id: 'a1', name: 'Гимназия', count: 3 }]),
  reloaded: () => of([{ id: 'a1', name: 'Гимназия', count: 4 }]),
  conflict: () =>
    throwError(() => new HttpErrorResponse({ status: 409, error: { statusCode: 409, message: 'version' } })),
};

@Component({
  selector: 'admin-list-host',
  imports: [CellDef, DataTable, ListShell],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <admin-list-shell [list]="list" emptyText="Пока пусто" emptyTestId="empty">
      <admin-data-table [rows]="list.items()" [columns]="columns" testId="table">
        <ng-template adminCell="name" let-r
          ><b>{{ r.name }}</b></ng-template
        >
      </admin-data-table>
    </admin-list-shell>
  `,
})
class ListHost {
  readonly query = signal('two');
  readonly loads: string[] = [];
  readonly list = listState(this.query, (q) => (this.loads.push(q), answers[q]()));
  readonly columns: Column<Row>[] = [
    { key: 'name', header: 'act_name' },
    { key: 'count', header: ['agr_school', 'agr_partner'], text: (r) => r.count },
  ];
}

describe('list pages (listState, ListShell, DataTable)', () => {
  const render = async (query: string) => {
    TestBed.configureTestingModule({ providers: [{ provide: LANG_STORAGE, useValue: null }] });
    const fixture = TestBed.createComponent(ListHost);
    fixture.componentInstance.query.set(query);
    await fixture.whenStable();
    return {
      host: fixture.componentInstance,
      el: fixture.nativeElement as HTMLElement,
      stable: () => fixture.whenStable(),
    };
  };
  const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim();

  it('shows the rows under translated headings, as text or through a cell template', async () => {
    const { el } = await render('two');
    const table = el.querySelector('[data-testid="table"]');
    expect([...(table?.querySelectorAll('th') ?? [])].map(text)).toEqual(['Название', 'Школа / Социальный партнёр']);
    expect([...(table?.querySelectorAll('tr.mat-mdc-row') ?? [])].map(text)).toEqual(['Гимназия 3', 'Лицей 0']);
    expect(table?.querySelector('td b')?.textContent).toBe('Гимназия');
    expect(el.querySelector('[data-testid="empty"]')).toBeNull();
  });

  it("keeps a row's elements when a reload brings its record back (a click landing then is not lost)", async () => {
    const { host, el, stable } = await render('ided');
    const row = el.querySelector('tr.mat-mdc-row');
    host.query.set('reloaded');
    await stable();
    expect(el.querySelector('tr.mat-mdc-row')).toBe(row);
    expect(text(row)).toBe('Гимназия 4');
  });

  it('says the list is empty instead of drawing an empty table', async () => {
    const { el } = await render('none');
    expect(text(el.querySelector('[data-testid="empty"]'))).toBe('Пока пусто');
    expect(el.querySelector('table')).toBeNull();
  });

  it('shows a failure in the user words, not as an empty list, and loads again on reload', async () => {
    const { host, el, stable } = await render('conflict');
    expect(text(el.querySelector('[role="alert"]'))).toBe(
      'Запись уже изменил кто-то другой. Обновите страницу и повторите действие.',
    );
    expect(el.querySelector('[data-testid="empty"]')).toBeNull();
    host.list.reload();
    await stable();
    expect(host.loads).toEqual(['conflict', 'conflict']);
  });

  it('loads again when the query changes', async () => {
    const { host, el, stable } = await render('two');
    host.query.set('none');
    await stable();
    expect(host.loads).toEqual(['two', 'none']);
    expect(el.querySelector('[data-testid="empty"]')).not.toBeNull();
  });
});

@Component({
  selector: 'admin-toolbar-host',
  imports: [ListToolbar],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <admin-list-toolbar
      [list]="list"
      [search]="search()"
      (searchChange)="search.set($event)"
      hint="Название"
      [filtered]="!!search() || !!kind()"
      (resetFilters)="search.set(''); kind.set(null)"
      [count]="'Найдено: ' + list.items().length"
      testId="t"
    >
      <span class="select">Вид</span>
      <span adminToolbarChips class="chips">Школы</span>
    </admin-list-toolbar>
  `,
})
class ToolbarHost {
  readonly query = signal('two');
  readonly search = signal('');
  readonly kind = signal<string | null>(null);
  readonly list = listState(this.query, (q) => answers[q]());
}

describe('the list toolbar (ListToolbar)', () => {
  const render = async () => {
    TestBed.configureTestingModule({ providers: [{ provide: LANG_STORAGE, useValue: null }] });
    const fixture = TestBed.createComponent(ToolbarHost);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    return {
      host: fixture.componentInstance,
      el,
      q: (id: string) => el.querySelector(`[data-testid="${id}"]`),
      stable: () => fixture.whenStable(),
    };
  };

  it('has the search box, the page’s filters in its rows, and the count once there are rows', async () => {
    const { el, q } = await render();
    const search = q('t-search') as HTMLInputElement;
    expect(search.type).toBe('search');
    expect(search.placeholder).toBe('Название');
    expect(el.querySelector('[role="search"]')?.getAttribute('aria-label')).toBe('Поиск');
    expect(el.querySelector('[role="search"] .select')).not.toBeNull();
    expect(el.querySelector('.chips')).not.toBeNull();
    expect(el.querySelector('[role="search"] .chips')).toBeNull();
    expect(q('t-count')?.textContent?.trim()).toBe('Найдено: 2');
    expect(q('t-reset')).toBeNull();
  });

  it('passes the typed search to the page and offers the reset while a filter is set', async () => {
    const { host, q, stable } = await render();
    const search = q('t-search') as HTMLInputElement;
    search.value = 'гимн';
    search.dispatchEvent(new Event('input'));
    await stable();
    expect(host.search()).toBe('гимн');
    const reset = q('t-reset') as HTMLButtonElement;
    expect(reset.textContent).toContain('Сбросить фильтры');
    reset.click();
    await stable();
    expect(host.search()).toBe('');
    expect((q('t-search') as HTMLInputElement).value).toBe('');
    expect(q('t-reset')).toBeNull();
  });

  it('shows no count while the list is empty', async () => {
    const { host, q, stable } = await render();
    host.query.set('none');
    await stable();
    expect(q('t-count')).toBeNull();
  });
});
