import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { providePageTesting } from '../testing/page-testing';
import { ChangePassword } from './change-password';

jest.setTimeout(20000);

describe('ChangePassword', () => {
  const render = async () => {
    TestBed.configureTestingModule({ providers: providePageTesting('partner_rep') });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(ChangePassword);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const type = (testId: string, value: string) => {
      const input = el.querySelector(`[data-testid="${testId}"]`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    const save = () => {
      (el.querySelector('[data-testid="pwd-save"]') as HTMLButtonElement).click();
      fixture.detectChanges();
    };
    return { http, el, type, save, stable: () => fixture.whenStable() };
  };
  const errors = (el: HTMLElement) => [...el.querySelectorAll('mat-error')].map((e) => e.textContent?.trim());

  it('asks for the same new password twice before sending', async () => {
    const { http, el, type, save, stable } = await render();
    type('pwd-current', 'old-password');
    type('pwd-new', 'new-password-1');
    type('pwd-repeat', 'new-password-2');
    save();
    await stable();
    http.expectNone('/api/v1/auth/password');
    expect(errors(el)).toEqual(['Пароли не совпадают.']);
  });

  it('shows a wrong current password once, next to its field', async () => {
    const { http, el, type, save, stable } = await render();
    type('pwd-current', 'wrong-password');
    type('pwd-new', 'new-password-1');
    type('pwd-repeat', 'new-password-1');
    save();
    http.expectOne('/api/v1/auth/password').flush(
      {
        statusCode: 422,
        message: 'The current password is wrong',
        rule: 'auth.password.wrong-current',
        details: [{ field: 'currentPassword', rule: 'auth.password.wrong-current', message: 'wrong' }],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await stable();
    expect(el.querySelector('[data-testid="pwd-error"]')).toBeNull();
    expect(errors(el)).toEqual(['Текущий пароль неверен.']);
  });

  it('changes the password and logs in again with the new one (the old sessions end)', async () => {
    const { http, el, type, save, stable } = await render();
    type('pwd-current', 'old-password');
    type('pwd-new', 'new-password-1');
    type('pwd-repeat', 'new-password-1');
    save();
    const change = http.expectOne('/api/v1/auth/password');
    expect(change.request.body).toEqual({ currentPassword: 'old-password', newPassword: 'new-password-1' });
    change.flush(null, { status: 204, statusText: 'No Content' });
    const login = http.expectOne('/api/v1/auth/login');
    expect(login.request.body).toEqual({ email: 'x@y', password: 'new-password-1' });
    login.flush({ accessToken: 'a2', refreshToken: 'r2', user: { id: 'u1', email: 'x@y', role: 'partner_rep' } });
    await stable();
    // the emptied form does not complain about its empty fields
    expect(errors(el)).toEqual([]);
  });
});
