import { DomainError, Message, NotFoundSubject, refusal, Result, RuleCode } from '@socium/domain';

import { HttpException } from '@nestjs/common';

import { statusOfCode } from './http-status';

/** Carries an expected failure from a service to the error filter, which maps its code to a status. */
export class AppError extends Error {
  constructor(
    readonly error: DomainError,
    readonly extra: { currentVersion?: number; retryAfterSeconds?: number } = {},
  ) {
    super(error.message.en);
  }
}

/** Unwraps a domain Result or throws its error for the edge to map. */
export function orThrow<T>(result: Result<T, DomainError>): T {
  if (!result.ok) throw new AppError(result.error);
  return result.value;
}

/** A refusal only the API can make (a reference, ownership, uniqueness), answered with the code's status. */
export const fail = (code: RuleCode, message: Message, field?: string): AppError =>
  new AppError(refusal(code, message, field));

/**
 * An answer made before a service runs (sessions, sizes, health), in the three languages: the error filter answers in
 * the request's one; the status still follows the code.
 */
export const httpFailure = (code: RuleCode, message: Message): HttpException =>
  new HttpException({ message, rule: code }, statusOfCode(code));

/** The session was ended (log-out, password change): the same words for the guard and the refresh. */
export const SESSION_REVOKED: Message = {
  en: 'Session revoked',
  ru: 'Сеанс завершён: войдите снова',
  tt: 'Сеанс тәмамланган: яңадан керегез',
};

export const notFound = (what: NotFoundSubject): AppError =>
  fail(`${what}.not-found`, { ru: 'Не найдено', en: `${what} not found`, tt: 'Табылмады' });

export const forbidden = (code: RuleCode = 'access.forbidden'): AppError =>
  fail(code, { ru: 'Недостаточно прав', en: 'Not allowed', tt: 'Хокук җитәрлек түгел' });

export const staleVersion = (current: number): AppError =>
  new AppError(
    refusal('version.stale', {
      ru: 'Запись изменена другим пользователем: обновите и повторите',
      en: 'The record was changed by someone else: reload and retry',
      tt: 'Язманы башка кулланучы үзгәрткән',
    }),
    { currentVersion: current },
  );

/** A 400 about one field, in the three languages (a missing Tatar text is a compile error). */
export const invalid = (code: RuleCode, field: string, en: string, ru: string, tt: string): AppError =>
  fail(code, { ru, en, tt }, field);

/** A 409 clash, in the three languages, about a field when it names one. */
export const conflict = (code: RuleCode, en: string, ru: string, tt: string, field?: string): AppError =>
  fail(code, { ru, en, tt }, field);
