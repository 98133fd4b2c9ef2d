import { LocalDate } from '../common';
import type { TermSchemeKind } from './term-scheme';
import { builtInWorkingYear, WorkingYearData } from './working-year';

/** A district calendar as seeded: ISO dates of the terms' first and last days and grade 1's extra week. */
export interface SeededSchoolYear {
  readonly academicYear: string;
  readonly kind: TermSchemeKind;
  readonly terms: readonly { readonly first: string; readonly last: string }[];
  readonly grade1Holiday: { readonly first: string; readonly last: string } | null;
}

/**
 * The published Tatarstan holiday dates (domain rules A5) as district calendars: each term runs from the day after a
 * holiday to the day before the next; the first day of instruction is 1 September or the next working day (A1: 1 Sep
 * 2024 was a Sunday), the last day is the day before "summer from".
 * - 2021/22: autumn 1–7 Nov, winter 29 Dec–11 Jan, spring 28 Mar–5 Apr, grade 1 7–13 Feb, summer from 1 Jun (rt-online).
 * - 2024/25: autumn 28 Oct–6 Nov, winter 30 Dec–8 Jan, spring 22–31 Mar, summer from 27 May (tatar-inform.com).
 * - 2025/26: autumn 27 Oct–6 Nov, winter 31 Dec–11 Jan, spring 28 Mar–5 Apr, grade 1 16–22 Feb, summer from 27 May
 *   (kazved.ru, tatar-inform.ru 07.09.2025).
 * Other years have no published dates in A5: they get `defaultSchoolYearCalendar` until someone saves one.
 */
export const TATARSTAN_SCHOOL_YEARS: readonly SeededSchoolYear[] = [
  {
    academicYear: '2021-2022',
    kind: 'quarters',
    terms: [
      { first: '2021-09-01', last: '2021-10-31' },
      { first: '2021-11-08', last: '2021-12-28' },
      { first: '2022-01-12', last: '2022-03-27' },
      { first: '2022-04-06', last: '2022-05-31' },
    ],
    grade1Holiday: { first: '2022-02-07', last: '2022-02-13' },
  },
  {
    academicYear: '2024-2025',
    kind: 'quarters',
    terms: [
      { first: '2024-09-02', last: '2024-10-27' },
      { first: '2024-11-07', last: '2024-12-29' },
      { first: '2025-01-09', last: '2025-03-21' },
      { first: '2025-04-01', last: '2025-05-26' },
    ],
    grade1Holiday: null,
  },
  {
    academicYear: '2025-2026',
    kind: 'quarters',
    terms: [
      { first: '2025-09-01', last: '2025-10-26' },
      { first: '2025-11-07', last: '2025-12-30' },
      { first: '2026-01-12', last: '2026-03-27' },
      { first: '2026-04-06', last: '2026-05-26' },
    ],
    grade1Holiday: { first: '2026-02-16', last: '2026-02-22' },
  },
];

const transfer = (date: string) => ({ date, name: 'decree_transfer' });
const presidential = (date: string) => ({ date, name: 'presidential_decree' });

/** The weekdays (Mon–Fri) from `first` to `last` inclusive, as ISO dates: weekends are days off already. */
function weekdays(first: string, last: string): string[] {
  const out: string[] = [];
  for (let d = LocalDate.iso(first); !d.isAfter(LocalDate.iso(last)); d = d.addDays(1))
    if (!d.isWeekend) out.push(d.toString());
  return out;
}

/**
 * Non-working days with pay declared by decree of the President (domain rules A6; sources there): days off for the
 * working-day count, on top of the Government's transfers. Only the federal days; regional extensions are not seeded.
 */
export const PRESIDENTIAL_NON_WORKING_DAYS: Readonly<Record<number, readonly string[]>> = {
  2020: [
    // Указ № 206 of 25.03.2020: 30 Mar – 3 Apr; Указ № 239 of 02.04.2020: 4–30 Apr
    ...weekdays('2020-03-30', '2020-04-30'),
    // Указ № 294 of 28.04.2020: 6–8 May
    ...weekdays('2020-05-06', '2020-05-08'),
    // the Victory parade (decree of 29.05.2020) and the vote on the amendments to the Constitution
    '2020-06-24',
    '2020-07-01',
  ],
  // Указ № 242 of 23.04.2021: 4–7 May; Указ № 595 of 20.10.2021: 30 Oct – 7 Nov (1–3 Nov are the weekdays left
  // after the weekends, the 4 Nov holiday and the 5 Nov transfer)
  2021: [...weekdays('2021-05-04', '2021-05-07'), '2021-11-01', '2021-11-02', '2021-11-03'],
};

