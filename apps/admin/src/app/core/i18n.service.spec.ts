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

  it('writes the academic year as its years alone where the words do not fit, in each language', () => {
    expect(sut.academicYearShort('2026-2027')).toBe('2026/2027');
    sut.use('tt');
    expect(sut.academicYearShort('2026-2027')).toBe('2026–2027');
    sut.use('en');
    expect(sut.academicYearShort('2026-2027')).toBe('2026/2027');
  });

  it('has every message in Tatar and English with the same placeholders as in Russian', () => {
    for (const key of Object.keys(ru) as (keyof typeof ru)[]) {
      expect([key, placeholders(tt[key])]).toEqual([key, placeholders(ru[key])]);
      expect([key, placeholders(en[key])]).toEqual([key, placeholders(ru[key])]);
      expect(tt[key]).toBeTruthy();
      expect(en[key]).toBeTruthy();
    }
  });

  describe('numbers inside messages', () => {
    // Intl writes ru and tt thousands with a no-break space (U+00A0, or U+202F in newer ICU data)
    const grouped = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

    it.each([
      ['ru', 'Число не может быть больше 100 000.', 'Число не может быть меньше 1 500.'],
      ['tt', 'Иң зур рөхсәт ителгән сан: 100 000.', 'Иң кечкенә рөхсәт ителгән сан: 1 500.'],
      ['en', 'The number cannot be more than 100,000.', 'The number cannot be less than 1,500.'],
    ] as const)('writes a bound in %s with the language’s grouping', (lang, max, min) => {
      sut.use(lang);
      expect(grouped(sut.t('number_too_large', { max: 100000 }))).toBe(max);
      expect(grouped(sut.t('number_too_small', { min: 1500 }))).toBe(min);
    });

    it.each([
      ['ru', 'Найдено 12 345 организаций', 'Ссылка 3'],
      ['tt', '12 345 оешма табылды', 'Сылтама 3'],
      ['en', '12,345 organisations found', 'Link 3'],
    ] as const)('writes counts and other numbers in %s as the language writes them', (lang, count, small) => {
      sut.use(lang);
      expect(grouped(sut.t('org_total', { count: 12345 }))).toBe(count);
      expect(sut.t('act_evidence_link', { n: 3 })).toBe(small);
    });

    it('writes a fraction with the language’s decimal sign and leaves text as it is given', () => {
      expect(sut.t('plp_shift_value', { from: '08:00', to: '12:00', day: 3.5, week: 17.5 })).toContain('3,5');
      sut.use('en');
      expect(sut.t('plp_shift_value', { from: '08:00', to: '12:00', day: 3.5, week: 17.5 })).toContain('3.5');
      expect(sut.t('rep_calendar_year', { year: '2020' })).toContain('2020');
    });
  });
});
