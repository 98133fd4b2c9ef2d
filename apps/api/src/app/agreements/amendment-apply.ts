import { AgreementAmendmentRecord, AgreementRecord } from '@socium/api-persistence';
import type { LocalDate } from '@socium/domain';

import { EntityManager, FilterQuery } from '@mikro-orm/core';

import type { AuditService } from '../audit/audit.service';
import { readPlain, snapshot } from '../common/crud.support';
import { previousValues } from './amendment.mapper';

/**
 * Writes a signed amendment's changes into its agreement, keeping the values they replace in the amendment
 * (`previous`), audited as `amend` (by `userId`, or by no one when its date came: `applyDueAmendments`).
 */
export function applyAmendmentTo(
  em: EntityManager,
  audit: AuditService,
  r: AgreementRecord,
  m: AgreementAmendmentRecord,
  userId: string | null,
  now: string,
): void {
  const before = snapshot(r);
  m.previous = previousValues(r, m.changes);
  Object.assign(r, m.changes);
  r.version += 1;
  r.updatedAt = now;
  audit.record(em, { userId, action: 'amend', objectType: 'agreement', objectId: r.id, before, after: snapshot(r) });
}

/**
 * Future-dated amendments whose date has come (issue 14): signed by both, not applied yet, `effectiveOn` on or before
 * `today` — their changes written into their agreements in number order (for one agreement, or all). Run before the
 * agreements are read (the agreement, the list, the report), so the stored text is the one in force today.
 */
export async function applyDueAmendments(
  em: EntityManager,
  audit: AuditService,
  today: LocalDate,
  now: string,
  agreementId?: string,
): Promise<number> {
  const dueWhere: FilterQuery<AgreementAmendmentRecord> = {
    previous: null,
    signedBySchoolOn: { $ne: null },
    signedByPartnerOn: { $ne: null },
    effectiveOn: { $lte: today.toString() },
    ...(agreementId ? { agreementId } : {}),
  };
  // nearly always none is due: every agreements page and report asks, so the question is one plain read
  if (!(await readPlain(em, AgreementAmendmentRecord, dueWhere, { fields: ['id'], limit: 1 })).length) return 0;
  const due = await em.find(AgreementAmendmentRecord, dueWhere, { orderBy: { agreementId: 'asc', number: 'asc' } });
  if (!due.length) return 0;
  const agreements = new Map(
    (await em.find(AgreementRecord, { id: { $in: [...new Set(due.map((m) => m.agreementId))] } })).map((r) => [
      r.id,
      r,
    ]),
  );
  for (const m of due) {
    const r = agreements.get(m.agreementId);
    if (!r) continue;
    applyAmendmentTo(em, audit, r, m, null, now);
    m.version += 1;
    m.updatedAt = now;
  }
  await em.flush();
  return due.length;
}
