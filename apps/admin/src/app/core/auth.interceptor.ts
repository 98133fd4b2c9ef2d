import { HttpErrorResponse, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, switchMap, throwError } from 'rxjs';

import { API_BASE } from '../data-access/http';
import { SKIP_AUTH } from '../data-access/session.data';
import { AuthService } from './auth.service';

const isAuthCall = (req: HttpRequest<unknown>) => /\/auth\/(login|refresh)$/.test(req.url);
const withToken = (req: HttpRequest<unknown>, token: string | null) =>
  token ? req.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : req;

/** Adds the bearer token to API calls; on a 401 refreshes once and retries, else sends the user to log in. */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  if (!req.url.startsWith(API_BASE) || isAuthCall(req) || req.context.get(SKIP_AUTH)) return next(req);
  const auth = inject(AuthService);
  const router = inject(Router);
  const toLogin = () => void router.navigate(['/login'], { queryParams: { expired: 1 } });
  return next(withToken(req, auth.accessToken)).pipe(
    catchError((e: unknown) => {
      if (!(e instanceof HttpErrorResponse) || e.status !== 401 || !auth.isLoggedIn()) return throwError(() => e);
      return auth.refresh().pipe(
        catchError((refreshError: unknown) => {
          toLogin();
          return throwError(() => refreshError);
        }),
        switchMap((token) => next(withToken(req, token))),
        catchError((retryError: unknown) => {
          if (retryError instanceof HttpErrorResponse && retryError.status === 401) {
            auth.clear();
            toLogin();
          }
          return throwError(() => retryError);
        }),
      );
    }),
  );
};
