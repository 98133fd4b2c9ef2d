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

  it('sends the version on save and offers a reload when the record went stale', async () => {
    const { fixture, http, el, submit, stable } = await render('o1');
    await submit();
    const req = http.expectOne('/api/v1/organisations/o1');
    expect(req.request.method).toBe('PATCH');
    expect(req.request.body).toMatchObject({ version: 3, shortName: 'РДК', partnerType: 'culture' });
    req.flush(
      { statusCode: 409, message: 'stale', rule: 'version.stale', currentVersion: 4 },
      { status: 409, statusText: 'Conflict' },
    );
    await stable();
    expect(text(el.querySelector('[data-testid="org-form-error"]'))).toContain('Запись уже изменил кто-то другой');
    (el.querySelector('[data-testid="org-reload"]') as HTMLButtonElement).click();
    fixture.detectChanges();
    http.expectOne('/api/v1/organisations/o1').flush({ ...organisation, version: 4, shortName: 'РДК-2' });
    await stable();
    expect(el.querySelector('[data-testid="org-form-error"]')).toBeNull();
    expect((el.querySelector('[data-testid="org-form-short"]') as HTMLInputElement).value).toBe('РДК-2');
  });

  it("records the date until which a partner's staff certificates are confirmed", async () => {
    const { http, submit, type } = await render('o1');
    type('org-form-vetting', '2027-06-01');
    await submit();
    const req = http.expectOne('/api/v1/organisations/o1');
    expect(req.request.body).toMatchObject({ version: 3, vettingValidUntil: '2027-06-01' });
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
