import { LocalDate } from '../common';
import { LoadMode, StudentSex } from './placement.model';

/** Ages the Labour Code limits for minors are tabled by. */
export type MinorAge = 14 | 15 | 16 | 17;
export interface HoursLimit {
  /** holidays, or not in education */
  readonly holidays: number;
  /** combining study and work during the academic year */
  readonly term: number;
}
export type LoadRow = Readonly<Record<StudentSex, Readonly<Record<MinorAge, number>>>>;

const row = (male: [number, number, number, number], female: [number, number, number, number]): LoadRow => {
  const byAge = ([a, b, c, e]: [number, number, number, number]) => ({ 14: a, 15: b, 16: c, 17: e });
  return { male: byAge(male), female: byAge(female) };
};

/** The limits for workers under 18 (domain rules B2–B4, B6), for checks, reports and the UI. */
export const LABOUR_LIMITS = {
  /** ТК ст. 63: below it the system refuses (B1) */
  minAge: 14,
  /** from this age the minors' rules no longer apply */
  adultAge: 18,
  /** ТК ст. 92 (B2): hours a week; term time is half the norm */
  weeklyHours: {
    14: { holidays: 24, term: 12 },
    15: { holidays: 24, term: 12 },
    16: { holidays: 35, term: 17.5 },
    17: { holidays: 35, term: 17.5 },
  } as Readonly<Record<MinorAge, HoursLimit>>,
  /** ТК ст. 94 (B3): hours a day */
  dailyHours: {
    14: { holidays: 4, term: 2.5 },
    15: { holidays: 5, term: 2.5 },
    16: { holidays: 7, term: 4 },
    17: { holidays: 7, term: 4 },
  } as Readonly<Record<MinorAge, HoursLimit>>,
  /** ТК ст. 96 (B4): no work at night, 22:00–06:00 */
  shift: { earliest: '06:00', latest: '22:00' },
  /**
   * B6, kg (Постановление Минтруда № 7 / Приказ № 369н, same values). Only the 14-year-old cells of the
   * "up to a third" rows and the girls' 15–17 alternating cells are verified [V]; the rest are [M].
   */
  loadsKg: {
    constant: row([3, 3, 4, 4], [2, 2, 3, 3]),
    up_to_third_constant: row([6, 7, 11, 13], [3, 4, 5, 6]),
    up_to_third_alternating: row([12, 15, 20, 24], [4, 5, 7, 8]),
  } as Readonly<Record<LoadMode, LoadRow>>,
  /**
   * B6: the cells of `loadsKg` confirmed in a source [V], as ages per sex; the others are [M] and a load above the
   * verified 14-year-old cell of the same row that relies on them is sent to manual review.
   */
  loadsVerified: {
    constant: { male: [14, 15, 16, 17], female: [14, 15, 16, 17] },
    up_to_third_constant: { male: [14], female: [14] },
    up_to_third_alternating: { male: [14], female: [14, 15, 16, 17] },
  } as Readonly<Record<LoadMode, Readonly<Record<StudentSex, readonly MinorAge[]>>>>,
  /** B6, kg per shift in total (for display; the placement input does not carry these) */
  shiftTotalKg: {
    fromWorkSurface: row([400, 500, 1000, 1500], [180, 200, 400, 500]),
    fromFloor: row([200, 250, 500, 700], [90, 100, 200, 250]),
  },
} as const;

/** Clamps an age to the tabled 14–17 (under-14s are refused anyway and get the 14-year-old limits). */
export const minorAge = (age: number): MinorAge => Math.min(17, Math.max(14, Math.trunc(age))) as MinorAge;

/** One version of a rule that changed over time; `validTo` is the last day it applied (included). */
export interface Dated<T> {
  readonly validFrom: LocalDate | null;
  readonly validTo: LocalDate | null;
  /** the act that sets it */
  readonly source: string;
  readonly value: T;
}

/** The version in force on `on`. Tables are contiguous, so a gap is a programming error and throws. */
export function versionOn<T>(versions: readonly Dated<T>[], on: LocalDate): Dated<T> {
  const hit = versions.find((v) => !(v.validFrom && on.isBefore(v.validFrom)) && !(v.validTo && on.isAfter(v.validTo)));
  if (!hit) throw new Error(`No version in force on ${on.toString()}`);
  return hit;
}

/** B1, ТК ст. 63 ч. 3–4: whose guardianship-authority consent a 14-year-old (or a 15-year-old pupil) needs. */
export const GUARDIANSHIP_CONSENT: readonly Dated<'every_minor' | 'orphans_only'>[] = [
  { validFrom: null, validTo: LocalDate.of(2023, 6, 12), source: 'ТК ст. 63 ч. 3 (до 259-ФЗ)', value: 'every_minor' },
  {
    validFrom: LocalDate.of(2023, 6, 13),
    validTo: null,
    source: 'ТК ст. 63 в ред. 259-ФЗ от 13.06.2023',
    value: 'orphans_only',
  },
];

/** B4, ТК ст. 268: whether days off and holidays in the summer holidays are open to ЦЗН referrals and студотряды. */
export const SUMMER_DAYS_OFF_EXCEPTION: readonly Dated<boolean>[] = [
  { validFrom: null, validTo: LocalDate.of(2025, 8, 31), source: 'ТК ст. 268 (до 63-ФЗ)', value: false },
  { validFrom: LocalDate.of(2025, 9, 1), validTo: null, source: 'ТК ст. 268 в ред. 63-ФЗ от 07.04.2025', value: true },
];

/** B6: the act setting the load limits (values unchanged). 369н is valid until 01.03.2032; kept open until a successor is known. */
export const LOAD_LIMITS_ACT: readonly Dated<string>[] = [
  {
    validFrom: null,
    validTo: LocalDate.of(2026, 2, 28),
    source: 'Постановление Минтруда № 7 от 07.04.1999',
    value: '№ 7',
  },
  {
    validFrom: LocalDate.of(2026, 3, 1),
    validTo: null,
    source: 'Приказ Минтруда № 369н от 10.06.2025',
    value: '№ 369н',
  },
];
