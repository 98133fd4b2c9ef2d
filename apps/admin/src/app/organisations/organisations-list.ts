import type { OrganisationResponse } from '@socium/contracts';
import { ORGANISATION_KINDS, PARTNER_TYPES, type OrganisationKind, type PartnerType } from '@socium/domain';

import { ChangeDetectionStrategy, Component, computed, inject, signal, WritableSignal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';

import { AuthService } from '../core/auth.service';
import { I18nService } from '../core/i18n.service';
import { OrganisationsData } from '../data-access/organisations.data';
import {
  CellDef,
  DataTable,
  FilterSelect,
  labelOptions,
  ListShell,
  listState,
  ListToolbar,
  Pager,
  phoneWidth,
  settled,
  type Column,
} from '../ui/list';

/** Published on the public pages or not, as the filter offers it. */
export type PublishedFilter = 'true' | 'false';

/** «Организации»: the registry with search (name, short name), filters (kind, partner type, published) and pages. */
@Component({
  selector: 'admin-organisations-list',
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
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './organisations-list.html',
})
export class OrganisationsList {
  private readonly organisations = inject(OrganisationsData);
  private readonly auth = inject(AuthService);
  protected readonly i18n = inject(I18nService);

  protected readonly kinds = ORGANISATION_KINDS;
  protected readonly partnerTypes = PARTNER_TYPES;
  protected readonly partnerTypeOptions = computed(() => labelOptions(this.i18n, 'partnerType', this.partnerTypes));
  protected readonly kind = signal<OrganisationKind | null>(null);
  protected readonly partnerType = signal<PartnerType | null>(null);
  protected readonly published = signal<PublishedFilter | null>(null);
  protected readonly search = signal('');
  protected readonly pager = new Pager();
  protected readonly canCreate = computed(() => this.auth.user()?.role === 'coordinator');
  protected readonly filtered = computed(
    () => !!(this.kind() || this.partnerType() || this.published() || this.search().trim()),
  );
  private readonly query = settled(this.search);
  protected readonly list = listState(
    () => ({
      kind: this.kind(),
      partnerType: this.partnerType(),
      isPublished: this.published(),
      q: this.query(),
      offset: this.pager.offset(),
      limit: this.pager.size(),
    }),
    (q) => this.organisations.list(q),
  );
  protected readonly narrow = phoneWidth();
  private readonly allColumns: Column<OrganisationResponse>[] = [
    { key: 'name', header: 'org_name' },
    { key: 'kind', header: 'org_kind', text: (o) => this.i18n.label('organisationKind', o.kind) },
    {
      key: 'partnerType',
      header: 'org_partner_type',
      text: (o) => (o.partnerType ? this.i18n.label('partnerType', o.partnerType) : '—'),
    },
    { key: 'published', header: 'org_published', text: (o) => this.i18n.t(o.isPublished ? 'org_yes' : 'org_no') },
  ];
  protected readonly columns = computed(() =>
    this.narrow() ? this.allColumns.filter((c) => c.key === 'name') : this.allColumns,
  );

  /** The kind and partner type under the name on a phone. */
  protected kindLine(o: OrganisationResponse): string {
    const kind = this.i18n.label('organisationKind', o.kind);
    const line = o.partnerType
      ? this.i18n.t('org_kind_type', { kind, type: this.i18n.label('partnerType', o.partnerType) })
      : kind;
    return o.isPublished ? line : this.i18n.t('org_kind_hidden', { line });
  }

  /** Sets a filter or the search and goes back to the first page. */
  protected filter<V>(which: WritableSignal<V>, value: V): void {
    which.set(value);
    this.pager.first();
  }

  /** A partner type only makes sense for partners: choosing one narrows the kind to partners. */
  protected filterPartnerType(value: PartnerType | null): void {
    this.partnerType.set(value);
    if (value) this.kind.set('partner');
    this.pager.first();
  }

  /** Clears the search and every filter, back to the first page. */
  protected clearFilters(): void {
    this.kind.set(null);
    this.partnerType.set(null);
    this.published.set(null);
    this.search.set('');
    this.pager.first();
  }

  protected filterKind(value: OrganisationKind | null): void {
    this.kind.set(value);
    if (value !== 'partner') this.partnerType.set(null);
    this.pager.first();
  }
}
