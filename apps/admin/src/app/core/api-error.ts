import type { AbstractControl } from '@angular/forms';

import { apiFailure } from '../data-access/http';
import type { I18nService } from './i18n.service';

export interface ShownError {
  /** a sentence for the top of the form or a snack bar */
  message: string;
  /** messages by field path (`number`, `obligations.0.text`) */
  fields: Record<string, string>;
}

/** Turns an API error (`{statusCode, message, rule?, details?}`) into words for the user, field by field. */
export function describeError(e: unknown, i18n: I18nService): ShownError {
  const failure = apiFailure(e);
  if (!failure) return { message: i18n.t('err_generic'), fields: {} };
  const { status, body } = failure;
  const fields: Record<string, string> = {};
  for (const d of body.details ?? []) {
    if (!d.field || d.field === '(body)') continue;
    fields[d.field] ??= fieldMessage(d.rule, d.message, i18n);
  }
  switch (status) {
    case 400:
    case 422: {
      const hasFields = Object.keys(fields).length > 0;
      const message =
        status === 422 && body.message
          ? body.message
          : hasFields
            ? i18n.t('err_invalid_form')
            : (body.message ?? i18n.t('err_generic'));
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

/**
 * Puts the server's field messages on the form's controls (`obligations.0.text`) and returns the sentence for the
 * top of the form: the general message followed by the field messages that have no control.
 */
export function showOnForm(form: AbstractControl, e: unknown, i18n: I18nService): string {
  const shown = describeError(e, i18n);
  const unplaced: string[] = [];
  for (const [field, message] of Object.entries(shown.fields)) {
    const control = form.get(field);
    if (control) {
      control.setErrors({ ...(control.errors ?? {}), server: message });
      control.markAsTouched();
    } else unplaced.push(message);
  }
  return [shown.message, ...unplaced].join(' ');
}
