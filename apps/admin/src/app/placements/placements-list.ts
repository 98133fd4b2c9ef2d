import type { PlacementResponse } from '@socium/contracts';
import {
  AcademicYear,
  PLACEMENT_CHANNELS,
  PLACEMENT_STATUSES,
  unwrap,
  type PlacementChannel,
  type PlacementStatus,
} from '@socium/domain';

import { ChangeDetectionStrategy, Component, computed, inject, signal, WritableSignal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';

import { AuthService } from '../core/auth.service';
import { I18nService } from '../core/i18n.service';
import { PeriodService } from '../core/period.service';
import { organisationOptions, OrganisationsData } from '../data-access/organisations.data';
import { PlacementsData } from '../data-access/placements.data';
import {
  CellDef,
  DataTable,
  FilterSelect,
  labelOptions,
  ListShell,
  listState,
  ListToolbar,
  Pager,
  settled,
  type Column,
} from '../ui/list';
import { StatusChip } from '../ui/status-chip/status-chip';

/** The period filter: the academic year of the picker, its summer holidays (June–August), or any time. */
export type PlacementPeriod = 'year' | 'summer' | 'any';

/**
 * Student placements (pseudonymous codes only), each with its status as a chip (blocked while paperwork is missing,
 * cleared) and its stored findings in the panel's language; filters by school, status, channel and period, search
 * over the job and the student code, pages; each row opens the placement to fix what is missing.
 */
@Component({
  selector: 'admin-placements-list',
  imports: [
    RouterLink,
    MatButtonModule,
    MatChipsModule,
    MatIconModule,
    CellDef,
    DataTable,
    ListShell,
    FilterSelect,
    ListToolbar,
    StatusChip,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .findings {
      margin: 0;
      padding-left: 1.1em;
      max-width: 40em;
    }
  `,
  templateUrl: './placements-list.html',
})
export class PlacementsList {
  private readonly placements = inject(PlacementsData);
  private readonly auth = inject(AuthService);
  protected readonly i18n = inject(I18nService);
  protected readonly period = inject(PeriodService);

  protected readonly statuses = PLACEMENT_STATUSES;
  protected readonly channels = PLACEMENT_CHANNELS;
  protected readonly periods: readonly PlacementPeriod[] = ['year', 'summer', 'any'];
  protected readonly status = signal<PlacementStatus | null>(null);
  protected readonly channel = signal<PlacementChannel | null>(null);
  protected readonly schoolId = signal<string | null>(null);
  protected readonly span = signal<PlacementPeriod>('year');
  protected readonly search = signal('');
  protected readonly pager = new Pager();
  private readonly query = settled(this.search);

  protected readonly isCoordinator = computed(() => this.auth.user()?.role === 'coordinator');
  protected readonly canCreate = computed(() => this.auth.user()?.role !== 'partner_rep');
  private readonly organisations = inject(OrganisationsData);
  private readonly schools = toSignal(
    this.organisations.organisationsWhere((o) => o.kind === 'school'),
    {
      initialValue: [],
    },
  );
  private readonly names = toSignal(this.organisations.names(), { initialValue: new Map<string, string>() });
  protected readonly schoolOptions = computed(() => organisationOptions(this.schools()));
  protected readonly channelOptions = computed(() => labelOptions(this.i18n, 'placementChannel', this.channels));
  protected readonly periodOptions = computed(() =>
    this.periods.map((s) => ({ value: s, label: this.i18n.t(`plc_period_${s}`) })),
  );
  protected readonly filtered = computed(
    () => !!(this.status() || this.channel() || this.schoolId() || this.query() || this.span() === 'summer'),
  );

  protected readonly list = listState(
    () => {
      const year = unwrap(AcademicYear.parse(this.period.year())).range;
      const summerFrom = `${year.last.year}-06-01`;
      const bounds =
        this.span() === 'year'
          ? { from: year.start.toString(), to: year.last.toString() }
          : this.span() === 'summer'
            ? { from: summerFrom, to: year.last.toString() }
            : { from: null, to: null };
      return {
        ...bounds,
        status: this.status(),
        channel: this.channel(),
        schoolId: this.schoolId(),
        q: this.query(),
        offset: this.pager.offset(),
        limit: this.pager.size(),
      };
    },
    (q) => this.placements.list(q),
  );
  protected readonly columns: Column<PlacementResponse>[] = [
    { key: 'student', header: 'plc_student_code' },
    { key: 'dates', header: 'act_dates', text: (p) => `${this.i18n.date(p.startsOn)} — ${this.i18n.date(p.endsOn)}` },
    { key: 'school', header: ['plf_school', 'plf_employer'] },
    { key: 'job', header: 'plc_job_title', text: (p) => p.jobTitle },
    { key: 'channel', header: 'plc_channel', text: (p) => this.i18n.label('placementChannel', p.channel) },
    { key: 'hours', header: 'plc_hours_per_day', text: (p) => this.i18n.number(p.hoursPerDay) },
    { key: 'status', header: 'plc_status' },
    { key: 'findings', header: 'plc_findings' },
  ];

  protected name(id: string): string {
    return this.names().get(id) ?? '…';
  }

  /** Clears the search and the filters (the period back to the whole year), back to the first page. */
  protected clearFilters(): void {
    this.status.set(null);
    this.channel.set(null);
    this.schoolId.set(null);
    this.span.set('year');
    this.search.set('');
    this.pager.first();
  }

  /** Sets a filter or the search and goes back to the first page. */
  protected filter<V>(which: WritableSignal<V>, value: V): void {
    which.set(value);
    this.pager.first();
  }
}
