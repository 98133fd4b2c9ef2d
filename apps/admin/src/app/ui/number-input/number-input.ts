import { Directive, effect, ElementRef, forwardRef, inject, input, numberAttribute, untracked } from '@angular/core';
import {
  NG_VALIDATORS,
  NG_VALUE_ACCESSOR,
  Validators,
  type AbstractControl,
  type ControlValueAccessor,
  type ValidationErrors,
  type Validator,
} from '@angular/forms';

import { I18nService } from '../../core/i18n.service';

type Lang = ReturnType<I18nService['lang']>;

/** The decimal separator the interface's language writes: a comma in Russian and Tatar, a point in English. */
export const decimalSeparator = (lang: Lang): ',' | '.' => (lang === 'en' ? '.' : ',');

/**
 * Reads a number typed in the interface's language: the language's separator, or the other one (a panel number has
 * no thousands grouping, so one separator is unambiguous); spaces are ignored. Empty text is null; junk is NaN.
 * With `integer`, any fraction is junk.
 */
export function parseLocalNumber(text: string, integer = false): number | null {
  const t = text.replace(/[\s\u00a0]/g, '');
  if (t === '') return null;
  const pattern = integer ? /^-?\d+$/ : /^-?(\d+([.,]\d*)?|[.,]\d+)$/;
  if (!pattern.test(t)) return Number.NaN;
  return Number(t.replace(',', '.'));
}

/** A stored number written as the language writes it (1,5 in Russian and Tatar, 1.5 in English); null is empty. */
export function formatLocalNumber(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  return String(value).replace('.', decimalSeparator(lang));
}

/** A bound given as an attribute (`min="0"`) or a binding (`[max]="n"`); absent or empty is no bound. */
const optionalNumber = (v: unknown): number | undefined =>
  v === undefined || v === null || v === '' ? undefined : numberAttribute(v);

/**
 * A number field that follows the interface's language rather than the browser's: `<input matInput adminNumber
 * formControlName="hours" />` for decimals (`inputmode="decimal"`), `adminNumber="integer"` for counts
 * (`inputmode="numeric"`). The control holds a number or null; text that is no number gives the control the error
 * `number` (`{ integer }`); `min="0"` / `[max]="24"` bound the value (Angular's `min` / `max` errors, since a text
 * field has no native bounds). `fieldError` (or `numberError`) words each under the field.
 */
@Directive({
  selector: 'input[adminNumber]',
  host: {
    type: 'text',
    autocomplete: 'off',
    '[attr.inputmode]': "adminNumber() === 'integer' ? 'numeric' : 'decimal'",
    '(input)': 'typed()',
    '(blur)': 'left()',
  },
  providers: [
    { provide: NG_VALUE_ACCESSOR, useExisting: forwardRef(() => NumberInput), multi: true },
    { provide: NG_VALIDATORS, useExisting: forwardRef(() => NumberInput), multi: true },
  ],
})
export class NumberInput implements ControlValueAccessor, Validator {
  private readonly el = inject<ElementRef<HTMLInputElement>>(ElementRef);
  private readonly i18n = inject(I18nService);
  /** `'integer'` for whole numbers; empty (or `'decimal'`) for decimals. */
  readonly adminNumber = input<'' | 'decimal' | 'integer'>('');
  /** the smallest value allowed, if any */
  readonly min = input<number | undefined, unknown>(undefined, { transform: optionalNumber });
  /** the largest value allowed, if any */
  readonly max = input<number | undefined, unknown>(undefined, { transform: optionalNumber });
  private value: number | null = null;
  private junk = false;
  private onChange: (v: number | null) => void = () => undefined;
  private onTouched: () => void = () => undefined;
  private onValidatorChange: () => void = () => undefined;

  constructor() {
    // a changed bound checks the value again
    effect(() => {
      this.min();
      this.max();
      untracked(() => this.onValidatorChange());
    });
    // a language switch rewrites the shown number with the new separator (junk stays as typed)
    effect(() => {
      const lang = this.i18n.lang();
      untracked(() => {
        if (!this.junk) this.el.nativeElement.value = formatLocalNumber(this.value, lang);
      });
    });
  }

  writeValue(value: number | string | null): void {
    const n = value === null || value === undefined || value === '' ? null : Number(value);
    this.value = n;
    this.junk = false;
    this.el.nativeElement.value = formatLocalNumber(n, this.i18n.lang());
  }

  registerOnChange(fn: (v: number | null) => void): void {
    this.onChange = fn;
  }

  registerOnTouched(fn: () => void): void {
    this.onTouched = fn;
  }

  registerOnValidatorChange(fn: () => void): void {
    this.onValidatorChange = fn;
  }

  setDisabledState(disabled: boolean): void {
    this.el.nativeElement.disabled = disabled;
  }

  validate(control: AbstractControl): ValidationErrors | null {
    if (this.junk) return { number: { integer: this.adminNumber() === 'integer' } };
    const [min, max] = [this.min(), this.max()];
    return (
      (min === undefined ? null : Validators.min(min)(control)) ??
      (max === undefined ? null : Validators.max(max)(control))
    );
  }

  protected typed(): void {
    const n = parseLocalNumber(this.el.nativeElement.value, this.adminNumber() === 'integer');
    this.junk = n !== null && Number.isNaN(n);
    this.value = this.junk ? null : n;
    this.onChange(this.value);
    this.onValidatorChange();
  }

  /** On leaving the field a readable number is written back in the language (1.5 typed in Russian shows 1,5). */
  protected left(): void {
    if (!this.junk) this.el.nativeElement.value = formatLocalNumber(this.value, this.i18n.lang());
    this.onTouched();
  }
}
