import type { SchoolYearCalendarRequest, SchoolYearCalendarResponse } from '@socium/contracts';

import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import { ApiHttp, path } from './http';

/** School-year calendars: the effective one of a school (or the district's), saving it, removing a school's override. */
@Injectable({ providedIn: 'root' })
export class CalendarsData {
  private readonly http = inject(ApiHttp);

  schoolYear(academicYear: string, organisationId: string | null): Observable<SchoolYearCalendarResponse> {
    return this.http.get<SchoolYearCalendarResponse>('/calendars/school-years', { academicYear, organisationId });
  }
  /** Saves the district's calendar (no `organisationId`) or a school's override. */
  save(
    academicYear: string,
    body: SchoolYearCalendarRequest,
    organisationId: string | null,
  ): Observable<SchoolYearCalendarResponse> {
    return this.http.put<SchoolYearCalendarResponse>(path('calendars', 'school-years', academicYear), body, {
      organisationId,
    });
  }
  removeOverride(academicYear: string, organisationId: string): Observable<void> {
    return this.http.delete(path('calendars', 'school-years', academicYear), { organisationId });
  }
}
