import type {
  ActivityResponse,
  AgreementResponse,
  EnrolmentResponse,
  LabourNeedResponse,
  OrganisationResponse,
  Page,
  PlacementResponse,
  PlanResponse,
} from '@socium/contracts';

import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { Router, RouterLink } from '@angular/router';
import { catchError, forkJoin, map, Observable, of } from 'rxjs';

import { describeError } from '../core/api-error';
import { AuthService } from '../core/auth.service';
import { I18nService } from '../core/i18n.service';
import type { MessageKey } from '../core/messages';
import { Notify } from '../core/notify';
import { ActivitiesData } from '../data-access/activities.data';
import { AgreementsData } from '../data-access/agreements.data';
import { apiFailure } from '../data-access/http';
import { OrganisationsData } from '../data-access/organisations.data';
import { PlacementsData } from '../data-access/placements.data';
import { PlansData } from '../data-access/plans.data';
import { UsersData } from '../data-access/users.data';
import { CellDef, DataTable, ListShell, listState, type Column } from '../ui/list';
import { StatusChip } from '../ui/status-chip/status-chip';
import { EnrolmentEditor } from './enrolment-editor/enrolment-editor';

/** What keeps an organisation from being deleted, counted (the API's `organisation.in-use` check). */
export interface OrganisationUses {
  users: number;
  agreements: number;
  plans: number;
  activities: number;
}

/** One line of the "in use" explanation: a plural message and its count. */
export interface UseLine {
  key: MessageKey;
  count: number;
}

/** The lines for the uses that are there, in a fixed order. */
export function useLines(u: OrganisationUses): UseLine[] {
  const lines: UseLine[] = [
    { key: 'org_uses_users', count: u.users },
    { key: 'org_uses_agreements', count: u.agreements },
    { key: 'org_uses_plans', count: u.plans },
    { key: 'org_uses_activities', count: u.activities },
  ];
  return lines.filter((l) => l.count > 0);
}

const total = (o: Observable<Page<unknown>>): Observable<number> =>
  o.pipe(
    map((p) => p.total),
    catchError(() => of(0)),
  );
const none = <T>(): Observable<Page<T>> => of({ items: [], total: 0, limit: 20, offset: 0 });

/**
 * An organisation's page: its details, and what concerns it — agreements, plans, activities, placements, labour-market
 * needs and enrolment figures (each from the existing lists, filtered to it); edit and delete for the coordinator.
 */
