import type { AgreementParty } from '@socium/domain';

import { EntitySchema } from '@mikro-orm/core';

import { BASE_PROPERTIES as base, BaseRecord } from './base-record';

/** The fields an amendment sets, as stored (dates as ISO text; `endsOn: null` = open-ended). */
export interface StoredAgreementChanges {
  subject?: string;
  goal?: string;
  directionIds?: string[];
  obligations?: { party: AgreementParty; text: string }[];
  endsOn?: string | null;
  autoRenew?: boolean;
  noticeDays?: number;
}

/**
 * An amendment to an agreement (дополнительное соглашение), numbered 1, 2, … per agreement (unique). Once both
 * parties signed, its `changes` are written into the agreement and `previous` keeps what those fields were.
 */
export class AgreementAmendmentRecord extends BaseRecord {
  agreementId!: string;
  number!: number;
  effectiveOn!: string;
  changes: StoredAgreementChanges = {};
  /** the agreement's values of the changed fields before the amendment came into force; null until then */
  previous: StoredAgreementChanges | null = null;
  signedBySchoolOn: string | null = null;
  signedByPartnerOn: string | null = null;
}
export const AgreementAmendmentSchema = new EntitySchema<AgreementAmendmentRecord>({
  class: AgreementAmendmentRecord,
  tableName: 'agreement_amendment',
  properties: {
    ...base,
    agreementId: { type: 'string', length: 36 },
    number: { type: 'integer' },
    effectiveOn: { type: 'string', length: 10 },
    changes: { type: 'json' },
    previous: { type: 'json', nullable: true },
    signedBySchoolOn: { type: 'string', length: 10, nullable: true },
    signedByPartnerOn: { type: 'string', length: 10, nullable: true },
  },
});
