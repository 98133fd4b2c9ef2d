import { TestBed } from '@angular/core/testing';

import { I18nService, LANG_STORAGE } from './i18n.service';
import { en, Message, ru, tt } from './messages';

const placeholders = (m: Message) => {
  const texts = typeof m === 'string' ? [m] : Object.values(m).filter((x): x is string => typeof x === 'string');
  return [...new Set(texts.flatMap((t) => [...t.matchAll(/\{(\w+)\}/g)].map((x) => x[1])))].sort();
};

describe(I18nService.name, () => {
  let sut: I18nService;
  let saved: Record<string, string>;

  beforeEach(() => {
    saved = {};
    TestBed.configureTestingModule({
      providers: [
        {
          provide: LANG_STORAGE,
          useValue: { getItem: (k: string) => saved[k] ?? null, setItem: (k: string, v: string) => (saved[k] = v) },
        },
      ],
    });
    sut = TestBed.inject(I18nService);
  });

  it('speaks Russian by default', () => {
    expect(sut.lang()).toBe('ru');
    expect(sut.t('nav_agreements')).toBe('Договоры');
    expect(sut.t('agr_empty')).toBe('Договоров пока нет — добавьте первый');
  });

  it('switches to Tatar with the glossary terms and remembers the choice', () => {
    sut.use('tt');
    expect(sut.label('planStatus', 'approved')).toBe('Расланган');
    expect(sut.t('cancel')).toBe('Баш тарту');
    expect(saved['socium.lang']).toBe('tt');
    expect(document.documentElement.lang).toBe('tt');
  });

  it.each([
    ['ru', 'Профессиональная проба', 'Договор о социальном партнёрстве'],
    ['en', 'Professional trial', 'Social-partnership agreement'],
  ] as const)('names the domain codes in %s from the domain catalogue', (lang, form, kind) => {
    sut.use(lang);
    expect(sut.label('activityForm', 'professional_trial')).toBe(form);
    expect(sut.label('agreementKind', 'social_partnership')).toBe(kind);
  });

  it('fills named placeholders in whole sentences', () => {
    sut.use('en');
    expect(sut.t('agr_signed_toast', { number: 'ДЕМО-01' })).toBe('Signature recorded: agreement ДЕМО-01.');
  });

  it.each([
    ['ru', 1, 'Найден 1 договор'],
    ['ru', 3, 'Найдено 3 договора'],
    ['ru', 5, 'Найдено 5 договоров'],
    ['tt', 5, '5 килешү табылды'],
    ['en', 1, '1 agreement found'],
    ['en', 2, '2 agreements found'],
  ] as const)('picks the %s plural form for %i', (lang, count, expected) => {
    sut.use(lang);
    expect(sut.t('agr_total', { count })).toBe(expected);
  });

  it('writes dates and academic years as people do', () => {
    expect(sut.date('2020-02-12')).toBe('12.02.2020');
    expect(sut.academicYear('2019-2020')).toBe('2019/2020 учебный год');
    sut.use('tt');
    expect(sut.academicYear('2019-2020')).toBe('2019–2020 уку елы');
  });

  it('has every message in Tatar and English with the same placeholders as in Russian', () => {
    for (const key of Object.keys(ru) as (keyof typeof ru)[]) {
      expect([key, placeholders(tt[key])]).toEqual([key, placeholders(ru[key])]);
      expect([key, placeholders(en[key])]).toEqual([key, placeholders(ru[key])]);
      expect(tt[key]).toBeTruthy();
      expect(en[key]).toBeTruthy();
    }
  });
});
