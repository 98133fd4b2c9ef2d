import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';

import { providePageTesting } from '../testing/page-testing';
import { UserForm } from './user-form';

jest.setTimeout(20000);

const organisations = {
  items: [
    { id: 'dep', kind: 'department', name: 'Отдел образования', shortName: 'Отдел' },
    { id: 'sch', kind: 'school', name: 'Уруссинская гимназия', shortName: 'Гимназия' },
    { id: 'par', kind: 'partner', name: 'Завод «Тапарт»', shortName: 'Тапарт' },
  ],
  total: 3,
  limit: 100,
  offset: 0,
};

describe('UserForm', () => {
  const render = async (inputs: Record<string, string> = {}) => {
    TestBed.configureTestingModule({ providers: providePageTesting('coordinator') });
    const http = TestBed.inject(HttpTestingController);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const fixture = TestBed.createComponent(UserForm);
    for (const [k, v] of Object.entries(inputs)) fixture.componentRef.setInput(k, v);
    fixture.detectChanges();
    http.expectOne('/api/v1/organisations?limit=100').flush(organisations);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const type = (testId: string, value: string) => {
      const input = el.querySelector(`[data-testid="${testId}"]`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    const save = () => {
      (el.querySelector('[data-testid="usr-save"]') as HTMLButtonElement).click();
      fixture.detectChanges();
    };
    return { http, el, type, save, navigate, stable: () => fixture.whenStable() };
  };
  const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim();
  const errors = (el: HTMLElement) => [...el.querySelectorAll('mat-error')].map(text);

  it('takes the role from the organisation it was opened for and creates the user with the first password', async () => {
    const { http, type, save, navigate, stable } = await render({ organisationId: 'par' });
    type('usr-email', 'Rep@Farm.ru');
    type('usr-name', 'Иванова А. П.');
    type('usr-password', 'first-pass-2026');
    save();
    const req = http.expectOne('/api/v1/users');
    expect(req.request.body).toEqual({
      email: 'Rep@Farm.ru',
      name: 'Иванова А. П.',
      role: 'partner_rep',
      organisationId: 'par',
      password: 'first-pass-2026',
    });
    req.flush({ id: 'u9', name: 'Иванова А. П.' });
    await stable();
    expect(navigate).toHaveBeenCalledWith(['/users', 'u9']);
  });

  it('says per field what is missing or too short, before sending', async () => {
    const { http, el, type, save, stable } = await render({ organisationId: 'sch' });
    type('usr-email', 'not-an-email');
    type('usr-password', 'short');
    save();
    await stable();
    http.expectNone('/api/v1/users');
    expect(errors(el)).toEqual([
      'Введите адрес электронной почты, например name@school.ru.',
      'Заполните это поле.',
      'Не короче 10 символов.',
    ]);
  });

  it('shows a taken e-mail once, next to the field, in the interface language', async () => {
    const { http, el, type, save, stable } = await render({ organisationId: 'sch' });
    type('usr-email', 'gymnasium@demo.socium.local');
    type('usr-name', 'Завуч');
    type('usr-password', 'first-pass-2026');
    save();
    http.expectOne('/api/v1/users').flush(
      {
        statusCode: 409,
        message: 'The e-mail gymnasium@demo.socium.local is already in use',
        rule: 'user.email.taken',
        details: [{ field: 'email', rule: 'user.email.taken', message: 'The e-mail is already in use' }],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await stable();
    expect(el.querySelector('[data-testid="usr-form-error"]')).toBeNull();
    expect(errors(el)).toEqual(['Этот адрес уже есть у другого пользователя.']);
  });
  it('shows what someone else changed in the account, keeps the edits, and reloads the stored one', async () => {
    const stored = {
      id: 'u5',
      email: 'rep@tapart.ru',
      name: 'Представитель',
      role: 'partner_rep',
      organisationId: 'par',
      disabled: false,
      version: 2,
    };
    const { http, el, type, save, stable } = await render({ id: 'u5' });
    http.expectOne('/api/v1/users/u5').flush(stored);
    await stable();
    type('usr-name', 'Представитель завода');
    save();
    const put = http.expectOne('/api/v1/users/u5');
    expect(put.request.body).toMatchObject({ version: 2, name: 'Представитель завода' });
    put.flush({ statusCode: 409, message: 'stale', rule: 'version.stale' }, { status: 409, statusText: 'Conflict' });
    http.expectOne('/api/v1/users/u5').flush({ ...stored, organisationId: 'sch', role: 'school_admin', version: 3 });
    await stable();
    const rows = [...el.querySelectorAll('[data-testid="conflict-changes"] tbody tr')].map((r) =>
      [...r.children].map(text),
    );
    expect(rows).toEqual([
      ['Имя', 'Представитель завода', 'Представитель'],
      ['Роль', 'Представитель партнёра', 'Администратор школы'],
      ['Организация', 'Тапарт', 'Гимназия'],
    ]);
    expect((el.querySelector('[data-testid="usr-name"]') as HTMLInputElement).value).toBe('Представитель завода');
    (el.querySelector('[data-testid="conflict-reload"]') as HTMLButtonElement).click();
    await stable();
    expect(el.querySelector('[data-testid="conflict-panel"]')).toBeNull();
    expect((el.querySelector('[data-testid="usr-name"]') as HTMLInputElement).value).toBe('Представитель');
  });
});
