import { TestBed } from '@angular/core/testing';

import { I18nService } from '../../core/i18n.service';
import { providePageTesting } from '../../testing/page-testing';
import { ConflictPanel } from './conflict-panel';

describe('ConflictPanel', () => {
  const render = (changes: { field: string; label: string; mine: string; theirs: string }[], lang?: 'tt' | 'en') => {
    TestBed.configureTestingModule({ providers: providePageTesting('coordinator') });
    if (lang) TestBed.inject(I18nService).use(lang);
    const fixture = TestBed.createComponent(ConflictPanel);
    fixture.componentRef.setInput('changes', changes);
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    return { fixture, el };
  };
  const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim();
  const change = { field: 'shortName', label: 'Краткое название', mine: 'РДК Уруссу', theirs: 'РДК' };

  it('shows each changed field with the value typed and the value stored now', () => {
    const { el } = render([change]);
    expect(text(el.querySelector('h2'))).toBe('Запись изменил другой пользователь');
    const heads = [...el.querySelectorAll('thead th')].map((h) => text(h));
    expect(heads).toEqual(['Поле', 'Ваше значение', 'Сохранено сейчас']);
    const cells = [...(el.querySelector('tbody tr') as HTMLElement).children].map((c) => text(c));
    expect(cells).toEqual(['Краткое название', 'РДК Уруссу', 'РДК']);
    expect(el.querySelector('[role="alert"]')).not.toBeNull();
  });

  it('says so when none of the form’s fields differ', () => {
    const { el } = render([]);
    expect(el.querySelector('table')).toBeNull();
    expect(text(el.querySelector('[data-testid="conflict-none"]'))).toContain('изменилось что-то другое');
  });

  it('emits reload and overwrite from its two buttons', () => {
    const { fixture, el } = render([change]);
    const reload = jest.fn();
    const overwrite = jest.fn();
    fixture.componentInstance.reload.subscribe(reload);
    fixture.componentInstance.overwrite.subscribe(overwrite);
    (el.querySelector('[data-testid="conflict-reload"]') as HTMLButtonElement).click();
    (el.querySelector('[data-testid="conflict-overwrite"]') as HTMLButtonElement).click();
    expect(reload).toHaveBeenCalledTimes(1);
    expect(overwrite).toHaveBeenCalledTimes(1);
  });

  it('disables both choices while one is being carried out', () => {
    const { fixture, el } = render([change]);
    fixture.componentRef.setInput('busy', true);
    fixture.detectChanges();
    const buttons = [...el.querySelectorAll('button')] as HTMLButtonElement[];
    expect(buttons.every((b) => b.disabled)).toBe(true);
  });

  it('speaks Tatar in the Tatar interface', () => {
    const { el } = render([change], 'tt');
    expect(text(el.querySelector('h2'))).toBe('Язманы башка кулланучы үзгәрткән');
    expect(text(el.querySelector('[data-testid="conflict-reload"]'))).toBe('Яңарту');
    expect(text(el.querySelector('[data-testid="conflict-overwrite"]'))).toBe('Минем кыйммәтләр белән алыштыру');
  });
});
