import {
  ActivityRecord,
  AgreementRecord,
  DocumentRecord,
  OrganisationRecord,
  PlanRecord,
} from '@socium/api-persistence';
import type { PublicOrganisation } from '@socium/contracts';
import {
  AcademicYear,
  activityCounts,
  ActivityStatus,
  effectiveEnd,
  isActivityPublished,
  isInForce,
  LocalDate,
  peopleCells,
  periodPartners,
  PlanStatus,
  publicPeopleCount,
  publishableActivityText,
} from '@socium/domain';

import { EntityManager, FilterQuery } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';

import { toAgreementData } from '../agreements/agreement.data';
import { ClockService } from '../clock/clock.service';
import { readPlain } from '../common/crud.support';
import { notFound } from '../http/app-error';
import type { FeedActivity } from './ics';
import type { PublicDependencies } from './public-changes';
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
import { TEXT } from './public-text';
import { screenText } from './text-screen';

const MAX_UPCOMING = 20;
const MAX_RECENT = 10;
const MAX_DOCUMENTS = 20;
/**
 * The columns of an activity a public page reads: what it lists, counts and screens (not the description, the
 * evidence links, the professions or the partner's confirmation, whose JSON would be parsed for ~200 rows a page).
 */
const PUBLIC_ACTIVITY_FIELDS = [
  'id',
  'version',
  'updatedAt',
  'planId',
  'organisationId',
  'partnerId',
  'academicYear',
  'title',
  'form',
  'startsOn',
  'endsOn',
  'venue',
  'targetGrades',
  'isPublic',
  'status',
  'heldOn',
  'actualParticipants',
  'result',
  'publicTextConfirmed',
] as const satisfies readonly (keyof ActivityRecord)[];
/** An activity as a public page reads it. */
export type PublicActivityRow = Pick<ActivityRecord, (typeof PUBLIC_ACTIVITY_FIELDS)[number]>;

/**
 * What one public page is built from. A public page only reads: its rows are plain records (`readPlain`), never
 * entities of the request's unit of work, so a cache miss builds and registers none of the ~200 activities a school's
 * page reads (docs/benchmarks.md).
 */
interface Loaded {
  org: OrganisationRecord;
  activities: PublicActivityRow[];
  agreements: AgreementRecord[];
  names: Map<string, OrganisationRecord>;
  published: Map<string, OrganisationRecord>;
  schools: OrganisationRecord[];
  year: string;
  today: string;
  isListed: (a: PublicActivityRow) => boolean;
  dependsOn: PublicDependencies;
}

/** In force on `day` (signed by both, started, not terminated, inside its term after automatic renewals). */
export function agreementInForce(a: AgreementRecord, day: string): boolean {
  return isInForce(toAgreementData(a), LocalDate.iso(day));
}

/** The last day of the term running on `day` (an auto-renewed agreement rolls past its original end). */
export function currentEnd(a: AgreementRecord, day: string): string | null {
  return effectiveEnd(toAgreementData(a), LocalDate.iso(day))?.toString() ?? null;
}

/**
 * An activity as it may go public: text the screening flagged is withheld until the school confirms it (a withheld
 * title is replaced by the name of the activity's form, a withheld venue or result by nothing). A plain copy, never
 * the managed record.
 */
export function publicActivity(a: PublicActivityRow): FeedActivity {
  const text = publishableActivityText(a, a.publicTextConfirmed, screenText);
  return {
    id: a.id,
    title: text.title ?? TEXT.ru.forms[a.form] ?? a.form,
    form: a.form,
    startsOn: a.startsOn,
    endsOn: a.endsOn,
    venue: text.venue ?? '',
    targetGrades: a.targetGrades ?? [],
    status: a.status,
    heldOn: a.heldOn,
    result: a.result === null ? null : (text.result ?? ''),
    updatedAt: a.updatedAt,
    version: a.version,
  };
}

/**
 * Participants of held activities as D4 cells (school × partner): the same cells for every public figure, so a
 * small cell is left out of the school's, the partner's and the district's figure alike.
 */
export function participantCells(
  held: readonly Pick<ActivityRecord, 'organisationId' | 'partnerId' | 'actualParticipants'>[],
): number[] {
  return peopleCells(
    held,
    (a) => `${a.organisationId}|${a.partnerId ?? ''}`,
    (a) => a.actualParticipants ?? 0,
  );
}

