import type { ErrorResponse } from '@socium/contracts';
import { LANGUAGES, type Language, type Message, type RuleCode } from '@socium/domain';

import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';

import { describeError } from '../common/database-errors';
import { AppError } from './app-error';
import { reasonOf, statusOfCode } from './http-status';

/** The code of an HTTP exception raised by the framework itself (unknown route, body parser, throttler). */
const DEFAULT_RULES: Partial<Record<number, RuleCode>> = {
  400: 'request.malformed-json',
  401: 'auth.required',
  403: 'access.forbidden',
  404: 'route.not-found',
  405: 'route.method-not-allowed',
  413: 'request.too-large',
  415: 'request.unsupported-media-type',
  429: 'request.throttled',
};

const TOO_LARGE: Message = {
  en: 'Request body too large',
  ru: 'Тело запроса слишком большое',
  tt: 'Сорау эчтәлеге артык зур',
};
const UNSUPPORTED_MEDIA: Message = {
  en: 'Unsupported content type',
  ru: 'Этот тип содержимого не поддерживается',
  tt: 'Эчтәлекнең бу төре кабул ителми',
};
const MALFORMED_JSON: Message = {
  en: 'Malformed JSON body',
  ru: 'Тело запроса не является корректным JSON',
  tt: 'Сорау эчтәлеге дөрес JSON түгел',
};

/** A body the parser refused: its status decides the rule and the words. */
const BODY_REFUSALS: Record<number, [RuleCode, Message]> = {
  400: ['request.malformed-json', MALFORMED_JSON],
  413: ['request.too-large', TOO_LARGE],
  415: ['request.unsupported-media-type', UNSUPPORTED_MEDIA],
};

/** The one place where failures become HTTP answers: `{statusCode, error, message, rule?, details?}`. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request>();
    const lang = pickLang(req);
    let body: ErrorResponse;
    if (exception instanceof AppError) {
      const e = exception.error;
      const status = statusOfCode(e.code);
      body = {
        statusCode: status,
        error: reasonOf(status),
        message: msg(e.message, lang),
        rule: e.code,
        ...(e.details?.length
          ? {
              details: e.details.map((f) => ({
                rule: f.rule,
                message: msg(f.message, lang),
                ...(f.field ? { field: f.field } : {}),
              })),
            }
          : e.field
            ? { details: [{ field: e.field, rule: e.code, message: msg(e.message, lang) }] }
            : {}),
        ...(exception.extra.currentVersion !== undefined ? { currentVersion: exception.extra.currentVersion } : {}),
      };
      if (exception.extra.retryAfterSeconds !== undefined)
        res.setHeader('Retry-After', String(exception.extra.retryAfterSeconds));
    } else if (isBodyParserError(exception) && !(exception instanceof HttpException)) {
      const status = exception.status;
      const [rule, text] = BODY_REFUSALS[status] ?? BODY_REFUSALS[400];
      body = { statusCode: status, error: reasonOf(status), message: msg(text, lang), rule };
    } else if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const r = exception.getResponse();
      const raw = localized(
        typeof r === 'string' ? r : ((r as { message?: unknown }).message ?? exception.message),
        lang,
      );
      const details =
        typeof r === 'object' && r && 'details' in r
          ? (r as { details: { field?: string; rule?: string; message: unknown }[] }).details.map((d) => ({
              ...d,
              message: String(localized(d.message, lang)),
            }))
          : undefined;
      const rule =
        typeof r === 'object' && r && 'rule' in r ? String((r as { rule: string }).rule) : DEFAULT_RULES[status];
      body = {
        statusCode: status,
        error: reasonOf(status),
        message: Array.isArray(raw) ? raw.join('; ') : String(raw),
        ...(rule ? { rule } : {}),
        ...(details ? { details } : {}),
      };
    } else {
      this.logger.error(describeError(exception)); // never a driver error's SQL parameters
      body = { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, error: reasonOf(500), message: 'Internal error' };
    }
    if (!res.headersSent) res.status(body.statusCode).json(body);
  }
}

function isBodyParserError(e: unknown): e is { status: number; type: string } {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as { status?: unknown }).status === 'number' &&
    typeof (e as { type?: unknown }).type === 'string'
  );
}

/** `?lang=` when it names a language, else the first language `Accept-Language` starts with, else Russian. */
function pickLang(req: Request): Language {
  const q = req.query?.['lang'];
  const named = LANGUAGES.find((l) => l === q);
  if (named) return named;
  const h = String(req.headers['accept-language'] ?? '').toLowerCase();
  return LANGUAGES.find((l) => h.startsWith(l)) ?? 'ru';
}

function msg(m: Message, lang: Language): string {
  return m[lang];
}

/** A framework exception's message: a `Message` (the validation pipe's) in the language, anything else as it is. */
function localized(m: unknown, lang: Language): unknown {
  return typeof m === 'object' && m !== null && !Array.isArray(m) && 'ru' in m && 'en' in m && 'tt' in m
    ? msg(m as Message, lang)
    : m;
}
