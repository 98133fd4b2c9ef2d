import { holds, LocalDate } from '../common';
import { agreementRow, agreementStatusCondition, inForceCandidateCondition } from './agreement-conditions';
import { anAgreement } from './agreement.fixtures';
import { AGREEMENT_STATUSES, AgreementData, agreementStatus, isInForce } from './index';

const d = LocalDate.iso;
const opt = (s: string | null) => (s ? d(s) : null);
const WINDOW = 60;

// agreements at the edges of every date fact, on days around each of those edges
const agreements: AgreementData[] = [];
for (const signed of [null, '2019-08-20', '2019-09-10'])
  for (const endsOn of [null, '2020-08-31', '2019-10-31'])
    for (const autoRenew of [false, true])
      for (const terminatedOn of [null, '2020-03-01', '2021-01-15'])
        for (const noticeGivenOn of [null, '2020-07-01'])
          agreements.push(
            anAgreement({
              signatures: { school: opt(signed), partner: signed ? d('2019-08-25') : null },
              endsOn: opt(endsOn),
              autoRenew,
              terminatedOn: opt(terminatedOn),
              noticeGivenOn: opt(noticeGivenOn),
            }),
          );
const days = [
  '2019-08-20',
  '2019-08-31',
  '2019-09-01',
  '2019-09-10',
  '2019-12-31',
  '2020-03-01',
  '2020-07-02',
  '2020-07-03',
  '2020-08-31',
  '2020-09-01',
  '2021-01-14',
  '2021-01-15',
  '2021-07-01',
  '2021-08-31',
  '2022-02-01',
].map(d);

describe('agreement conditions', () => {
  it.each(days.map((day) => [day.toString(), day] as const))(
    'select exactly the agreements of each status on %s',
    (_, today) => {
      const wrong: string[] = [];
      agreements.forEach((a, i) => {
        const row = agreementRow(a);
        const actual = agreementStatus(a, today, { expiringWindowDays: WINDOW });
        for (const status of AGREEMENT_STATUSES) {
          const { exact, renewing } = agreementStatusCondition(status, today, WINDOW);
          const inExact = !!exact && holds(exact, row);
          const inRenewing = !!renewing && holds(renewing, row);
          if (inExact && actual !== status) wrong.push(`#${i} is ${actual}, selected as ${status}`);
          if (actual === status && !inExact && !inRenewing) wrong.push(`#${i} is ${status}, not selected`);
        }
      });
      expect(wrong).toEqual([]);
    },
  );

  it.each(days.map((day) => [day.toString(), day] as const))('narrow to every agreement in force on %s', (_, on) => {
    const missed = agreements.filter((a) => isInForce(a, on) && !holds(inForceCandidateCondition(on), agreementRow(a)));
    expect(missed).toEqual([]);
    // not vacuous: from the start some agreements are in force
    expect(agreements.some((a) => isInForce(a, on))).toBe(!on.isBefore(d('2019-09-01')));
  });
});
