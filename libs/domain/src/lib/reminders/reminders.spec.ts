import {
  agreementReminders,
  checkPlanSubmissionDeadline,
  contactEmail,
  defaultPlanSubmissionDeadline,
  documentReminders,
  documentSentNotices,
  placementReminders,
  planReminders,
  Reminder,
  REMINDER_KINDS,
  reminderLinkPurpose,
  reminderMessage,
  reminderPath,
  vettingReminders,
} from '.';
import { d } from '../../testing';
import { anAgreement, aRenewingAgreement, aSignedAgreement } from '../agreement/agreement.fixtures';
import { AcademicYear } from '../calendar/academic-year';
import { unwrap } from '../common';
import { LANGUAGES } from '../labels/labels';

const agreement = (data = aSignedAgreement()) => ({ id: 'a1', schoolId: 's1', partnerId: 'p1', data });

describe(agreementReminders.name, () => {
  it.each([
    ['2020-07-01', []],
    ['2020-07-02', ['agreement.expiring']],
    ['2020-08-31', ['agreement.expiring']],
    ['2020-09-01', []],
  ])('reminds both parties and the coordinators of an agreement ending 31.08.2020 on %s: %j', (today, kinds) => {
    const out = agreementReminders([agreement()], d(today));
    expect(out.map((r) => r.kind)).toEqual(kinds);
    for (const r of out) {
      expect(r.to).toEqual([{ organisationId: 's1' }, { organisationId: 'p1' }, { coordinators: true }]);
      expect(r.cause).toBe('agreement.expiring:a1:2020-08-31');
      expect(r.params).toEqual({ number: '12/2019', date: '2020-08-31' });
    }
  });

  it.each([
    ['2020-07-17', []],
    ['2020-07-18', ['agreement.notice-deadline']],
    ['2020-08-01', ['agreement.notice-deadline']],
    ['2020-08-02', []],
  ])(
    'reminds of the notice deadline 01.08.2020 of an auto-renewing agreement from 14 days before, on %s',
    (today, kinds) => {
      const out = agreementReminders([agreement(aRenewingAgreement())], d(today)).filter(
        (r) => r.kind === 'agreement.notice-deadline',
      );
      expect(out.map((r) => r.kind)).toEqual(kinds);
      if (out[0]) expect(out[0].cause).toBe('agreement.notice-deadline:a1:2020-08-01');
    },
  );

  it('says nothing of a draft or an open-ended agreement', () => {
    expect(agreementReminders([agreement(anAgreement())], d('2020-08-20'))).toEqual([]);
    expect(agreementReminders([agreement(aSignedAgreement({ endsOn: null }))], d('2020-08-20'))).toEqual([]);
  });
});

describe(planReminders.name, () => {
  const plan = (status: 'draft' | 'submitted' | 'approved' | 'returned', academicYear = '2019-2020') => ({
    id: `plan-${status}`,
    organisationId: 'school',
    academicYear,
    status,
    submittedOn: status === 'submitted' ? '2019-09-20' : null,
  });

  it('takes 1 October as the default submission deadline', () => {
    expect(defaultPlanSubmissionDeadline(unwrap(AcademicYear.create(2019))).toString()).toBe('2019-10-01');
  });

  it.each([
    ['2019-10-01', []],
    ['2019-10-02', ['plan.not-submitted']],
  ])('reminds the school of a draft of the current year on %s', (today, kinds) => {
    expect(planReminders([plan('draft')], d(today)).map((r) => r.kind)).toEqual(kinds);
  });

  it('reminds of a returned plan, not of an approved one nor of another year', () => {
    const out = planReminders([plan('returned'), plan('approved'), plan('draft', '2020-2021')], d('2019-11-01'));
    expect(out.map((r) => r.objectId)).toEqual(['plan-returned']);
    expect(out[0]?.to).toEqual([{ organisationId: 'school' }]);
  });

  it('takes the deadline the coordinator set for the year instead of 1 October', () => {
    const submitBy = d('2019-09-15');
    expect(planReminders([plan('draft')], d('2019-09-15'), { submitBy })).toEqual([]);
    const [r] = planReminders([plan('draft')], d('2019-09-16'), { submitBy });
    expect(r).toMatchObject({ kind: 'plan.not-submitted', params: { date: '2019-09-15' } });
    expect(r?.cause).toBe('plan.not-submitted:plan-draft:2019-09-15');
  });

  it('reminds a school with no plan of the year at all, and links it to the plans list', () => {
    const schools = ['school', 'other'];
    expect(planReminders([plan('approved')], d('2019-10-01'), { schools })).toEqual([]);
    const out = planReminders([plan('approved'), plan('draft', '2018-2019')], d('2019-10-02'), { schools });
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ objectType: 'organisation', objectId: 'other', to: [{ organisationId: 'other' }] });
    expect(out[0]?.cause).toBe('plan.not-submitted:other:2019-2020:2019-10-01');
    expect(reminderPath(out[0] as Reminder)).toBe('/plans');
    expect(reminderPath({ kind: 'document.overdue', objectType: 'document', objectId: 'x' })).toBe('/documents/x');
  });

  it.each([
    ['2019-09-01', true],
    ['2020-08-31', true],
    ['2019-08-31', false],
    ['2020-09-01', false],
  ])('accepts a set deadline of %s for 2019-2020: %s', (date, accepted) => {
    const r = checkPlanSubmissionDeadline(unwrap(AcademicYear.create(2019)), d(date));
    expect(r.ok).toBe(accepted);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'period.plan-due.outside-year', field: 'planSubmissionDueOn' });
  });

  it('tells the coordinators of a plan waiting for approval, once per submission', () => {
    const [r] = planReminders([plan('submitted')], d('2019-09-21'));
    expect(r).toMatchObject({ kind: 'plan.awaiting-approval', to: [{ coordinators: true }] });
    expect(r?.cause).toBe('plan.awaiting-approval:plan-submitted:2019-09-20');
  });
});

