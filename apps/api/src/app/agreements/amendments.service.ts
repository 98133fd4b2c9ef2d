import { AgreementAmendmentRecord, AgreementRecord, DirectionRecord } from '@socium/api-persistence';
import type {
  AmendmentResponse,
  CreateAmendmentRequest,
  SignAmendmentRequest,
  SignAmendmentResponse,
} from '@socium/contracts';
import {
  AGREEMENT_RULES,
  checkAmendmentDeletable,
  checkNewAmendment,
  finding,
  LocalDate,
  nextAmendmentNumber,
  ruleError,
  signAmendment,
} from '@socium/domain';

import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';

import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/policy.decorator';
import { ClockService } from '../clock/clock.service';
import { newId, snapshot } from '../common/crud.support';
import { AppError, fail, forbidden, notFound, orThrow } from '../http/app-error';
import { toAgreementData } from './agreement.data';
import { toAgreementResponse } from './agreement.mapper';
import { AgreementsService } from './agreements.service';
import { applyAmendmentTo } from './amendment-apply';
import { toAmendmentData, toAmendmentResponse, toDomainChanges, toStoredChanges } from './amendment.mapper';

/** Two amendments drawn up at once took the same number: answered as the one awaiting signatures. */
export const amendmentNumberTaken = (): AppError =>
  fail(AGREEMENT_RULES.amendmentPending, {
    ru: 'Одновременно составлено другое дополнительное соглашение: обновите страницу',
    en: 'Another amendment was drawn up at the same time: reload the page',
    tt: 'Шул ук вакытта башка өстәмә килешү төзелгән: битне яңартыгыз',
  });

/**
 * Amendments (дополнительные соглашения) of a signed agreement (issue 14 item 4): drawn up by the school's
 * administrator or the coordinator, signed by each party as the agreement is (`canSignFor`); the second signature
 * writes the changed terms into the agreement (audited as `amend`), keeping the previous values in the amendment —
 * or, for an amendment dated later, leaves it `scheduled` until its date (`applyDueAmendments`).
 * Every step is in the agreement's audit log (`objectType: agreement`).
 */
@Injectable()
export class AmendmentsService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
    private readonly access: AccessService,
    private readonly clock: ClockService,
    private readonly agreements: AgreementsService,
  ) {}

  async list(c: Caller, id: string): Promise<AmendmentResponse[]> {
    await this.agreements.loadReadable(c, id);
    const rows = await this.em.find(AgreementAmendmentRecord, { agreementId: id }, { orderBy: { number: 'asc' } });
    return rows.map(toAmendmentResponse);
  }

  async create(c: Caller, id: string, body: CreateAmendmentRequest): Promise<AmendmentResponse> {
    const r = await this.writable(c, id);
    const existing = await this.em.find(AgreementAmendmentRecord, { agreementId: id });
    // one awaiting signatures, or signed and waiting for its date, holds the next back
    const pending = existing.some((m) => m.previous === null);
    const scheduled = existing.find((m) => m.previous === null && m.signedBySchoolOn && m.signedByPartnerOn);
    const effectiveOn = LocalDate.iso(body.effectiveOn);
    orThrow(
      checkNewAmendment(
        toAgreementData(r),
        { effectiveOn, changes: toDomainChanges(body.changes) },
        this.clock.today(),
        pending,
        scheduled ? LocalDate.iso(scheduled.effectiveOn) : null,
      ),
    );
    await this.checkDirections(body.changes.directionIds);
    const m = new AgreementAmendmentRecord();
    const now = this.clock.nowIso();
    Object.assign(m, {
      id: newId(),
      version: 1,
      createdAt: now,
      updatedAt: now,
      agreementId: id,
      number: nextAmendmentNumber(existing),
      effectiveOn: body.effectiveOn,
      changes: toStoredChanges(body.changes),
      previous: null,
    });
    this.em.persist(m);
    this.record(c, id, 'amendment.create', null, m);
    await this.em.flush();
    return toAmendmentResponse(m);
  }

  async sign(c: Caller, id: string, number: string, body: SignAmendmentRequest): Promise<SignAmendmentResponse> {
    const r = await this.agreements.loadReadable(c, id);
    if (!this.access.canSignFor(c, r, body.party)) throw forbidden('agreement.sign.not-your-party');
    const m = await this.load(id, number);
    const today = this.clock.today();
    const signed = orThrow(
      signAmendment(toAgreementData(r), toAmendmentData(m), body.party, LocalDate.iso(body.signedOn), today),
    );
    const before = snapshot(m);
    if (body.party === 'school') m.signedBySchoolOn = body.signedOn;
    else m.signedByPartnerOn = body.signedOn;
    // dated today or earlier: its changes go into the agreement now; a later date leaves it scheduled
    if (signed.inForce) applyAmendmentTo(this.em, this.audit, r, m, c.id, this.clock.nowIso());
    m.version += 1;
    m.updatedAt = this.clock.nowIso();
    this.record(c, id, 'amendment.sign', before, m);
    await this.em.flush();
    return { amendment: toAmendmentResponse(m), agreement: toAgreementResponse(r, today) };
  }

  async remove(c: Caller, id: string, number: string): Promise<void> {
    await this.writable(c, id);
    const m = await this.load(id, number);
    orThrow(checkAmendmentDeletable(toAmendmentData(m)));
    this.record(c, id, 'amendment.delete', m, null);
    this.em.remove(m);
    await this.em.flush();
  }

  private async writable(c: Caller, id: string): Promise<AgreementRecord> {
    const r = await this.agreements.loadReadable(c, id);
    if (!this.access.canWriteAgreement(c, r)) throw forbidden();
    return r;
  }

  /** The amendment `number` of agreement `id`; a number that is not a whole number finds nothing (404). */
  private async load(id: string, number: string): Promise<AgreementAmendmentRecord> {
    const n = /^[1-9]\d{0,5}$/.test(number) ? Number(number) : null;
    const m = n === null ? null : await this.em.findOne(AgreementAmendmentRecord, { agreementId: id, number: n });
    if (!m) throw notFound('agreement.amendment');
    return m;
  }

  private async checkDirections(ids: readonly string[] | undefined): Promise<void> {
    const unique = [...new Set(ids ?? [])];
    if (unique.length && (await this.em.count(DirectionRecord, { id: { $in: unique } })) !== unique.length)
      throw new AppError(
        ruleError([
          finding(
            AGREEMENT_RULES.directionsUnknown,
            { ru: 'Неизвестное направление', en: 'Unknown direction', tt: 'Билгесез юнәлеш' },
            { field: 'changes.directionIds' },
          ),
        ]),
      );
  }

  /**
   * An amendment's step in the agreement's audit log: the amendment's changed fields before and after, and its
   * number as `amendment` (always kept: the log keeps only what differs, and the number never changes).
   */
  private record(
    c: Caller,
    agreementId: string,
    action: string,
    before: Record<string, unknown> | AgreementAmendmentRecord | null,
    after: AgreementAmendmentRecord | null,
  ): void {
    const number = (after ?? before)?.number;
    this.audit.record(this.em, {
      userId: c.id,
      action,
      objectType: 'agreement',
      objectId: agreementId,
      before: before ? snapshot(before) : null,
      after: after ? { amendment: number, ...snapshot(after) } : null,
    });
  }
}
