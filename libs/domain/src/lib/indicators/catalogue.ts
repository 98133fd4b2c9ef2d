import { PERIOD_KINDS, type PeriodKind } from '../calendar';

/** Period kinds of domain rules A7 (the wire values of `/periods`). */
export type IndicatorPeriodKind = PeriodKind;

export interface IndicatorDefinition {
  /** number in domain rules G2 */
  readonly id: number;
  readonly key: string;
  /** the function of this library that computes it */
  readonly computedBy: string;
  readonly periodKinds: readonly IndicatorPeriodKind[];
  /** district-level aggregates may be published (suppressed, D4); false = internal only */
  readonly publicOutput: boolean;
}

/** The G2 indicator set #1–#13 with the period kinds each one is aggregated by. */
export const INDICATORS: readonly IndicatorDefinition[] = [
  {
    id: 1,
    key: 'agreementsActive',
    computedBy: 'agreementsActiveByKind',
    periodKinds: PERIOD_KINDS,
    publicOutput: true,
  },
  { id: 2, key: 'partnersByType', computedBy: 'partnersByType', periodKinds: ['academic_year'], publicOutput: true },
  {
    id: 3,
    key: 'schoolsWithEmployerPartner',
    computedBy: 'employerPartnerShare',
    periodKinds: ['academic_year'],
    publicOutput: true,
  },
  {
    id: 4,
    key: 'agreementFlows',
    computedBy: 'agreementFlows',
    periodKinds: ['academic_year', 'calendar_year'],
    publicOutput: true,
  },
  {
    id: 5,
    key: 'planExecution',
    computedBy: 'planExecution',
    periodKinds: ['term', 'academic_year'],
    publicOutput: true,
  },
  {
    id: 6,
    key: 'jointEvents',
    computedBy: 'activityCounts',
    periodKinds: ['term', 'academic_year'],
    publicOutput: true,
  },
  { id: 7, key: 'studentCoverage', computedBy: 'studentCoverage', periodKinds: ['academic_year'], publicOutput: true },
  {
    id: 8,
    key: 'profminimumFulfilment',
    computedBy: 'profminimumFulfilment / profminimumSummary',
    periodKinds: ['academic_year'],
    publicOutput: true,
  },
  {
    id: 9,
    key: 'trialsAndExcursions',
    computedBy: 'trialsAndExcursions',
    periodKinds: ['academic_year'],
    publicOutput: true,
  },
  {
    id: 10,
    key: 'demandedProfessionCoverage',
    computedBy: 'professionCoverage',
    periodKinds: ['academic_year'],
    publicOutput: true,
  },
  {
    id: 11,
    key: 'summerEmployment',
    computedBy: 'summerEmployment',
    periodKinds: ['summer_campaign'],
    publicOutput: true,
  },
  {
    id: 12,
    key: 'placementCompliance',
    computedBy: 'placementCompliance',
    periodKinds: ['summer_campaign', 'academic_year'],
    publicOutput: false,
  },
  {
    id: 13,
    key: 'documentAcknowledgement',
    computedBy: 'documentAcknowledgement',
    periodKinds: ['calendar_quarter'],
    publicOutput: false,
  },
];
