// Builders for placement specs only.
import { LocalDate, LocalTime, unwrap } from '../common';
import { PlacementInput } from './placement.model';

const iso = (text: string): LocalDate => LocalDate.iso(text);

/**
 * A lawful summer placement: a 16-year-old boy (born 2004-03-10) through the employment centre,
 * 2020-06-15 – 2020-07-10, Mon–Fri 09:00–15:00, 6 h a day, 30 h a week, cleared 2020-06-01.
 */
export function aPlacement(over: Partial<PlacementInput> = {}): PlacementInput {
  return {
    kind: 'employment_contract',
    channel: 'employment_centre',
    jobTitle: 'подсобный рабочий',
    studentBirthDate: iso('2004-03-10'),
    studentSex: 'male',
    startsOn: iso('2020-06-15'),
    endsOn: iso('2020-07-10'),
    workDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
    shiftStartsAt: LocalTime.of(9),
    shiftEndsAt: LocalTime.of(15),
    hoursPerDay: 6,
    hoursPerWeek: 30,
    harmful: false,
    maxLoadKg: null,
    parentConsent: false,
    guardianshipConsent: false,
    medicalClearanceOn: iso('2020-06-01'),
    ...over,
  };
}

/** `HH:MM` as a LocalTime (throws on garbage). */
export const t = (text: string): LocalTime => unwrap(LocalTime.parse(text));
