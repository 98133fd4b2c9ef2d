import type {
  ActivityResponse,
  AgreementResponse,
  DocumentResponse,
  Lang,
  Page,
  PlacementResponse,
  PlanResponse,
  ReportSummary,
} from '@socium/contracts';
import { LocalDate, noticeStanding } from '@socium/domain';

import { inject, Injectable } from '@angular/core';
import { forkJoin, map, Observable } from 'rxjs';

import { ApiHttp } from './http';

/** How many rows a dashboard list asks for (the API's page limit); the card says when there are more. */
export const DASHBOARD_LIMIT = 100;
/** Why an agreement needs attention: its term ends soon, or the last day to refuse its renewal is near or gone. */
export type AgreementAttention = 'expiring' | 'notice_soon' | 'notice_passed';

export interface AgreementItem {
  readonly agreement: AgreementResponse;
  readonly reason: AgreementAttention;
  /** the end of the term (expiring) or the notice date */
  readonly date: string | null;
}

/** A school's plan for the year that is not approved yet, or a school that has none (`plan` null). */
export interface PlanItem {
  readonly organisationId: string;
  readonly plan: PlanResponse | null;
}

/** A list of a card: its rows and how many there are in all. */
export type Rows<T> = Page<T>;

const rows = <T>(p: Page<T>): Rows<T> => p;
/** A list composed in the browser, all of it in `items`. */
const all = <T>(items: T[], total = items.length): Rows<T> => ({ items, total, limit: items.length, offset: 0 });

/** Status of an agreement in force whose renewal the notice date decides. */
const IN_FORCE: readonly AgreementResponse['status'][] = ['active', 'renewed'];

/**
 * The notice item of an auto-renewing agreement in force: its notice date has passed (the term will renew) or is
 * near, as the domain's `noticeStanding` decides for the parties' reminders too; null otherwise.
 */
export function noticeAttention(a: AgreementResponse, today: LocalDate): AgreementItem | null {
  if (!a.autoRenew || !a.effectiveEndsOn || !IN_FORCE.includes(a.status)) return null;
  const notice = noticeStanding(LocalDate.iso(a.effectiveEndsOn), a.noticeDays, today);
  if (!notice) return null;
  const reason = notice.standing === 'passed' ? 'notice_passed' : 'notice_soon';
  return { agreement: a, reason, date: notice.deadline.toString() };
}

/**
 * The dashboard's work lists and headline figures, composed from the list endpoints (each filtered by the API to
 * what the caller may see: the district for the coordinator, the own school or partner otherwise).
 */
@Injectable({ providedIn: 'root' })
export class DashboardData {
  private readonly http = inject(ApiHttp);

  /** The district's (or the own school's) report for the academic year, names in `lang`. */
  summary(academicYear: string, lang: Lang): Observable<ReportSummary> {
    return this.http.get<ReportSummary>('/reports/summary', { period: academicYear, lang });
  }

  /** Agreements whose term ends within the expiring window, or whose notice date is near or gone; soonest first. */
  agreementsNeedingAttention(today: LocalDate): Observable<Rows<AgreementItem>> {
    const list = (status: AgreementResponse['status']) =>
      this.http.get<Page<AgreementResponse>>('/agreements', { status, limit: DASHBOARD_LIMIT });
    return forkJoin([list('expiring'), list('active'), list('renewed')]).pipe(
      map(([expiring, ...inForce]) => {
        const items: AgreementItem[] = [
          ...expiring.items.map((a) => ({ agreement: a, reason: 'expiring' as const, date: a.effectiveEndsOn })),
          ...inForce.flatMap((p) => p.items.map((a) => noticeAttention(a, today)).filter((x) => x !== null)),
        ].sort((x, y) => (x.date ?? '9999').localeCompare(y.date ?? '9999'));
        const more = Math.max(0, expiring.total - expiring.items.length);
        return all(items, items.length + more);
      }),
    );
  }

  /** Agreements in force with neither a plan nor an activity with the partner this academic year (C3). */
  agreementsWithoutPlan(): Observable<Rows<AgreementResponse>> {
    return this.http
      .get<Page<AgreementResponse>>('/agreements', { withoutPlan: 'true', limit: DASHBOARD_LIMIT })
      .pipe(map(rows));
  }

  /** Every agreement the caller may see (a partner representative: its own). */
  agreements(): Observable<Rows<AgreementResponse>> {
    return this.http.get<Page<AgreementResponse>>('/agreements', { limit: DASHBOARD_LIMIT }).pipe(map(rows));
  }

  /**
   * The plans of the year that wait for something: submitted ones wait for the coordinator's approval; drafts and
   * returned ones for the school to submit; and each of `schoolIds` with no plan at all. Submitted first.
   */
  plansNeedingAttention(academicYear: string, schoolIds: readonly string[]): Observable<Rows<PlanItem>> {
    return this.http.get<Page<PlanResponse>>('/plans', { academicYear, limit: DASHBOARD_LIMIT }).pipe(
      map((page) => {
        const order: Partial<Record<PlanResponse['status'], number>> = { submitted: 0, returned: 1, draft: 2 };
        const waiting: PlanItem[] = page.items
          .filter((p) => p.status in order)
          .sort((a, b) => (order[a.status] ?? 9) - (order[b.status] ?? 9))
          .map((p) => ({ organisationId: p.organisationId, plan: p }));
        const planned = new Set(page.items.map((p) => p.organisationId));
        const missing: PlanItem[] = schoolIds
          .filter((id) => !planned.has(id))
          .map((id) => ({ organisationId: id, plan: null }));
        return all([...waiting, ...missing]);
      }),
    );
  }

  /** Documents some recipient has not acknowledged by the due date (the school: its own copies). */
  documentsOverdue(): Observable<Rows<DocumentResponse>> {
    return this.http
      .get<Page<DocumentResponse>>('/documents', { overdue: 'true', limit: DASHBOARD_LIMIT })
      .pipe(map(rows));
  }

  /** Placements stored as blocked: a consent or the medical clearance is missing. */
  placementsBlocked(): Observable<Rows<PlacementResponse>> {
    return this.http
      .get<Page<PlacementResponse>>('/placements', { status: 'blocked', limit: DASHBOARD_LIMIT })
      .pipe(map(rows));
  }

  /** Planned or postponed activities of the year from today on, soonest first. */
  comingActivities(academicYear: string, today: LocalDate): Observable<Rows<ActivityResponse>> {
    const list = (status: ActivityResponse['status']) =>
      this.http.get<Page<ActivityResponse>>('/activities', { academicYear, status, limit: DASHBOARD_LIMIT });
    const from = today.toString();
    return forkJoin([list('planned'), list('postponed')]).pipe(
      map((pages) => {
        const items = pages
          .flatMap((p) => p.items)
          .filter((a) => a.startsOn >= from)
          .sort((a, b) => a.startsOn.localeCompare(b.startsOn));
        return all(items);
      }),
    );
  }
}
