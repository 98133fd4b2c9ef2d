import type { ChangePasswordRequest, LoginRequest, LoginResponse } from '@socium/contracts';

import { HttpContext, HttpContextToken } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import { ApiHttp } from './http';

/** Set on a request that must go out without the interceptor's token and retry (log-in, refresh, log-out). */
export const SKIP_AUTH = new HttpContextToken<boolean>(() => false);

/** The session's calls: log in, exchange the refresh token, log out. `AuthService` keeps the session itself. */
@Injectable({ providedIn: 'root' })
export class SessionData {
  private readonly http = inject(ApiHttp);

  login(body: LoginRequest): Observable<LoginResponse> {
    return this.http.post<LoginResponse>('/auth/login', body);
  }
  refresh(refreshToken: string): Observable<LoginResponse> {
    return this.http.post<LoginResponse>('/auth/refresh', { refreshToken });
  }
  /** Revokes the refresh tokens of the session whose access token is given (sent as is, never retried). */
  logout(accessToken: string): Observable<void> {
    return this.http.post<void>('/auth/logout', null, {
      headers: { Authorization: `Bearer ${accessToken}` },
      context: new HttpContext().set(SKIP_AUTH, true),
    });
  }
  /** Changes the caller's own password; the server revokes every session of the user (log in again). */
  changePassword(body: ChangePasswordRequest): Observable<void> {
    return this.http.post<void>('/auth/password', body);
  }
}
