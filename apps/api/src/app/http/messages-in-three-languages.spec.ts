import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ArgumentsHost } from '@nestjs/common';
import { z } from 'zod';

import { httpFailure } from './app-error';
import { ErrorFilter } from './error.filter';
import { zodDto, ZodValidationPipe } from './zod-validation.pipe';

const ROOT = join(__dirname, '../../../../..');

/** Every `.ts` file (specs left out) under a folder of the repository. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'node_modules' ? [] : sources(p);
    return p.endsWith('.ts') && !p.endsWith('.spec.ts') ? [p] : [];
  });
}

/** The object literal that opens at `start` (a `{`), brace-balanced, strings and templates skipped roughly. */
function objectAt(text: string, start: number): string {
  let depth = 0;
  let quote: string | null = null;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return text.slice(start, i + 1);
  }
  return text.slice(start);
}

/** The messages written in the server's source (`{ ru: …, en: … }`) that lack a Tatar text, as `file: ru text`. */
function messagesWithoutTatar(): string[] {
  const files = [...sources(join(ROOT, 'apps/api/src')), ...sources(join(ROOT, 'libs/domain/src'))];
  return files.flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    const missing: string[] = [];
    for (const m of text.matchAll(/\bru:\s*[`'"]/g)) {
      const open = text.lastIndexOf('{', m.index);
      const literal = objectAt(text, open);
      if (/\ben:/.test(literal) && !/\btt:/.test(literal))
        missing.push(`${relative(ROOT, file)}: ${literal.slice(0, 80).replace(/\s+/g, ' ')}`);
    }
    return missing;
  });
}

type Body = { message?: string; details?: { field?: string; rule?: string; message: string }[] };

/** What the error filter answers for an exception in a language (`Accept-Language`). */
function answer(exception: unknown, lang: string): Body {
  let body: Body = {};
  const res = { headersSent: false, setHeader: () => res, status: () => res, json: (b: Body) => (body = b) };
  const req = { query: {}, headers: { 'accept-language': lang } };
  const host = { switchToHttp: () => ({ getResponse: () => res, getRequest: () => req }) } as unknown as ArgumentsHost;
  new ErrorFilter().catch(exception, host);
  return body;
}

describe('server messages in Russian, English and Tatar', () => {
  it('every message written in the API and the domain carries a Tatar text', () => {
    expect(messagesWithoutTatar()).toEqual([]);
  });

  describe('field messages of the validation pipe', () => {
    class Body extends zodDto(
      z.strictObject({ name: z.string().min(1).max(5), email: z.email(), count: z.number().int().min(1) }),
    ) {}
    const refused = (value: unknown): unknown => {
      try {
        new ZodValidationPipe().transform(value, { type: 'body', metatype: Body });
      } catch (e) {
        return e;
      }
      throw new Error('the pipe accepted the value');
    };
    const messages = (lang: string, value: unknown) =>
      Object.fromEntries((answer(refused(value), lang).details ?? []).map((d) => [d.field, d.message]));

    it('says a missing field is required in the language of the request', () => {
      expect(messages('tt', { name: 'РДК', email: 'a@b.ru' })).toEqual({ count: 'Мәҗбүри кыр' });
      expect(messages('ru', { name: 'РДК', email: 'a@b.ru' })).toEqual({ count: 'Обязательное поле' });
    });

    it('words lengths, formats and bounds in Tatar with the singular after the numeral', () => {
      expect(messages('tt', { name: 'Районный', email: 'nope', count: 0 })).toEqual({
        name: 'Иң күбе 5 символ',
        email: 'Электрон почта адресы дөрес түгел',
        count: 'Кыйммәт кимендә 1',
      });
    });

    it("keeps zod's English for English and names the rule of each field", () => {
      const body = answer(refused({ name: '', email: 'a@b.ru', count: 1 }), 'en');
      expect(body.details).toEqual([{ field: 'name', rule: 'field.too_small', message: expect.any(String) }]);
      expect(body.details?.[0]?.message).toMatch(/>=1 characters/);
      expect(body.message).toMatch(/^Invalid input: name: /);
    });

    it('names an unknown field in the language', () => {
      expect(messages('tt', { name: 'РДК', email: 'a@b.ru', count: 1, extra: 1 })).toEqual({
        extra: 'Билгесез кырлар: extra',
      });
    });
  });

  it('answers a refusal made before a service runs (a session, a size) in the language', () => {
    const e = httpFailure('auth.invalid-credentials', { en: 'Wrong', ru: 'Неверно', tt: 'Дөрес түгел' });
    expect(answer(e, 'tt').message).toBe('Дөрес түгел');
    expect(answer(e, 'en').message).toBe('Wrong');
  });
});
