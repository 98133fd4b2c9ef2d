import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';

import { providePageTesting } from '../testing/page-testing';
import { afterDebounce } from '../testing/typing';
import { AuditLog, fieldChanges, showValue } from './audit-log';

jest.setTimeout(20_000);

describe('audit log: before and after side by side', () => {
  it('lists every field once, the changed ones first', () => {
    const rows = fieldChanges({
      before: { name: 'РДК', address: null, version: 1, isPublished: true },
      after: { name: 'РДК', address: 'Уруссу', version: 2, isPublished: true },
    });
    expect(rows.map((r) => [r.field, r.changed])).toEqual([
      ['address', true],
      ['version', true],
      ['isPublished', false],
      ['name', false],
    ]);
    expect(rows[0]).toMatchObject({ before: null, after: 'Уруссу' });
  });

  it('shows a creation and a deletion with the missing side empty', () => {
    expect(fieldChanges({ before: null, after: { name: 'X' } })).toEqual([
      { field: 'name', before: null, after: 'X', changed: true },
    ]);
    expect(fieldChanges({ before: { name: 'X' }, after: null })[0]).toMatchObject({ before: 'X', after: null });
  });

  it('compares objects by their JSON and booleans as words of the data', () => {
    expect(showValue([{ role: 'приёмная' }])).toBe('[{"role":"приёмная"}]');
    expect(showValue(false)).toBe('false');
    expect(showValue('')).toBe('—');
  });
});

