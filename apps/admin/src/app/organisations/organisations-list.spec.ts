import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { providePageTesting } from '../testing/page-testing';
import { afterDebounce } from '../testing/typing';
import { OrganisationsList } from './organisations-list';

const page = (names: string[]) => ({
  items: names.map((name, i) => ({
    id: `o-${i}`,
    kind: 'school',
    partnerType: null,
    name,
    shortName: name,
    isPublished: true,
  })),
  total: names.length,
  limit: 20,
  offset: 0,
});

jest.setTimeout(20_000);

describe(OrganisationsList.name, () => {
  let http: HttpTestingController;

  const render = async () => {
    TestBed.configureTestingModule({ providers: providePageTesting('coordinator') });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(OrganisationsList);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const q = (id: string) => el.querySelector(`[data-testid="${id}"]`);
    const stable = async () => {
      fixture.detectChanges();
      await fixture.whenStable();
    };
    return { el, q, stable };
  };
  const lists = () => http.match((r) => r.url === '/api/v1/organisations');

  afterEach(() => http.verify());

  it('searches by name from the list toolbar, counts what it found, and the reset brings back the whole list', async () => {
    const { q, stable } = await render();
    lists()[0].flush(page(['Гимназия', 'Лицей', 'Завод «Тапарт»']));
    await stable();
    expect(q('org-count')?.textContent?.trim()).toBe('Найдено 3 организации');
    expect(q('org-reset')).toBeNull();

    const search = q('org-search') as HTMLInputElement;
    search.value = 'гимн';
    search.dispatchEvent(new Event('input'));
    await afterDebounce(stable);
    const searched = lists();
    expect(searched.map((r) => r.request.params.get('q'))).toEqual(['гимн']);
    searched[0].flush(page(['Гимназия']));
    await stable();
    expect(q('org-count')?.textContent?.trim()).toBe('Найдена 1 организация');

    (q('org-reset') as HTMLButtonElement).click();
    await afterDebounce(stable);
    const all = lists();
    expect(all.map((r) => r.request.params.get('q'))).toEqual([null]);
    all[0].flush(page(['Гимназия', 'Лицей', 'Завод «Тапарт»']));
    await stable();
    expect(search.value).toBe('');
    expect(q('org-reset')).toBeNull();
  });
});
