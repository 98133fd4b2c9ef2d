import { PERIOD_KINDS, type PeriodKind } from '../calendar';
import type { IndicatorKey } from './report-indicators';

/** Period kinds of domain rules A7 (the wire values of `/periods`). */
export type IndicatorPeriodKind = PeriodKind;

export interface IndicatorDefinition {
  /** number in domain rules G2 */
  readonly id: number;
  readonly key: IndicatorKey;
  /** the function of this library that computes it */
  readonly computedBy: string;
  readonly periodKinds: readonly IndicatorPeriodKind[];
  /** district-level aggregates may be published (suppressed, D4); false = internal only */
  readonly publicOutput: boolean;
}

/** The G2 indicator set #1–#14 (keys of the report's `indicators`) with the period kinds each one is aggregated by. */
export const INDICATORS: readonly IndicatorDefinition[] = [
  {
    id: 1,
    key: 'activeAgreementsByKind',
    computedBy: 'agreementsActiveByKind',
    periodKinds: PERIOD_KINDS,
    publicOutput: true,
  },
  { id: 2, key: 'partnersByType', computedBy: 'partnersByType', periodKinds: ['academic_year'], publicOutput: true },
  {
    id: 3,
    key: 'schoolsWithEmployerPartnerShare',
    computedBy: 'employerPartnerShare',
    periodKinds: ['academic_year'],
    publicOutput: true,
  },
  {
    id: 4,
    key: 'agreementFlows',
    computedBy: 'agreementFlowCounts',
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
    key: 'jointEventsByForm',
    computedBy: 'activityCounts',
    periodKinds: ['term', 'academic_year'],
    publicOutput: true,
  },
  {
    id: 7,
    key: 'studentCoverage',
    computedBy: 'studentCoverageOf',
    periodKinds: ['academic_year'],
    publicOutput: true,
  },
  {
    id: 8,
    key: 'profminimum',
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
    key: 'demandedProfessionsCovered',
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
  {
    id: 14,
    key: 'websiteTimeliness',
    computedBy: 'websiteTimeliness',
    periodKinds: ['calendar_quarter'],
    publicOutput: false,
  },
];
