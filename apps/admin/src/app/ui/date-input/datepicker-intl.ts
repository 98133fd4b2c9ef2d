import { effect, inject, Injectable } from '@angular/core';
import { MatDatepickerIntl } from '@angular/material/datepicker';

import { I18nService } from '../../core/i18n.service';

/** The calendar pop-up's button names and labels in the interface's language. */
@Injectable()
export class LocalizedDatepickerIntl extends MatDatepickerIntl {
  private readonly i18n = inject(I18nService);

  constructor() {
    super();
    effect(() => {
      const t = (key: Parameters<I18nService['t']>[0]): string => this.i18n.t(key);
      this.i18n.lang();
      this.calendarLabel = t('date_calendar');
      this.openCalendarLabel = t('date_open_calendar');
      this.closeCalendarLabel = t('date_close_calendar');
      this.prevMonthLabel = t('pcal_previous');
      this.nextMonthLabel = t('pcal_next');
      this.prevYearLabel = t('date_previous_year');
      this.nextYearLabel = t('date_next_year');
      this.prevMultiYearLabel = t('date_previous_years');
      this.nextMultiYearLabel = t('date_next_years');
      this.switchToMonthViewLabel = t('date_choose_date');
      this.switchToMultiYearViewLabel = t('date_choose_month_year');
      this.changes.next();
    });
  }

  override formatYearRange(start: string, end: string): string {
    return `${start} – ${end}`;
  }
}
