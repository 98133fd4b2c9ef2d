import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * A time of day as the API writes it, `HH:MM` on the 24-hour clock (`09:30`, `14:05`). The panel's time fields are
 * text fields with this check rather than `<input type="time">`, whose 12-hour `09:30 AM` follows the browser's
 * locale and not the interface's language. Empty passes (required is its own check); anything else is `{ time }`.
 */
export const timeOfDay: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const v = control.value as unknown;
  if (v == null || v === '') return null;
  return typeof v === 'string' && HH_MM.test(v.trim()) ? null : { time: true };
};
