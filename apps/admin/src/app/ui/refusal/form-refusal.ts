import type { AbstractControl } from '@angular/forms';

import { describeError } from '../../core/api-error';
import type { I18nService } from '../../core/i18n.service';
import type { MessageKey } from '../../core/messages';
import { apiFailure } from '../../data-access/http';
import { formatLocalNumber } from '../number-input/number-input';

/** What a form shows after the API refused a change: one banner (or none) and whether the record went stale. */
export interface Refusal {
  /** the sentence above the form; null when every message sits next to its field */
  readonly banner: string | null;
  /** `409 version.stale`: someone else changed the record; offer to reload it */
  readonly stale: boolean;
}

/** The panel's words for the API's rule codes of a form (`user.email.taken` → a message key). */
export type RuleWords = Readonly<Partial<Record<string, MessageKey>>>;

/**
 * Shows an API refusal once: next to its field when `details[].field` names a control of `form`, else as one banner;
 * translated by its `rule` when `words` has it, else the server's text (already in the interface's language when the
 * server has it). A stale version says the record changed and asks for a reload.
 */
export function showRefusal(form: AbstractControl, e: unknown, i18n: I18nService, words: RuleWords = {}): Refusal {
  const failure = apiFailure(e);
  if (!failure) return { banner: i18n.t('err_generic'), stale: false };
  const { status, body } = failure;
  if (status === 409 && body.rule === 'version.stale') return { banner: i18n.t('reg_stale'), stale: true };
  const generic = describeError(e, i18n);
  const say = (rule: string | undefined, message: string | undefined, field?: string): string => {
    const key = rule ? words[rule] : undefined;
    if (key) return i18n.t(key);
    if (field && rule?.startsWith('field.') && generic.fields[field]) return generic.fields[field];
    return message || generic.message;
  };
  const unplaced: string[] = [];
  let placed = false;
  for (const d of body.details ?? []) {
    const control = d.field ? form.get(d.field) : null;
    const text = say(d.rule ?? body.rule, d.message, d.field);
    if (control) {
      control.setErrors({ ...(control.errors ?? {}), server: text });
      control.markAsTouched();
      placed = true;
    } else if (!unplaced.includes(text)) unplaced.push(text);
  }
  if (unplaced.length > 0) return { banner: unplaced.join(' '), stale: false };
  if (placed) return { banner: null, stale: false };
  if (status === 400 || status === 409 || status === 422) return { banner: say(body.rule, body.message), stale: false };
  return { banner: generic.message, stale: false };
}

/** The server's message on a control (set by `showRefusal`), for its `<mat-error>`. */
export const serverError = (control: AbstractControl): string | null =>
  (control.errors?.['server'] as string | undefined) ?? null;

/** The message under a date field whose text is no date (unreadable or impossible, such as 31.02), with an example in the interface's language. */
export const unreadableDate = (i18n: I18nService): string =>
  i18n.t('date_invalid', { example: i18n.date('2027-12-31') });

/**
 * A date or time field's own complaint (the datepicker's validators, `timeOfDay`): text that is no date or time, or a
 * date outside the field's `min`/`max`; null when the value is fine. The example and the bounds are written in the interface's language.
 */
export function dateError(control: AbstractControl, i18n: I18nService): string | null {
  const e = control.errors;
  if (!e) return null;
  if (e['matDatepickerParse']) return unreadableDate(i18n);
  if (e['matDatepickerMin'])
    return i18n.t('date_too_early', { date: i18n.date((e['matDatepickerMin'] as { min: string }).min) });
  if (e['time']) return i18n.t('time_invalid', { example: '09:30' });
  if (e['matDatepickerMax'])
    return i18n.t('date_too_late', { date: i18n.date((e['matDatepickerMax'] as { max: string }).max) });
  return null;
}

/**
 * A number field's own complaint (`NumberInput`): text that is no number (or a fraction in a count), or a value
 * outside the field's `min`/`max`, the bound written in the interface's language; null when the value is fine.
 */
export function numberError(control: AbstractControl, i18n: I18nService): string | null {
  const e = control.errors;
  if (!e) return null;
  if (e['number'])
    return (e['number'] as { integer: boolean }).integer
      ? i18n.t('integer_invalid', { example: '12' })
      : i18n.t('number_invalid', { example: formatLocalNumber(1.5, i18n.lang()) });
  if (e['min']) return i18n.t('number_too_small', { min: (e['min'] as { min: number }).min });
  if (e['max']) return i18n.t('number_too_large', { max: (e['max'] as { max: number }).max });
  return null;
}

/** The first message of a control in the user's words: the server's, a date field's, then required, e-mail, length, format. */
export function fieldError(control: AbstractControl, i18n: I18nService): string | null {
  const e = control.errors;
  if (!e) return null;
  if (e['server']) return e['server'] as string;
  const date = dateError(control, i18n);
  if (date) return date;
  const number = numberError(control, i18n);
  if (number) return number;
  if (e['required']) return i18n.t('reg_required');
  if (e['email']) return i18n.t('reg_email_invalid');
  if (e['minlength'])
    return i18n.t('reg_too_short', { count: (e['minlength'] as { requiredLength: number }).requiredLength });
  if (e['maxlength'])
    return i18n.t('reg_too_long', { count: (e['maxlength'] as { requiredLength: number }).requiredLength });
  if (e['pattern']) return i18n.t('reg_format_invalid');
  if (e['mismatch']) return i18n.t('pwd_mismatch');
  return i18n.t('reg_format_invalid');
}
