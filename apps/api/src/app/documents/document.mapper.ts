import type { DocumentRecipientRecord, DocumentRecord } from '@socium/api-persistence';
import type { DocumentResponse, RecipientResponse } from '@socium/contracts';

/** Whitelists what leaves the API: every field named, nothing else of the record. */
export function toDocumentResponse(
  r: DocumentRecord,
  counts: { recipients: number; acknowledged: number },
): DocumentResponse {
  return {
    id: r.id,
    number: r.number,
    title: r.title,
    issuedOn: r.issuedOn,
    summary: r.summary,
    dueOn: r.dueOn,
    dueWorkingDays: r.dueWorkingDays ?? null,
    isPublic: r.isPublic,
    revision: r.revision ?? 1,
    recipientsCount: counts.recipients,
    acknowledgedCount: counts.acknowledged,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export function toRecipientResponse(
  r: DocumentRecipientRecord,
  organisationName: string,
  overdue: boolean,
  named: Pick<RecipientResponse, 'planTitle' | 'responseFile'>,
): RecipientResponse {
  return {
    organisationId: r.organisationId,
    organisationName,
    state: r.state,
    revision: r.revision ?? 1,
    sentOn: r.sentOn,
    incomingNumber: r.incomingNumber ?? null,
    receivedOn: r.receivedOn,
    acknowledgedOn: r.acknowledgedOn,
    respondedOn: r.respondedOn,
    response: r.response,
    closedOn: r.closedOn,
    overdue,
    planId: r.planId ?? null,
    planTitle: named.planTitle,
    responseFile: named.responseFile,
  };
}
