import { HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';

import { API_BASE } from '../data-access/http';
import { I18nService } from './i18n.service';

/** Asks the API to word its refusals in the panel's language (its error filter reads Accept-Language). */
export const languageInterceptor: HttpInterceptorFn = (req, next) =>
  req.url.startsWith(API_BASE)
    ? next(req.clone({ setHeaders: { 'Accept-Language': inject(I18nService).lang() } }))
    : next(req);
