import { Condition, LocalDate } from '../common';
import { RECIPIENT_STATES, RecipientState } from './document';

// The recipient rules of document.ts as conditions on a recipient row, for queries that count them
// (the department report); the specs check each against the function it restates.

/** The states from `acknowledged` on: the recipient has acknowledged (`hasAcknowledged`). */
export const ACKNOWLEDGED_STATES: readonly RecipientState[] = RECIPIENT_STATES.slice(
  RECIPIENT_STATES.indexOf('acknowledged'),
);
/** The states before `acknowledged`: sent or received, still waiting. */
export const UNACKNOWLEDGED_STATES: readonly RecipientState[] = RECIPIENT_STATES.filter(
  (s) => !ACKNOWLEDGED_STATES.includes(s),
);

/** A recipient row: its state and acknowledgement date, and its document's due date (ISO text). */
export type RecipientField = 'state' | 'dueOn' | 'acknowledgedOn';

/** `hasAcknowledged` as a condition. */
export const ACKNOWLEDGED_CONDITION: Condition<RecipientField> = { field: 'state', oneOf: ACKNOWLEDGED_STATES };

/** `isRecipientOverdue` on `today` as a condition. */
export function overdueCondition(today: LocalDate): Condition<RecipientField> {
  return {
    all: [
      { field: 'state', oneOf: UNACKNOWLEDGED_STATES },
      { field: 'dueOn', isNull: false },
      { field: 'dueOn', op: '<', value: today.toString() },
    ],
  };
}

/** `acknowledgedOnTime` as a condition. */
export const ON_TIME_CONDITION: Condition<RecipientField> = {
  all: [
    { field: 'acknowledgedOn', isNull: false },
    {
      any: [
        { field: 'dueOn', isNull: true },
        { field: 'acknowledgedOn', op: '<=', otherField: 'dueOn' },
      ],
    },
  ],
};
