import type { AgreementResponse } from '@socium/contracts';
import { AcademicYear, DateRange, LocalDate, validatePlanAgainstAgreement } from '@socium/domain';

import type { I18nService } from '../core/i18n.service';

/** «№ 12/2026 · Завод «Тапарт» (до 31.08.2027)»: how a plan names the agreement it annexes. */
export function agreementLabel(
  a: Pick<AgreementResponse, 'number' | 'partnerId' | 'effectiveEndsOn'>,
  names: ReadonlyMap<string, string>,
  i18n: I18nService,
): string {
  const partner = names.get(a.partnerId) ?? '…';
  return a.effectiveEndsOn
    ? i18n.t('plan_agreement_label_until', { number: a.number, partner, until: i18n.date(a.effectiveEndsOn) })
    : i18n.t('plan_agreement_label', { number: a.number, partner });
}

/** The agreement's term as a range of days (an open-ended one runs far beyond any plan). */
export function agreementTerm(
  a: Pick<AgreementResponse, 'startsOn' | 'effectiveEndsOn'> | undefined,
): DateRange | null {
  if (!a) return null;
  const last = a.effectiveEndsOn ? LocalDate.iso(a.effectiveEndsOn) : LocalDate.of(9999, 12, 31);
  const r = DateRange.inclusive(LocalDate.iso(a.startsOn), last);
  return r.ok ? r.value : null;
}

/**
 * The agreements a plan of `academicYear` may annex: in force for part of that year (the domain's
 * `validatePlanAgainstAgreement`, which the server applies too), not terminated.
 */
export function agreementsForYear<A extends Pick<AgreementResponse, 'startsOn' | 'effectiveEndsOn' | 'status'>>(
  agreements: readonly A[],
  academicYear: string,
): A[] {
  const year = AcademicYear.parse(academicYear);
  if (!year.ok) return [...agreements];
  return agreements.filter((a) => {
    const term = agreementTerm(a);
    return a.status !== 'terminated' && !!term && validatePlanAgainstAgreement(year.value.range, term).length === 0;
  });
}
