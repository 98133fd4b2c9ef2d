import type { ActivityRecord, PlanRecord } from '@socium/api-persistence';
import type { ActivityResponse, PlanResponse } from '@socium/contracts';
import { screenActivityText } from '@socium/domain';

import { screenText } from '../publication/text-screen';

/** Whitelists what leaves the API: every field named, nothing else of the record. */
export function toPlanResponse(r: PlanRecord, activitiesCount: number): PlanResponse {
  return {
    id: r.id,
    organisationId: r.organisationId,
    academicYear: r.academicYear,
    agreementId: r.agreementId,
    title: r.title,
    status: r.status,
    returnComment: r.returnComment,
    submittedOn: r.submittedOn,
    approvedOn: r.approvedOn,
    activitiesCount,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export function toActivityResponse(r: ActivityRecord): ActivityResponse {
  return {
    id: r.id,
    planId: r.planId,
    organisationId: r.organisationId,
    academicYear: r.academicYear,
    title: r.title,
    directionId: r.directionId,
    form: r.form,
    partnerId: r.partnerId,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    plannedStartsOn: r.plannedStartsOn,
    plannedEndsOn: r.plannedEndsOn,
    venue: r.venue,
    targetGrades: r.targetGrades ?? [],
    plannedParticipants: r.plannedParticipants,
    hours: r.hours,
    isPublic: r.isPublic,
    professions: r.professions ?? [],
    description: r.description,
    status: r.status,
    heldOn: r.heldOn,
    actualParticipants: r.actualParticipants,
    result: r.result,
    evidenceLinks: r.evidenceLinks ?? [],
    cancelReason: r.cancelReason,
    publicTextFlags: screenActivityText(r, screenText).map((f) => ({ field: f.field, flags: [...f.flags] })),
    publicTextConfirmed: r.publicTextConfirmed ?? false,
    partnerConfirmedAt: r.partnerConfirmedAt ?? null,
    partnerComment: r.partnerComment ?? null,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}
