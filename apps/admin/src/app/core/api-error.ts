import { HttpErrorResponse } from '@angular/common/http';

import type { ErrorResponse } from '@socium/contracts';

import type { I18nService } from './i18n.service';

export interface ShownError {
  /** a sentence for the top of the form or a snack bar */
  message: string;
  /** messages by field path (`number`, `obligations.0.text`) */
  fields: Record<string, string>;
}

/** Turns an API error (`{statusCode, message, rule?, details?}`) into words for the user, field by field. */
export function describeError(e: unknown, i18n: I18nService): ShownError {
  if (!(e instanceof HttpErrorResponse)) return { message: i18n.t('err_generic'), fields: {} };
  const body = (typeof e.error === 'object' && e.error ? e.error : {}) as Partial<ErrorResponse>;
  const fields: Record<string, string> = {};
  for (const d of body.details ?? []) {
    if (!d.field || d.field === '(body)') continue;
    fields[d.field] ??= fieldMessage(d.rule, d.message, i18n);
  }
  switch (e.status) {
    case 400:
    case 422: {
      const hasFields = Object.keys(fields).length > 0;
      const message = e.status === 422 && body.message ? body.message : hasFields ? i18n.t('err_invalid_form') : (body.message ?? i18n.t('err_generic'));
      return { message, fields };
    }
    case 403:
      return { message: i18n.t('err_forbidden'), fields };
    case 404:
      return { message: i18n.t('err_not_found'), fields };
    case 409:
      return { message: i18n.t('err_conflict'), fields };
    default:
      return { message: i18n.t('err_generic'), fields };
  }
}

function fieldMessage(rule: string | undefined, message: string, i18n: I18nService): string {
  if (rule === 'field.too_small' || /expected string to have >=1/.test(message)) return i18n.t('err_field_empty');
  if (/calendar date|YYYY-MM-DD/.test(message)) return i18n.t('err_field_date');
  return i18n.t('err_field_invalid', { detail: message });
}
