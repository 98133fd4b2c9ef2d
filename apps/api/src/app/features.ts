// Every bounded context registers its controllers and services in its own *.feature.ts.
import * as adminUi from './admin-ui/admin-ui.feature';
import * as agreements from './agreements/agreements.feature';
import * as audit from './audit/audit.feature';
import * as calendars from './calendars/calendars.feature';
import { DocsController } from './docs/docs.controller';
import * as documents from './documents/documents.feature';
import * as enrolment from './enrolment/enrolment.feature';
import { HealthController } from './health/health.controller';
import * as imports from './imports/imports.feature';
import * as labour from './labour/labour.feature';
import * as links from './links/links.feature';
import * as notifications from './notifications/notifications.feature';
import { OrganisationsController } from './organisations/organisations.controller';
import { OrganisationsService } from './organisations/organisations.service';
import * as periods from './periods/periods.feature';
import * as plans from './plans/plans.feature';
import * as publication from './publication/publication.feature';
import * as registry from './registry/registry.feature';
import * as reports from './reports/reports.feature';

const contexts = [
  adminUi,
  agreements,
  plans,
  labour,
  registry,
  audit,
  calendars,
  periods,
  documents,
  reports,
  publication,
  notifications,
  links,
  enrolment,
  imports,
];

export const FEATURE_CONTROLLERS = [
  HealthController,
  DocsController,
  OrganisationsController,
  ...contexts.flatMap((c) => c.controllers),
];
export const FEATURE_PROVIDERS = [OrganisationsService, ...contexts.flatMap((c) => c.providers)];