/** A year's transfers with its presidential non-working days, in date order. */
function withPresidential(year: number, transfers: { date: string; name: string }[]) {
  return [...transfers, ...(PRESIDENTIAL_NON_WORKING_DAYS[year] ?? []).map(presidential)].sort((a, b) =>
    a.date.localeCompare(b.date),
  );
}

/**
 * Decree transfers of the Government of the Russian Federation (sources in domain rules A6), per year:
 * days off moved onto a working day, and the Saturdays (or automatic moves) that became working days.
 */
const DECREES: Readonly<Record<number, Pick<WorkingYearData, 'extraDaysOff' | 'extraWorkingDays'>>> = {
  // Постановление № 1163 of 01.10.2018: 5 Jan → 2 May, 6 Jan → 3 May, Sat 23 Feb → 10 May (so 25 Feb, where the
  // weekend holiday would otherwise move, stays a working day)
  2019: {
    extraDaysOff: ['2019-05-02', '2019-05-03', '2019-05-10'].map(transfer),
    extraWorkingDays: ['2019-02-25'],
  },
  // 4 and 5 Jan → 4 and 5 May; and the President's non-working days
  2020: {
    extraDaysOff: withPresidential(2020, ['2020-05-04', '2020-05-05'].map(transfer)),
    extraWorkingDays: [],
  },
  // 2 Jan → 5 Nov, 3 Jan → 31 Dec, Saturday 20 Feb → Monday 22 Feb; and the President's non-working days
  2021: {
    extraDaysOff: withPresidential(2021, ['2021-02-22', '2021-11-05', '2021-12-31'].map(transfer)),
    extraWorkingDays: ['2021-02-20'],
  },
  // 1 and 2 Jan → 3 and 10 May; Saturday 5 Mar → Monday 7 Mar
  2022: {
    extraDaysOff: ['2022-03-07', '2022-05-03', '2022-05-10'].map(transfer),
    extraWorkingDays: ['2022-03-05'],
  },
  // Постановление № 1505 of 29.08.2022: 1 Jan → 24 Feb, 8 Jan → 8 May
  2023: { extraDaysOff: ['2023-02-24', '2023-05-08'].map(transfer), extraWorkingDays: [] },
  // Постановление № 1314 of 10.08.2023: 6 Jan → 10 May, 7 Jan → 31 Dec, Sat 27 Apr → 29 Apr, Sat 2 Nov → 30 Apr,
  // Sat 28 Dec → 30 Dec
  2024: {
    extraDaysOff: ['2024-04-29', '2024-04-30', '2024-05-10', '2024-12-30', '2024-12-31'].map(transfer),
    extraWorkingDays: ['2024-04-27', '2024-11-02', '2024-12-28'],
  },
  // Постановление № 1335 of 04.10.2024: 4 Jan → 2 May, 5 Jan → 31 Dec, Sun 23 Feb → 8 May, Sat 8 Mar → 13 Jun,
  // Sat 1 Nov → 3 Nov; so 24 Feb and 10 Mar (where the weekend holidays would otherwise move) stay working days
  2025: {
    extraDaysOff: ['2025-05-02', '2025-05-08', '2025-06-13', '2025-11-03', '2025-12-31'].map(transfer),
    extraWorkingDays: ['2025-02-24', '2025-03-10', '2025-11-01'],
  },
  // the decree of September 2025: 3 Jan → 9 Jan, 4 Jan → 31 Dec
  2026: { extraDaysOff: ['2026-01-09', '2026-12-31'].map(transfer), extraWorkingDays: [] },
};

/** The working-day calendar seeded for 2019–2026: the built-in Ураза/Курбан-байрам and the verified decree transfers. */
export const TATARSTAN_WORKING_YEARS: readonly WorkingYearData[] = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026].map(
  (year) => ({ ...builtInWorkingYear(year), ...(DECREES[year] ?? {}) }),
);
