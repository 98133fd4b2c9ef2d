import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { I18nService, LANG_STORAGE } from '../../core/i18n.service';
import { FilterSelect, labelOptions, type FilterOption } from './filter-select';

@Component({
  selector: 'admin-filter-host',
  imports: [FilterSelect],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <admin-filter-select
      label="Школа"
      [value]="value()"
      [options]="options()"
      [allLabel]="allLabel()"
      (valueChange)="chosen.push($event); value.set($event)"
      testId="filter-school"
    />
  `,
})
class FilterHost {
  readonly value = signal<string | null>(null);
  readonly options = signal<FilterOption[]>([
    { value: 's1', label: 'Гимназия' },
    { value: 's2', label: 'Лицей' },
  ]);
  readonly allLabel = signal<string | null | undefined>(undefined);
  readonly chosen: (string | null)[] = [];
}

describe('FilterSelect', () => {
  const render = async (setUp: (host: FilterHost) => void = () => undefined) => {
    TestBed.configureTestingModule({ providers: [{ provide: LANG_STORAGE, useValue: null }] });
    const fixture = TestBed.createComponent(FilterHost);
    setUp(fixture.componentInstance);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const open = async () => {
      (el.querySelector('[data-testid="filter-school"] .mat-mdc-select-trigger') as HTMLElement).click();
      fixture.detectChanges();
      await fixture.whenStable();
      return [...document.querySelectorAll('mat-option')] as HTMLElement[];
    };
    const choose = async (index: number) => {
      (await open())[index].click();
      fixture.detectChanges();
      await fixture.whenStable();
    };
    return { fixture, host: fixture.componentInstance, el, open, choose };
  };
  const words = (options: HTMLElement[]) => options.map((o) => o.textContent?.trim());

  afterEach(() => document.querySelectorAll('.cdk-overlay-container').forEach((c) => (c.innerHTML = '')));

  it('puts the test id on the select itself and labels the field, so journeys and screen readers find it', async () => {
    const { el } = await render();
    const select = el.querySelector('[data-testid="filter-school"]');
    expect(select?.tagName.toLowerCase()).toBe('mat-select');
    expect(el.querySelector('mat-label')?.textContent?.trim()).toBe('Школа');
  });

  it('tells its style the length of its label, which sizes the field on a wide screen', async () => {
    const { el } = await render();
    const host = el.querySelector('admin-filter-select') as HTMLElement;
    expect(host.style.getPropertyValue('--admin-filter-label-length')).toBe('5');
  });

  it('offers «Все» first and then each option by its words', async () => {
    const { open } = await render();
    expect(words(await open())).toEqual(['Все', 'Гимназия', 'Лицей']);
  });

  it('emits the value of the option chosen, and null when «Все» is chosen again', async () => {
    const { host, choose } = await render();
    await choose(2);
    expect(host.chosen).toEqual(['s2']);
    await choose(0);
    expect(host.chosen).toEqual(['s2', null]);
  });

  it('shows the chosen value in the closed field', async () => {
    const { el } = await render((h) => h.value.set('s1'));
    expect(el.querySelector('.mat-mdc-select-value')?.textContent?.trim()).toBe('Гимназия');
  });

  it('names the empty choice with the words given, and leaves it out when given null', async () => {
    const named = await render((h) => h.allLabel.set('Любая'));
    expect(words(await named.open())).toEqual(['Любая', 'Гимназия', 'Лицей']);
    TestBed.resetTestingModule();
    document.querySelectorAll('.cdk-overlay-container').forEach((c) => (c.innerHTML = ''));
    const none = await render((h) => h.allLabel.set(null));
    expect(words(await none.open())).toEqual(['Гимназия', 'Лицей']);
  });

  it("names the empty choice in the interface's language, and again after the language is switched", async () => {
    const { fixture, open } = await render();
    TestBed.inject(I18nService).use('tt');
    fixture.detectChanges();
    await fixture.whenStable();
    expect(words(await open())[0]).toBe('Барысы');
  });

  it("names the domain's codes in the interface's language (labelOptions)", () => {
    TestBed.configureTestingModule({ providers: [{ provide: LANG_STORAGE, useValue: null }] });
    const i18n = TestBed.inject(I18nService);
    expect(labelOptions(i18n, 'activityForm', ['excursion', 'professional_trial'])).toEqual([
      { value: 'excursion', label: 'Экскурсия' },
      { value: 'professional_trial', label: 'Профессиональная проба' },
    ]);
    i18n.use('tt');
    expect(labelOptions(i18n, 'activityForm', ['professional_trial'])).toEqual([
      { value: 'professional_trial', label: 'Һөнәри сынау' },
    ]);
  });
});
