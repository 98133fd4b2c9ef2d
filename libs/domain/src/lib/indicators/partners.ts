import { ActivityStatus } from '../activity';
import { LIVE_ACTIVITY_STATUSES } from './activities';
import { CountByKey } from './agreements';
import { ratio } from './ratio';

/** An activity's counterpart (its partner, or the school seen from a partner) and its status. */
export interface PartnerActivity {
  readonly partnerId: string | null;
  readonly status: ActivityStatus;
}

/** Whether an activity makes its counterpart a partner: any activity that was not cancelled. */
export const makesPartner = (activity: Pick<PartnerActivity, 'status'>): boolean =>
  LIVE_ACTIVITY_STATUSES.includes(activity.status);

/**
 * The partners of an organisation in a period (indicator #2, the report's and the public widget's
 * "partners"): the counterparts of its agreements in force (on the period's last day in the report, today
 * in the widget) and of its activities of the period that were not cancelled. A partner whose only
 * activities were cancelled and who has no agreement in force is not a partner. Each counts once.
 */
export function periodPartners(
  agreementCounterparts: readonly string[],
  activities: readonly PartnerActivity[],
): string[] {
  const ids = new Set(agreementCounterparts);
  for (const a of activities) if (a.partnerId && makesPartner(a)) ids.add(a.partnerId);
  return [...ids];
}

export interface PartnerLink {
  readonly partnerId: string;
  /** `employer | college | culture | …`; null is counted as `unspecified` */
  readonly partnerType: string | null;
}

/**
 * Indicator #2 (academic year): distinct partners by type. `links` are (partner, type) pairs of the
 * agreements or activities of the period, duplicates allowed; each partner counts once, under its type.
 * Sums of per-school results are NOT distinct across schools: compute district figures from the
 * district's own links.
 */
export function partnersByType(links: readonly PartnerLink[]): CountByKey {
  const typeOf = new Map<string, string>();
  for (const link of links)
    if (!typeOf.has(link.partnerId)) typeOf.set(link.partnerId, link.partnerType ?? 'unspecified');
  const byKey: Record<string, number> = {};
  for (const type of typeOf.values()) byKey[type] = (byKey[type] ?? 0) + 1;
  return { total: typeOf.size, byKey };
}

export interface SchoolPartnerRow {
  /** distinct employer (enterprise) partners of the school in the period; include schools with 0 */
  readonly employerPartners: number;
}

export interface EmployerPartnerShare {
  readonly schools: number;
  readonly withEmployer: number;
  /** withEmployer ÷ schools; null with no schools */
  readonly share: number | null;
}

/** Indicator #3 (academic year): share of schools with at least one employer partner. */
export function employerPartnerShare(schools: readonly SchoolPartnerRow[]): EmployerPartnerShare {
  const withEmployer = schools.filter((s) => s.employerPartners >= 1).length;
  return { schools: schools.length, withEmployer, share: ratio(withEmployer, schools.length) };
}