describe(documentReminders.name, () => {
  const row = (organisationId: string, state: 'sent' | 'received' | 'acknowledged', revision = 1) => ({
    documentId: 'doc',
    number: '15',
    organisationId,
    state,
    dueOn: '2020-02-27',
    revision,
  });

  it('reminds exactly the recipients late on 28.02.2020 and escalates once per document and revision', () => {
    const rows = [row('a', 'sent'), row('b', 'received'), row('c', 'acknowledged')];
    expect(documentReminders(rows, d('2020-02-27'))).toEqual([]);
    const out = documentReminders(rows, d('2020-02-28'));
    expect(out.filter((r) => r.kind === 'document.overdue').map((r) => r.to)).toEqual([
      [{ organisationId: 'a' }],
      [{ organisationId: 'b' }],
    ]);
    const escalations = out.filter((r) => r.kind === 'document.overdue-escalation');
    expect(escalations).toHaveLength(1);
    expect(escalations[0]).toMatchObject({ cause: 'document.overdue-escalation:doc:1', params: { count: 2 } });
    expect(documentReminders([row('a', 'sent', 2)], d('2020-03-01'))[0]?.cause).toBe('document.overdue:doc:2:a');
  });

  it('names the late recipients in the escalation, in alphabetical order, and the message lists them', () => {
    const named = (id: string, name: string, state: 'sent' | 'acknowledged') => ({
      ...row(id, state),
      organisationName: name,
    });
    const out = documentReminders(
      [
        named('a', 'МБОУ «Ютазинская СОШ»', 'sent'),
        named('b', 'КЦСОН', 'sent'),
        named('c', 'Гимназия', 'acknowledged'),
      ],
      d('2020-02-28'),
    );
    const escalation = out.find((r) => r.kind === 'document.overdue-escalation');
    expect(escalation?.params).toMatchObject({ count: 2, names: 'КЦСОН; МБОУ «Ютазинская СОШ»' });
    expect(reminderMessage(escalation as Reminder).body).toBe(
      'Срок исполнения документа № 15 истёк 27.02.2020; не подтвердили ознакомление получателей: 2 (КЦСОН; МБОУ «Ютазинская СОШ»).',
    );
    expect(reminderMessage(escalation as Reminder, 'tt').body).toContain(
      'танышуны расламаган алучылар саны: 2 (КЦСОН;',
    );
  });

  it('has no overdue without a due date', () => {
    expect(documentReminders([{ ...row('a', 'sent'), dueOn: null }], d('2030-01-01'))).toEqual([]);
  });
});

