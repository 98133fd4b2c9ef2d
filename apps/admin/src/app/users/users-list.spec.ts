import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { providePageTesting } from '../testing/page-testing';
import { UsersList } from './users-list';

const users = (n: number) => ({
  items: Array.from({ length: n }, (_, i) => ({
    id: `u-${i}`,
    email: `school${i}@demo.socium.local`,
    name: 'Заместитель директора',
    role: 'school_admin',
    organisationId: 'school-1',
    disabled: false,
    version: 1,
  })),
  total: n,
  limit: 20,
  offset: 0,
});

jest.setTimeout(20_000);

describe(UsersList.name, () => {
  let http: HttpTestingController;
  afterEach(() => http.verify());

  it('opens filtered by the organisation of the link, counts the users, and the reset shows everyone', async () => {
    TestBed.configureTestingModule({ providers: providePageTesting('coordinator') });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(UsersList);
    fixture.componentRef.setInput('organisationId', 'school-1');
    await fixture.whenStable();
    http.match((r) => r.url === '/api/v1/organisations').forEach((r) => r.flush({ items: [], total: 0 }));
    const first = http.expectOne((r) => r.url === '/api/v1/users');
    expect(first.request.params.get('organisationId')).toBe('school-1');
    first.flush(users(2));
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const q = (id: string) => el.querySelector(`[data-testid="${id}"]`);
    expect(q('usr-count')?.textContent?.trim()).toBe('Найдено 2 пользователя');

    (q('usr-reset') as HTMLButtonElement).click();
    await fixture.whenStable();
    const all = http.expectOne((r) => r.url === '/api/v1/users');
    expect(all.request.params.get('organisationId')).toBeNull();
    all.flush(users(5));
    await fixture.whenStable();
    expect(q('usr-count')?.textContent?.trim()).toBe('Найдено 5 пользователей');
    expect(q('usr-reset')).toBeNull();
  });
});
