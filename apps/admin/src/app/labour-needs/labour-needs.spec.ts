import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';

import { providePageTesting } from '../testing/page-testing';
import { afterDebounce, messageAfterTyping, typeInto } from '../testing/typing';
import { LabourNeeds } from './labour-needs';

const need = {
  id: 'n-1',
  profession: 'Оператор станков с ЧПУ',
  sector: 'Промышленность',
  demand: 4,
  academicYear: '2026-2027',
  source: 'ЦЗН',
  employerId: null,
  version: 1,
  createdAt: '',
  updatedAt: '',
};

describe(LabourNeeds.name, () => {
  let http: HttpTestingController;

  const render = async () => {
    TestBed.configureTestingModule({
      providers: providePageTesting('coordinator', { now: new Date('2026-11-28T09:00:00Z') }),
    });
    http = TestBed.inject(HttpTestingController);
    await TestBed.inject(Router).navigateByUrl('/');
    const fixture = TestBed.createComponent(LabourNeeds);
    fixture.detectChanges();
    await fixture.whenStable();
    http.match((r) => r.url === '/api/v1/organisations').forEach((r) => r.flush({ items: [], total: 0 }));
    const el = fixture.nativeElement as HTMLElement;
    const q = (id: string) => el.querySelector(`[data-testid="${id}"]`);
    const stable = async () => {
      fixture.detectChanges();
      await fixture.whenStable();
    };
    return { el, q, stable };
  };

  afterEach(() => http.verify());

  it('lists the needs of the year and the demanded professions no activity covered', async () => {
    const { q, stable } = await render();
    const list = http.expectOne((r) => r.url === '/api/v1/labour-needs');
    expect(list.request.params.get('academicYear')).toBe('2026-2027');
    list.flush({ items: [need], total: 1, limit: 20, offset: 0 });
    http
      .expectOne((r) => r.url === '/api/v1/labour-needs/coverage')
      .flush({
        academicYear: '2026-2027',
        organisationId: null,
        demanded: 3,
        covered: 2,
        ratio: 2 / 3,
        uncovered: [{ profession: 'Сварщик', demand: 5 }],
      });
    await stable();
    expect(q('lab-table')?.textContent).toContain('Оператор станков с ЧПУ');
    expect(q('lab-coverage-summary')?.textContent).toContain('Охвачено 2 из 3 востребованных профессий (67');
    expect(q('lab-uncovered')?.textContent).toContain('Сварщик: нужно 5 человек');
  });

  it('adds a need and reloads the list and the coverage', async () => {
    const { q, stable } = await render();
    http.expectOne((r) => r.url === '/api/v1/labour-needs').flush({ items: [], total: 0, limit: 20, offset: 0 });
    http
      .expectOne((r) => r.url === '/api/v1/labour-needs/coverage')
      .flush({
        academicYear: '2026-2027',
        organisationId: null,
        demanded: 0,
        covered: 0,
        ratio: null,
        uncovered: [],
      });
    await stable();
    expect(q('lab-empty')).not.toBeNull();
    expect(q('lab-coverage-empty')).not.toBeNull();
    (q('lab-new') as HTMLButtonElement).click();
    await stable();
    const type = async (id: string, value: string) => {
      const input = q(id) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await stable();
    };
    await type('lab-profession', 'Сварщик');
    await type('lab-sector', 'Промышленность');
    await type('lab-demand', '5');
    (q('lab-save') as HTMLButtonElement).click();
    await stable();
    const post = http.expectOne((r) => r.method === 'POST' && r.url === '/api/v1/labour-needs');
    expect(post.request.body).toEqual({
      profession: 'Сварщик',
      sector: 'Промышленность',
      demand: 5,
      academicYear: '2026-2027',
      source: '',
      employerId: null,
    });
    post.flush({ ...need, id: 'n-2', profession: 'Сварщик' });
    await stable();
    http.expectOne((r) => r.url === '/api/v1/labour-needs').flush({ items: [], total: 0, limit: 20, offset: 0 });
    http
      .expectOne((r) => r.url === '/api/v1/labour-needs/coverage')
      .flush({
        academicYear: '2026-2027',
        organisationId: null,
        demanded: 1,
        covered: 0,
        ratio: 0,
        uncovered: [{ profession: 'Сварщик', demand: 5 }],
      });
    await stable();
    expect(q('lab-form')).toBeNull();
  });

  it('takes the demand as a whole number of people, at least one, with the reason under the field', async () => {
    const { q, stable } = await render();
    http.expectOne((r) => r.url === '/api/v1/labour-needs').flush({ items: [], total: 0, limit: 20, offset: 0 });
    http
      .expectOne((r) => r.url === '/api/v1/labour-needs/coverage')
      .flush({ academicYear: '2026-2027', organisationId: null, demanded: 0, covered: 0, ratio: null, uncovered: [] });
    await stable();
    (q('lab-new') as HTMLButtonElement).click();
    await stable();
    typeInto(q('lab-profession') as HTMLInputElement, 'Сварщик');
    typeInto(q('lab-sector') as HTMLInputElement, 'Промышленность');
    const demand = q('lab-demand') as HTMLInputElement;
    expect(demand.getAttribute('inputmode')).toBe('numeric');
    const typed = (text: string) => messageAfterTyping(demand, text, stable);
    expect(await typed('1,5')).toBe('Введите целое число, например: 12.');
    expect(await typed('много')).toBe('Введите целое число, например: 12.');
    expect(await typed('0')).toBe('Число не может быть меньше 1.');
    expect(await typed('')).toBe('Заполните это поле.');
    (q('lab-save') as HTMLButtonElement).click();
    await stable();
    http.expectNone((r) => r.method === 'POST');
    expect(await typed('12')).toBeNull();
    (q('lab-save') as HTMLButtonElement).click();
    await stable();
    const post = http.expectOne((r) => r.method === 'POST' && r.url === '/api/v1/labour-needs');
    expect(post.request.body).toMatchObject({ profession: 'Сварщик', demand: 12 });
    post.flush({ ...need, id: 'n-2', profession: 'Сварщик', demand: 12 });
    await stable();
    http.match((r) => r.url.startsWith('/api/v1/labour-needs')).forEach((r) => r.flush({ items: [], total: 0 }));
  });

  it('shows what someone else changed in the need being edited, and takes the stored one on reload', async () => {
    const { q, stable } = await render();
    http.expectOne((r) => r.url === '/api/v1/labour-needs').flush({ items: [need], total: 1, limit: 20, offset: 0 });
    http
      .expectOne((r) => r.url === '/api/v1/labour-needs/coverage')
      .flush({
        academicYear: '2026-2027',
        organisationId: null,
        demanded: 1,
        covered: 0,
        ratio: 0,
        uncovered: [],
      });
    await stable();
    (q('lab-edit') as HTMLButtonElement).click();
    await stable();
    const demand = q('lab-demand') as HTMLInputElement;
    demand.value = '6';
    demand.dispatchEvent(new Event('input'));
    (q('lab-save') as HTMLButtonElement).click();
    await stable();
    const patch = http.expectOne((r) => r.method === 'PATCH' && r.url === '/api/v1/labour-needs/n-1');
    expect(patch.request.body).toMatchObject({ demand: 6, version: 1 });
    patch.flush({ message: 'stale', rule: 'version.stale' }, { status: 409, statusText: 'Conflict' });
    http.expectOne('/api/v1/labour-needs/n-1').flush({ ...need, demand: 8, source: 'Опрос работодателей', version: 2 });
    await stable();
    const rows = [...document.querySelectorAll('[data-testid="conflict-changes"] tbody tr')].map((r) =>
      [...r.children].map((c) => c.textContent?.trim()),
    );
    expect(rows.map((r) => r.slice(1))).toEqual([
      ['6', '8'],
      ['ЦЗН', 'Опрос работодателей'],
    ]);
    (q('conflict-reload') as HTMLButtonElement).click();
    await stable();
    expect(q('conflict-panel')).toBeNull();
    expect((q('lab-demand') as HTMLInputElement).value).toBe('8');
    (q('lab-save') as HTMLButtonElement).click();
    await stable();
    const again = http.expectOne((r) => r.method === 'PATCH' && r.url === '/api/v1/labour-needs/n-1');
    expect(again.request.body).toMatchObject({ demand: 8, version: 2 });
  });

  it('filters by sector and employer from the list toolbar, says nothing matched, and resets', async () => {
    const { q, stable } = await render();
    const coverage = () =>
      http
        .match((r) => r.url === '/api/v1/labour-needs/coverage')
        .forEach((r) =>
          r.flush({
            academicYear: '2026-2027',
            organisationId: null,
            demanded: 0,
            covered: 0,
            ratio: 0,
            uncovered: [],
          }),
        );
    const lists = () => http.match((r) => r.url === '/api/v1/labour-needs');
    lists()[0].flush({ items: [need], total: 1, limit: 20, offset: 0 });
    coverage();
    await stable();
    expect(q('lab-count')?.textContent?.trim()).toBe('Найдена 1 потребность');
    expect(q('lab-reset')).toBeNull();

    const sector = q('lab-sector-filter') as HTMLInputElement;
    sector.value = 'Сельское хозяйство';
    sector.dispatchEvent(new Event('input'));
    await afterDebounce(stable, 400);
    await stable();
    const filtered = lists();
    expect(filtered.map((r) => r.request.params.get('sector')).at(-1)).toEqual('Сельское хозяйство');
    filtered.forEach((r) => r.cancelled || r.flush({ items: [], total: 0, limit: 20, offset: 0 }));
    await stable();
    expect(q('lab-empty')?.textContent?.trim()).toBe('По этим условиям потребностей нет.');

    (q('lab-reset') as HTMLButtonElement).click();
    await afterDebounce(stable, 400);
    await stable();
    const all = lists();
    expect(all.map((r) => r.request.params.get('sector'))).toEqual([null]);
    all[0].flush({ items: [need], total: 1, limit: 20, offset: 0 });
    await stable();
    expect(sector.value).toBe('');
  });
});
