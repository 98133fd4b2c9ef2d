import type { UserResponse } from '@socium/contracts';
import { ROLES, type Role } from '@socium/domain';

import { ChangeDetectionStrategy, Component, computed, inject, input, signal, WritableSignal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';

import { AuthService } from '../core/auth.service';
import { I18nService } from '../core/i18n.service';
import { Notify } from '../core/notify';
import { organisationName, organisationOptions, OrganisationsData } from '../data-access/organisations.data';
import { UsersData } from '../data-access/users.data';
import {
  CellDef,
  DataTable,
  FilterSelect,
  ListShell,
  listState,
  ListToolbar,
  Pager,
  phoneWidth,
  settled,
  type Column,
} from '../ui/list';

/** «Пользователи» (coordinator): search by name or e-mail, filters by role and organisation, disable and enable. */
@Component({
  selector: 'admin-users-list',
  imports: [RouterLink, MatButtonModule, MatIconModule, CellDef, DataTable, ListShell, FilterSelect, ListToolbar],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './users-list.html',
  styles: `
    .off {
      color: var(--mat-sys-error);
    }
  `,
})
export class UsersList {
  private readonly users = inject(UsersData);
  private readonly notify = inject(Notify);
  private readonly me = inject(AuthService).user;
  protected readonly i18n = inject(I18nService);

  /** `?organisationId=` from an organisation's page */
  readonly organisationId = input<string | undefined>();

  protected readonly roles = ROLES;
  protected readonly role = signal<Role | null>(null);
  protected readonly orgChoice = signal<string | null | undefined>(undefined);
  /** the organisation filter: the user's choice, else the one the link came with */
  protected readonly organisation = computed(() =>
    this.orgChoice() === undefined ? (this.organisationId() ?? null) : this.orgChoice(),
  );
  protected readonly search = signal('');
  protected readonly pager = new Pager();
  protected readonly busy = signal<string | null>(null);
  private readonly organisations = toSignal(
    inject(OrganisationsData).organisationsWhere(() => true),
    {
      initialValue: [],
    },
  );
  protected readonly roleOptions = computed(() => this.roles.map((r) => ({ value: r, label: this.roleName(r) })));
  protected readonly orgOptions = computed(() => organisationOptions(this.organisations()));
  private readonly names = computed(() => new Map(this.organisations().map((o) => [o.id, organisationName(o)])));
  protected readonly filtered = computed(() => !!(this.role() || this.organisation() || this.search().trim()));
  private readonly query = settled(this.search);
  protected readonly list = listState(
    () => ({
      role: this.role(),
      organisationId: this.organisation(),
      q: this.query(),
      offset: this.pager.offset(),
      limit: this.pager.size(),
    }),
    (q) => this.users.list(q),
  );
  protected readonly narrow = phoneWidth();
  private readonly allColumns: Column<UserResponse>[] = [
    { key: 'name', header: 'usr_name' },
    { key: 'role', header: 'usr_role', text: (u) => this.i18n.t(`role_${u.role}`) },
    { key: 'organisation', header: 'usr_organisation', text: (u) => this.names().get(u.organisationId) ?? '…' },
    { key: 'state', header: 'usr_state' },
    { key: 'actions', header: 'usr_actions' },
  ];
  /** on a phone: the name (with role, organisation and state under it) and the action */
  protected readonly columns = computed(() =>
    this.narrow() ? this.allColumns.filter((c) => c.key === 'name' || c.key === 'actions') : this.allColumns,
  );

  protected orgName(id: string): string {
    return this.names().get(id) ?? '…';
  }

  protected filter<V>(which: WritableSignal<V>, value: V): void {
    which.set(value);
    this.pager.first();
  }

  /** Clears the search and the filters (the organisation the link came with too), back to the first page. */
  protected clearFilters(): void {
    this.role.set(null);
    this.orgChoice.set(null);
    this.search.set('');
    this.pager.first();
  }

  protected roleName(r: Role): string {
    return this.i18n.t(`role_${r}`);
  }

  protected isMe(u: UserResponse): boolean {
    return this.me()?.id === u.id;
  }

  /** Disables or enables an account (a disabled user cannot log in; their sessions end at once). */
  protected toggle(u: UserResponse): void {
    if (this.busy()) return;
    this.busy.set(u.id);
    this.users.update(u.id, { version: u.version, disabled: !u.disabled }).subscribe({
      next: (changed) => {
        this.busy.set(null);
        this.notify.done(this.i18n.t(changed.disabled ? 'usr_disabled_toast' : 'usr_enabled_toast', { name: u.name }));
        this.list.update((rows) => rows.map((r) => (r.id === changed.id ? changed : r)));
      },
      error: (e: unknown) => {
        this.busy.set(null);
        this.notify.failed(e);
        this.list.reload();
      },
    });
  }
}
