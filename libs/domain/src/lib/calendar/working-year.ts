import { domainError, DomainError, err, LocalDate, ok, PERIOD_RULES, Result } from '../common';
import { DatedHoliday, TATARSTAN_MOVABLE_HOLIDAYS, WorkingCalendar } from './working-calendar';

/**
 * One calendar year of the working-day calendar as stored (domain rules A6): the Ураза- and Курбан-байрам days off
 * (decree of the head of the Republic), and the decree transfers (Правительство РФ): days off moved to a working day
 * (`extraDaysOff`) and the working days they came from, or a weekend holiday's automatic move cancelled by the decree
 * (`extraWorkingDays`). The fixed holidays of ТК ст. 112 and the Tatarstan law are built in (`FIXED_HOLIDAYS`).
 */
export interface WorkingYearData {
  readonly year: number;
  readonly movableHolidays: readonly DatedHoliday[];
  readonly extraDaysOff: readonly DatedHoliday[];
  readonly extraWorkingDays: readonly string[];
}

/**
 * The codes of movable holidays and days off a year may carry: `decree_transfer` a day off moved by the Government's
 * decree, `presidential_decree` a non-working day with pay declared by a decree of the President (2020, 2021).
 */
export const WORKING_DAY_CODES = ['uraza_bayram', 'kurban_bayram', 'decree_transfer', 'presidential_decree'] as const;
export type WorkingDayCode = (typeof WORKING_DAY_CODES)[number];

/**
 * The codes of days off that are not holidays for the Labour Code: the President's non-working days with pay are
 * neither days off (выходные) nor non-working holidays (нерабочие праздничные дни) — paid in the normal amount, and
 * not the days ст. 268 closes to minors (domain rules A6). They still count as days off for "N working days" deadlines.
 */
export const NOT_LABOUR_HOLIDAY_CODES: readonly string[] = ['presidential_decree'];

/** Whether a day off of that code (`WorkingCalendar.holidayName`) is a holiday or day off for the Labour Code. */
export function isLabourHoliday(code: string | undefined): boolean {
  return code !== undefined && !NOT_LABOUR_HOLIDAY_CODES.includes(code);
}

/** Checks that every date of a year's data lies in that year (`period.invalid` with the field). */
export function validateWorkingYear(data: WorkingYearData): Result<WorkingYearData, DomainError> {
  const dates: [string, string][] = [
    ...data.movableHolidays.map((h, i): [string, string] => [h.date, `movableHolidays[${i}].date`]),
    ...data.extraDaysOff.map((h, i): [string, string] => [h.date, `extraDaysOff[${i}].date`]),
    ...data.extraWorkingDays.map((d, i): [string, string] => [d, `extraWorkingDays[${i}]`]),
  ];
  for (const [text, field] of dates) {
    const date = LocalDate.parse(text, field);
    if (!date.ok) return date;
    if (date.value.year !== data.year)
      return err(
        domainError(
          PERIOD_RULES.periodInvalid,
          'invalid',
          {
            ru: `Дата ${text} не относится к ${data.year} году`,
            en: `The date ${text} is not in ${data.year}`,
            tt: `${text} датасы ${data.year} елга карамый`,
          },
          { field },
        ),
      );
  }
  return ok(data);
}

/**
 * The working calendar from the stored years; a year without a stored row falls back to the built-in rules: the fixed
 * holidays, the known Ураза- and Курбан-байрам of 2019–2026 (`TATARSTAN_MOVABLE_HOLIDAYS`) and no decree transfers.
 */
export function workingCalendarOf(stored: readonly WorkingYearData[]): WorkingCalendar {
  const years = new Set(stored.map((y) => y.year));
  const fallback = TATARSTAN_MOVABLE_HOLIDAYS.filter((h) => !years.has(Number(h.date.slice(0, 4))));
  const r = WorkingCalendar.create({
    movableHolidays: [...fallback, ...stored.flatMap((y) => y.movableHolidays)],
    extraDaysOff: stored.flatMap((y) => y.extraDaysOff),
    extraWorkingDays: stored.flatMap((y) => y.extraWorkingDays),
  });
  // stored rows were validated when saved; a broken row must not take the calendar down
  return r.ok ? r.value : WorkingCalendar.tatarstan();
}

/** Every non-working day of a year that is not a plain weekend: holidays, moved holidays, decree days off. */
export function nonWorkingDaysOf(calendar: WorkingCalendar, year: number): DatedHoliday[] {
  const out: DatedHoliday[] = [];
  for (let d = LocalDate.of(year, 1, 1); d.year === year; d = d.addDays(1)) {
    const name = calendar.holidayName(d);
    if (name !== undefined && calendar.isNonWorking(d)) out.push({ date: d.toString(), name });
  }
  return out;
}

/** The seeded years built in: the movable holidays of a year from `TATARSTAN_MOVABLE_HOLIDAYS`. */
export function builtInWorkingYear(year: number): WorkingYearData {
  return {
    year,
    movableHolidays: TATARSTAN_MOVABLE_HOLIDAYS.filter((h) => h.date.startsWith(`${year}-`)),
    extraDaysOff: [],
    extraWorkingDays: [],
  };
}
