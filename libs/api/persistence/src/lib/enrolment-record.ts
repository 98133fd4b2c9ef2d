import type { ProfminimumLevel } from '@socium/domain';

import { EntitySchema } from '@mikro-orm/core';

import { BASE_PROPERTIES as base, BaseRecord } from './base-record';

/** Pupils of one school in one academic year (G2 #7 and #11 denominators), migration 0011. */
export class EnrolmentRecord extends BaseRecord {
  organisationId!: string;
  academicYear!: string;
  /** pupils per grade, keys "1" … "11" (a grade without pupils may be left out) */
  pupilsByGrade: Record<string, number> = {};
  aged14 = 0;
  aged15 = 0;
  aged16to17 = 0;
  /** the профминимум level the school declared for this year (E1: only from 2023-2024), migration 0029 */
  profminimumLevel: ProfminimumLevel | null = null;
}
export const EnrolmentSchema = new EntitySchema<EnrolmentRecord>({
  class: EnrolmentRecord,
  tableName: 'enrolment',
  properties: {
    ...base,
    organisationId: { type: 'string', length: 36 },
    academicYear: { type: 'string', length: 9 },
    pupilsByGrade: { type: 'json' },
    aged14: { type: 'integer', fieldName: 'aged14' },
    aged15: { type: 'integer', fieldName: 'aged15' },
    aged16to17: { type: 'integer', fieldName: 'aged16to17' },
    profminimumLevel: { type: 'string', length: 20, nullable: true },
  },
});
