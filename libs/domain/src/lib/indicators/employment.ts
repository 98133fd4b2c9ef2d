import { LocalDate } from '../common';
import { ratio, tally, Weighted } from './ratio';

/** Age bands of indicator #11. */
export type AgeBand = '14' | '15' | '16-17';
export const AGE_BANDS: readonly AgeBand[] = ['14', '15', '16-17'];

/** The ages (full years, both ends included) of each band. */
export const AGE_BAND_AGES: Readonly<Record<AgeBand, { readonly from: number; readonly to: number }>> = {
  '14': { from: 14, to: 14 },
  '15': { from: 15, to: 15 },
  '16-17': { from: 16, to: 17 },
};

/** The band of an age in full years; null outside 14–17. */
export function ageBand(age: number): AgeBand | null {
  return AGE_BANDS.find((b) => age >= AGE_BAND_AGES[b].from && age <= AGE_BAND_AGES[b].to) ?? null;
}

/** The last birth date of a person at least `age` full years old on `on` (as `LocalDate.ageOn` counts). */
export function latestBirthDateForAge(age: number, on: LocalDate): LocalDate {
  // a 29 Feb birthday counts from 1 Mar in common years, so on 29 Feb the latest is 28 Feb (the clamp)
  return on.addYears(-age);
}

/**
 * The birth dates whose age on `on` is in the band (`ageBand(birth.ageOn(on))`): after `bornAfter`, up to
 * and including `bornBy`. Queries compare a birth date with these instead of computing ages.
 */
export function ageBandBirthDates(
  band: AgeBand,
  on: LocalDate,
): { readonly bornAfter: LocalDate; readonly bornBy: LocalDate } {
  const { from, to } = AGE_BAND_AGES[band];
  return { bornAfter: latestBirthDateForAge(to + 1, on), bornBy: latestBirthDateForAge(from, on) };
}

export interface EmployedRow extends Weighted {
  /** `employment_centre | school_brigade | direct` */
  readonly channel: string;
  readonly ageBand: AgeBand;
}

export interface BandFigures {
  readonly students: number;
  readonly employed: number;
  readonly share: number | null;
}

export interface SummerEmployment {
  readonly students: number;
  readonly employed: number;
  /** employed ÷ students 14–17; null when no students */
  readonly share: number | null;
  readonly byChannel: Readonly<Record<string, { readonly employed: number; readonly share: number | null }>>;
  readonly byAgeBand: Readonly<Record<AgeBand, BandFigures>>;
}

/**
 * Indicator #11 (summer campaign): students aged 14–17 employed ÷ students aged 14–17, split by channel
 * and by age band (age on the placement's start). `employed` rows are distinct students per
 * (channel, band). A student placed through two channels would be counted twice in the sums, so pass
 * `distinctEmployed` (COUNT(DISTINCT student)) for the overall figure when it can differ.
 */
export function summerEmployment(input: {
  readonly students: Readonly<Record<AgeBand, number>>;
  readonly employed: readonly EmployedRow[];
  readonly distinctEmployed?: number;
}): SummerEmployment {
  const students = AGE_BANDS.reduce((s, b) => s + input.students[b], 0);
  const perBand = tally(input.employed, (r) => r.ageBand);
  const perChannel = tally(input.employed, (r) => r.channel);
  const employed = input.distinctEmployed ?? Object.values(perBand).reduce((s, n) => s + n, 0);
  const byAgeBand = Object.fromEntries(
    AGE_BANDS.map((b) => {
      const n = perBand[b] ?? 0;
      return [b, { students: input.students[b], employed: n, share: ratio(n, input.students[b]) }];
    }),
  ) as Record<AgeBand, BandFigures>;
  const byChannel = Object.fromEntries(
    Object.entries(perChannel).map(([channel, n]) => [channel, { employed: n, share: ratio(n, students) }]),
  );
  return { students, employed, share: ratio(employed, students), byChannel, byAgeBand };
}

export interface PlacementCompliance {
  readonly placements: number;
  readonly withFindings: number;
  /** withFindings ÷ placements (lower is better); null with no placements */
  readonly share: number | null;
}

/**
 * Indicator #12 (summer campaign, academic year; internal): placements with a Labour Code finding or a
 * missing document ÷ all placements.
 */
export function placementCompliance(placements: number, withFindings: number): PlacementCompliance {
  return { placements, withFindings, share: ratio(withFindings, placements) };
}
