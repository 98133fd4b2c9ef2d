import type { AgreementResponse, AgreementSort, AgreementSortKey } from '@socium/contracts';
import {
  AGREEMENT_KINDS,
  AGREEMENT_STATUSES,
  canSignFor,
  type AgreementKind,
  type AgreementParty,
  type AgreementStatus,
} from '@socium/domain';

import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal, WritableSignal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { RouterLink } from '@angular/router';
import { filter } from 'rxjs';

import { AuthService } from '../../core/auth.service';
import { AdminClock } from '../../core/clock';
import { I18nService } from '../../core/i18n.service';
import type { MessageKey } from '../../core/messages';
import { Notify } from '../../core/notify';
import { AgreementsData } from '../../data-access/agreements.data';
import { organisationOptions, OrganisationsData } from '../../data-access/organisations.data';
import {
  CellDef,
  DataTable,
  FilterSelect,
  keepInUrl,
  labelOptions,
  ListShell,
  listState,
  ListToolbar,
  Pager,
  phoneWidth,
  settled,
  type Column,
} from '../../ui/list';
import { StatusChip } from '../../ui/status-chip/status-chip';
import { ActionDialog, type ActionDialogData, type ActionDialogResult } from '../agreement-page/action-dialog';

/** The statuses offered as filter chips: the domain's, without renewed (the API filters it, the panel never offered it). */
export const AGREEMENT_STATUS_FILTERS = AGREEMENT_STATUSES.filter((s) => s !== 'renewed');

/**
 * The agreements the user may see: the list toolbar (search over number, subject, school and partner; school, partner,
 * status and kind filters; sorting), kept in the address; pages; signatures. On a phone one column, a card per row.
 */
