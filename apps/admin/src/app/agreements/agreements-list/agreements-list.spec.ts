import type { AgreementResponse } from '@socium/contracts';

import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Router } from '@angular/router';

import { providePageTesting } from '../../testing/page-testing';
import { afterDebounce } from '../../testing/typing';
import { AgreementsList } from './agreements-list';

const agreement = (over: Partial<AgreementResponse> = {}): AgreementResponse => ({
  id: 'ag-1',
  number: 'ДЕМО-01/2019',
  kind: 'cooperation',
  schoolId: 'school-1',
  partnerId: 'partner-1',
  subject: '',
  goal: '',
  directionIds: [],
  obligations: [],
  responsibleRoles: {},
  networkTerms: null,
  startsOn: '2019-09-01',
  endsOn: null,
  effectiveEndsOn: null,
  autoRenew: false,
  noticeDays: 30,
  signedBySchoolOn: null,
  signedByPartnerOn: null,
  terminatedOn: null,
  terminationReason: null,
  hasScan: false,
  status: 'draft',
  version: 1,
  createdAt: '',
  updatedAt: '',
  ...over,
});

jest.setTimeout(20_000);

describe(AgreementsList.name, () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [AgreementsList],
      providers: [
        ...providePageTesting('school_admin', { now: new Date(2019, 9, 3, 12) }),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  const render = async (items: AgreementResponse[]) => {
    const fixture = TestBed.createComponent(AgreementsList);
    await fixture.whenStable();
    http
      .expectOne((r) => r.url === '/api/v1/organisations')
      .flush({
        items: [
          { id: 'school-1', kind: 'school', name: 'Уруссинская гимназия', shortName: 'Уруссинская гимназия' },
          { id: 'partner-1', kind: 'partner', name: 'Районный дом культуры', shortName: 'РДК' },
        ],
        total: 2,
        limit: 100,
        offset: 0,
      });
    const list = http.expectOne((r) => r.url === '/api/v1/agreements');
    expect(list.request.params.get('limit')).toBe('20');
    list.flush({ items, total: items.length, limit: 20, offset: 0 });
    await fixture.whenStable();
    return { el: fixture.nativeElement as HTMLElement, stable: () => fixture.whenStable() };
  };

  it('invites to add the first agreement when there are none', async () => {
    const { el } = await render([]);
    expect(el.querySelector('[data-testid="agreements-empty"]')?.textContent?.trim()).toBe(
      'Договоров пока нет — добавьте первый',
    );
  });

  it('lists agreements with the partner name, a status chip with a word and the school signature button', async () => {
    const { el } = await render([agreement()]);
    const table = el.querySelector('[data-testid="agreements-table"]') as HTMLElement;
    expect(table.textContent).toContain('ДЕМО-01/2019');
    expect(table.textContent).toContain('РДК');
    expect(table.querySelector('admin-status-chip')?.textContent?.trim()).toBe('Черновик');
    const buttons = [...table.querySelectorAll('button')].map((b) => b.textContent?.trim());
    expect(buttons).toEqual(['Подписать от школы']);
  });

  it('signs for the school after the confirmation, dated today from the clock, and shows the list again', async () => {
    const { el, stable } = await render([agreement()]);
    (el.querySelector('[data-testid="agreements-table"] button') as HTMLButtonElement).click();
    await stable();
    http.expectNone('/api/v1/agreements/ag-1/sign');
    (document.querySelector('[data-testid="dialog-confirm"]') as HTMLButtonElement).click();
    await stable();
    const sign = http.expectOne('/api/v1/agreements/ag-1/sign');
    expect(sign.request.body).toEqual({ party: 'school', signedOn: '2019-10-03' });
    sign.flush(agreement({ signedBySchoolOn: '2019-10-03' }));
    await stable();
    http
      .expectOne((r) => r.url === '/api/v1/agreements')
      .flush({ items: [agreement({ signedBySchoolOn: '2019-10-03' })], total: 1, limit: 20, offset: 0 });
    await stable();
    expect(el.querySelector('[data-testid="agreements-table"] button')).toBeNull();
  });

  describe('signature buttons for other users', () => {
    const buttonsFor = async (role: 'school_admin' | 'partner_rep', organisationId: string) => {
      TestBed.resetTestingModule();
      TestBed.configureTestingModule({
        imports: [AgreementsList],
        providers: providePageTesting(role, { organisationId, now: new Date(2019, 9, 3, 12) }),
      });
      http = TestBed.inject(HttpTestingController);
      const { el } = await render([agreement()]);
      return [...el.querySelectorAll('[data-testid="agreements-table"] button')].map((b) => b.textContent?.trim());
    };

    it('offers a partner representative only the signature of its own organisation', async () => {
      expect(await buttonsFor('partner_rep', 'partner-1')).toEqual(['Подписать от партнёра']);
    });

    it('offers no signature to a school admin of another school or a representative of another partner', async () => {
      expect(await buttonsFor('school_admin', 'school-2')).toEqual([]);
      expect(await buttonsFor('partner_rep', 'partner-2')).toEqual([]);
    });
  });

  describe('the list toolbar', () => {
    const lists = () => http.match((r) => r.url === '/api/v1/agreements');
    const params = (names: string[]) =>
      lists().map((r) => {
        const row = names.map((n) => r.request.params.get(n));
        r.flush({ items: [agreement()], total: 1, limit: 20, offset: 0 });
        return row;
      });

    const open = async (url: string) => {
      TestBed.resetTestingModule();
      TestBed.configureTestingModule({ providers: providePageTesting('coordinator') });
      http = TestBed.inject(HttpTestingController);
      const router = TestBed.inject(Router);
      await router.navigateByUrl(url);
      const fixture = TestBed.createComponent(AgreementsList);
      await fixture.whenStable();
      http
        .match((r) => r.url === '/api/v1/organisations')
        .forEach((r) =>
          r.flush({
            items: [
              { id: 'school-1', kind: 'school', name: 'Уруссинская гимназия', shortName: 'Уруссинская гимназия' },
              { id: 'partner-1', kind: 'partner', name: 'Районный дом культуры', shortName: 'РДК' },
            ],
            total: 2,
            limit: 100,
            offset: 0,
          }),
        );
      const el = fixture.nativeElement as HTMLElement;
      const stable = async () => {
        fixture.detectChanges();
        await fixture.whenStable();
      };
      return { el, router, stable, q: (id: string) => el.querySelector(`[data-testid="${id}"]`) };
    };

    it('opens with the search, filters and order of the address, ignoring what the API would refuse', async () => {
      await open('/?q=%D0%A0%D0%94%D0%9A&status=active&kind=nonsense&partner=partner-1&sort=endsOn&desc=true');
      expect(params(['q', 'status', 'kind', 'partnerId', 'sort'])).toEqual([
        ['РДК', 'active', null, 'partner-1', '-endsOn'],
      ]);
    });

    it('searches school and partner names, filters by school, counts, keeps it in the address and resets', async () => {
      const { q, router, stable } = await open('/');
      expect(params(['q', 'schoolId'])).toEqual([[null, null]]);
      await stable();
      expect(q('agreements-count')?.textContent?.trim()).toBe('Найден 1 договор');
      expect(q('agreements-school')).not.toBeNull();
      expect(q('agreements-partner')).not.toBeNull();

      const search = q('agreements-search') as HTMLInputElement;
      search.value = 'гимназия';
      search.dispatchEvent(new Event('input'));
      await afterDebounce(stable);
      expect(params(['q', 'schoolId'])).toEqual([['гимназия', null]]);
      await stable();
      expect(router.url).toBe('/?q=%D0%B3%D0%B8%D0%BC%D0%BD%D0%B0%D0%B7%D0%B8%D1%8F');

      (q('agreements-reset') as HTMLButtonElement).click();
      await afterDebounce(stable);
      expect(params(['q', 'schoolId'])).toEqual([[null, null]]);
      await stable();
      expect(router.url).toBe('/');
      expect(search.value).toBe('');
    });
  });
});
