import type { AgreementResponse } from '@socium/contracts';

/** A draft agreement of school-1 with partner-1 as the API answers it, for specs; override what the test is about. */
export const agreement = (over: Partial<AgreementResponse> = {}): AgreementResponse => ({
  id: 'ag-1',
  number: 'ДЕМО-01/2019',
  kind: 'cooperation',
  schoolId: 'school-1',
  partnerId: 'partner-1',
  subject: 'Профориентация',
  goal: 'Самоопределение',
  directionIds: ['d-1'],
  obligations: [
    { party: 'school', text: 'Формировать группы' },
    { party: 'partner', text: 'Проводить экскурсии' },
  ],
  responsibleRoles: { school: 'Заместитель директора', partner: 'Начальник отдела кадров' },
  networkTerms: null,
  startsOn: '2019-09-01',
  endsOn: '2020-08-31',
  effectiveEndsOn: '2020-08-31',
  autoRenew: false,
  noticeDays: 30,
  signedBySchoolOn: null,
  signedByPartnerOn: null,
  terminatedOn: null,
  terminationReason: null,
  hasScan: false,
  status: 'draft',
  version: 3,
  createdAt: '2019-08-20T10:00:00.000Z',
  updatedAt: '2019-08-20T10:00:00.000Z',
  ...over,
});
