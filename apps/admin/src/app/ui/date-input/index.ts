/**
 * The panel's date fields: Material's datepicker over ISO strings (`YYYY-MM-DD`), the text and the calendar in the
 * interface's language. A component imports `MatDatepickerModule` and writes
 * `<input matInput [matDatepicker]="p" formControlName="x" /><mat-datepicker-toggle matIconSuffix [for]="p" />
 * <mat-datepicker #p />`, with `<mat-error>` from `fieldError` / `dateError` (`ui/refusal/form-refusal`).
 */
export { LocalizedDatepickerIntl } from './datepicker-intl';
export { ISO_DATE_FORMATS, IsoDateAdapter, type IsoDateFormat } from './iso-date-adapter';
export { provideIsoDates } from './provide-iso-dates';
