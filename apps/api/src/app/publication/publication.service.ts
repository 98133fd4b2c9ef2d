import { ActivityRecord, AgreementRecord, DocumentRecord, OrganisationRecord } from '@socium/api-persistence';
import type { PublicOrganisation } from '@socium/contracts';
import {
  AcademicYear,
  activityCounts,
  ActivityStatus,
  effectiveEnd,
  isInForce,
  LocalDate,
  periodPartners,
  suppressSmall,
} from '@socium/domain';

import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';

import { toAgreementData } from '../agreements/agreement.data';
import { ClockService } from '../clock/clock.service';
import { notFound } from '../http/app-error';
import {
  PublicFigures,
  toPublicAgreement,
  toPublicDocument,
  toPublicOrganisation,
  toPublicPartner,
  toPublicRecent,
  toPublicSchool,
  toPublicUpcoming,
} from './public-organisation.mapper';

const MAX_UPCOMING = 20;
const MAX_RECENT = 10;
const MAX_DOCUMENTS = 20;

/** In force on `day` (signed by both, started, not terminated, inside its term after automatic renewals). */
export function agreementInForce(a: AgreementRecord, day: string): boolean {
  return isInForce(toAgreementData(a), LocalDate.iso(day));
}

/** The last day of the term running on `day` (an auto-renewed agreement rolls past its original end). */
export function currentEnd(a: AgreementRecord, day: string): string | null {
  return effectiveEnd(toAgreementData(a), LocalDate.iso(day))?.toString() ?? null;
}