/** Builds the public (anonymous) view of an organisation: the widget, the iframe page, the feed and the export. */
@Injectable()
export class PublicationService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: ClockService,
  ) {}

  async organisation(slug: string): Promise<PublicOrganisation> {
    return (await this.organisationPage(slug)).page;
  }

  /** The organisation's public page and the organisations it shows (for the cache, `PublicCacheService`). */
  async organisationPage(slug: string): Promise<{ page: PublicOrganisation; dependsOn: PublicDependencies }> {
    const loaded = await this.load(slug);
    return { page: await this.build(loaded), dependsOn: loaded.dependsOn };
  }

  private async build(loaded: Loaded): Promise<PublicOrganisation> {
    const { org, activities, agreements, names, published, schools, year, today, isListed } = loaded;
    // only published organisations are named in public; an activity of an unpublished school is not listed
    const partnerOf = (a: PublicActivityRow) => (a.partnerId ? published.get(a.partnerId) : undefined);
    const listed = activities.filter(isListed);
    const inForce = agreements.filter((a) => agreementInForce(a, today));
    const yearActivities = activities.filter((a) => a.academicYear === year);
    const isPublicLive = (a: PublicActivityRow) => isListed(a) && a.status !== 'cancelled';

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
            .flatMap((id) => (published.has(id) ? [published.get(id) as OrganisationRecord] : []))
            .map(toPublicPartner)
            .sort((a, b) => a.name.localeCompare(b.name, 'ru'));

    const upcoming = listed
      .filter((a) => (a.status === 'planned' || a.status === 'postponed') && a.startsOn >= today)
      .sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.title.localeCompare(b.title, 'ru'))
      .slice(0, MAX_UPCOMING)
      .map((a) => toPublicUpcoming(publicActivity(a), partnerOf(a)));
    const recent = listed
      .filter((a) => a.status === 'held' && !!a.result)
      .sort((a, b) => (b.heldOn ?? b.startsOn).localeCompare(a.heldOn ?? a.startsOn))
      .slice(0, MAX_RECENT)
      .map((a) => toPublicRecent(publicActivity(a), partnerOf(a)));

    // Figures of the current academic year (every activity counts, public or not; only aggregates leave).
    // the domain's partners: agreements in force and activities that were not cancelled (as the department report counts them)
    const activityCounterpart = (a: PublicActivityRow) => (org.kind === 'partner' ? a.organisationId : a.partnerId);
    const yearPartners = periodPartners(
      inForce.map(counterpart),
      yearActivities.map((a) => ({ partnerId: activityCounterpart(a), status: a.status as ActivityStatus })),
    );
    const counts = activityCounts(
      yearActivities.map((a) => ({ status: a.status as 'planned' | 'held' | 'cancelled' | 'postponed' })),
    );
    // D4: only counts of people are suppressed, by the one rule that survives subtraction (publicPeopleCount)
    const figures: PublicFigures = {
      academicYear: year,
      partners: yearPartners.length,
      agreementsActive: inForce.length,
      activitiesHeld: counts.held,
      activitiesPlanned: counts.planned,
      participants: publicPeopleCount(participantCells(yearActivities.filter((a) => a.status === 'held'))),
    };

    const base = { partners, upcoming, recent, figures, generatedOn: today };
    if (org.kind !== 'department') {
      const agreementsOut = inForce
        .filter((a) => published.has(counterpart(a)))
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
    events: { activity: FeedActivity; partner: string | null; organisation: string | null }[];
    dependsOn: PublicDependencies;
  }> {
    const { org, activities, published, isListed, dependsOn } = await this.load(slug);
    const label = (id: string | null) => {
      const o = id ? published.get(id) : undefined;
      return o ? o.shortName || o.name : null;
    };
    const events = activities
      .filter(isListed)
      .sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.id.localeCompare(b.id))
      .map((activity) => ({
        activity: publicActivity(activity),
        partner: label(activity.partnerId),
        organisation: org.kind === 'school' ? null : label(activity.organisationId),
      }));
    return { org, events, dependsOn };
  }

  private async load(slug: string): Promise<Loaded> {
    const [org] = await readPlain(this.em, OrganisationRecord, { slug }, { limit: 1 });
    if (!org || !org.isPublished) throw notFound('organisation');
    const today = this.clock.today().toString();
    const year = AcademicYear.containing(this.clock.today()).label;
    let schools: OrganisationRecord[] = [];
    // a page uses this year's activities (its figures) and public ones (its lists and feed): no others are read
    const used: FilterQuery<ActivityRecord> = { $or: [{ academicYear: year }, { isPublic: true }] };
    const fields = { fields: [...PUBLIC_ACTIVITY_FIELDS] };
    let activities: PublicActivityRow[];
    let agreements: AgreementRecord[];
    if (org.kind === 'department') {
      schools = await readPlain(
        this.em,
        OrganisationRecord,
        { kind: 'school', isPublished: true },
        { orderBy: { shortName: 'asc', id: 'asc' } },
      );
      const ids = schools.map((s) => s.id);
      activities = await readPlain(this.em, ActivityRecord, { organisationId: { $in: ids }, ...used }, fields);
      agreements = await readPlain(this.em, AgreementRecord, { schoolId: { $in: ids } });
    } else if (org.kind === 'partner') {
      activities = await readPlain(this.em, ActivityRecord, { partnerId: org.id, ...used }, fields);
      agreements = await readPlain(this.em, AgreementRecord, { partnerId: org.id });
    } else {
      activities = await readPlain(this.em, ActivityRecord, { organisationId: org.id, ...used }, fields);
      agreements = await readPlain(this.em, AgreementRecord, { schoolId: org.id });
    }
    const ids = new Set<string>([
      ...agreements.flatMap((a) => [a.schoolId, a.partnerId]),
      ...activities.flatMap((a) => [a.organisationId, a.partnerId ?? '']),
    ]);
    ids.delete('');
    const names = new Map(
      (await readPlain(this.em, OrganisationRecord, { id: { $in: [...ids] } })).map((o) => [o.id, o]),
    );
    const published = new Map([...names].filter(([, o]) => o.isPublished));
    const planIds = [...new Set(activities.map((a) => a.planId))];
    const plans = planIds.length
      ? await readPlain(this.em, PlanRecord, { id: { $in: planIds } }, { fields: ['id', 'status'] })
      : [];
    const planStatus = new Map(plans.map((p) => [p.id, p.status as PlanStatus]));
    /** listed in public: a published school's activity that the domain publishes (public, plan approved or held) */
    const isListed = (a: PublicActivityRow) =>
      published.has(a.organisationId) && isActivityPublished(a, planStatus.get(a.planId));
    // a district's page shows every school; any other page, itself and the organisations it names
    const dependsOn: PublicDependencies = org.kind === 'department' ? 'everything' : new Set([org.id, ...names.keys()]);
    return { org, activities, agreements, names, published, schools, year, today, isListed, dependsOn };
  }
}
