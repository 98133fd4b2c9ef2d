import { LocalTime } from '../../common';
import { simplePlacementContext } from '../placement-context';
import { aPlacement } from '../testing';
import { shiftSpanRule as sut } from './shift-span.rule';

const ctx = simplePlacementContext();
const at = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return LocalTime.of(h as number, m as number);
};
const rules = (from: string, to: string, hoursPerDay: number) =>
  sut.evaluate(aPlacement({ shiftStartsAt: at(from), shiftEndsAt: at(to), hoursPerDay }), ctx).map((f) => f.rule);

describe('shiftSpanRule', () => {
  it.each<[string, string, string, number, string[]]>([
    ['the issue 14 case: 08:00–21:00 declared as 7 h', '08:00', '21:00', 7, ['placement.shift.span']],
    ['exactly the declared hours plus 2 h of meal break', '08:00', '17:00', 7, []],
    ['a minute longer than that', '08:00', '17:01', 7, ['placement.shift.span']],
    ['exactly the declared hours, no break', '09:00', '16:00', 7, []],
    ['a minute shorter than the declared hours', '09:00', '15:59', 7, ['placement.shift.span']],
    ['2.5 h declared in a 2 h 30 min shift', '15:00', '17:30', 2.5, []],
    ['2.5 h declared in a 2 h 29 min shift', '15:00', '17:29', 2.5, ['placement.shift.span']],
    ['2.5 h declared in a 4 h 30 min shift', '15:00', '19:30', 2.5, []],
    ['2.5 h declared in a 4 h 31 min shift', '15:00', '19:31', 2.5, ['placement.shift.span']],
    ['a shift that does not end after it starts (the shape rule says so)', '15:00', '15:00', 4, []],
  ])('%s', (_, from, to, hoursPerDay, expected) => {
    expect(rules(from, to, hoursPerDay)).toEqual(expected);
  });

  it('names the span allowed and the span given', () => {
    expect(
      sut.evaluate(aPlacement({ shiftStartsAt: at('08:00'), shiftEndsAt: at('21:00'), hoursPerDay: 7 }), ctx),
    ).toEqual([
      expect.objectContaining({ rule: 'placement.shift.span', field: 'shiftEndsAt', limit: '≤ 9 h', actual: '13 h' }),
    ]);
    expect(
      sut.evaluate(aPlacement({ shiftStartsAt: at('09:00'), shiftEndsAt: at('12:30'), hoursPerDay: 4 }), ctx),
    ).toEqual([expect.objectContaining({ rule: 'placement.shift.span', limit: '≥ 4 h', actual: '3 h 30 min' })]);
  });
});
