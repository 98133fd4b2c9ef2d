import { Condition, LocalDate } from '../common';
import type { PlacementStatus } from './finding-kinds';

/** A stored placement as the flags see it: its status and first day. */
export interface PlacementFlagRow {
  readonly status: PlacementStatus;
  readonly startsOn: LocalDate;
}

/** The status of a placement saved with missing paperwork (consents, medical clearance). */
export const BLOCKED_PLACEMENT_STATUS: PlacementStatus = 'blocked';

/** B (issue 14 item 3): a placement is flagged while it is blocked by missing paperwork. */
export function isBlocked(p: Pick<PlacementFlagRow, 'status'>): boolean {
  return p.status === BLOCKED_PLACEMENT_STATUS;
}

/**
 * B (issue 14 item 3): a placement "started blocked" when it is still blocked on or after its first day —
 * the student works (or was due to) without the paperwork. The report counts these apart so that none starts
 * blocked unnoticed.
 */
export function hasStartedBlocked(p: PlacementFlagRow, today: LocalDate): boolean {
  return isBlocked(p) && !p.startsOn.isAfter(today);
}

/** A placement row for the report's queries: its status and start date (ISO text). */
export type PlacementFlagField = 'status' | 'startsOn';

/** `isBlocked` as a condition. */
export const BLOCKED_CONDITION: Condition<PlacementFlagField> = { field: 'status', oneOf: [BLOCKED_PLACEMENT_STATUS] };

/** `hasStartedBlocked` on `today` as a condition. */
export function startedBlockedCondition(today: LocalDate): Condition<PlacementFlagField> {
  return { all: [BLOCKED_CONDITION, { field: 'startsOn', op: '<=', value: today.toString() }] };
}
