import { LocalDate } from '../common';
import { AgreementData, NetworkTerms } from './agreement';

/** All five network-form terms filled (273-ФЗ ст. 15 ч. 3). */
export const COMPLETE_NETWORK_TERMS: NetworkTerms = {
  programme: 'Дополнительная общеразвивающая программа «Юный техник», техническая направленность',
  studentStatus: 'Обучающиеся школы; зачисление приказом школы',
  resources: [
    {
      party: 'partner',
      obligation: 'Предоставляет мастерскую',
      resource: 'Учебная мастерская',
      volume: '2 часа в неделю',
    },
  ],
  documentsIssued: 'Сертификат об освоении программы выдаёт школа',
  amendmentProcedure: 'Изменения — дополнительным соглашением; расторжение с уведомлением за 30 дней',
};

/** A valid, unsigned one-year cooperation agreement for 2019–2020; override what the test is about. */
export function anAgreement(overrides: Partial<AgreementData> = {}): AgreementData {
  return {
    kind: 'cooperation',
    number: '12/2019',
    subject: 'Совместная работа по профориентации обучающихся',
    goal: 'Профессиональное самоопределение обучающихся',
    directionIds: ['career_guidance'],
    obligations: [
      { party: 'school', text: 'Организует участие обучающихся' },
      { party: 'partner', text: 'Проводит экскурсии на предприятие' },
    ],
    responsibleRoles: { school: 'Заместитель директора по воспитательной работе', partner: 'Начальник отдела кадров' },
    startsOn: LocalDate.iso('2019-09-01'),
    endsOn: LocalDate.iso('2020-08-31'),
    autoRenew: false,
    noticeDays: 30,
    signatures: {},
    terminatedOn: null,
    terminationReason: null,
    noticeGivenOn: null,
    networkTerms: null,
    ...overrides,
  };
}

/** `anAgreement` signed by the school on 20 Aug 2019 and by the partner on 25 Aug 2019. */
export function aSignedAgreement(overrides: Partial<AgreementData> = {}): AgreementData {
  return anAgreement({
    signatures: { school: LocalDate.iso('2019-08-20'), partner: LocalDate.iso('2019-08-25') },
    ...overrides,
  });
}

/** `aSignedAgreement`, auto-renewing with 30 days' notice (deadline 2020-08-01). */
export function aRenewingAgreement(overrides: Partial<AgreementData> = {}): AgreementData {
  return aSignedAgreement({ autoRenew: true, noticeDays: 30, ...overrides });
}
