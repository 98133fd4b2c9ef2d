import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { DateAdapter } from '@angular/material/core';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';

import { TODAY } from '../../core/clock';
import { I18nService, LANG_STORAGE, type Lang } from '../../core/i18n.service';
import { fieldError } from '../refusal/form-refusal';
import { IsoDateAdapter } from './iso-date-adapter';
import { provideIsoDates } from './provide-iso-dates';

const setUp = (lang: Lang = 'ru') => {
  TestBed.configureTestingModule({
    providers: [
      { provide: LANG_STORAGE, useValue: null },
      { provide: TODAY, useValue: () => new Date(2027, 9, 14, 23, 30) },
      provideIsoDates(),
    ],
  });
  const i18n = TestBed.inject(I18nService);
  i18n.use(lang);
  const adapter = TestBed.inject(DateAdapter) as IsoDateAdapter;
  TestBed.tick();
  return { i18n, adapter };
};

describe(IsoDateAdapter.name, () => {
  it.each<[Lang, string]>([
    ['ru', '14.10.2027'],
    ['tt', '14.10.2027'],
    ['en', '14/10/2027'],
  ])('writes a date in %s as %s, whatever the browser locale', (lang, text) => {
    const { adapter } = setUp(lang);
    expect(adapter.format('2027-10-14', 'input')).toBe(text);
  });

  it.each<[string, Lang]>([
    ['14.10.2027', 'ru'],
    ['14/10/2027', 'ru'],
    [' 14.10.2027 ', 'tt'],
    ['14.10.2027', 'en'],
    ['14/10/2027', 'en'],
    ['2027-10-14', 'ru'],
    ['2027-10-14', 'en'],
  ])('reads %s as the ISO date 2027-10-14 in %s', (text, lang) => {
    const { adapter } = setUp(lang);
    expect(adapter.parse(text, 'input')).toBe('2027-10-14');
  });

  it('reads one-digit days and months as people type them', () => {
    const { adapter } = setUp();
    expect(adapter.parse('1.9.2027', 'input')).toBe('2027-09-01');
  });

  it('reads an English date day first, never as the American month first', () => {
    const { adapter } = setUp('en');
    expect(adapter.parse('02/03/2027', 'input')).toBe('2027-03-02');
    expect(adapter.isValid(adapter.parse('10/14/2027', 'input') ?? '')).toBe(false);
  });

  it.each(['31.02.2027', '14.10.27', '14.10', 'завтра', '2027-13-01', '14.10.0202', '1.1.12345'])(
    'refuses %s rather than guessing a date',
    (text) => {
      const { adapter } = setUp();
      const parsed = adapter.parse(text, 'input');
      expect(parsed).not.toBeNull();
      expect(adapter.isValid(parsed ?? '')).toBe(false);
    },
  );

  it('reads an empty field as no date', () => {
    const { adapter } = setUp();
    expect(adapter.parse('', 'input')).toBeNull();
    expect(adapter.parse('   ', 'input')).toBeNull();
    expect(adapter.deserialize('')).toBeNull();
    expect(adapter.deserialize(null)).toBeNull();
  });

  it('keeps ISO strings as its dates, so forms and the API see the same value', () => {
    const { adapter } = setUp();
    expect(adapter.deserialize('2027-10-14')).toBe('2027-10-14');
    expect(adapter.createDate(2027, 9, 14)).toBe('2027-10-14');
    expect(adapter.toIso8601('2027-10-14')).toBe('2027-10-14');
    expect(adapter.addCalendarMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(adapter.addCalendarDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(adapter.addCalendarYears('2028-02-29', 1)).toBe('2029-02-28');
  });

  it('takes today from the panel clock, in the user’s time zone', () => {
    const { adapter } = setUp();
    expect(adapter.today()).toBe('2027-10-14');
  });

  it('starts the week on Monday and counts weekdays from Sunday as the datepicker does', () => {
    const { adapter } = setUp();
    expect(adapter.getFirstDayOfWeek()).toBe(1);
    expect(adapter.getDayOfWeek('2027-10-14')).toBe(4);
    expect(adapter.getDayOfWeek('2027-10-17')).toBe(0);
    expect(adapter.getNumDaysInMonth('2028-02-10')).toBe(29);
  });

  it.each<[Lang, string, string, string, string]>([
    ['ru', 'Октябрь 2027', 'окт.', 'Вс', '14 октября 2027 г.'],
    ['tt', '2027 ел, октябрь', 'окт.', 'якш.', '2027 елның 14 октябре'],
    ['en', 'October 2027', 'Oct', 'Sun', '14 October 2027'],
  ])('names months and weekdays in %s: %s', (lang, monthYear, shortMonth, sunday, long) => {
    const { adapter } = setUp(lang);
    expect(adapter.format('2027-10-14', 'monthYear')).toBe(monthYear);
    expect(adapter.getMonthNames('short')[9]).toBe(shortMonth);
    expect(adapter.getDayOfWeekNames('narrow')[0]).toBe(sunday);
    expect(adapter.format('2027-10-14', 'a11y')).toBe(long);
  });

  it('calls January «гыйнвар» in Tatar', () => {
    const { adapter } = setUp('tt');
    expect(adapter.getMonthNames('long')[0]).toBe('гыйнвар');
  });

  it('tells the fields to re-render when the language changes', () => {
    const { adapter, i18n } = setUp('ru');
    const changes = jest.fn();
    const sub = adapter.localeChanges.subscribe(changes);
    i18n.use('en');
    TestBed.tick();
    expect(changes).toHaveBeenCalledTimes(1);
    expect(adapter.format('2027-10-14', 'input')).toBe('14/10/2027');
    sub.unsubscribe();
  });
});

@Component({
  selector: 'admin-date-host',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatDatepickerModule, MatFormFieldModule, MatInputModule],
  providers: [provideIsoDates()],
  template: `
    <mat-form-field>
      <mat-label>Дата</mat-label>
      <input matInput [matDatepicker]="p" [formControl]="control" [min]="min()" [max]="max()" data-testid="date" />
      <mat-datepicker-toggle matIconSuffix [for]="p" />
      <mat-datepicker #p />
    </mat-form-field>
  `,
})
class DateHost {
  readonly control = new FormControl<string | null>('2027-10-14');
  readonly min = signal('2027-09-01');
  readonly max = signal('2028-08-31');
}

describe('a date field of the panel', () => {
  const render = async (lang: Lang = 'ru') => {
    TestBed.configureTestingModule({
      providers: [
        { provide: LANG_STORAGE, useValue: null },
        { provide: TODAY, useValue: () => new Date(2027, 9, 14) },
      ],
    });
    const i18n = TestBed.inject(I18nService);
    i18n.use(lang);
    const fixture = TestBed.createComponent(DateHost);
    await fixture.whenStable();
    const input = fixture.nativeElement.querySelector('[data-testid="date"]') as HTMLInputElement;
    const type = async (text: string) => {
      input.value = text;
      input.dispatchEvent(new Event('input'));
      input.dispatchEvent(new Event('blur'));
      await fixture.whenStable();
    };
    return { fixture, i18n, input, type, host: fixture.componentInstance };
  };

  it('shows the ISO value in the interface’s language and re-renders it on a language switch', async () => {
    const { fixture, i18n, input } = await render('ru');
    expect(input.value).toBe('14.10.2027');
    i18n.use('en');
    TestBed.tick();
    await fixture.whenStable();
    expect(input.value).toBe('14/10/2027');
  });

  it('gives the form the ISO date of what the user typed', async () => {
    const { host, type, input } = await render('ru');
    await type('01.03.2028');
    expect(host.control.value).toBe('2028-03-01');
    expect(host.control.valid).toBe(true);
    await type('2027-12-25');
    expect(host.control.value).toBe('2027-12-25');
    expect(input.value).toBe('25.12.2027');
  });

  it('makes the control invalid with a sentence in the language for text that is no date', async () => {
    const { host, type, i18n } = await render('tt');
    await type('31.02.2028');
    expect(host.control.value).toBeNull();
    expect(host.control.hasError('matDatepickerParse')).toBe(true);
    expect(fieldError(host.control, i18n)).toBe('Дата танылмады. Аны болай языгыз: 31.12.2027.');
  });

  it('refuses a date outside the field’s min and max, naming the bound in the language', async () => {
    const { host, type, i18n } = await render('en');
    await type('31/08/2027');
    expect(host.control.hasError('matDatepickerMin')).toBe(true);
    expect(fieldError(host.control, i18n)).toBe('The date cannot be before 01/09/2027.');
    await type('01/09/2028');
    expect(fieldError(host.control, i18n)).toBe('The date cannot be after 31/08/2028.');
    i18n.use('ru');
    expect(fieldError(host.control, i18n)).toBe('Дата не может быть позже 31.08.2028.');
  });

  it('opens a calendar with the month and weekdays in the language, Monday first', async () => {
    const { fixture } = await render('tt');
    (fixture.nativeElement.querySelector('mat-datepicker-toggle button') as HTMLButtonElement).click();
    await fixture.whenStable();
    const calendar = document.querySelector('mat-calendar') as HTMLElement;
    // the datepicker writes the month heading in capitals
    expect(calendar.querySelector('.mat-calendar-period-button')?.textContent).toContain('2027 ЕЛ, ОКТЯБРЬ');
    const weekdays = [...calendar.querySelectorAll('.mat-calendar-table-header th span[aria-hidden="true"]')].map(
      (th) => th.textContent?.trim(),
    );
    expect(weekdays[0]).toBe('дүш.');
    expect(
      (fixture.nativeElement.querySelector('mat-datepicker-toggle button') as HTMLElement).getAttribute('aria-label'),
    ).toBe('Календарьны ачу');
  });
});