/** Builds the public (anonymous) view of an organisation: the widget, the iframe page, the feed and the export. */
@Injectable()
export class PublicationService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: ClockService,
  ) {}

  async organisation(slug: string): Promise<PublicOrganisation> {
    const { org, activities, agreements, names, schools, year, today } = await this.load(slug);
    const partnerOf = (a: ActivityRecord) => (a.partnerId ? names.get(a.partnerId) : undefined);
    const inForce = agreements.filter((a) => agreementInForce(a, today));
    const yearActivities = activities.filter((a) => a.academicYear === year);
    const isPublicLive = (a: ActivityRecord) => a.isPublic && a.status !== 'cancelled';

    // Partners: counterparts of agreements in force today and partners of this year's public activities.
    const counterpart = (a: AgreementRecord) => (org.kind === 'partner' ? a.schoolId : a.partnerId);
    const partnerIds = new Set<string>([
      ...inForce.map(counterpart),
      ...yearActivities
        .filter(isPublicLive)
        .flatMap((a) => (a.partnerId && org.kind !== 'partner' ? [a.partnerId] : [])),
    ]);
    const partners =
      org.kind === 'department'
        ? []
        : [...partnerIds]
            .flatMap((id) => (names.has(id) ? [names.get(id) as OrganisationRecord] : []))
            .map(toPublicPartner)
            .sort((a, b) => a.name.localeCompare(b.name, 'ru'));

    const upcoming = activities
      .filter((a) => a.isPublic && (a.status === 'planned' || a.status === 'postponed') && a.startsOn >= today)
      .sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.title.localeCompare(b.title, 'ru'))
      .slice(0, MAX_UPCOMING)
      .map((a) => toPublicUpcoming(a, partnerOf(a)));
    const recent = activities
      .filter((a) => a.isPublic && a.status === 'held' && !!a.result)
      .sort((a, b) => (b.heldOn ?? b.startsOn).localeCompare(a.heldOn ?? a.startsOn))
      .slice(0, MAX_RECENT)
      .map((a) => toPublicRecent(a, partnerOf(a)));

    // Figures of the current academic year (every activity counts, public or not; only aggregates leave).
    // the domain's partners: agreements in force and activities that were not cancelled (as the department report counts them)
    const activityCounterpart = (a: ActivityRecord) => (org.kind === 'partner' ? a.organisationId : a.partnerId);
    const yearPartners = periodPartners(
      inForce.map(counterpart),
      yearActivities.map((a) => ({ partnerId: activityCounterpart(a), status: a.status as ActivityStatus })),
    );
    const counts = activityCounts(
      yearActivities.map((a) => ({ status: a.status as 'planned' | 'held' | 'cancelled' | 'postponed' })),
    );
    const participants = yearActivities
      .filter((a) => a.status === 'held')
      .reduce((s, a) => s + (a.actualParticipants ?? 0), 0);
    const figures: PublicFigures = {
      academicYear: year,
      partners: suppressSmall(yearPartners.length),
      agreementsActive: suppressSmall(inForce.length),
      activitiesHeld: suppressSmall(counts.held),
      activitiesPlanned: suppressSmall(counts.planned),
      participants: suppressSmall(participants),
    };

    const base = { partners, upcoming, recent, figures, generatedOn: today };
    if (org.kind !== 'department') {
      const agreementsOut = inForce
        .sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.number.localeCompare(b.number))
        .map((a) => toPublicAgreement(a, names.get(counterpart(a)), currentEnd(a, today)));
      return toPublicOrganisation(org, { ...base, agreements: agreementsOut });
    }
    const documents = await this.em.find(
      DocumentRecord,
      { isPublic: true },
      { orderBy: { issuedOn: 'desc', number: 'asc' }, limit: MAX_DOCUMENTS },
    );
    // The number of schools is a count of organisations, not of people: not suppressed.
    figures.schools = schools.length;
    return toPublicOrganisation(org, {
      ...base,
      agreements: [],
      schools: schools.map(toPublicSchool),
      documents: documents.map(toPublicDocument),
    });
  }

  /** Public activities for the iCalendar feed: every public activity of the organisation (cancelled ones marked so). */
  async feed(slug: string): Promise<{
    org: OrganisationRecord;
    events: { activity: ActivityRecord; partner: string | null; organisation: string | null }[];
  }> {
    const { org, activities, names } = await this.load(slug);
    const label = (id: string | null) =>
      id && names.get(id)
        ? (names.get(id) as OrganisationRecord).shortName || (names.get(id) as OrganisationRecord).name
        : null;
    const events = activities
      .filter((a) => a.isPublic)
      .sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.id.localeCompare(b.id))
      .map((activity) => ({
        activity,
        partner: label(activity.partnerId),
        organisation: org.kind === 'school' ? null : label(activity.organisationId),
      }));
    return { org, events };
  }

  private async load(slug: string) {
    const org = await this.em.findOne(OrganisationRecord, { slug });
    if (!org || !org.isPublished) throw notFound('organisation');
    const today = this.clock.today().toString();
    const year = AcademicYear.containing(this.clock.today()).label;
    let schools: OrganisationRecord[] = [];
    let activities: ActivityRecord[];
    let agreements: AgreementRecord[];
    if (org.kind === 'department') {
      schools = await this.em.find(
        OrganisationRecord,
        { kind: 'school', isPublished: true },
        { orderBy: { shortName: 'asc' } },
      );
      const ids = schools.map((s) => s.id);
      activities = await this.em.find(ActivityRecord, { organisationId: { $in: ids } });
      agreements = await this.em.find(AgreementRecord, { schoolId: { $in: ids } });
    } else if (org.kind === 'partner') {
      activities = await this.em.find(ActivityRecord, { partnerId: org.id });
      agreements = await this.em.find(AgreementRecord, { partnerId: org.id });
    } else {
      activities = await this.em.find(ActivityRecord, { organisationId: org.id });
      agreements = await this.em.find(AgreementRecord, { schoolId: org.id });
    }
    const ids = new Set<string>([
      ...agreements.flatMap((a) => [a.schoolId, a.partnerId]),
      ...activities.flatMap((a) => [a.organisationId, a.partnerId ?? '']),
    ]);
    ids.delete('');
    const names = new Map((await this.em.find(OrganisationRecord, { id: { $in: [...ids] } })).map((o) => [o.id, o]));
    return { org, activities, agreements, names, schools, year, today };
  }
}
