import {
  DateRange,
  documentAcknowledgement,
  emptyTotals,
  INDICATOR_KEYS,
  LocalDate,
  summerEmployment,
  WorkingCalendar,
} from '@socium/domain';

import { indicatorRows } from './report-indicator-table';
import { buildIndicators, IndicatorInputs } from './report-indicators';
import { labelsFor } from './report-labels';

const empty = (over: Partial<IndicatorInputs> = {}): IndicatorInputs => ({
  period: DateRange.ofInclusive(LocalDate.iso('2019-09-01'), LocalDate.iso('2020-08-31')),
  profminimumApplies: false,
  schools: [],
  totals: emptyTotals(),
  inForceByKind: [],
  partnerTypes: [],
  schoolsWithEmployer: new Set(),
  flowAgreements: [],
  byForm: [],
  byPartnerType: [],
  held: [],
  enrolments: [],
  careerRows: [],
  needs: [],
  covered: [],
  employment: summerEmployment({ students: { '14': 0, '15': 0, '16-17': 0 }, employed: [] }),
  acknowledgement: documentAcknowledgement({
    recipients: 0,
    acknowledgedOnTime: 0,
    overdue: 0,
    workingDaysToAcknowledge: [],
  }),
  websiteItems: [],
  calendar: WorkingCalendar.tatarstan(),
  ...over,
});

describe(buildIndicators.name, () => {
  it('answers every key on an empty district: counts as 0, shares as null with a reason and its message', () => {
    const all = buildIndicators(empty(), labelsFor('ru'));
    expect(Object.keys(all)).toEqual(INDICATOR_KEYS);
    expect(all['activeAgreementsByKind']).toMatchObject({ value: 0 });
    expect(all['agreementFlows']).toMatchObject({ value: 0, new: 0, expired: 0, renewed: 0 });
    expect(all['schoolsWithEmployerPartnerShare']).toMatchObject({
      value: null,
      reason: 'schools.none',
      message: 'Нет школ',
    });
    expect(all['planExecution']).toMatchObject({ value: null, reason: 'activities.none-planned' });
    expect(all['studentCoverage']).toMatchObject({ value: null, reason: 'enrolment.missing' });
    expect(all['profminimum']).toMatchObject({ value: null, reason: 'profminimum.not-applicable' });
    expect(all['demandedProfessionsCovered']).toMatchObject({ value: null, reason: 'labour-needs.missing' });
    expect(all['summerEmployment']).toMatchObject({ value: null, reason: 'enrolment.missing' });
    expect(all['placementCompliance']).toMatchObject({ value: null, reason: 'placements.none' });
    expect(all['documentAcknowledgement']).toMatchObject({ value: null, reason: 'documents.none' });
    expect(all['websiteTimeliness']).toMatchObject({ value: null, reason: 'website.no-items' });
  });

  it('names every indicator and reason in Tatar, never with a raw key', () => {
    const all = buildIndicators(empty(), labelsFor('tt'));
    for (const i of Object.values(all)) {
      expect(i.name).not.toMatch(/^ind_/);
      if (i.value === null) expect(i['message']).not.toMatch(/^reason_/);
    }
  });

  it('asks for a level from 2023-2024 on: no school with one is profminimum.no-level', () => {
    const all = buildIndicators(
      empty({ profminimumApplies: true, schools: [{ id: 's', name: 'S', profminimumLevel: null }] }),
      labelsFor('en'),
    );
    expect(all['profminimum']).toMatchObject({ value: null, reason: 'profminimum.no-level' });
  });
});

describe(indicatorRows.name, () => {
  it('lists the fourteen with a share as a percentage and the reason message where there is no value', () => {
    const rows = indicatorRows(
      buildIndicators(
        empty({ totals: { ...emptyTotals(), placements: 4, placementsWithFindings: 1 } }),
        labelsFor('en'),
      ),
      labelsFor('en'),
    );
    expect(rows.map((r) => r[0])).toEqual(INDICATOR_KEYS);
    expect(rows.find((r) => r[0] === 'placementCompliance')).toEqual([
      'placementCompliance',
      'Share of placements with findings',
      '25 %',
      'placements: 4; with findings: 1',
    ]);
    expect(rows.find((r) => r[0] === 'websiteTimeliness')).toEqual([
      'websiteTimeliness',
      'Website timeliness',
      null,
      'No public items in the period',
    ]);
  });
});
