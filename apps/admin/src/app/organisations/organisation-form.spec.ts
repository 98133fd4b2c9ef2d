import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { providePageTesting } from '../testing/page-testing';
import { OrganisationForm, suggestSlug } from './organisation-form';

const organisation = {
  id: 'o1',
  kind: 'partner',
  name: 'Районный дом культуры',
  shortName: 'РДК',
  slug: 'rdk',
  partnerType: 'culture',
  address: null,
  site: null,
  contacts: [],
  isPublished: true,
  termScheme: 'quarters',
  profminimumLevel: null,
  enrolment: null,
  lessonsStartAt: '08:00',
  lessonsEndAt: '14:30',
  vettingValidUntil: null,
  language: null,
  version: 3,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

jest.setTimeout(20000);

describe('OrganisationForm', () => {
  const render = async (id?: string) => {
    TestBed.configureTestingModule({ providers: providePageTesting('coordinator') });
    const fixture = TestBed.createComponent(OrganisationForm);
    if (id) fixture.componentRef.setInput('id', id);
    const http = TestBed.inject(HttpTestingController);
    fixture.detectChanges();
    if (id) {
      // the record is asked for at once: answer it before waiting for the page to settle
      http.expectOne(`/api/v1/organisations/${id}`).flush(organisation);
    }
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const type = (testId: string, value: string) => {
      const input = el.querySelector(`[data-testid="${testId}"]`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    const submit = async () => {
      (el.querySelector('[data-testid="org-save"]') as HTMLButtonElement).click();
      fixture.detectChanges();
    };
    return { fixture, http, el, type, submit, stable: () => fixture.whenStable() };
  };
  const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim();

  it('suggests a latin slug from the short name', () => {
    expect(suggestSlug('РДК Уруссу')).toBe('rdk-urussu');
    expect(suggestSlug('  Ферма «Җир» № 5 ')).toBe('ferma-zhir-5');
  });

  it('asks for the partner type of a partner before sending anything', async () => {
    const { http, el, type, submit } = await render();
    type('org-form-name', 'Районный дом культуры');
    type('org-form-short', 'РДК');
    expect((el.querySelector('[data-testid="org-form-slug"]') as HTMLInputElement).value).toBe('rdk');
    await submit();
    // a partner needs a type: the form says so before any request
    http.expectNone('/api/v1/organisations');
    expect(text(el.querySelector('mat-error'))).toBe('Заполните это поле.');
  });

  const stale = { statusCode: 409, message: 'stale', rule: 'version.stale', currentVersion: 4 };
  const conflictOpened = async (t: Awaited<ReturnType<typeof render>>) => {
    t.type('org-form-short', 'РДК Уруссу');
    await t.submit();
    const req = t.http.expectOne('/api/v1/organisations/o1');
    expect(req.request.method).toBe('PATCH');
    expect(req.request.body).toMatchObject({ version: 3, shortName: 'РДК Уруссу', partnerType: 'culture' });
    req.flush(stale, { status: 409, statusText: 'Conflict' });
    // the stored record is read again to show what changed
    const read = t.http.expectOne('/api/v1/organisations/o1');
    expect(read.request.method).toBe('GET');
    read.flush({ ...organisation, version: 4, name: 'Дом культуры', isPublished: false });
    await t.stable();
  };

  it('shows which fields someone else changed, keeping the edits, when the record went stale', async () => {
    const t = await render('o1');
    await conflictOpened(t);
    const rows = [...t.el.querySelectorAll('[data-testid="conflict-changes"] tbody tr')].map((r) =>
      [...r.children].map((c) => text(c)).join(' | '),
    );
    expect(rows).toEqual([
      'Полное название | Районный дом культуры | Дом культуры',
      'Краткое название | РДК Уруссу | РДК',
      'Показывать на сайте и в виджете | Да | Нет',
    ]);
    // the user's edits stay in the form until they choose
    expect((t.el.querySelector('[data-testid="org-form-short"]') as HTMLInputElement).value).toBe('РДК Уруссу');
    expect(t.el.querySelector('[data-testid="org-form-error"]')).toBeNull();
  });

  it('overwrites knowingly: the same values are sent again with the current version', async () => {
    const t = await render('o1');
    await conflictOpened(t);
    (t.el.querySelector('[data-testid="conflict-overwrite"]') as HTMLButtonElement).click();
    t.fixture.detectChanges();
    const again = t.http.expectOne('/api/v1/organisations/o1');
    expect(again.request.method).toBe('PATCH');
    expect(again.request.body).toMatchObject({ version: 4, shortName: 'РДК Уруссу', name: 'Районный дом культуры' });
  });

  it('reloads: the stored record replaces the edits and the panel closes', async () => {
    const t = await render('o1');
    await conflictOpened(t);
    (t.el.querySelector('[data-testid="conflict-reload"]') as HTMLButtonElement).click();
    t.fixture.detectChanges();
    await t.stable();
    expect(t.el.querySelector('[data-testid="conflict-panel"]')).toBeNull();
    expect((t.el.querySelector('[data-testid="org-form-short"]') as HTMLInputElement).value).toBe('РДК');
    expect((t.el.querySelector('[data-testid="org-form-name"]') as HTMLInputElement).value).toBe('Дом культуры');
    // the next save carries the stored version
    await t.submit();
    expect(t.http.expectOne('/api/v1/organisations/o1').request.body).toMatchObject({ version: 4 });
  });

  it("records the date until which a partner's staff certificates are confirmed", async () => {
    const { http, submit, type } = await render('o1');
    type('org-form-vetting', '2027-06-01');
    await submit();
    const req = http.expectOne('/api/v1/organisations/o1');
    expect(req.request.body).toMatchObject({ version: 3, vettingValidUntil: '2027-06-01' });
  });

  it("sends the language of the organisation's e-mails chosen in its select, named in the panel's language", async () => {
    const { fixture, http, el, submit, stable } = await render('o1');
    (el.querySelector('[data-testid="org-form-language"] .mat-mdc-select-trigger') as HTMLElement).click();
    fixture.detectChanges();
    await stable();
    const options = [...document.querySelectorAll('mat-option')].map((o) => text(o));
    expect(options).toEqual(['Русский (по умолчанию)', 'Русский', 'Татарский', 'Английский']);
    (document.querySelectorAll('mat-option')[2] as HTMLElement).click();
    fixture.detectChanges();
    await submit();
    expect(http.expectOne('/api/v1/organisations/o1').request.body).toMatchObject({ version: 3, language: 'tt' });
  });

  it('keeps the contacts as rows: shown from the record, added, removed, sent trimmed without empty parts', async () => {
    TestBed.configureTestingModule({ providers: providePageTesting('coordinator') });
    const fixture = TestBed.createComponent(OrganisationForm);
    fixture.componentRef.setInput('id', 'o1');
    const http = TestBed.inject(HttpTestingController);
    fixture.detectChanges();
    http
      .expectOne('/api/v1/organisations/o1')
      .flush({ ...organisation, contacts: [{ role: 'Приёмная', phone: '+7 85593 2-11-11' }] });
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const input = (id: string) => el.querySelector(`[data-testid="${id}"]`) as HTMLInputElement;
    expect([input('org-contact-role-0').value, input('org-contact-phone-0').value]).toEqual([
      'Приёмная',
      '+7 85593 2-11-11',
    ]);
    (el.querySelector('[data-testid="org-contact-add"]') as HTMLButtonElement).click();
    fixture.detectChanges();
    input('org-contact-role-1').value = '  Методист ';
    input('org-contact-role-1').dispatchEvent(new Event('input'));
    input('org-contact-email-1').value = 'metod@rdk.example';
    input('org-contact-email-1').dispatchEvent(new Event('input'));
    (el.querySelector('[data-testid="org-contact-remove-0"]') as HTMLButtonElement).click();
    fixture.detectChanges();
    expect(input('org-contact-role-0').value).toBe('  Методист ');
    (el.querySelector('[data-testid="org-save"]') as HTMLButtonElement).click();
    fixture.detectChanges();
    expect(http.expectOne('/api/v1/organisations/o1').request.body.contacts).toEqual([
      { role: 'Методист', email: 'metod@rdk.example' },
    ]);
  });

  it('refuses a contact without a role or with a malformed e-mail before sending', async () => {
    const { http, el, submit, fixture } = await render('o1');
    (el.querySelector('[data-testid="org-contact-add"]') as HTMLButtonElement).click();
    fixture.detectChanges();
    const email = el.querySelector('[data-testid="org-contact-email-0"]') as HTMLInputElement;
    email.value = 'not-an-address';
    email.dispatchEvent(new Event('input'));
    await submit();
    http.expectNone('/api/v1/organisations/o1');
    expect([...el.querySelectorAll('[data-testid="org-form-contacts"] mat-error')].map((e) => text(e))).toEqual([
      'Заполните это поле.',
      expect.any(String),
    ]);
  });

  it('saves a school loaded into the form: its term scheme and профминимум level go, no partner type is asked', async () => {
    TestBed.configureTestingModule({ providers: providePageTesting('coordinator') });
    const fixture = TestBed.createComponent(OrganisationForm);
    fixture.componentRef.setInput('id', 's1');
    const http = TestBed.inject(HttpTestingController);
    fixture.detectChanges();
    http.expectOne('/api/v1/organisations/s1').flush({
      ...organisation,
      id: 's1',
      kind: 'school',
      partnerType: null,
      termScheme: 'trimesters',
      profminimumLevel: 'main',
    });
    await fixture.whenStable();
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    expect(text(el.querySelector('[data-testid="org-form-term-scheme"]'))).toBe('Триместры');
    expect(text(el.querySelector('[data-testid="org-form-profminimum"]'))).toBe('Основной (60 ч в год)');
    (el.querySelector('[data-testid="org-save"]') as HTMLButtonElement).click();
    fixture.detectChanges();
    expect(http.expectOne('/api/v1/organisations/s1').request.body).toMatchObject({
      termScheme: 'trimesters',
      profminimumLevel: 'main',
    });
  });

  it('puts a taken slug next to its field, once, in the interface language', async () => {
    const { http, el, submit, stable } = await render('o1');
    await submit();
    http.expectOne('/api/v1/organisations/o1').flush(
      {
        statusCode: 409,
        message: 'The slug "rdk" is taken',
        rule: 'organisation.slug.taken',
        details: [{ field: 'slug', rule: 'organisation.slug.taken', message: 'The slug "rdk" is taken' }],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await stable();
    expect(el.querySelector('[data-testid="org-form-error"]')).toBeNull();
    expect(text(el.querySelector('mat-error'))).toBe('Этот адрес уже занят другой организацией. Выберите другой.');
  });
});
