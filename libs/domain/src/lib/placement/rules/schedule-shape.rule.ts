import { Finding } from '../../common';
import { placementFinding, PlacementRule } from '../placement.model';

/** Tolerance for comparing hour sums such as 2.5 × 5. */
const EPSILON = 1e-9;

/** Shape checks for every placement kind: dates in order, a shift that ends after it starts, a schedule that adds up. */
export const scheduleShapeRule: PlacementRule = {
  code: 'schedule-shape',
  source: 'B13 (shape of any placement)',
  scope: 'any',
  emits: [
    'placement.dates.invalid',
    'placement.shift.invalid',
    'placement.work-days.empty',
    'placement.hours.invalid',
    'placement.hours.inconsistent',
  ],
  evaluate(input) {
    const out: Finding[] = [];
    if (input.endsOn.isBefore(input.startsOn)) {
      out.push(
        placementFinding(
          'placement.dates.invalid',
          {
            ru: 'Дата окончания раньше даты начала',
            en: 'The placement ends before it starts',
            tt: 'Тәмамлану датасы башлану датасыннан алдарак',
          },
          { field: 'endsOn', limit: input.startsOn.toString(), actual: input.endsOn.toString() },
        ),
      );
    }
    if (input.shiftEndsAt.minutes <= input.shiftStartsAt.minutes) {
      out.push(
        placementFinding(
          'placement.shift.invalid',
          {
            ru: 'Смена должна заканчиваться позже, чем начинается, в пределах одних суток',
            en: 'A shift must end after it starts, on the same day',
            tt: 'Смена бер тәүлек эчендә, башланганнан соң тәмамланырга тиеш',
          },
          { field: 'shiftEndsAt', limit: `> ${input.shiftStartsAt.toString()}`, actual: input.shiftEndsAt.toString() },
        ),
      );
    }
    const days = new Set(input.workDays).size;
    if (days === 0) {
      out.push(
        placementFinding(
          'placement.work-days.empty',
          {
            ru: 'Не указаны рабочие дни недели',
            en: 'No working days of the week are given',
            tt: 'Атнаның эш көннәре күрсәтелмәгән',
          },
          { field: 'workDays', limit: 1, actual: 0 },
        ),
      );
    }
    const invalid = (['hoursPerDay', 'hoursPerWeek'] as const).filter(
      (field) => !(Number.isFinite(input[field]) && input[field] >= 0),
    );
    for (const field of invalid) {
      out.push(
        placementFinding(
          'placement.hours.invalid',
          {
            ru: 'Количество часов должно быть неотрицательным числом',
            en: 'Hours must be a non-negative number',
            tt: 'Сәгатьләр саны тискәре булмаган сан булырга тиеш',
          },
          { field, limit: 0, actual: String(input[field]) },
        ),
      );
    }
    const weekMax = input.hoursPerDay * days;
    if (days > 0 && invalid.length === 0 && input.hoursPerWeek > weekMax + EPSILON) {
      out.push(
        placementFinding(
          'placement.hours.inconsistent',
          {
            ru: `Часов в неделю (${input.hoursPerWeek}) больше, чем часов в день × рабочих дней (${weekMax})`,
            en: `Hours a week (${input.hoursPerWeek}) exceed hours a day × working days (${weekMax})`,
            tt: `Атнасына сәгатьләр (${input.hoursPerWeek}) көненә сәгатьләр × эш көннәре саныннан (${weekMax}) күбрәк`,
          },
          { field: 'hoursPerWeek', limit: weekMax, actual: input.hoursPerWeek },
        ),
      );
    }
    return out;
  },
};