@Component({
  selector: 'admin-agreements-list',
  imports: [
    NgTemplateOutlet,
    RouterLink,
    MatButtonModule,
    MatChipsModule,
    MatIconModule,
    MatSlideToggleModule,
    CellDef,
    DataTable,
    FilterSelect,
    ListShell,
    ListToolbar,
    StatusChip,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './agreements-list.html',
})
export class AgreementsList {
  private readonly agreements = inject(AgreementsData);
  private readonly auth = inject(AuthService);
  private readonly clock = inject(AdminClock);
  private readonly notify = inject(Notify);
  private readonly dialog = inject(MatDialog);
  protected readonly i18n = inject(I18nService);

  protected readonly statuses = AGREEMENT_STATUS_FILTERS;
  protected readonly kinds = AGREEMENT_KINDS;
  protected readonly status = signal<AgreementStatus | null>(null);
  protected readonly kind = signal<AgreementKind | null>(null);
  protected readonly school = signal<string | null>(null);
  protected readonly partner = signal<string | null>(null);
  protected readonly search = signal('');
  /** the column the API sorts by (null: newest first) and whether in reverse */
  protected readonly sortKey = signal<AgreementSortKey | null>(null);
  protected readonly sortDesc = signal(false);
  protected readonly sortKeys: readonly { key: AgreementSortKey; label: MessageKey }[] = [
    { key: 'number', label: 'agp_sort_number' },
    { key: 'school', label: 'agp_sort_school' },
    { key: 'partner', label: 'agp_sort_partner' },
    { key: 'startsOn', label: 'agp_sort_starts' },
    { key: 'endsOn', label: 'agp_sort_ends' },
    { key: 'status', label: 'agp_sort_status' },
  ];
  private readonly sort = computed<AgreementSort | null>(() => {
    const key = this.sortKey();
    return key ? (this.sortDesc() ? `-${key}` : key) : null;
  });
  protected readonly pager = new Pager();
  private readonly organisations = inject(OrganisationsData);
  private readonly names = toSignal(this.organisations.names(), { initialValue: new Map<string, string>() });
  protected readonly schools = toSignal(
    this.organisations.organisationsWhere((o) => o.kind === 'school'),
    { initialValue: [] },
  );
  protected readonly partners = toSignal(
    this.organisations.organisationsWhere((o) => o.kind === 'partner'),
    { initialValue: [] },
  );
  protected readonly schoolOptions = computed(() => organisationOptions(this.schools()));
  protected readonly partnerOptions = computed(() => organisationOptions(this.partners()));
  protected readonly kindOptions = computed(() => labelOptions(this.i18n, 'agreementKind', this.kinds));
  protected readonly sortOptions = computed(() =>
    this.sortKeys.map((s) => ({ value: s.key, label: this.i18n.t(s.label) })),
  );
  private readonly role = computed(() => this.auth.user()?.role);
  /** a school administrator sees its own school's agreements: no school filter; a partner's, no partner filter */
  protected readonly showSchoolFilter = computed(() => this.role() !== 'school_admin');
  protected readonly showPartnerFilter = computed(() => this.role() !== 'partner_rep');

  protected readonly canCreate = computed(() => this.role() !== 'partner_rep');
  protected readonly filtered = computed(
    () => !!(this.status() || this.kind() || this.school() || this.partner() || this.search().trim()),
  );
  /** the search and filters kept in the address (read from it here, before the search box's text settles) */
  protected readonly address = keepInUrl(
    {
      q: this.search,
      status: this.status,
      kind: this.kind,
      school: this.school,
      partner: this.partner,
      sort: this.sortKey,
      desc: this.sortDesc,
    },
    { status: AGREEMENT_STATUS_FILTERS, kind: AGREEMENT_KINDS, sort: this.sortKeys.map((s) => s.key) },
  );
  private readonly query = settled(this.search);
  protected readonly list = listState(
    () => ({
      status: this.status(),
      kind: this.kind(),
      schoolId: this.school(),
      partnerId: this.partner(),
      offset: this.pager.offset(),
      limit: this.pager.size(),
      q: this.query(),
      sort: this.sort(),
    }),
    (q) => this.agreements.list(q),
  );
  protected readonly narrow = phoneWidth();
  private readonly allColumns: Column<AgreementResponse>[] = [
    { key: 'number', header: 'agr_number' },
    { key: 'kind', header: 'agr_kind', text: (a) => this.i18n.label('agreementKind', a.kind) },
    { key: 'parties', header: ['agr_school', 'agr_partner'] },
    { key: 'term', header: 'agr_term' },
    { key: 'status', header: 'status' },
    { key: 'actions', header: 'agr_actions' },
  ];
  /** on a phone one column: the number, the parties, the term, the status and the buttons under each other */
  protected readonly columns = computed(() =>
    this.narrow() ? this.allColumns.filter((c) => c.key === 'number') : this.allColumns,
  );

  protected name(id: string): string {
    return this.names().get(id) ?? '…';
  }

  /** «01.09.2019 — 31.08.2020», or open-ended. */
  protected term(a: AgreementResponse): string {
    const end = a.effectiveEndsOn ? this.i18n.date(a.effectiveEndsOn) : this.i18n.t('agr_open_ended');
    return `${this.i18n.date(a.startsOn)} — ${end}`;
  }

  /** Sets a filter or the search and goes back to the first page. */
  protected filter<V>(which: WritableSignal<V>, value: V): void {
    which.set(value);
    this.pager.first();
  }

  /** Clears the search and every filter (the order stays), back to the first page. */
  protected clearFilters(): void {
    for (const s of [this.status, this.kind, this.school, this.partner] as WritableSignal<unknown>[]) s.set(null);
    this.search.set('');
    this.pager.first();
  }

  /** The signature buttons this user may press: an unsigned party of a live agreement that `canSignFor` allows. */
  protected canSign(a: AgreementResponse, party: AgreementParty): boolean {
    if (a.status === 'terminated' || a.status === 'expired') return false;
    if (party === 'school' && a.signedBySchoolOn) return false;
    if (party === 'partner' && a.signedByPartnerOn) return false;
    const user = this.auth.user();
    return !!user && canSignFor(user, a, party);
  }

  /** Signs after the same confirmation as the agreement's page, with the date of signing (today by default). */
  protected sign(a: AgreementResponse, party: AgreementParty): void {
    const today = this.clock.todayIso();
    this.dialog
      .open<ActionDialog, ActionDialogData, ActionDialogResult>(ActionDialog, {
        data: {
          title: this.i18n.t(party === 'school' ? 'agr_sign_school' : 'agr_sign_partner'),
          message: this.i18n.t(party === 'school' ? 'agp_sign_confirm_school' : 'agp_sign_confirm_partner', {
            number: a.number,
          }),
          confirm: this.i18n.t('agp_sign'),
          date: { label: this.i18n.t('agp_signed_on'), value: today, max: today },
        },
        width: '480px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .pipe(filter((r): r is ActionDialogResult => !!r))
      .subscribe((r) => this.signOn(a, party, r.date));
  }

  private signOn(a: AgreementResponse, party: AgreementParty, signedOn: string): void {
    this.agreements.sign(a.id, { party, signedOn }).subscribe({
      next: () => {
        this.notify.done(this.i18n.t('agr_signed_toast', { number: a.number }));
        this.list.reload();
      },
      error: (e: unknown) => this.notify.failed(e),
    });
  }
}