describe(AuditLog.name, () => {
  it('opens on the record of the address, filters on the list toolbar without a search box and resets', async () => {
    TestBed.configureTestingModule({ providers: providePageTesting('coordinator') });
    const http = TestBed.inject(HttpTestingController);
    const router = TestBed.inject(Router);
    const id = '0b9c5a3e-4a52-4f0e-9a57-2f1d3c5b7e11';
    await router.navigateByUrl(`/?objectType=organisation&objectId=${id}`);
    const fixture = TestBed.createComponent(AuditLog);
    await fixture.whenStable();
    http
      .match((r) => r.url !== '/api/v1/audit')
      .forEach((r) => r.flush({ items: [], total: 0, limit: 100, offset: 0 }));
    const el = fixture.nativeElement as HTMLElement;
    const q = (testId: string) => el.querySelector(`[data-testid="${testId}"]`);
    const stable = async () => {
      fixture.detectChanges();
      await fixture.whenStable();
    };
    const lists = () => http.match((r) => r.url === '/api/v1/audit');
    const first = lists();
    expect(first.map((r) => [r.request.params.get('objectType'), r.request.params.get('objectId')])).toEqual([
      ['organisation', id],
    ]);
    first[0].flush({ items: [], total: 0, limit: 20, offset: 0 });
    await stable();
    expect(q('aud-search')).toBeNull();
    expect(q('aud-empty')?.textContent?.trim()).toBe('Записей в журнале за выбранные условия нет.');

    (q('aud-reset') as HTMLButtonElement).click();
    await afterDebounce(stable);
    // the type clears at once, the id box once its text settles: the last request asks for everything
    const all = lists();
    expect(all.map((r) => [r.request.params.get('objectType'), r.request.params.get('objectId')]).at(-1)).toEqual([
      null,
      null,
    ]);
    all.forEach((r) => r.cancelled || r.flush({ items: [], total: 0, limit: 20, offset: 0 }));
    await stable();
    expect(q('aud-empty')?.textContent?.trim()).toBe('В журнале пока нет записей.');
    expect(router.url).toBe('/');
    http.verify();
  });

  /** The log showing `entries` (the first page), its reference lists answered empty; `open()` unfolds the first. */
  const showing = async (...entries: object[]) => {
    TestBed.configureTestingModule({ providers: providePageTesting('coordinator') });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(AuditLog);
    await fixture.whenStable();
    http
      .match((r) => r.url !== '/api/v1/audit')
      .forEach((r) => r.flush({ items: [], total: 0, limit: 100, offset: 0 }));
    http
      .match((r) => r.url === '/api/v1/audit')
      .forEach((r) => r.flush({ items: entries, total: entries.length, limit: 20, offset: 0 }));
    fixture.detectChanges();
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const open = async () => {
      (el.querySelector('mat-expansion-panel-header') as HTMLElement).click();
      fixture.detectChanges();
      await fixture.whenStable();
    };
    /** each entry's record as its heading names it («Мероприятие «…»») */
    const heads = () => [...el.querySelectorAll('.entry-head > span:nth-child(3)')].map((h) => h.textContent?.trim());
    const render = async () => {
      fixture.detectChanges();
      await fixture.whenStable();
    };
    return {
      el,
      open,
      http,
      render,
      heads,
      head: () => el.querySelector('mat-expansion-panel-header')?.textContent ?? '',
    };
  };

  it("names an agreement's signature, its fields and its dates in the interface's words", async () => {
    const entry = {
      id: 'e1',
      at: '2026-11-28T09:05:00Z',
      userId: null,
      action: 'sign',
      objectType: 'agreement',
      objectId: '0b9c5a3e-4a52-4f0e-9a57-2f1d3c5b7e11',
      before: { signedByPartnerOn: null, autoRenew: false },
      after: { signedByPartnerOn: '2026-11-28', autoRenew: false },
      objectTitle: '7-СП',
    };
    const { el, open, head } = await showing(entry);
    expect(el.textContent).toContain('Подписание');
    expect(head()).toContain('Договор «7-СП»');
    await open();
    const rows = [...el.querySelectorAll('table.diff tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent?.replace(/\s+/g, ' ').trim()),
    );
    expect(rows[0]).toEqual(['Подписано партнёром · изменено', '—', '28.11.2026']);
    expect(rows).toContainEqual(['Автоматическая пролонгация', 'Нет', 'Нет']);
  });

  it("quotes a name that carries its own guillemets once, and names an organisation's contacts in the interface's words", async () => {
    const entry = {
      id: 'e1',
      at: '2026-11-28T09:05:00Z',
      userId: null,
      action: 'update',
      objectType: 'organisation',
      objectId: '0b9c5a3e-4a52-4f0e-9a57-2f1d3c5b7e11',
      before: { shortName: '«Ютазинская новь»', contacts: [] },
      after: { shortName: '«Ютазинская новь»', contacts: [{ role: 'Приёмная' }] },
      objectTitle: '«Ютазинская новь»',
    };
    const { el, open, head } = await showing(entry);
    expect(head()).toContain('Организация «Ютазинская новь»');
    expect(head()).not.toContain('««');
    await open();
    const fields = [...el.querySelectorAll('table.diff td.field')].map((td) =>
      td.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(fields[0]).toBe('Контакты · изменено');
    const before = el.querySelector('table.diff td.before');
    expect(before?.getAttribute('data-label')).toBe('Было');
    expect(before?.textContent?.trim()).toBe('—');
    expect(el.querySelector('table.diff td.after')?.textContent?.trim()).toBe('Приёмная');
  });

  it("names an activity's outcome by its status, in the interface's words", async () => {
    const entry = {
      id: 'e1',
      at: '2026-11-28T09:05:00Z',
      userId: null,
      action: 'outcome:held',
      objectType: 'activity',
      objectId: 'a1',
      before: { title: 'Экскурсия', status: 'planned' },
      after: { title: 'Экскурсия', status: 'held' },
      objectTitle: 'Экскурсия',
    };
    const { head } = await showing(entry);
    expect(head()).toContain('Итог: проведено');
    expect(head()).not.toContain('outcome:');
  });

  /** An entry of `objectType`'s record `objectId` whose snapshot names nothing, named `objectTitle` by the API. */
  const entry = (id: string, objectType: string, objectId: string, objectTitle: string | null) => ({
    id,
    at: '2026-11-28T09:05:00Z',
    userId: null,
    action: 'confirm',
    objectType,
    objectId,
    before: null,
    after: { comment: null },
    objectTitle,
  });

  it('names each record by the name the API answers with its entries, and asks the API for nothing else', async () => {
    const { http, heads } = await showing(
      entry('e1', 'activity', 'a1', 'Экскурсия на завод'),
      entry('e2', 'activity', 'a1', 'Экскурсия на завод'),
      entry('e3', 'plan', 'p1', 'План на 2026/2027'),
      entry('e4', 'user', 'u1', 'Гульнара Рашитовна'),
      { ...entry('e5', 'organisation', 'o1', 'РДК'), after: { shortName: 'ДК' } },
    );
    expect(heads()).toEqual([
      'Мероприятие «Экскурсия на завод»',
      'Мероприятие «Экскурсия на завод»',
      'План «План на 2026/2027»',
      'Пользователь «Гульнара Рашитовна»',
      // the name the record has now, not the one the entry wrote
      'Организация «РДК»',
    ]);
    // no record is asked for by id: the names came with the page
    http.expectNone((r) => r.url !== '/api/v1/audit');
  });

  it('says a record the API cannot name any more is deleted, unless an entry on the page names it, and shows the id of a record without a name', async () => {
    const { heads } = await showing(
      entry('e1', 'activity', 'gone', null),
      entry('e2', 'agreement', 'ended', null),
      { ...entry('e3', 'agreement', 'ended', null), action: 'create', after: { number: '7-СП' } },
      entry('e4', 'plan', 'untitled', null),
      entry('e5', 'single_use_link', 'l1', null),
    );
    expect(heads()).toEqual([
      'Мероприятие (запись удалена)',
      'Договор «7-СП»',
      'Договор «7-СП»',
      'План «untitled»',
      'Одноразовая ссылка «l1»',
    ]);
  });

  it("names a deleted record from its entries by its kind's own field only: a calendar by its year, never a user by the e-mail nor a recipient by a name", async () => {
    const { heads } = await showing(
      { ...entry('e1', 'working_calendar_year', 'w1', null), before: { year: 2026 }, after: null },
      { ...entry('e2', 'user', 'u1', null), before: { email: 'g@example.org', name: null }, after: null },
      { ...entry('e3', 'document_recipient', 'r1', null), after: { name: 'Школа №1', status: 'sent' } },
    );
    expect(heads()).toEqual([
      'Производственный календарь «2026»',
      'Пользователь (запись удалена)',
      'Адресат документа «r1»',
    ]);
  });
});
