import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, ReactiveFormsModule } from '@angular/forms';

import { I18nService } from '../../core/i18n.service';
import { typeInto } from '../../testing/typing';
import { fieldError } from '../refusal/form-refusal';
import { formatLocalNumber, NumberInput, parseLocalNumber } from './number-input';

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, NumberInput],
  template: `<input adminNumber [formControl]="hours" /><input adminNumber="integer" [formControl]="people" />
    <input adminNumber min="0" [max]="limit()" [formControl]="load" />`,
})
class Host {
  readonly hours = new FormControl<number | null>(1.5);
  readonly people = new FormControl<number | null>(null);
  readonly load = new FormControl<number | null>(null);
  readonly limit = signal(24);
}

describe('numbers in the interface language', () => {
  // the chosen language is remembered in the browser's storage; each case starts in the default Russian
  beforeEach(() => TestBed.inject(I18nService).use('ru'));
  afterEach(() => TestBed.inject(I18nService).use('ru'));

  it('reads a decimal with a comma or a point, and refuses junk and fractions of a count', () => {
    expect(parseLocalNumber('1,5')).toBe(1.5);
    expect(parseLocalNumber('1.5')).toBe(1.5);
    expect(parseLocalNumber(' 12 ')).toBe(12);
    expect(parseLocalNumber('')).toBeNull();
    expect(parseLocalNumber('1,5,0')).toBeNaN();
    expect(parseLocalNumber('полтора')).toBeNaN();
    expect(parseLocalNumber('2,5', true)).toBeNaN();
    expect(parseLocalNumber('25', true)).toBe(25);
  });

  it('writes a stored number with a comma in Russian and Tatar and a point in English', () => {
    expect(formatLocalNumber(1.5, 'ru')).toBe('1,5');
    expect(formatLocalNumber(1.5, 'tt')).toBe('1,5');
    expect(formatLocalNumber(1.5, 'en')).toBe('1.5');
    expect(formatLocalNumber(null, 'ru')).toBe('');
  });

  const render = async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const [hours, people, load] = [...(fixture.nativeElement as HTMLElement).querySelectorAll('input')];
    return { fixture, host: fixture.componentInstance, hours, people, load };
  };

  it('shows the stored hours in Russian, takes 2.5 typed with a point as 2,5, and follows a switch to English', async () => {
    const { fixture, host, hours, people } = await render();
    expect(hours.type).toBe('text');
    expect(hours.getAttribute('inputmode')).toBe('decimal');
    expect(people.getAttribute('inputmode')).toBe('numeric');
    expect(hours.value).toBe('1,5');
    typeInto(hours, '2.5');
    expect(host.hours.value).toBe(2.5);
    expect(hours.value).toBe('2,5');
    TestBed.inject(I18nService).use('en');
    await fixture.whenStable();
    expect(hours.value).toBe('2.5');
  });

  it('refuses junk with a message in the language, and a fraction in a count of participants', async () => {
    const { host, hours, people } = await render();
    const i18n = TestBed.inject(I18nService);
    typeInto(hours, 'полтора');
    expect(host.hours.value).toBeNull();
    expect(fieldError(host.hours, i18n)).toBe('Число не распознано. Введите его так: 1,5.');
    expect(hours.value).toBe('полтора');
    typeInto(people, '2,5');
    expect(fieldError(host.people, i18n)).toBe('Введите целое число, например: 12.');
    typeInto(people, '25');
    expect(host.people.value).toBe(25);
    expect(host.people.valid).toBe(true);
  });

  it("refuses a value outside the field's bounds with the bound written in the language, and follows a changed bound", async () => {
    const { fixture, host, load } = await render();
    const i18n = TestBed.inject(I18nService);
    typeInto(load, '-1');
    expect(fieldError(host.load, i18n)).toBe('Число не может быть меньше 0.');
    typeInto(load, '24,5');
    expect(host.load.value).toBe(24.5);
    expect(fieldError(host.load, i18n)).toBe('Число не может быть больше 24.');
    i18n.use('en');
    expect(fieldError(host.load, i18n)).toBe('The number cannot be more than 24.');
    host.limit.set(25);
    await fixture.whenStable();
    expect(host.load.valid).toBe(true);
    typeInto(load, '');
    expect(host.load.value).toBeNull();
    expect(host.load.valid).toBe(true);
  });
});
