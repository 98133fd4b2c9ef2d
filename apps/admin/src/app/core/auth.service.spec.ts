import type { LoginResponse } from '@socium/contracts';

import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { authInterceptor } from './auth.interceptor';
import { AuthService, SESSION_STORAGE } from './auth.service';

class MemoryStorage {
  readonly data = new Map<string, string>();
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
}

const loginResponse = (access: string, refresh = 'refresh-1'): LoginResponse => ({
  accessToken: access,
  refreshToken: refresh,
  expiresIn: 900,
  user: {
    id: 'u1',
    email: 'gymnasium@demo.socium.local',
    role: 'school_admin',
    organisationId: 'org-1',
    name: 'Завуч',
  },
});

describe(AuthService.name, () => {
  let sut: AuthService;
  let http: HttpTestingController;
  let storage: MemoryStorage;

  const setUp = () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'login', children: [] }]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        { provide: SESSION_STORAGE, useValue: storage },
      ],
    });
    sut = TestBed.inject(AuthService);
    http = TestBed.inject(HttpTestingController);
  };

  beforeEach(() => {
    storage = new MemoryStorage();
  });
  afterEach(() => http.verify());

  it('logs in, keeps the token in memory and in session storage', () => {
    setUp();
    let name = '';
    sut.login('gymnasium@demo.socium.local', 'demo-school-2020').subscribe((u) => (name = u.name));
    const req = http.expectOne('/api/v1/auth/login');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ email: 'gymnasium@demo.socium.local', password: 'demo-school-2020' });
    expect(req.request.headers.has('Authorization')).toBe(false);
    req.flush(loginResponse('access-1'));

    expect(name).toBe('Завуч');
    expect(sut.isLoggedIn()).toBe(true);
    expect(sut.accessToken).toBe('access-1');
    expect(JSON.parse(storage.getItem('socium.session') ?? '{}').accessToken).toBe('access-1');
  });

  it('restores the session of the tab after a reload', () => {
    storage.setItem('socium.session', JSON.stringify(loginResponse('saved-token')));
    setUp();
    expect(sut.user()?.organisationId).toBe('org-1');
    expect(sut.accessToken).toBe('saved-token');
  });

  it('adds the bearer token to API calls', () => {
    storage.setItem('socium.session', JSON.stringify(loginResponse('access-1')));
    setUp();
    TestBed.inject(HttpClient).get('/api/v1/agreements').subscribe();
    expect(http.expectOne('/api/v1/agreements').request.headers.get('Authorization')).toBe('Bearer access-1');
  });

  it('refreshes once on a 401 and retries the call with the new token', () => {
    storage.setItem('socium.session', JSON.stringify(loginResponse('old', 'refresh-1')));
    setUp();
    let body: unknown;
    TestBed.inject(HttpClient)
      .get('/api/v1/plans')
      .subscribe((b) => (body = b));
    http.expectOne('/api/v1/plans').flush({ statusCode: 401 }, { status: 401, statusText: 'Unauthorized' });

    const refresh = http.expectOne('/api/v1/auth/refresh');
    expect(refresh.request.body).toEqual({ refreshToken: 'refresh-1' });
    refresh.flush(loginResponse('new', 'refresh-2'));

    const retry = http.expectOne('/api/v1/plans');
    expect(retry.request.headers.get('Authorization')).toBe('Bearer new');
    retry.flush({ items: [] });
    expect(body).toEqual({ items: [] });
    expect(JSON.parse(storage.getItem('socium.session') ?? '{}').refreshToken).toBe('refresh-2');
  });

  it('forgets the session when the refresh is refused', () => {
    storage.setItem('socium.session', JSON.stringify(loginResponse('old')));
    setUp();
    let failed = false;
    TestBed.inject(HttpClient)
      .get('/api/v1/plans')
      .subscribe({ error: () => (failed = true) });
    http.expectOne('/api/v1/plans').flush({}, { status: 401, statusText: 'Unauthorized' });
    http.expectOne('/api/v1/auth/refresh').flush({}, { status: 401, statusText: 'Unauthorized' });

    expect(failed).toBe(true);
    expect(sut.isLoggedIn()).toBe(false);
    expect(storage.getItem('socium.session')).toBeNull();
  });

  it('logs out on the server with the token it had and clears the session at once', () => {
    storage.setItem('socium.session', JSON.stringify(loginResponse('access-1')));
    setUp();
    sut.logout().subscribe();
    expect(sut.isLoggedIn()).toBe(false);
    const req = http.expectOne('/api/v1/auth/logout');
    expect(req.request.headers.get('Authorization')).toBe('Bearer access-1');
    req.flush(null, { status: 204, statusText: 'No Content' });
  });
});
