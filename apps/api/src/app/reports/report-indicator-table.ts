import { SHARE_INDICATOR_KEYS } from '@socium/domain';

import type { Cell } from './report-cells';
import type { Indicator, ReportIndicators } from './report-indicators';

type T = (key: string) => string;
type Named = { key: string; name: string; value: number };

const pct = (v: unknown): string => (typeof v === 'number' ? `${Math.round(v * 1000) / 10} %` : '—');
const pairs = (t: T, items: [string, unknown][]): string => items.map(([k, v]) => `${t(`d_${k}`)}: ${v}`).join('; ');
const list = (rows: unknown): string =>
  (Array.isArray(rows) ? (rows as Named[]) : [])
    .filter((r) => r.value > 0)
    .map((r) => `${r.name}: ${r.value}`)
    .join('; ');

/** The "details" cell of one indicator of the files' "Показатели" table, in the report's language. */
function details(key: string, i: Indicator, t: T): string {
  switch (key) {
    case 'activeAgreementsByKind':
      return Object.entries(i['byKind'] as Record<string, number>)
        .map(([k, n]) => `${t(`ak_${k}`)}: ${n}`)
        .join('; ');
    case 'partnersByType':
      return list(i['byType']);
    case 'schoolsWithEmployerPartnerShare':
      return pairs(t, [
        ['schools', i['schools']],
        ['withEmployer', i['schoolsWithEmployer']],
      ]);
    case 'agreementFlows':
      return pairs(t, [
        ['new', i['new']],
        ['expired', i['expired']],
        ['renewed', i['renewed']],
      ]);
    case 'planExecution':
      return pairs(t, [
        ['planned', i['planned']],
        ['held', i['held']],
        ['cancelled', i['cancelled']],
      ]);
    case 'jointEventsByForm':
      return list(i['byForm']);
    case 'studentCoverage':
      return pairs(t, [
        ['participants', i['participants']],
        ['enrolment', i['enrolment']],
        ['grades6to11', pct(i['grades6to11'])],
      ]);
    case 'profminimum':
      return pairs(t, [
        ['schools', i['schoolsWithLevel']],
        ['meeting', i['schoolsMeeting']],
      ]);
    case 'trialsAndExcursions':
      return `${t('form_professional_trial')}: ${String(i['professionalTrials'])}; ${t('form_excursion')}: ${String(
        i['excursions'],
      )}; ${pairs(t, [
        ['participants', i['participants']],
        ['grades6to11', pct(i['grades6to11Share'])],
      ])}`;
    case 'demandedProfessionsCovered':
      return pairs(t, [
        ['covered', i['covered']],
        ['demanded', i['demanded']],
      ]);
    case 'summerEmployment':
      return pairs(t, [
        ['employed', i['employed']],
        ['students', i['students']],
      ]);
    case 'placementCompliance':
      return pairs(t, [
        ['placements', i['placements']],
        ['withFindings', i['withFindings']],
      ]);
    case 'documentAcknowledgement':
      return pairs(t, [
        ['recipients', i['recipients']],
        ['onTime', i['onTime']],
        ['overdue', i['overdue']],
        ['median', i['medianWorkingDays'] ?? '—'],
      ]);
    case 'websiteTimeliness':
      return pairs(t, [
        ['items', i['items']],
        ['timely', i['timely']],
      ]);
    default:
      return '';
  }
}

/** Whether an indicator's value is a share (0–1) rather than a count (the domain's list). */
export const SHARE_INDICATORS: readonly string[] = SHARE_INDICATOR_KEYS;

/**
 * The rows of the "Показатели" table: the indicator's key, its name, its value (a share as a percentage text, a
 * count as a number, nothing when null) and its details, or the reason's message when it has no value.
 */
export function indicatorRows(indicators: ReportIndicators, t: T): Cell[][] {
  return Object.entries(indicators).map(([key, i]): Cell[] => [
    key,
    i.name,
    i.value === null ? null : SHARE_INDICATORS.includes(key) ? pct(i.value) : i.value,
    i.value === null ? String(i['message'] ?? '') : details(key, i, t),
  ]);
}
