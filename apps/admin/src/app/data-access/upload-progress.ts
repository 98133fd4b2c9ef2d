import { HttpEventType, type HttpEvent, type HttpResponse } from '@angular/common/http';
import { filter, finalize, map, tap, type Observable } from 'rxjs';

import { describeError } from '../core/api-error';
import type { I18nService } from '../core/i18n.service';
import { apiFailure } from './http';

/**
 * An upload's answer body; on the way its progress (0–100) goes to `percent`, and `null` once it has ended
 * (answered, refused or cancelled), so a progress bar shows only while the file travels.
 */
export function withProgress<T>(events: Observable<HttpEvent<T>>, percent?: (p: number | null) => void): Observable<T> {
  percent?.(0);
  return events.pipe(
    tap((e) => {
      if (e.type === HttpEventType.UploadProgress && e.total) percent?.(Math.round((100 * e.loaded) / e.total));
    }),
    filter((e): e is HttpResponse<T> => e.type === HttpEventType.Response),
    map((e) => e.body as T),
    finalize(() => percent?.(null)),
  );
}

/**
 * A refused upload's words: the API's sentence about the file (its kind, its size, the state that locks it), in the
 * request's language, rather than the form's "check the marked fields" (a raw body's refusal names the field `body`).
 */
export function uploadRefusal(e: unknown, i18n: I18nService): string {
  const failure = apiFailure(e);
  if (failure && [400, 413, 422].includes(failure.status) && failure.body.message) return failure.body.message;
  return describeError(e, i18n).message;
}
