import { holds, LocalDate } from '../common';
import { acknowledgedOnTime, hasAcknowledged, isRecipientOverdue, RECIPIENT_STATES } from './document';
import {
  ACKNOWLEDGED_CONDITION,
  ON_TIME_CONDITION,
  overdueCondition,
  UNACKNOWLEDGED_STATES,
} from './recipient-conditions';

const d = LocalDate.iso;
const dates = [null, '2025-03-09', '2025-03-10', '2025-03-11'];
const today = d('2025-03-10');
const rows = RECIPIENT_STATES.flatMap((state) =>
  dates.flatMap((dueOn) => dates.map((acknowledgedOn) => ({ state, dueOn, acknowledgedOn }))),
);

describe('recipient conditions', () => {
  it('split the states into waiting and acknowledged ones', () => {
    expect(UNACKNOWLEDGED_STATES).toEqual(['sent', 'received']);
  });

  it.each(rows)('agree with the rules for %p', (row) => {
    const due = row.dueOn ? d(row.dueOn) : null;
    expect(holds(ACKNOWLEDGED_CONDITION, row)).toBe(hasAcknowledged(row));
    expect(holds(overdueCondition(today), row)).toBe(isRecipientOverdue(row, due, today));
    expect(holds(ON_TIME_CONDITION, row)).toBe(
      acknowledgedOnTime({ acknowledgedOn: row.acknowledgedOn ? d(row.acknowledgedOn) : null }, due),
    );
  });
});
