import { DomainError, Result, domainError } from '@socium/domain';

/** Carries an expected failure from a service to the error filter, which maps its category. */
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

export const notFound = (what: string): AppError =>
  new AppError(domainError(`${what}.not-found`, 'not_found', { ru: 'Не найдено', en: `${what} not found`, tt: 'Табылмады' }));

export const forbidden = (code = 'access.forbidden'): AppError =>
  new AppError(domainError(code, 'forbidden', { ru: 'Недостаточно прав', en: 'Not allowed', tt: 'Хокук җитәрлек түгел' }));

export const staleVersion = (current: number): AppError =>
  new AppError(
    domainError('version.stale', 'conflict', {
      ru: 'Запись изменена другим пользователем: обновите и повторите',
      en: 'The record was changed by someone else: reload and retry',
      tt: 'Язманы башка кулланучы үзгәрткән',
    }),
    { currentVersion: current },
  );

export const invalid = (code: string, field: string, en: string, ru: string): AppError =>
  new AppError(domainError(code, 'invalid', { ru, en }, { field, details: [{ rule: code, field, message: { ru, en } }] }));

export const conflict = (code: string, en: string, ru: string, field?: string): AppError =>
  new AppError(domainError(code, 'conflict', { ru, en }, field ? { field } : {}));
