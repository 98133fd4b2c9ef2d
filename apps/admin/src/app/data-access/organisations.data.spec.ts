import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { AuthService, SESSION_STORAGE } from '../core/auth.service';
import { OrganisationsData } from './organisations.data';

const page = (items: object[]) => ({ items, total: items.length, limit: 100, offset: 0 });
const school = { id: 'school-1', kind: 'school', name: 'Уруссинская гимназия', shortName: '' };
const partner = { id: 'partner-1', kind: 'partner', name: 'Районный дом культуры', shortName: 'РДК' };

describe(OrganisationsData.name, () => {
  let sut: OrganisationsData;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: SESSION_STORAGE, useValue: null },
      ],
    });
    sut = TestBed.inject(OrganisationsData);
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  it('fetches the organisations once for every page of the session and names them by their short name first', () => {
    const names: ReadonlyMap<string, string>[] = [];
    const partners: string[] = [];
    sut.names().subscribe((n) => names.push(n));
    sut.organisationsWhere((o) => o.kind === 'partner').subscribe((list) => partners.push(...list.map((o) => o.id)));
    http.expectOne('/api/v1/organisations?limit=100').flush(page([school, partner]));
    expect(partners).toEqual(['partner-1']);
    expect([...names[0].entries()]).toEqual([
      ['school-1', 'Уруссинская гимназия'],
      ['partner-1', 'РДК'],
    ]);
  });

  it('fetches them again after another log-in', () => {
    sut.organisations().subscribe();
    http.expectOne('/api/v1/organisations?limit=100').flush(page([school]));
    TestBed.inject(AuthService).login('x@y', 'secret').subscribe();
    http.expectOne('/api/v1/auth/login').flush({
      accessToken: 'a',
      refreshToken: 'r',
      expiresIn: 900,
      user: { id: 'u2', email: 'x@y', role: 'partner_rep', organisationId: 'partner-1', name: 'П' },
    });
    sut.organisations().subscribe();
    http.expectOne('/api/v1/organisations?limit=100').flush(page([partner]));
  });

  it('gives an empty list and no names when the organisations cannot be read', () => {
    let names: ReadonlyMap<string, string> | undefined;
    sut.names().subscribe((n) => (names = n));
    http.expectOne('/api/v1/organisations?limit=100').flush({}, { status: 500, statusText: 'Error' });
    expect(names?.size).toBe(0);
  });
});
