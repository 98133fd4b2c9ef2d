import type { Role } from '@socium/contracts';

import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { EnvironmentProviders, Provider } from '@angular/core';
import { provideRouter } from '@angular/router';

import { SESSION_STORAGE } from '../core/auth.service';
import { TODAY } from '../core/clock';
import { LANG_STORAGE } from '../core/i18n.service';

/**
 * What a page spec needs: a router, the HTTP testing backend, a logged-in user of `role` in organisation
 * `organisationId`, Russian, and "now" fixed when given. For specs only.
 */
export function providePageTesting(
  role: Role,
  options: { organisationId?: string; now?: Date } = {},
): (Provider | EnvironmentProviders)[] {
  const user = { id: 'u1', email: 'x@y', role, organisationId: options.organisationId ?? 'school-1', name: 'Завуч' };
  const session = JSON.stringify({ accessToken: 'a', refreshToken: 'r', user });
  const now = options.now;
  return [
    provideRouter([]),
    provideHttpClient(),
    provideHttpClientTesting(),
    {
      provide: SESSION_STORAGE,
      useValue: { getItem: () => session, setItem: () => undefined, removeItem: () => undefined },
    },
    { provide: LANG_STORAGE, useValue: null },
    ...(now ? [{ provide: TODAY, useValue: () => now }] : []),
  ];
}
