import type { ActivityRecord, AgreementRecord, PlacementRecord, PlanRecord } from '@socium/api-persistence';
import { canSignFor, type AgreementParty, type NotFoundSubject } from '@socium/domain';

import { Injectable } from '@nestjs/common';

import type { Caller } from '../auth/policy.decorator';
import { forbidden, notFound } from '../http/app-error';

/**
 * The one place that decides object-level access. Deny by default: every branch names who may.
 * A foreign object answers exactly like a missing one (404).
 */
@Injectable()
export class AccessService {
  isCoordinator(c: Caller): boolean {
    return c.role === 'coordinator';
  }

  /** Restricts list queries: the organisation ids a caller's filters are pinned to (null = all). */
  scopeOrganisation(c: Caller): string | null {
    return c.role === 'coordinator' ? null : c.organisationId;
  }

  canReadAgreement(c: Caller, a: Pick<AgreementRecord, 'schoolId' | 'partnerId'>): boolean {
    if (c.role === 'coordinator') return true;
    if (c.role === 'school_admin') return a.schoolId === c.organisationId;
    if (c.role === 'partner_rep') return a.partnerId === c.organisationId;
    return false;
  }

  /** School admins change their school's agreements; the coordinator any. Partners only sign. */
  canWriteAgreement(c: Caller, a: Pick<AgreementRecord, 'schoolId'>): boolean {
    if (c.role === 'coordinator') return true;
    return c.role === 'school_admin' && a.schoolId === c.organisationId;
  }

  /** The party a caller may sign for: the domain's `canSignFor` (its own side only; the coordinator either). */
  canSignFor(c: Caller, a: Pick<AgreementRecord, 'schoolId' | 'partnerId'>, party: AgreementParty): boolean {
    return canSignFor(c, a, party);
  }

  canReadPlan(
    c: Caller,
    p: Pick<PlanRecord, 'organisationId'>,
    agreement?: Pick<AgreementRecord, 'partnerId'> | null,
  ): boolean {
    if (c.role === 'coordinator') return true;
    if (p.organisationId === c.organisationId) return true;
    return c.role === 'partner_rep' && !!agreement && agreement.partnerId === c.organisationId;
  }

  canWritePlan(c: Caller, p: Pick<PlanRecord, 'organisationId'>): boolean {
    if (c.role === 'coordinator') return true;
    return c.role === 'school_admin' && p.organisationId === c.organisationId;
  }

  canReadActivity(c: Caller, a: Pick<ActivityRecord, 'organisationId' | 'partnerId'>, planReadable: boolean): boolean {
    if (c.role === 'coordinator' || planReadable) return true;
    return c.role === 'partner_rep' && a.partnerId === c.organisationId;
  }

  /** Outcomes: the plan's owner, the coordinator, or the partner confirming an activity it took part in. */
  canRecordOutcome(c: Caller, a: Pick<ActivityRecord, 'organisationId' | 'partnerId'>): boolean {
    if (c.role === 'coordinator') return true;
    if (c.role === 'school_admin') return a.organisationId === c.organisationId;
    return c.role === 'partner_rep' && a.partnerId === c.organisationId;
  }

  /** A partner's confirmation of an activity: only the representative of the activity's partner gives it. */
  canConfirmActivity(c: Caller, a: Pick<ActivityRecord, 'partnerId'>): boolean {
    return c.role === 'partner_rep' && !!a.partnerId && a.partnerId === c.organisationId;
  }

  canReadPlacement(c: Caller, p: Pick<PlacementRecord, 'schoolId' | 'employerId'>): boolean {
    if (c.role === 'coordinator') return true;
    if (c.role === 'school_admin') return p.schoolId === c.organisationId;
    return c.role === 'partner_rep' && p.employerId === c.organisationId;
  }

  canWritePlacement(c: Caller, p: Pick<PlacementRecord, 'schoolId'>): boolean {
    if (c.role === 'coordinator') return true;
    return c.role === 'school_admin' && p.schoolId === c.organisationId;
  }

  /** Enrolment figures: the coordinator any school's; a school admin only their own school's; partners none. */
  canReadEnrolment(c: Caller, e: { organisationId: string }): boolean {
    if (c.role === 'coordinator') return true;
    return c.role === 'school_admin' && e.organisationId === c.organisationId;
  }

  canWriteEnrolment(c: Caller, e: { organisationId: string }): boolean {
    return this.canReadEnrolment(c, e);
  }

  /**
   * Spreadsheet imports by kind: each kind as its single-record create allows (organisations and labour needs
   * are the coordinator's; agreements, activities and enrolment are staff's, each row then checked for its school).
   */
  canImport(c: Caller, kind: string): boolean {
    if (c.role === 'coordinator') return true;
    return c.role === 'school_admin' && ['agreements', 'activities', 'enrolment'].includes(kind);
  }

  canReadDocument(c: Caller, recipientOrgIds: readonly string[], isPublic: boolean): boolean {
    if (c.role === 'coordinator' || isPublic) return true;
    return recipientOrgIds.includes(c.organisationId);
  }

  /**
   * School-year calendars: the coordinator the district's (`organisationId` null) and any school's override; a school
   * administrator only the override of their own school.
   */
  canWriteSchoolCalendar(c: Caller, organisationId: string | null): boolean {
    if (c.role === 'coordinator') return true;
    return c.role === 'school_admin' && organisationId !== null && organisationId === c.organisationId;
  }

  /** Reports: the coordinator any scope; a school admin only their school. */
  reportScope(c: Caller, organisationId: string | undefined): string | null {
    if (c.role === 'coordinator') return organisationId ?? null;
    if (c.role === 'school_admin') {
      if (organisationId && organisationId !== c.organisationId) throw notFound('organisation');
      return c.organisationId;
    }
    throw forbidden();
  }

  /** Throws 404 unless allowed: a foreign object looks missing. */
  ensure(allowed: boolean, what: NotFoundSubject): void {
    if (!allowed) throw notFound(what);
  }
}
