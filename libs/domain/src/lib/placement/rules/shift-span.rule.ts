import { placementFinding, PlacementRule } from '../placement.model';

/** ТК ст. 108: the meal break lasts 30 minutes to 2 hours and is not working time. */
export const MAX_MEAL_BREAK_MINUTES = 120;

const hours = (minutes: number): string => {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
};
const hoursRu = (minutes: number): string => {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} ч ${m} мин` : `${h} ч`;
};
const hoursTt = (minutes: number): string => {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} сәг ${m} мин` : `${h} сәг`;
};

/**
 * B3 and ТК ст. 108 (issue 14 finding 4): the shift's span (end − start) matches the declared daily hours. It is at
 * least those hours, and at most those hours plus the longest meal break (2 h), which is not working time; a
 * longer span hides hours beyond the declared ones, and so beyond the daily limit. A shift that does not end after
 * it starts, or invalid hours, are the shape rule's findings.
 */
export const shiftSpanRule: PlacementRule = {
  code: 'shift-span',
  source: 'B3 · ТК ст. 94, 108',
  scope: 'minor_employment',
  emits: ['placement.shift.span'],
  evaluate(input) {
    const span = input.shiftEndsAt.minutes - input.shiftStartsAt.minutes;
    if (span <= 0 || !Number.isFinite(input.hoursPerDay) || input.hoursPerDay < 0) return [];
    const worked = Math.round(input.hoursPerDay * 60);
    const shift = `${input.shiftStartsAt.toString()}–${input.shiftEndsAt.toString()}`;
    if (span < worked)
      return [
        placementFinding(
          'placement.shift.span',
          {
            ru: `Смена ${shift} (${hoursRu(span)}) короче заявленных часов в день (${input.hoursPerDay})`,
            en: `The shift ${shift} (${hours(span)}) is shorter than the declared hours a day (${input.hoursPerDay})`,
            tt: `${shift} сменасы (${hoursTt(span)}) көненә игълан ителгән сәгатьләрдән (${input.hoursPerDay}) кыскарак`,
          },
          { field: 'shiftEndsAt', limit: `≥ ${hours(worked)}`, actual: hours(span) },
        ),
      ];
    if (span > worked + MAX_MEAL_BREAK_MINUTES)
      return [
        placementFinding(
          'placement.shift.span',
          {
            ru: `Смена ${shift} (${hoursRu(span)}) длиннее заявленных часов в день (${input.hoursPerDay}) и перерыва для питания не более 2 ч (ТК ст. 108)`,
            en: `The shift ${shift} (${hours(span)}) is longer than the declared hours a day (${input.hoursPerDay}) plus a meal break of at most 2 h (Labour Code art. 108)`,
            tt: `${shift} сменасы (${hoursTt(span)}) көненә игълан ителгән сәгатьләрдән (${input.hoursPerDay}) һәм 2 сәгатьтән озын булмаган ашау тәнәфесеннән озынрак (РФ Хезмәт кодексының 108 статьясы)`,
          },
          { field: 'shiftEndsAt', limit: `≤ ${hours(worked + MAX_MEAL_BREAK_MINUTES)}`, actual: hours(span) },
        ),
      ];
    return [];
  },
};
