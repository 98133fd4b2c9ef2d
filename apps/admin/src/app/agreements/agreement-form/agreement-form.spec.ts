import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';

import { agreement } from '../../testing/agreement-fixtures';
import { providePageTesting } from '../../testing/page-testing';
import { messageAfterTyping } from '../../testing/typing';
import { AgreementForm } from './agreement-form';

jest.setTimeout(20000);

const organisations = {
  items: [
    { id: 'school-1', kind: 'school', name: 'Уруссинская гимназия', shortName: 'Гимназия' },
    { id: 'partner-1', kind: 'partner', name: 'Завод «Тапарт»', shortName: 'Тапарт' },
  ],
  total: 2,
  limit: 100,
  offset: 0,
};

describe('AgreementForm: a draft changed by someone else', () => {
  const render = async () => {
    TestBed.configureTestingModule({ providers: providePageTesting('school_admin') });
    const http = TestBed.inject(HttpTestingController);
    jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    const fixture = TestBed.createComponent(AgreementForm);
    fixture.componentRef.setInput('id', 'ag-1');
    fixture.detectChanges();
    http.expectOne('/api/v1/agreements/ag-1').flush(agreement());
    http.match((r) => r.url === '/api/v1/organisations').forEach((r) => r.flush(organisations));
    http
      .match((r) => r.url === '/api/v1/directions')
      .forEach((r) => r.flush({ items: [{ id: 'd-1', code: 'career', name: 'Профориентация' }], total: 1 }));
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const stable = async () => {
      fixture.detectChanges();
      await fixture.whenStable();
    };
    return { http, el, fixture, stable };
  };

  it('shows the fields that differ, keeps the edits, and overwrites with the current version', async () => {
    const { http, el, fixture, stable } = await render();
    const form = fixture.componentInstance['form'];
    form.controls.subject.setValue('Профориентация и практика');
    (el.querySelector('[data-testid="agreement-save"]') as HTMLButtonElement).click();
    await stable();
    const put = http.expectOne((r) => r.method === 'PATCH' && r.url === '/api/v1/agreements/ag-1');
    expect(put.request.body).toMatchObject({ version: 3, subject: 'Профориентация и практика' });
    put.flush({ message: 'stale', rule: 'version.stale', currentVersion: 4 }, { status: 409, statusText: 'Conflict' });
    http.expectOne('/api/v1/agreements/ag-1').flush(
      agreement({
        version: 4,
        noticeDays: 60,
        obligations: [
          { party: 'school', text: 'Формировать группы' },
          { party: 'partner', text: 'Проводить экскурсии и пробы' },
        ],
      }),
    );
    await stable();
    const rows = [...el.querySelectorAll('[data-testid="conflict-changes"] tbody tr')].map((r) =>
      [...r.children].map((c) => c.textContent?.trim()),
    );
    expect(rows.map((r) => r[0])).toEqual(['Предмет соглашения', 'Обязательства сторон', 'Срок уведомления, дней']);
    expect(rows[1]?.[2]).toBe('Школа: Формировать группы; Партнёр: Проводить экскурсии и пробы');
    expect(form.controls.subject.value).toBe('Профориентация и практика');
    (el.querySelector('[data-testid="conflict-overwrite"]') as HTMLButtonElement).click();
    await stable();
    const again = http.expectOne((r) => r.method === 'PATCH' && r.url === '/api/v1/agreements/ag-1');
    expect(again.request.body).toMatchObject({ version: 4, subject: 'Профориентация и практика', noticeDays: 30 });
  });

  it('reloads the stored draft into the form when the user takes it', async () => {
    const { http, el, fixture, stable } = await render();
    const form = fixture.componentInstance['form'];
    form.controls.goal.setValue('Другая цель');
    (el.querySelector('[data-testid="agreement-save"]') as HTMLButtonElement).click();
    await stable();
    http
      .expectOne((r) => r.method === 'PATCH' && r.url === '/api/v1/agreements/ag-1')
      .flush({ message: 'stale', rule: 'version.stale' }, { status: 409, statusText: 'Conflict' });
    http.expectOne('/api/v1/agreements/ag-1').flush(agreement({ version: 4, goal: 'Осознанный выбор профессии' }));
    await stable();
    (el.querySelector('[data-testid="conflict-reload"]') as HTMLButtonElement).click();
    await stable();
    expect(el.querySelector('[data-testid="conflict-panel"]')).toBeNull();
    expect(form.controls.goal.value).toBe('Осознанный выбор профессии');
  });

  it('takes the notice period as a whole number of days within its bounds, with the reason under the field, and saves it', async () => {
    const { http, el, fixture, stable } = await render();
    const form = fixture.componentInstance['form'];
    const days = el.querySelector('[data-testid="agr-notice-days"]') as HTMLInputElement;
    expect(days.value).toBe('30');
    expect(days.getAttribute('inputmode')).toBe('numeric');
    const typed = (text: string) => messageAfterTyping(days, text, stable);
    expect(await typed('1,5')).toBe('Введите целое число, например: 12.');
    expect(await typed('месяц')).toBe('Введите целое число, например: 12.');
    expect(await typed('-1')).toBe('Число не может быть меньше 0.');
    expect(await typed('400')).toBe('Число не может быть больше 365.');
    (el.querySelector('[data-testid="agreement-save"]') as HTMLButtonElement).click();
    await stable();
    http.expectNone((r) => r.method === 'PATCH');
    expect(await typed(' 45 ')).toBeNull();
    expect(form.controls.noticeDays.value).toBe(45);
    (el.querySelector('[data-testid="agreement-save"]') as HTMLButtonElement).click();
    await stable();
    const put = http.expectOne((r) => r.method === 'PATCH' && r.url === '/api/v1/agreements/ag-1');
    expect(put.request.body).toMatchObject({ noticeDays: 45 });
  });
});
