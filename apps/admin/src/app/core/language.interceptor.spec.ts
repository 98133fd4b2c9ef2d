import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { API_BASE } from '../data-access/http';
import { I18nService, LANG_STORAGE } from './i18n.service';
import { languageInterceptor } from './language.interceptor';

describe('languageInterceptor', () => {
  beforeEach(() =>
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([languageInterceptor])),
        provideHttpClientTesting(),
        { provide: LANG_STORAGE, useValue: null },
      ],
    }),
  );

  it('asks the API for refusals in the language the user chose', () => {
    TestBed.inject(I18nService).use('tt');
    TestBed.inject(HttpClient).get(`${API_BASE}/plans`).subscribe();
    const req = TestBed.inject(HttpTestingController).expectOne(`${API_BASE}/plans`);
    expect(req.request.headers.get('Accept-Language')).toBe('tt');
  });

  it('leaves requests to other addresses alone', () => {
    TestBed.inject(HttpClient).get('/widget.js').subscribe();
    const req = TestBed.inject(HttpTestingController).expectOne('/widget.js');
    expect(req.request.headers.has('Accept-Language')).toBe(false);
  });
});
