import { LocalDate } from '../../common';
import { DEFAULT_LESSON_HOURS, listDates, placementFinding, PlacementRule, workDates } from '../placement.model';

/**
 * B1 (ТК ст. 63 ч. 3: «в свободное от получения образования время»), B2–B3, B13 item 7: a pupil in term time works
 * only outside the school's lesson hours. A school day is a Monday–Friday date that is neither a school holiday nor a
 * non-working holiday; a shift on such a day that overlaps the lesson hours (the school's, else 08:00–14:30) is
 * refused. Touching the edges (a shift ending at 08:00 or starting at 14:30) is not an overlap.
 */
export const lessonHoursRule: PlacementRule = {
  code: 'lesson-hours',
  source: 'B1 · B13 п. 7 · ТК ст. 63, 92, 94',
  scope: 'minor_employment',
  emits: ['placement.lesson-hours'],
  evaluate(input, ctx) {
    const lessons = ctx.lessonHours ?? DEFAULT_LESSON_HOURS;
    const { shiftStartsAt: start, shiftEndsAt: end } = input;
    const overlaps = start.minutes < lessons.endsAt.minutes && end.minutes > lessons.startsAt.minutes;
    if (!overlaps || end.minutes <= start.minutes) return [];
    const schoolDays: LocalDate[] = workDates(input).filter(
      (date) => !date.isWeekend && !ctx.isSchoolHoliday(date) && !ctx.isNonWorkingHoliday(date),
    );
    if (schoolDays.length === 0) return [];
    const shift = `${start.toString()}–${end.toString()}`;
    const window = `${lessons.startsAt.toString()}–${lessons.endsAt.toString()}`;
    return [
      placementFinding(
        'placement.lesson-hours',
        {
          ru: `В учебное время учащийся работает только в свободное от учёбы время: смена ${shift} пересекается с уроками ${window} (${listDates(schoolDays, 'ru')})`,
          en: `In term time a pupil works only outside lessons: the shift ${shift} overlaps the lesson hours ${window} (${listDates(schoolDays, 'en')})`,
          tt: `Уку вакытында укучы дәресләрдән буш вакытта гына эшли: ${shift} сменасы ${window} дәресләре белән кисешә (${listDates(schoolDays, 'tt')})`,
        },
        { field: 'shiftStartsAt', limit: `outside ${window}`, actual: shift },
      ),
    ];
  },
};
