import type { AgreementResponse } from '@socium/contracts';
import {
  AcademicYear,
  agreementTermRange,
  DateRange,
  LocalDate,
  validatePlanAgainstAgreement,
  type AgreementData,
} from '@socium/domain';

import type { I18nService } from '../core/i18n.service';

/** «№ 12/2026 · Завод «Тапарт» (до 31.08.2027)»: how a plan names the agreement it annexes. */
export function agreementLabel(
  a: Pick<AgreementResponse, 'number' | 'partnerId' | 'effectiveEndsOn' | 'autoRenew' | 'terminatedOn'>,
  names: ReadonlyMap<string, string>,
  i18n: I18nService,
): string {
  const partner = names.get(a.partnerId) ?? '…';
  // an agreement that renews itself is not shown as ending: a plan for a later year fits it
  if (a.autoRenew && !a.terminatedOn) return i18n.t('plan_agreement_label_renewing', { number: a.number, partner });
  return a.effectiveEndsOn
    ? i18n.t('plan_agreement_label_until', { number: a.number, partner, until: i18n.date(a.effectiveEndsOn) })
    : i18n.t('plan_agreement_label', { number: a.number, partner });
}

type TermFields = Pick<
  AgreementResponse,
  'kind' | 'startsOn' | 'endsOn' | 'autoRenew' | 'noticeDays' | 'terminatedOn' | 'status'
>;

const date = (s: string | null): LocalDate | null => (s ? LocalDate.iso(s) : null);

/**
 * The agreement's term as a plan of `year` sees it, as the server computes it (`agreementTermFor`): renewals counted
 * up to the year's last day, cut at a termination (the domain's `agreementTermRange`). A notice of non-renewal is not
 * in the API's answer: for such an agreement the server may still refuse, and its refusal is shown on the field.
 */
export function agreementTerm(a: TermFields | undefined, year: DateRange): DateRange | null {
  if (!a) return null;
  const data: AgreementData = {
    kind: a.kind,
    number: '',
    subject: '',
    goal: '',
    directionIds: [],
    obligations: [],
    startsOn: LocalDate.iso(a.startsOn),
    endsOn: date(a.endsOn),
    autoRenew: a.autoRenew,
    noticeDays: a.noticeDays,
    signatures: {},
    terminatedOn: date(a.terminatedOn),
  };
  return agreementTermRange(data, year.last) ?? NEVER_IN_FORCE;
}

/** Stands for the term of an agreement terminated on its first day: no real date falls inside it. */
const NEVER_IN_FORCE = DateRange.ofInclusive(LocalDate.of(1, 1, 1), LocalDate.of(1, 1, 1));

/**
 * The agreements a plan of `academicYear` may annex: in force for part of that year (the domain's
 * `validatePlanAgainstAgreement` over `agreementTerm`, as the server checks), not terminated.
 */
export function agreementsForYear<A extends TermFields>(agreements: readonly A[], academicYear: string): A[] {
  const year = AcademicYear.parse(academicYear);
  if (!year.ok) return [...agreements];
  const range = year.value.range;
  return agreements.filter(
    (a) => a.status !== 'terminated' && validatePlanAgainstAgreement(range, agreementTerm(a, range)).length === 0,
  );
}
