import type { Knex } from '@mikro-orm/knex';

import { activityChunks, activityList } from './queries/activity-list.query';
import { agreementsByOrg, agreementsInForce } from './queries/agreements.query';
import { breakdownGroups } from './queries/breakdowns.query';
import { careerHoursByGrades, coveredProfessions, labourNeeds } from './queries/career.query';
import { acknowledgementPairs, documentsByOrg } from './queries/documents.query';
import {
  agreementsForFlows,
  agreementsInForceByKind,
  enrolments,
  heldGroups,
  schoolsWithEmployerPartner,
  websiteItems,
} from './queries/indicators.query';
import { departmentName, organisations } from './queries/organisations.query';
import { distinctPartners, partnersByOrg, partnersByType } from './queries/partners.query';
import { employedByChannelAndBand, placementsByOrg } from './queries/placements.query';
import { plannedStatusByOrg } from './queries/plan-execution.query';
import { ReportSql, ReportWindow } from './queries/report-sql';
import { activityGroupsByOrg } from './queries/school-activity.query';

export { ACTIVITY_LIST_LIMIT } from './queries/activity-list.query';
export type { ReportWindow } from './queries/report-sql';
export type { ActivityGroupRow, ActivityListRow, AgreementLink } from './queries/report-rows';
export type { EnrolmentRow, HeldGroupRow, WebsiteItemRow } from './queries/indicators.query';

/**
 * The SQL side of the department report, one query module per indicator under `queries/`: every figure is
 * aggregated by the database (GROUP BY), the same on SQLite and PostgreSQL, with the domain's statuses,
 * conditions and age bands as bound values. Results are grouped rows; the indicator formulas live in
 * `@socium/domain`. Queries that several figures share run once per instance.
 */
export class ReportQueries {
  private readonly db: ReportSql;

  constructor(k: Knex, w: ReportWindow) {
    this.db = new ReportSql(k, w);
  }

  agreementsInForce = () => agreementsInForce(this.db);
  agreementsByOrg = () => agreementsByOrg(this.db);
  partnersByOrg = () => partnersByOrg(this.db);
  partnersByType = () => partnersByType(this.db);
  distinctPartners = () => distinctPartners(this.db);
  activityGroupsByOrg = () => activityGroupsByOrg(this.db);
  plannedStatusByOrg = () => plannedStatusByOrg(this.db);
  breakdownGroups = () => breakdownGroups(this.db);
  careerHoursByGrades = () => careerHoursByGrades(this.db);
  coveredProfessions = () => coveredProfessions(this.db);
  labourNeeds = () => labourNeeds(this.db);
  placementsByOrg = () => placementsByOrg(this.db);
  employedByChannelAndBand = () => employedByChannelAndBand(this.db);
  documentsByOrg = () => documentsByOrg(this.db);
  acknowledgementPairs = () => acknowledgementPairs(this.db);
  activityChunks = (size?: number, limit?: number) => activityChunks(this.db, size, limit);
  activityList = (limit?: number) => activityList(this.db, limit);
  organisations = () => organisations(this.db);
  agreementsInForceByKind = () => agreementsInForceByKind(this.db);
  agreementsForFlows = () => agreementsForFlows(this.db);
  schoolsWithEmployerPartner = () => schoolsWithEmployerPartner(this.db);
  heldGroups = () => heldGroups(this.db);
  enrolments = () => enrolments(this.db);
  websiteItems = () => websiteItems(this.db);
  departmentName = () => departmentName(this.db);
}