@Component({
  selector: 'admin-organisation-page',
  imports: [
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    MatTabsModule,
    CellDef,
    DataTable,
    ListShell,
    StatusChip,
    EnrolmentEditor,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './organisation-page.html',
  styleUrl: './organisation-page.scss',
})
export class OrganisationPage {
  private readonly organisations = inject(OrganisationsData);
  private readonly agreementsData = inject(AgreementsData);
  private readonly plansData = inject(PlansData);
  private readonly activitiesData = inject(ActivitiesData);
  private readonly placementsData = inject(PlacementsData);
  private readonly usersData = inject(UsersData);
  private readonly auth = inject(AuthService);
  private readonly notify = inject(Notify);
  private readonly router = inject(Router);
  protected readonly i18n = inject(I18nService);

  readonly id = input.required<string>();

  protected readonly org = signal<OrganisationResponse | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly confirming = signal(false);
  protected readonly deleting = signal(false);
  protected readonly deleteError = signal<string | null>(null);
  protected readonly uses = signal<UseLine[] | null>(null);

  private readonly role = computed(() => this.auth.user()?.role);
  protected readonly isCoordinator = computed(() => this.role() === 'coordinator');
  protected readonly isStaff = computed(() => this.role() === 'coordinator' || this.role() === 'school_admin');
  protected readonly kind = computed(() => this.org()?.kind);
  /** Enrolment is edited by the coordinator for any school, by a school's administrator for its own. */
  protected readonly canEditEnrolment = computed(() => {
    const u = this.auth.user();
    const o = this.org();
    return !!u && !!o && (u.role === 'coordinator' || (u.role === 'school_admin' && u.organisationId === o.id));
  });
  private readonly names = toSignal(this.organisations.names(), { initialValue: new Map<string, string>() });

  /** The filter of the lists for this organisation; null until it is loaded. */
  private readonly subject = computed(() => {
    const o = this.org();
    return o ? { id: o.id, kind: o.kind } : null;
  });

  protected readonly agreements = listState(this.subject, (s) =>
    !s || s.kind === 'department'
      ? none<AgreementResponse>()
      : this.agreementsData.list(s.kind === 'school' ? { schoolId: s.id, limit: 50 } : { partnerId: s.id, limit: 50 }),
  );
  protected readonly plans = listState(this.subject, (s) =>
    s?.kind === 'school' ? this.plansData.list({ organisationId: s.id, limit: 50 }) : none<PlanResponse>(),
  );
  protected readonly activities = listState(this.subject, (s) =>
    !s || s.kind === 'department'
      ? none<ActivityResponse>()
      : this.activitiesData.list(
          s.kind === 'school' ? { organisationId: s.id, limit: 50 } : { partnerId: s.id, limit: 50 },
        ),
  );
  protected readonly placements = listState(this.subject, (s) =>
    !s || s.kind === 'department' || !this.isStaff()
      ? none<PlacementResponse>()
      : this.placementsData.list(s.kind === 'school' ? { schoolId: s.id, limit: 50 } : { employerId: s.id, limit: 50 }),
  );
  protected readonly needs = listState(this.subject, (s) =>
    s?.kind === 'partner' ? this.organisations.labourNeeds(s.id) : none<LabourNeedResponse>(),
  );
  protected readonly enrolment = listState(this.subject, (s) =>
    s?.kind === 'school' ? this.organisations.enrolment(s.id) : none<EnrolmentResponse>(),
  );

  protected readonly agreementColumns: Column<AgreementResponse>[] = [
    { key: 'number', header: 'agr_number', text: (a) => a.number },
    { key: 'other', header: 'org_other_party' },
    { key: 'term', header: 'agr_term' },
    { key: 'status', header: 'status' },
  ];
  protected readonly planColumns: Column<PlanResponse>[] = [
    { key: 'title', header: 'org_plan_title' },
    { key: 'year', header: 'org_year', text: (p) => this.i18n.academicYear(p.academicYear) },
    { key: 'status', header: 'status' },
  ];
  protected readonly activityColumns: Column<ActivityResponse>[] = [
    { key: 'dates', header: 'org_dates', text: (a) => this.dates(a.startsOn, a.endsOn) },
    { key: 'title', header: 'org_activity_title', text: (a) => a.title },
    { key: 'other', header: 'org_other_party', text: (a) => this.activityOther(a) },
    { key: 'status', header: 'status' },
  ];
  protected readonly placementColumns: Column<PlacementResponse>[] = [
    { key: 'dates', header: 'org_dates', text: (p) => this.dates(p.startsOn, p.endsOn) },
    { key: 'job', header: 'org_job_title', text: (p) => p.jobTitle },
    {
      key: 'other',
      header: 'org_other_party',
      text: (p) => this.name(this.kind() === 'school' ? p.employerId : p.schoolId),
    },
    { key: 'status', header: 'status' },
  ];
  protected readonly needColumns: Column<LabourNeedResponse>[] = [
    { key: 'year', header: 'org_year', text: (n) => this.i18n.academicYear(n.academicYear) },
    { key: 'profession', header: 'org_profession', text: (n) => n.profession },
    { key: 'sector', header: 'org_sector', text: (n) => n.sector },
    { key: 'demand', header: 'org_demand', text: (n) => this.i18n.number(n.demand) },
    { key: 'source', header: 'org_source', text: (n) => n.source },
  ];
  protected readonly enrolmentColumns: Column<EnrolmentResponse>[] = [
    { key: 'year', header: 'org_year', text: (e) => this.i18n.academicYear(e.academicYear) },
    { key: 'total', header: 'org_pupils_total', text: (e) => this.i18n.number(e.total) },
    { key: 'aged14', header: 'org_aged14', text: (e) => this.i18n.number(e.aged14) },
    { key: 'aged15', header: 'org_aged15', text: (e) => this.i18n.number(e.aged15) },
    { key: 'aged16', header: 'org_aged16to17', text: (e) => this.i18n.number(e.aged16to17) },
    {
      key: 'level',
      header: 'org_profminimum',
      text: (e) => (e.profminimumLevel ? this.i18n.t(`org_profminimum_${e.profminimumLevel}`) : '—'),
    },
  ];

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.load(id));
    });
  }

  protected load(id: string): void {
    this.loading.set(true);
    this.error.set(null);
    this.organisations.organisation(id).subscribe({
      next: (o) => (this.org.set(o), this.loading.set(false)),
      error: (e: unknown) => (this.loading.set(false), this.error.set(describeError(e, this.i18n).message)),
    });
  }

  protected name(id: string | null): string {
    return id ? (this.names().get(id) ?? '…') : '—';
  }

  protected dates(from: string, to: string | null): string {
    return !to || to === from
      ? this.i18n.date(from)
      : this.i18n.t('org_date_range', { from: this.i18n.date(from), to: this.i18n.date(to) });
  }

  private activityOther(a: ActivityResponse): string {
    return this.kind() === 'school' ? this.name(a.partnerId) : this.name(a.organisationId);
  }

  protected agreementOther(a: AgreementResponse): string {
    return this.name(this.kind() === 'school' ? a.partnerId : a.schoolId);
  }

  protected askDelete(): void {
    this.confirming.set(true);
    this.deleteError.set(null);
    this.uses.set(null);
  }

  protected remove(): void {
    const o = this.org();
    if (!o || this.deleting()) return;
    this.deleting.set(true);
    this.organisations.remove(o.id).subscribe({
      next: () => {
        this.deleting.set(false);
        this.notify.done(this.i18n.t('org_deleted', { name: o.shortName }));
        void this.router.navigateByUrl('/organisations');
      },
      error: (e: unknown) => {
        this.deleting.set(false);
        this.confirming.set(false);
        const f = apiFailure(e);
        if (f?.status === 409 && f.body.rule === 'organisation.in-use') {
          this.deleteError.set(this.i18n.t('org_in_use'));
          this.countUses(o.id).subscribe((u) => this.uses.set(useLines(u)));
        } else this.deleteError.set(describeError(e, this.i18n).message);
      },
    });
  }

  /** Counts what uses the organisation, with the lists the coordinator may read (as the API counts it). */
  private countUses(id: string): Observable<OrganisationUses> {
    return forkJoin({
      users: total(this.usersData.list({ organisationId: id, limit: 1 })),
      asSchool: total(this.agreementsData.list({ schoolId: id, limit: 1 })),
      asPartner: total(this.agreementsData.list({ partnerId: id, limit: 1 })),
      plans: total(this.plansData.list({ organisationId: id, limit: 1 })),
      activities: total(this.activitiesData.list({ partnerId: id, limit: 1 })),
    }).pipe(
      map((c) => ({
        users: c.users,
        agreements: c.asSchool + c.asPartner,
        plans: c.plans,
        activities: c.activities,
      })),
    );
  }
}