describe(reminderMessage.name, () => {
  it.each(LANGUAGES.flatMap((lang) => REMINDER_KINDS.map((kind) => [lang, kind] as const)))(
    'writes a %s %s message with the number and the date as dd.mm.yyyy',
    (lang, kind) => {
      const m = reminderMessage(
        {
          kind,
          params: {
            number: '15',
            date: '2020-02-27',
            year: '2019-2020',
            count: 3,
            job: 'Вожатый',
            name: 'Тапарт',
            title: 'О планах',
          },
        },
        lang,
      );
      expect(m.subject.length).toBeGreaterThan(10);
      expect(`${m.subject} ${m.body}`).not.toMatch(/undefined|\$\{/);
      if (kind.startsWith('document.') || kind.startsWith('agreement.')) expect(m.body).toContain('15');
      if (kind.startsWith('organisation.')) expect(m.body).toContain('Тапарт');
      expect(m.body).toMatch(/27\.02\.2020|2019–2020/);
    },
  );

  it('speaks Russian by default', () => {
    expect(reminderMessage({ kind: 'document.overdue', params: { number: '15', date: '2020-02-27' } }).subject).toBe(
      'Просрочено ознакомление с документом № 15',
    );
  });
});

describe(placementReminders.name, () => {
  const placement = (status: 'blocked' | 'cleared') => ({
    id: 'pl',
    schoolId: 'school',
    jobTitle: 'Подсобный рабочий',
    startsOn: '2026-06-15',
    endsOn: '2026-06-30',
    status,
  });

  it.each([
    ['2026-05-31', 'blocked', []],
    ['2026-06-01', 'blocked', ['placement.blocked-start']],
    ['2026-06-20', 'blocked', ['placement.blocked-start']],
    ['2026-07-01', 'blocked', []],
    ['2026-06-10', 'cleared', []],
  ] as const)('on %s a %s placement from 15.06.2026 gives %j', (today, status, kinds) => {
    const out = placementReminders([placement(status)], d(today));
    expect(out.map((r) => r.kind)).toEqual(kinds);
    if (out[0]) {
      expect(out[0].to).toEqual([{ organisationId: 'school' }, { coordinators: true }]);
      expect(out[0].cause).toBe('placement.blocked-start:pl:2026-06-15');
    }
  });
});

describe(vettingReminders.name, () => {
  const partner = (vettingValidUntil: string | null) => ({ id: 'p1', name: 'Тапарт', vettingValidUntil });

  it.each([
    ['2026-05-01', []],
    ['2026-05-02', ['organisation.vetting-expiring']],
    ['2026-06-10', ['organisation.vetting-expiring']],
  ])(
    'reminds of a confirmation holding until 01.06.2026 on %s (30 days before, and after it ran out)',
    (today, kinds) => {
      expect(vettingReminders([partner('2026-06-01')], d(today)).map((r) => r.kind)).toEqual(kinds);
    },
  );

  it('tells the partner and the coordinators once per date, linking the organisation, and ignores partners without one', () => {
    const [r] = vettingReminders([partner('2026-06-01'), partner(null)], d('2026-05-20'));
    expect(r).toMatchObject({
      cause: 'organisation.vetting-expiring:p1:2026-06-01',
      to: [{ organisationId: 'p1' }, { coordinators: true }],
    });
    expect(reminderPath(r as Reminder)).toBe('/organisations/p1');
    expect(reminderMessage(r as Reminder, 'ru').subject).toBe(
      'Тапарт: подтверждение справок о несудимости действует до 01.06.2026',
    );
  });
});

describe(documentSentNotices.name, () => {
  const doc = {
    id: 'd1',
    number: 'Р-7',
    issuedOn: '2020-02-12',
    title: 'О совместных планах',
    dueOn: '2020-02-27',
    revision: 1,
  };

  it('tells each recipient organisation once per revision, linking the document', () => {
    const notices = documentSentNotices(doc, ['s1', 'p1', 's1']);
    expect(notices.map((n) => [n.cause, n.to])).toEqual([
      ['document.sent:d1:1:s1', [{ organisationId: 's1' }]],
      ['document.sent:d1:1:p1', [{ organisationId: 'p1' }]],
    ]);
    expect(reminderPath(notices[0] as Reminder)).toBe('/documents/d1');
    expect(documentSentNotices({ ...doc, revision: 2 }, ['s1'])[0]?.cause).toBe('document.sent:d1:2:s1');
  });

  it('names the number, date, title and due date in each language, and leaves out a due date it does not have', () => {
    const [n] = documentSentNotices(doc, ['s1']) as [Reminder];
    expect(reminderMessage(n)).toEqual({
      subject: 'Новый документ № Р-7 от 12.02.2020',
      body: 'Отдел образования направил вашей организации документ № Р-7 от 12.02.2020 «О совместных планах». Срок исполнения — 27.02.2020. Подтвердите ознакомление.',
    });
    expect(reminderMessage(n, 'tt').subject).toBe('12.02.2020 көнне чыккан Р-7 номерлы яңа документ');
    expect(reminderMessage(n, 'en').body).toContain('Due date: 27.02.2020');
    const [undated] = documentSentNotices({ ...doc, dueOn: null }, ['s1']) as [Reminder];
    for (const lang of LANGUAGES) expect(reminderMessage(undated, lang).body).not.toMatch(/27\.02\.2020/);
  });
});

describe(reminderLinkPurpose.name, () => {
  it.each([
    ['document.sent', 'document.acknowledge'],
    ['document.overdue', 'document.acknowledge'],
    ['document.overdue-escalation', null],
    ['agreement.expiring', null],
    ['plan.not-submitted', null],
  ] as const)('lets an organisation without users answer a %s reminder through a link: %s', (kind, purpose) => {
    expect(reminderLinkPurpose({ kind })).toBe(purpose);
  });
});

describe(contactEmail.name, () => {
  it('takes the first contact that has an address, else none', () => {
    expect(contactEmail([{ email: '' }, { email: 'office@school.example' }, { email: 'b@x.example' }])).toBe(
      'office@school.example',
    );
    expect(contactEmail([{}])).toBeNull();
    expect(contactEmail(undefined)).toBeNull();
  });
});
