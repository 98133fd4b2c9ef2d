import { Finding, LocalDate } from '../../common';
import { SUMMER_DAYS_OFF_EXCEPTION, versionOn } from '../labour-limits';
import {
  isSummerHoliday,
  listDates,
  PlacementContext,
  placementFinding,
  PlacementInput,
  PlacementRule,
  workDates,
} from '../placement.model';

const EXCEPTION = {
  ru: 'Исключение с 01.09.2025: летние каникулы, направление ЦЗН или студенческий отряд, письменные согласия',
  en: 'Exception from 01/09/2025: summer holidays, an employment-centre referral or a student detachment, written consents',
  tt: '2025 елның 1 сентябреннән искәрмә: җәйге каникул, мәшгульлек үзәге юлламасы яки студентлар отряды, язма ризалыклар',
};

/**
 * ТК ст. 268 (63-ФЗ) from 01.09.2025: a day off or holiday may be worked when the date is in the school's summer
 * holidays (from the day after the last day of instruction to 31 August) and the student is referred by the ЦЗН or
 * works in a registered студотряд. The written consents are a separate question (`weekendConsentsRecorded`).
 */
export function dayOffException(input: PlacementInput, ctx: PlacementContext, date: LocalDate): boolean {
  if (!versionOn(SUMMER_DAYS_OFF_EXCEPTION, date).value) return false;
  if (!isSummerHoliday(ctx, date)) return false;
  return input.channel === 'employment_centre' || input.studentDetachment === true;
}

/** Whom the written consents to work on days off come from (B4): the worker; under 15 a parent; an orphan's guardian. */
function consentsNeeded(input: PlacementInput, date: LocalDate): { ru: string; en: string; tt: string } {
  if (input.orphan === true)
    return {
      ru: 'работника и органа опеки и попечительства (иного законного представителя)',
      en: "the worker's and the guardianship authority's (or another legal representative's)",
      tt: 'хезмәткәрнең һәм васыйлык һәм попечительлек органының (башка законлы вәкилнең)',
    };
  if (input.studentBirthDate.ageOn(date) < 15)
    return {
      ru: 'работника и одного из родителей (попечителя)',
      en: "the worker's and a parent's",
      tt: 'хезмәткәрнең һәм ата-ананың (попечительнең) берсенең',
    };
  return { ru: 'работника', en: "the worker's", tt: 'хезмәткәрнең' };
}

/** The exception's written consents are recorded (`weekendWorkConsent` attests every one B4 requires). */
export const weekendConsentsRecorded = (input: PlacementInput): boolean => input.weekendWorkConsent === true;

/** A day off or holiday is open: the summer exception applies and its written consents are recorded. */
export const dayOffAllowed = (input: PlacementInput, ctx: PlacementContext, date: LocalDate): boolean =>
  dayOffException(input, ctx, date) && weekendConsentsRecorded(input);

/**
 * B4, ТК ст. 268: no work on days off (Saturday, Sunday) or on non-working holidays, checked on each working date
 * of the placement (hard: `placement.rest-day`, `placement.holiday-work`), except the summer case of
 * `dayOffException`; there the missing written consents are paperwork (`placement.weekend.consent-missing`).
 */
export const daysOffRule: PlacementRule = {
  code: 'days-off',
  source: 'B4 · ТК ст. 268',
  scope: 'minor_employment',
  emits: ['placement.rest-day', 'placement.holiday-work', 'placement.weekend.consent-missing'],
  evaluate(input, ctx) {
    const restDays: LocalDate[] = [];
    const holidays: LocalDate[] = [];
    const unconsented: LocalDate[] = [];
    for (const date of workDates(input)) {
      const bucket = date.isWeekend ? restDays : ctx.isNonWorkingHoliday(date) ? holidays : null;
      if (!bucket) continue;
      if (!dayOffException(input, ctx, date)) bucket.push(date);
      else if (!weekendConsentsRecorded(input)) unconsented.push(date);
    }
    const out: Finding[] = [];
    if (restDays.length > 0) {
      out.push(
        placementFinding(
          'placement.rest-day',
          {
            ru: `Работа несовершеннолетних в выходные дни запрещена: ${listDates(restDays, 'ru')}. ${EXCEPTION.ru}`,
            en: `Minors may not work on days off: ${listDates(restDays, 'en')}. ${EXCEPTION.en}`,
            tt: `Балигъ булмаганнарга ял көннәрендә эшләү тыела: ${listDates(restDays, 'tt')}. ${EXCEPTION.tt}`,
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
            ru: `Работа несовершеннолетних в нерабочие праздничные дни запрещена: ${listDates(holidays, 'ru')}. ${EXCEPTION.ru}`,
            en: `Minors may not work on non-working holidays: ${listDates(holidays, 'en')}. ${EXCEPTION.en}`,
            tt: `Балигъ булмаганнарга эшләми торган бәйрәм көннәрендә эшләү тыела: ${listDates(holidays, 'tt')}. ${EXCEPTION.tt}`,
          },
          { field: 'workDays', limit: 0, actual: holidays.length },
        ),
      );
    }
    if (unconsented.length > 0) {
      const who = consentsNeeded(input, unconsented[0] as LocalDate);
      out.push(
        placementFinding(
          'placement.weekend.consent-missing',
          {
            ru: `Для работы в выходные и нерабочие праздничные дни в летние каникулы (${listDates(unconsented, 'ru')}) нужны письменные согласия ${who.ru} (ТК ст. 268)`,
            en: `Work on days off and holidays in the summer holidays (${listDates(unconsented, 'en')}) needs the written consents: ${who.en} (Labour Code art. 268)`,
            tt: `Җәйге каникулда ял һәм эшләми торган бәйрәм көннәрендә (${listDates(unconsented, 'tt')}) эшләү өчен ${who.tt} язма ризалыклары кирәк (РФ Хезмәт кодексының 268 статьясы)`,
          },
          { field: 'weekendWorkConsent', limit: 'required', actual: 'missing' },
        ),
      );
    }
    return out;
  },
};
