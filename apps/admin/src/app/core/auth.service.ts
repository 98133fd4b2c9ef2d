import type { LoginResponse, SessionUser } from '@socium/contracts';

import { computed, inject, Injectable, InjectionToken, signal } from '@angular/core';
import { catchError, finalize, map, Observable, of, shareReplay, tap } from 'rxjs';

import { OrganisationsData } from '../data-access/organisations.data';
import { SessionData } from '../data-access/session.data';

/** Where the session survives a page reload in the same tab (sessionStorage by default; a fake in specs). */
export const SESSION_STORAGE = new InjectionToken<Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null>(
  'SESSION_STORAGE',
  {
    providedIn: 'root',
    factory: () => (typeof sessionStorage === 'undefined' ? null : sessionStorage),
  },
);

export interface Session {
  accessToken: string;
  refreshToken: string;
  user: SessionUser;
}

const STORAGE_KEY = 'socium.session';

/**
 * The log-in session: the access token lives in memory (a signal) and in sessionStorage, so a reload
 * of the tab keeps the user in, and closing the tab logs them out. A 401 triggers one refresh.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly api = inject(SessionData);
  private readonly organisations = inject(OrganisationsData);
  private readonly storage = inject(SESSION_STORAGE);
  private readonly session = signal<Session | null>(this.restore());
  private refreshing: Observable<string> | null = null;

  readonly user = computed(() => this.session()?.user ?? null);
  readonly isLoggedIn = computed(() => this.session() !== null);

  get accessToken(): string | null {
    return this.session()?.accessToken ?? null;
  }

  /** Logs in; the reference data of an earlier session is fetched again. */
  login(email: string, password: string): Observable<SessionUser> {
    return this.api.login({ email, password }).pipe(
      tap((r) => (this.organisations.forgetCaches(), this.save(r))),
      map((r) => r.user),
    );
  }

  /** Exchanges the refresh token for new tokens; concurrent callers share one request. */
  refresh(): Observable<string> {
    const refreshToken = this.session()?.refreshToken;
    if (!refreshToken) throw new Error('no session to refresh');
    this.refreshing ??= this.api.refresh(refreshToken).pipe(
      tap({ next: (r) => this.save(r), error: () => this.clear() }),
      map((r) => r.accessToken),
      finalize(() => (this.refreshing = null)),
      shareReplay(1),
    );
    return this.refreshing;
  }

  /** Revokes the refresh tokens on the server (best effort) and forgets the session here at once. */
  logout(): Observable<void> {
    const token = this.accessToken;
    this.clear();
    if (!token) return of(undefined);
    return this.api.logout(token).pipe(
      map(() => undefined),
      catchError(() => of(undefined)),
    );
  }

  /** Forgets the session here and the reference data fetched for it. */
  clear(): void {
    this.organisations.forgetCaches();
    this.session.set(null);
    this.storage?.removeItem(STORAGE_KEY);
  }

  private save(r: LoginResponse): void {
    const s: Session = { accessToken: r.accessToken, refreshToken: r.refreshToken, user: r.user };
    this.session.set(s);
    this.storage?.setItem(STORAGE_KEY, JSON.stringify(s));
  }

  private restore(): Session | null {
    try {
      const raw = this.storage?.getItem(STORAGE_KEY);
      if (!raw) return null;
      const s = JSON.parse(raw) as Partial<Session>;
      return s.accessToken && s.refreshToken && s.user ? (s as Session) : null;
    } catch {
      return null;
    }
  }
}
