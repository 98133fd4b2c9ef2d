import type { AgreementResponse, AuditEntryResponse } from '@socium/contracts';

import type { MessageKey } from '../../core/messages';

/** One line of an agreement's history: when, what (a message with its parameters), and the fields it changed. */
export interface HistoryEvent {
  /** `YYYY-MM-DD` */
  readonly date: string;
  readonly what: MessageKey;
  readonly params: Readonly<Record<string, string>>;
  /** the changed fields by their message key (`agr_subject`), unknown ones by name */
  readonly fields: readonly string[];
}

/** The words of each audit action on an agreement; an unknown action is shown as «changed». */
const ACTIONS: Readonly<Record<string, MessageKey>> = {
  create: 'agp_h_created',
  update: 'agp_h_updated',
  sign: 'agp_h_signed',
  terminate: 'agp_h_terminated',
  scan: 'agp_h_scan',
  'amendment.create': 'agp_h_amendment_created',
  'amendment.sign': 'agp_h_amendment_signed',
  'amendment.delete': 'agp_h_amendment_deleted',
  amend: 'agp_h_amended',
};

/** Field names of the record as the panel calls them. */
export const FIELD_LABELS: Readonly<Record<string, MessageKey>> = {
  number: 'agr_number',
  kind: 'agr_kind',
  schoolId: 'agr_school',
  partnerId: 'agr_partner',
  subject: 'agr_subject',
  goal: 'agr_goal',
  directionIds: 'agr_directions',
  obligations: 'agr_obligations',
  startsOn: 'agr_start_date',
  endsOn: 'agr_end_date',
  autoRenew: 'agr_auto_renewal',
  noticeDays: 'agr_notice_period',
  signedBySchoolOn: 'agp_signature_school',
  signedByPartnerOn: 'agp_signature_partner',
  terminatedOn: 'agp_terminated_on',
  terminationReason: 'agp_termination_reason',
  scanFileId: 'agp_scan',
  responsibleRoles: 'agp_responsible',
  networkTerms: 'agp_network_terms',
};

/**
 * The agreement's history, newest first. From the audit log when the user may read it (the coordinator); else from
 * what the agreement itself records (created, each signature, termination), so nothing of the log leaks.
 */
export function historyEvents(a: AgreementResponse, audit: readonly AuditEntryResponse[] | null): HistoryEvent[] {
  if (audit)
    return audit.map((e) => {
      const changed = Object.keys(e.after ?? e.before ?? {}).filter(
        (k) => !['id', 'version', 'createdAt', 'updatedAt'].includes(k),
      );
      // an amendment's entry names it: `amendment` (its number) after, or its `number` when it was deleted
      const amendment = e.after ? e.after['amendment'] : e.before?.['number'];
      return {
        date: e.at.slice(0, 10),
        what: ACTIONS[e.action] ?? 'agp_h_changed',
        params: { number: typeof amendment === 'number' ? String(amendment) : '' },
        fields: e.action === 'create' || e.action.startsWith('amendment.') ? [] : changed,
      };
    });
  const events: HistoryEvent[] = [{ date: a.createdAt.slice(0, 10), what: 'agp_h_created', params: {}, fields: [] }];
  if (a.signedBySchoolOn)
    events.push({ date: a.signedBySchoolOn, what: 'agp_h_signed_school', params: {}, fields: [] });
  if (a.signedByPartnerOn)
    events.push({ date: a.signedByPartnerOn, what: 'agp_h_signed_partner', params: {}, fields: [] });
  if (a.terminatedOn)
    events.push({
      date: a.terminatedOn,
      what: 'agp_h_terminated_reason',
      params: { reason: a.terminationReason ?? '' },
      fields: [],
    });
  return events.sort((x, y) => (x.date < y.date ? 1 : x.date > y.date ? -1 : 0));
}
