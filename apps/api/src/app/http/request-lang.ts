import { Language, LANGUAGES, type Message } from '@socium/domain';

import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/**
 * The language of an answer's stored messages (placement findings): `?lang=` when it names a language, else the first
 * language `Accept-Language` starts with, else Russian, as the error filter picks it for refusals.
 */
export function requestLang(req: Pick<Request, 'query' | 'headers'>): Language {
  const q = req.query?.['lang'];
  const named = LANGUAGES.find((l) => l === q);
  if (named) return named;
  const h = String(req.headers['accept-language'] ?? '').toLowerCase();
  return LANGUAGES.find((l) => h.startsWith(l)) ?? 'ru';
}

/** The request's language as a controller parameter. */
export const Lang = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Language => requestLang(ctx.switchToHttp().getRequest<Request>()),
);

/** A message in the language (every message carries all three). */
export const inLang = (m: Message, lang: Language): string => m[lang];
