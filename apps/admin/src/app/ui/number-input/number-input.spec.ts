import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, ReactiveFormsModule } from '@angular/forms';

import { I18nService } from '../../core/i18n.service';
import { fieldError } from '../refusal/form-refusal';
import { formatLocalNumber, NumberInput, parseLocalNumber } from './number-input';

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, NumberInput],
  template: `<input adminNumber [formControl]="hours" /><input adminNumber="integer" [formControl]="people" />`,
})
class Host {
  readonly hours = new FormControl<number | null>(1.5);
  readonly people = new FormControl<number | null>(null);
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
    const [hours, people] = [...(fixture.nativeElement as HTMLElement).querySelectorAll('input')];
    return { fixture, host: fixture.componentInstance, hours, people };
  };
  const type = (el: HTMLInputElement, text: string) => {
    el.value = text;
    el.dispatchEvent(new Event('input'));
    el.dispatchEvent(new Event('blur'));
  };

  it('shows the stored hours in Russian, takes 2.5 typed with a point as 2,5, and follows a switch to English', async () => {
    const { fixture, host, hours, people } = await render();
    expect(hours.type).toBe('text');
    expect(hours.getAttribute('inputmode')).toBe('decimal');
    expect(people.getAttribute('inputmode')).toBe('numeric');
    expect(hours.value).toBe('1,5');
    type(hours, '2.5');
    expect(host.hours.value).toBe(2.5);
    expect(hours.value).toBe('2,5');
    TestBed.inject(I18nService).use('en');
    await fixture.whenStable();
    expect(hours.value).toBe('2.5');
  });

  it('refuses junk with a message in the language, and a fraction in a count of participants', async () => {
    const { host, hours, people } = await render();
    const i18n = TestBed.inject(I18nService);
    type(hours, 'полтора');
    expect(host.hours.value).toBeNull();
    expect(fieldError(host.hours, i18n)).toBe('Число не распознано. Введите его так: 1,5.');
    expect(hours.value).toBe('полтора');
    type(people, '2,5');
    expect(fieldError(host.people, i18n)).toBe('Введите целое число, например: 12.');
    type(people, '25');
    expect(host.people.value).toBe(25);
    expect(host.people.valid).toBe(true);
  });
});
