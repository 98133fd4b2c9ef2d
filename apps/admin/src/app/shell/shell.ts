import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatMenuModule } from '@angular/material/menu';
import { MatSelectModule } from '@angular/material/select';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { catchError, filter, map, of, switchMap } from 'rxjs';

import { AuthService } from '../core/auth.service';
import { I18nService, Lang, LANG_NAMES, LANGS } from '../core/i18n.service';
import type { MessageKey } from '../core/messages';
import { PeriodService } from '../core/period.service';
import { organisationName, OrganisationsData } from '../data-access/organisations.data';
import { NotificationBell } from './notification-bell';

interface NavItem {
  path: string;
  label: MessageKey;
  icon: string;
  /** roles that see the item; all when absent */
  roles?: string[];
  /** active only on exactly this path (the dashboard at `/`) */
  exact?: boolean;
}

const NAV: NavItem[] = [
  { path: '/', label: 'nav_dashboard', icon: 'dashboard', exact: true },
  { path: '/agreements', label: 'nav_agreements', icon: 'handshake' },
  { path: '/plans', label: 'nav_plans', icon: 'event_note' },
  { path: '/activities', label: 'nav_activities', icon: 'event' },
  { path: '/placements', label: 'nav_placements', icon: 'work' },
  { path: '/labour-needs', label: 'nav_labour', icon: 'trending_up' },
  { path: '/documents', label: 'nav_documents', icon: 'description' },
  { path: '/reports', label: 'nav_reports', icon: 'bar_chart', roles: ['coordinator', 'school_admin'] },
  { path: '/publication', label: 'nav_publication', icon: 'public', roles: ['coordinator', 'school_admin'] },
  { path: '/calendar', label: 'nav_calendar', icon: 'calendar_month', roles: ['coordinator', 'school_admin'] },
  { path: '/imports', label: 'nav_imports', icon: 'upload_file', roles: ['coordinator', 'school_admin'] },
  { path: '/notifications', label: 'ntf_title', icon: 'notifications' },
  { path: '/organisations', label: 'nav_organisations', icon: 'domain' },
  { path: '/users', label: 'nav_users', icon: 'group', roles: ['coordinator'] },
  { path: '/audit', label: 'nav_audit', icon: 'history', roles: ['coordinator'] },
];

/** Below this width (phones, narrow windows) the navigation slides over the page from a menu button. */
export const NARROW_SCREEN = '(max-width: 959.98px)';

/**
 * The frame of the panel: navigation by task, the user with organisation and role, the period and language. On a
 * narrow screen the navigation is closed until the menu button opens it and closes again after a choice, and the
 * language and log-out buttons show their icons only (their names stay for screen readers).
 */
@Component({
  selector: 'admin-shell',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatListModule,
    MatMenuModule,
    MatSelectModule,
    MatSidenavModule,
    MatToolbarModule,
    NotificationBell,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
})
export class Shell {
  private readonly auth = inject(AuthService);
  private readonly organisations = inject(OrganisationsData);
  private readonly router = inject(Router);
  protected readonly i18n = inject(I18nService);
  protected readonly period = inject(PeriodService);
  protected readonly langs = LANGS;
  protected readonly langNames = LANG_NAMES;
  protected readonly user = this.auth.user;
  protected readonly narrow = toSignal(
    inject(BreakpointObserver)
      .observe(NARROW_SCREEN)
      .pipe(map((s) => s.matches)),
    { initialValue: false },
  );
  protected readonly menuOpen = signal(false);

  constructor() {
    this.router.events
      .pipe(
        filter((e) => e instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.menuOpen.set(false));
  }

  protected readonly nav = computed(() => {
    const role = this.user()?.role ?? '';
    return NAV.filter((n) => !n.roles || n.roles.includes(role));
  });

  private readonly organisation = toSignal(
    toObservable(this.user).pipe(
      switchMap((u) =>
        u ? this.organisations.organisation(u.organisationId).pipe(catchError(() => of(null))) : of(null),
      ),
    ),
    { initialValue: null },
  );

  protected readonly subtitle = computed(() => {
    const u = this.user();
    if (!u) return '';
    const org = this.organisation();
    const role = this.i18n.t(`role_${u.role}`);
    return this.i18n.t('user_org_role', { org: (org && organisationName(org)) || '…', role });
  });

  protected setLang(lang: Lang): void {
    this.i18n.use(lang);
  }

  protected logout(): void {
    this.auth.logout().subscribe();
    void this.router.navigateByUrl('/login');
  }
}
