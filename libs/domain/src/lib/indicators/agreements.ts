import { AgreementData, isFullySigned } from '../agreement/agreement';
import { agreementFlowsIn } from '../agreement/agreement-term';
import { DateRange } from '../common';
import { tally, weight, Weighted } from './ratio';

export interface AgreementStateRow extends Weighted {
  /** `cooperation | social_partnership | network_form | …` */
  readonly kind: string;
  /** in force (signed by both, not expired or terminated) on the period's last day */
  readonly inForceOnPeriodEnd: boolean;
}

export interface CountByKey {
  readonly total: number;
  readonly byKey: Readonly<Record<string, number>>;
}

/**
 * Indicator #1, snapshot at the period end (any period kind): agreements in force on the period's last
 * day, counted by kind. Rows are agreements or `GROUP BY kind, in_force` rows with a `count`.
 */
export function agreementsActiveByKind(rows: readonly AgreementStateRow[]): CountByKey {
  const active = rows.filter((r) => r.inForceOnPeriodEnd);
  return { total: active.reduce((s, r) => s + weight(r), 0), byKey: tally(active, (r) => r.kind) };
}

export interface AgreementFlowCounts {
  /** agreements whose first term starts in the period */
  readonly started: number;
  /** agreements whose last day in force falls in the period (expired or terminated); never one that rolls over */
  readonly expired: number;
  /** renewed terms starting in the period: every one of them, so an agreement renewed twice in it counts twice */
  readonly renewed: number;
}

/**
 * Indicator #4 (academic or calendar year) from the agreements themselves: new, expired and renewed, by the
 * agreement's terms (`agreementFlowsIn`: renewals keep their anniversaries, a rolling agreement never expires).
 * Only agreements signed by both parties by the period's last day count.
 */
export function agreementFlowCounts(agreements: readonly AgreementData[], period: DateRange): AgreementFlowCounts {
  let started = 0;
  let expired = 0;
  let renewed = 0;
  for (const a of agreements) {
    if (!isFullySigned(a, period.last)) continue;
    const f = agreementFlowsIn(a, period);
    if (f.started) started++;
    if (f.expired) expired++;
    renewed += f.renewals.length;
  }
  return { started, expired, renewed };
}
