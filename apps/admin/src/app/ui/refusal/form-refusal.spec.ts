import { categoryOf, RULE_CODES, type ErrorCategory, type RuleCode } from '@socium/domain';

import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup } from '@angular/forms';

import { I18nService } from '../../core/i18n.service';
import { ru, tt, type MessageKey } from '../../core/messages';
import { ORGANISATION_RULES } from '../../organisations/organisation-form';
import { providePageTesting } from '../../testing/page-testing';
import { USER_RULES } from '../../users/user-form';
import { fieldError, numberError, showRefusal, type RuleWords } from './form-refusal';

/** The status the API answers each category with (`apps/api/src/app/http/http-status.ts`). */
const STATUS: Readonly<Record<ErrorCategory, number>> = {
  invalid: 400,
  rule: 422,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  throttled: 429,
  unauthenticated: 401,
  method_not_allowed: 405,
  too_large: 413,
  unsupported_media: 415,
  unavailable: 503,
};

const refusal = (status: number, error: Record<string, unknown>) =>
  new HttpErrorResponse({ status, error: { statusCode: status, ...error } });

describe('showRefusal', () => {
  const setUp = (lang: 'ru' | 'tt' | 'en' = 'tt') => {
    TestBed.configureTestingModule({ providers: providePageTesting('coordinator') });
    const i18n = TestBed.inject(I18nService);
    i18n.use(lang);
    const form = new FormGroup({ name: new FormControl(''), email: new FormControl('') });
    return { i18n, form };
  };

  it("renders a Tatar refusal from the server's Tatar message, next to its field, once", () => {
    const { i18n, form } = setUp('tt');
    const e = refusal(422, {
      message: 'Һөнәрне күрсәтегез',
      rule: 'labour-need.profession.required',
      details: [{ field: 'name', rule: 'labour-need.profession.required', message: 'Һөнәрне күрсәтегез' }],
    });
    const r = showRefusal(form, e, i18n);
    expect(r).toEqual({ banner: null, stale: false });
    expect(fieldError(form.controls.name, i18n)).toBe('Һөнәрне күрсәтегез');
  });

  it("shows the server's Tatar text as the one banner when it names no field of the form", () => {
    const { i18n, form } = setUp('tt');
    const e = refusal(422, { message: 'Килешү инде өзелгән', rule: 'agreement.terminate.already-terminated' });
    expect(showRefusal(form, e, i18n).banner).toBe('Килешү инде өзелгән');
  });

  it("prefers the panel's own words for a rule it knows, in the interface's language", () => {
    const { i18n, form } = setUp('tt');
    const e = refusal(409, {
      message: 'Адрес инде кулланыла',
      rule: 'user.email.taken',
      details: [{ field: 'email', rule: 'user.email.taken', message: 'Адрес инде кулланыла' }],
    });
    showRefusal(form, e, i18n, USER_RULES);
    expect(fieldError(form.controls.email, i18n)).toBe(tt[USER_RULES['user.email.taken'] as MessageKey]);
  });

  it('says a stale record changed, in Tatar', () => {
    const { i18n, form } = setUp('tt');
    const r = showRefusal(form, refusal(409, { message: 'x', rule: 'version.stale', currentVersion: 4 }), i18n);
    expect(r).toEqual({ banner: tt.reg_stale, stale: true });
  });

  it("gives every rule code words in the Tatar interface: the panel's own Tatar or the server's text", () => {
    const { i18n, form } = setUp('tt');
    const ttWords = new Set(Object.values(tt).filter((m): m is string => typeof m === 'string'));
    const SERVER = '(серверның татарча тексты)';
    const unworded = RULE_CODES.filter((code: RuleCode) => {
      const e = refusal(STATUS[categoryOf(code)], { message: SERVER, rule: code });
      const { banner } = showRefusal(form, e, i18n);
      return !(banner === SERVER || (banner !== null && ttWords.has(banner)));
    });
    expect(unworded).toEqual([]);
  });

  it.each([
    ['users', USER_RULES],
    ['organisations', ORGANISATION_RULES],
  ] as const)("has Tatar words that differ from the Russian for every rule of the %s form's refusals", (_, words) => {
    const keys = Object.values(words as RuleWords) as MessageKey[];
    expect(keys.filter((k) => !tt[k] || tt[k] === ru[k])).toEqual([]);
  });
});

describe('numberError', () => {
  it.each([
    ['ru', 'Число не может быть больше 100 000.', 'Число не может быть меньше 1 000.'],
    ['tt', 'Иң зур рөхсәт ителгән сан: 100 000.', 'Иң кечкенә рөхсәт ителгән сан: 1 000.'],
    ['en', 'The number cannot be more than 100,000.', 'The number cannot be less than 1,000.'],
  ] as const)("words a field's bound in %s with the language's grouping of thousands", (lang, tooLarge, tooSmall) => {
    TestBed.configureTestingModule({ providers: providePageTesting('coordinator') });
    const i18n = TestBed.inject(I18nService);
    i18n.use(lang);
    const field = (errors: Record<string, unknown>) => {
      const c = new FormControl(0);
      c.setErrors(errors);
      return c;
    };
    const spaced = (s: string | null) => s?.replace(/[\u00a0\u202f]/g, ' ');
    expect(spaced(numberError(field({ max: { max: 100000, actual: 100001 } }), i18n))).toBe(tooLarge);
    expect(spaced(numberError(field({ min: { min: 1000, actual: 5 } }), i18n))).toBe(tooSmall);
  });
});
