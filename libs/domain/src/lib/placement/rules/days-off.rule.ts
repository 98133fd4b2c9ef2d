import { Finding, LocalDate } from '../../common';
import { SUMMER_DAYS_OFF_EXCEPTION, versionOn } from '../labour-limits';
import {
  listDates,
  PlacementContext,
  placementFinding,
  PlacementInput,
  PlacementRule,
  workDates,
} from '../placement.model';

const EXCEPTION = {
  ru: 'Исключение с 01.09.2025: летние каникулы, направление ЦЗН или студенческий отряд, письменные согласия',
  en: 'Exception from 2025-09-01: summer holidays, an employment-centre referral or a student detachment, written consents',
};

/**
 * ТК ст. 268 (63-ФЗ) from 01.09.2025: a day off or holiday is open when the date is in the school's summer
 * holidays (June–August), the student is referred by the ЦЗН or works in a registered студотряд, and the
 * consents are recorded: an orphan's legal representative; under 15 (on that date) a parent; from 15 the
 * worker's own, implied by the contract.
 */
export function dayOffAllowed(input: PlacementInput, ctx: PlacementContext, date: LocalDate): boolean {
  if (!versionOn(SUMMER_DAYS_OFF_EXCEPTION, date).value) return false;
  if (date.month < 6 || date.month > 8 || !ctx.isSchoolHoliday(date)) return false;
  if (input.channel !== 'employment_centre' && input.studentDetachment !== true) return false;
  if (input.orphan === true) return input.guardianshipConsent;
  return input.studentBirthDate.ageOn(date) >= 15 || input.parentConsent;
}

/**
 * B4, ТК ст. 268: no work on days off (Saturday, Sunday) or on non-working holidays, checked on each working
 * date of the placement, except the summer case in `dayOffAllowed`.
 */
export const daysOffRule: PlacementRule = {
  code: 'days-off',
  source: 'B4 · ТК ст. 268',
  scope: 'minor_employment',
  emits: ['placement.rest-day', 'placement.holiday-work'],
  evaluate(input, ctx) {
    const restDays: LocalDate[] = [];
    const holidays: LocalDate[] = [];
    for (const date of workDates(input)) {
      const bucket = date.isWeekend ? restDays : ctx.isNonWorkingHoliday(date) ? holidays : null;
      if (bucket && !dayOffAllowed(input, ctx, date)) bucket.push(date);
    }
    const out: Finding[] = [];
    if (restDays.length > 0) {
      out.push(
        placementFinding(
          'placement.rest-day',
          {
            ru: `Работа несовершеннолетних в выходные дни запрещена: ${listDates(restDays)}. ${EXCEPTION.ru}`,
            en: `Minors may not work on days off: ${listDates(restDays)}. ${EXCEPTION.en}`,
          },
          { field: 'workDays', limit: 0, actual: restDays.length },
        ),
      );
    }
    if (holidays.length > 0) {
      out.push(
        placementFinding(
          'placement.holiday-work',
          {
            ru: `Работа несовершеннолетних в нерабочие праздничные дни запрещена: ${listDates(holidays)}. ${EXCEPTION.ru}`,
            en: `Minors may not work on non-working holidays: ${listDates(holidays)}. ${EXCEPTION.en}`,
          },
          { field: 'workDays', limit: 0, actual: holidays.length },
        ),
      );
    }
    return out;
  },
};
