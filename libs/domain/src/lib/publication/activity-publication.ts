import type { ActivityStatus } from '../activity/activity';
import type { PlanStatus } from '../plan/plan';

/** The plan statuses under which a plan's public activities are announced: the coordinator has approved the plan. */
export const PUBLISHING_PLAN_STATUSES: readonly PlanStatus[] = ['approved', 'closed'];

/** What the public pages need to know of an activity to decide whether it goes public. */
export interface PublishableActivity {
  readonly isPublic: boolean;
  readonly status: ActivityStatus;
}

/**
 * C3/D4 (issue 14 item 5): a public activity reaches the widget, the embed page, the iCalendar feed and the export
 * once its plan is approved (or closed after approval); a held activity stays public whatever happens to its plan
 * later (a returned plan does not erase an outcome that took place). A non-public activity never goes public.
 */
export function isActivityPublished(activity: PublishableActivity, planStatus: PlanStatus | null | undefined): boolean {
  if (!activity.isPublic) return false;
  if (activity.status === 'held') return true;
  return planStatus != null && PUBLISHING_PLAN_STATUSES.includes(planStatus);
}
