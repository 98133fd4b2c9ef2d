import { CODE_LABELS, LANGUAGES, type CodeLabels, type CodeSection, type Language } from '@socium/domain';

import { DOCUMENT } from '@angular/common';
import { computed, inject, Injectable, InjectionToken, signal } from '@angular/core';

import { Dictionary, en, Message, MessageKey, ru, tt } from './messages';

export type Lang = Language;
export const LANGS: readonly Lang[] = LANGUAGES;
export const LANG_NAMES: Record<Lang, string> = { ru: 'Русский', tt: 'Татарча', en: 'English' };

/** Where the chosen language is kept between visits (localStorage by default; a fake in specs). */
export const LANG_STORAGE = new InjectionToken<Pick<Storage, 'getItem' | 'setItem'> | null>('LANG_STORAGE', {
  providedIn: 'root',
  factory: () => (typeof localStorage === 'undefined' ? null : localStorage),
});

const DICTIONARIES: Record<Lang, Dictionary> = { ru, tt, en };
const LOCALES: Record<Lang, string> = { ru: 'ru-RU', tt: 'tt-RU', en: 'en-GB' };
const STORAGE_KEY = 'socium.lang';

export type Params = Record<string, string | number>;

/**
 * A small in-app dictionary: Russian by default, Tatar and English on request. Messages are
 * whole sentences with named placeholders; plural messages pick the CLDR form of the language.
 * The words for the domain's codes come from the domain's label catalogue (`label()`).
 */
@Injectable({ providedIn: 'root' })
export class I18nService {
  private readonly storage = inject(LANG_STORAGE);
  private readonly document = inject(DOCUMENT);
  private readonly current = signal<Lang>(this.initial());

  readonly lang = this.current.asReadonly();
  readonly locale = computed(() => LOCALES[this.current()]);

  constructor() {
    this.document.documentElement.lang = this.current();
  }

  use(lang: Lang): void {
    this.current.set(lang);
    this.storage?.setItem(STORAGE_KEY, lang);
    this.document.documentElement.lang = lang;
  }

  /**
   * The message for `key` in the current language with `{placeholders}` filled in. A number is a quantity and is
   * written as the language writes numbers (`number()`: «100 000» in ru and tt, «100,000» in en); pass years, codes and
   * other identifiers as strings.
   */
  t(key: MessageKey, params: Params = {}): string {
    const lang = this.current();
    const message: Message = DICTIONARIES[lang][key] ?? ru[key] ?? key;
    const text = typeof message === 'string' ? message : this.pluralForm(message, lang, Number(params['count'] ?? 0));
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      if (!(name in params)) return whole;
      const value = params[name];
      return typeof value === 'number' ? this.number(value) : value;
    });
  }

  /**
   * The word for one of the domain's codes (a status, a form of activity, a kind of agreement) from the domain's
   * catalogue, which the API's exports and the widget share: `label('planStatus', 'approved')`.
   */
  label<S extends CodeSection>(section: S, code: keyof CodeLabels[S]): string {
    return CODE_LABELS[this.current()][section][code] as string;
  }

  /** `12.02.2020` (ru, tt) or `12/02/2020` (en) for an ISO date `2020-02-12`; empty for null. */
  date(iso: string | null | undefined): string {
    if (!iso) return '';
    const [y, m, d] = iso.slice(0, 10).split('-');
    return this.current() === 'en' ? `${d}/${m}/${y}` : `${d}.${m}.${y}`;
  }

  /** «2019/2020 учебный год» for `2019-2020`. */
  academicYear(label: string): string {
    const [from, to] = label.split('-');
    return this.t('academic_year_label', { from, to });
  }

  /** «2019/2020» for `2019-2020`: the academic year where the words do not fit (the period picker on a phone). */
  academicYearShort(label: string): string {
    const [from, to] = label.split('-');
    return this.t('academic_year_short', { from, to });
  }

  /** A number as the interface's language writes it: «100 000» and «1,5» in ru and tt, «100,000» and «1.5» in en. */
  number(n: number, opts?: Intl.NumberFormatOptions): string {
    return new Intl.NumberFormat(this.current() === 'tt' ? 'ru-RU' : LOCALES[this.current()], opts).format(n);
  }

  private pluralForm(message: Exclude<Message, string>, lang: Lang, n: number): string {
    // Tatar has a single CLDR category, `other`; ICU data for `tt` may be missing, so it is not asked.
    const category = lang === 'tt' ? 'other' : new Intl.PluralRules(LOCALES[lang]).select(n);
    return (message as Record<string, string | undefined>)[category] ?? message.other;
  }

  private initial(): Lang {
    const saved = this.storage?.getItem(STORAGE_KEY);
    return LANGS.includes(saved as Lang) ? (saved as Lang) : 'ru';
  }
}
