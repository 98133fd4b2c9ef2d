import type { Provider } from '@angular/core';
import { DateAdapter, MAT_DATE_FORMATS } from '@angular/material/core';
import { MatDatepickerIntl } from '@angular/material/datepicker';

import { LocalizedDatepickerIntl } from './datepicker-intl';
import { ISO_DATE_FORMATS, IsoDateAdapter } from './iso-date-adapter';

/**
 * The panel's date fields: Material's datepicker over ISO strings (`YYYY-MM-DD`) in the interface's language.
 * Provided by each component with a date field (and each dialog with one), so that the datepicker stays out of the
 * first load.
 */
export function provideIsoDates(): Provider[] {
  return [
    { provide: DateAdapter, useClass: IsoDateAdapter },
    { provide: MAT_DATE_FORMATS, useValue: ISO_DATE_FORMATS },
    { provide: MatDatepickerIntl, useClass: LocalizedDatepickerIntl },
  ];
}
