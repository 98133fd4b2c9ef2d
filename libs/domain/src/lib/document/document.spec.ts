import {
  acknowledgedOnTime,
  advanceRecipient,
  canAdvanceRecipient,
  checkDocument,
  checkRecipients,
  checkRecordedDate,
  checkResponseFileOpen,
  checkResponsePlan,
  dueDateAfterWorkingDays,
  hasAcknowledged,
  isRecipientOverdue,
  DOCUMENT_RULES as R,
  RECIPIENT_STATES,
  reissuedRecipient,
  validateDocument,
  validateRecipients,
  workingDaysBetween,
} from '.';
import { d } from '../../testing';
import { LocalDate } from '../common';
import { DocumentInput, RecipientState } from './document';
import { aDocument, aSentRecipient, weekdaysOnly } from './document.fixtures';

describe(validateDocument.name, () => {
  it.each<[string, Partial<DocumentInput>, string[]]>([
    ['a complete document', {}, []],
    ['a document without a due date', { dueOn: null }, []],
    ['a document due on its issue day', { dueOn: d('2020-02-12') }, []],
    ['a document without a number', { number: ' ' }, [R.numberRequired]],
    ['a document without a title', { title: '' }, [R.titleRequired]],
    ['a document due the day before its issue', { dueOn: d('2020-02-11') }, [R.dueBeforeIssued]],
  ])('checks %s', (_, overrides, expected) => {
    expect(validateDocument(aDocument(overrides)).map((f) => f.rule)).toEqual(expected);
  });
});

describe(checkDocument.name, () => {
  it('returns a valid document unchanged and refuses an invalid one with every finding', () => {
    expect(checkDocument(aDocument())).toEqual({ ok: true, value: aDocument() });
    const sut = checkDocument(aDocument({ number: '', title: '' }));
    expect(sut.ok ? null : sut.error).toMatchObject({
      code: R.numberRequired,
      category: 'rule',
      details: [{ rule: R.numberRequired }, { rule: R.titleRequired }],
    });
  });
});

describe(validateRecipients.name, () => {
  it.each<[string, string[], string[], string[]]>([
    ['distinct recipients', ['school-1', 'school-2'], [], []],
    ['no recipient', [], [], [R.recipientsRequired]],
    ['a blank recipient', ['school-1', ' '], [], [R.recipientsRequired]],
    ['a recipient named twice', ['school-1', 'school-2', 'school-1'], [], [R.recipientsDuplicate]],
    ['a recipient that already got the document', ['school-1', 'school-3'], ['school-3'], [R.recipientsAlreadySent]],
    ['new recipients of a document already sent to others', ['school-2'], ['school-1'], []],
  ])('checks %s', (_, ids, alreadySent, expected) => {
    expect(validateRecipients(ids, alreadySent).map((f) => f.rule)).toEqual(expected);
  });

  it('accepts a first mailing with no earlier recipients', () => {
    expect(validateRecipients(['school-1'])).toEqual([]);
  });

  it('names each repeated or already-served recipient once', () => {
    const sut = validateRecipients(['a', 'b', 'a', 'a', 'b', 'c', 'c'], ['c']);
    expect(sut.map((f) => f.actual)).toEqual(['a, b, c', 'c']);
  });
});

describe(checkRecipients.name, () => {
  it('returns the ids or a 422', () => {
    expect(checkRecipients(['school-1'])).toEqual({ ok: true, value: ['school-1'] });
    const sut = checkRecipients([]);
    expect(sut.ok ? null : sut.error).toMatchObject({ code: R.recipientsRequired, category: 'rule' });
  });
});

describe(canAdvanceRecipient.name, () => {
  const allowed: Record<RecipientState, RecipientState[]> = {
    sent: ['received', 'acknowledged', 'responded'],
    received: ['acknowledged', 'responded'],
    acknowledged: ['responded', 'closed'],
    responded: ['closed'],
    closed: [],
  };
  it.each(
    RECIPIENT_STATES.flatMap((from) => RECIPIENT_STATES.map((to) => [from, to, allowed[from].includes(to)] as const)),
  )('moves a recipient from %s to %s: %s', (from, to, expected) => {
    expect(canAdvanceRecipient(from, to)).toBe(expected);
  });
});

describe(advanceRecipient.name, () => {
  const on = d('2020-02-14');

  it('records the receipt', () => {
    expect(advanceRecipient(aSentRecipient(), 'received', on)).toEqual({
      ok: true,
      value: aSentRecipient({ state: 'received', receivedOn: on }),
    });
  });

  it('records the receipt too when a sent document is acknowledged', () => {
    const sut = advanceRecipient(aSentRecipient(), 'acknowledged', on);
    expect(sut.ok && sut.value).toEqual(aSentRecipient({ state: 'acknowledged', receivedOn: on, acknowledgedOn: on }));
  });

  it('keeps an earlier receipt date when acknowledging', () => {
    const sut = advanceRecipient(
      aSentRecipient({ state: 'received', receivedOn: d('2020-02-13') }),
      'acknowledged',
      on,
    );
    expect(sut.ok && [sut.value.receivedOn, sut.value.acknowledgedOn]).toEqual([d('2020-02-13'), on]);
  });

  it('records the trimmed response', () => {
    const sut = advanceRecipient(
      aSentRecipient({ state: 'acknowledged', receivedOn: on, acknowledgedOn: on }),
      'responded',
      on,
      ' План на 2019–2020 уку елы ',
    );
    expect(sut.ok && [sut.value.state, sut.value.respondedOn, sut.value.response]).toEqual([
      'responded',
      on,
      'План на 2019–2020 уку елы',
    ]);
  });

  it('closes an acknowledged recipient without inventing a response', () => {
    const sut = advanceRecipient(
      aSentRecipient({ state: 'acknowledged', receivedOn: on, acknowledgedOn: on }),
      'closed',
      d('2020-03-01'),
    );
    expect(sut.ok && sut.value).toEqual(
      aSentRecipient({ state: 'closed', receivedOn: on, acknowledgedOn: on, closedOn: d('2020-03-01') }),
    );
    expect(sut.ok && 'respondedOn' in sut.value).toBe(false);
  });

  it.each<[RecipientState, RecipientState]>([
    ['received', 'sent'],
    ['sent', 'closed'],
    ['received', 'closed'],
    ['closed', 'closed'],
  ])('refuses to move a recipient from %s to %s', (from, to) => {
    const sut = advanceRecipient(aSentRecipient({ state: from }), to, on, 'Ответ');
    expect(sut.ok ? null : sut.error).toMatchObject({
      code: R.recipientTransitionInvalid,
      category: 'rule',
      details: [{ limit: from, actual: to }],
    });
  });

  it('refuses a date before the previous step', () => {
    const sut = advanceRecipient(
      aSentRecipient({ state: 'received', receivedOn: d('2020-02-20') }),
      'acknowledged',
      d('2020-02-19'),
    );
    expect(sut.ok ? null : sut.error.code).toBe(R.recipientDateBeforePrevious);
  });

  it('refuses to record receipt before the sending date', () => {
    const sut = advanceRecipient(aSentRecipient(), 'received', d('2020-02-12'));
    expect(sut.ok ? null : sut.error.code).toBe(R.recipientDateBeforePrevious);
  });

  it.each([undefined, null, '  '])('refuses a response of %p', (response) => {
    const sut = advanceRecipient(
      aSentRecipient({ state: 'acknowledged', acknowledgedOn: on }),
      'responded',
      on,
      response,
    );
    expect(sut.ok ? null : sut.error.code).toBe(R.recipientResponseRequired);
  });
});

describe(isRecipientOverdue.name, () => {
  const due = d('2020-02-26');
  it.each<[RecipientState, string, LocalDate | null, boolean]>([
    ['sent', '2020-02-26', due, false],
    ['sent', '2020-02-27', due, true],
    ['received', '2020-02-27', due, true],
    ['acknowledged', '2020-03-27', due, false],
    ['responded', '2020-03-27', due, false],
    ['closed', '2020-03-27', due, false],
    ['sent', '2030-01-01', null, false],
  ])('tells whether a %s recipient is overdue on %s (due %s): %s', (state, today, dueOn, expected) => {
    expect(isRecipientOverdue({ state }, dueOn, d(today))).toBe(expected);
    expect(hasAcknowledged({ state })).toBe(['acknowledged', 'responded', 'closed'].includes(state));
  });
});

describe(acknowledgedOnTime.name, () => {
  it.each<[string | null, string | null, boolean]>([
    ['2020-02-26', '2020-02-26', true],
    ['2020-02-27', '2020-02-26', false],
    [null, '2020-02-26', false],
    ['2021-01-01', null, true],
  ])('counts an acknowledgement on %s against the due date %s as on time: %s', (ackOn, dueOn, expected) => {
    expect(acknowledgedOnTime({ acknowledgedOn: ackOn ? d(ackOn) : null }, dueOn ? d(dueOn) : null)).toBe(expected);
  });
});

describe(dueDateAfterWorkingDays.name, () => {
  const holidays = new Set(['2020-02-24', '2020-03-09']);
  const calendar = (date: LocalDate) => weekdaysOnly(date) && !holidays.has(date.toString());

  it.each([
    ['gives the issue day for zero days', '2020-02-12', 0, '2020-02-12'],
    ['counts from the next day', '2020-02-12', 1, '2020-02-13'],
    ['skips the weekend', '2020-02-14', 1, '2020-02-17'],
    ['counts ten working days across a holiday', '2020-02-12', 10, '2020-02-27'],
    ['skips a holiday', '2020-02-20', 2, '2020-02-25'],
    ['counts from a Saturday issue', '2020-02-29', 1, '2020-03-02'],
  ])('%s', (_, issuedOn, n, expected) => {
    expect(dueDateAfterWorkingDays(d(issuedOn), n, calendar).toString()).toBe(expected);
  });

  it.each([-1, 1.5])('refuses %p working days', (n) => {
    expect(() => dueDateAfterWorkingDays(d('2020-02-12'), n, calendar)).toThrow('n must be a whole number');
  });

  it('stops on a calendar without working days', () => {
    expect(() => dueDateAfterWorkingDays(d('2020-02-12'), 1, () => false)).toThrow('no working days');
  });
});

describe(workingDaysBetween.name, () => {
  it.each([
    ['2020-02-13', '2020-02-13', 0],
    ['2020-02-13', '2020-02-14', 1],
    ['2020-02-13', '2020-02-17', 2],
    ['2020-02-13', '2020-02-10', 0],
  ])('counts the working days after %s up to %s: %d', (from, to, expected) => {
    expect(workingDaysBetween(d(from), d(to), weekdaysOnly)).toBe(expected);
  });
});

describe(checkRecordedDate.name, () => {
  it.each([
    ['2020-02-13', true],
    ['2020-02-14', true],
    ['2020-02-15', false],
  ])('accepts a receipt recorded on %s when today is 14.02.2020: %s', (on, accepted) => {
    const result = checkRecordedDate(d(on), d('2020-02-14'), 'receivedOn');
    expect(result.ok).toBe(accepted);
    if (!result.ok)
      expect(result.error.details?.[0]).toMatchObject({ rule: R.recipientDateInFuture, field: 'receivedOn' });
  });
});

describe(reissuedRecipient.name, () => {
  it('asks a recipient again from the day of the new version, with every later step cleared', () => {
    expect(reissuedRecipient(d('2020-03-10'))).toEqual({
      state: 'sent',
      sentOn: d('2020-03-10'),
      receivedOn: null,
      acknowledgedOn: null,
      respondedOn: null,
      response: null,
      closedOn: null,
    });
  });
});

describe(checkResponsePlan.name, () => {
  it('accepts the responding organisation own plan and refuses another organisation plan or none', () => {
    expect(checkResponsePlan({ organisationId: 'school-1' }, 'school-1').ok).toBe(true);
    const other = checkResponsePlan({ organisationId: 'school-2' }, 'school-1');
    expect(other.ok ? null : [other.error.code, other.error.field]).toEqual([
      'document.response.plan-not-own',
      'planId',
    ]);
    const none = checkResponsePlan(null, 'school-1');
    expect(none.ok ? null : none.error.category).toBe('rule');
  });
});

describe(checkResponseFileOpen.name, () => {
  it('lets the response file change until the organisation has responded', () => {
    const open = (['sent', 'received', 'acknowledged'] as RecipientState[]).map((s) => checkResponseFileOpen(s).ok);
    expect(open).toEqual([true, true, true]);
    const late = (['responded', 'closed'] as RecipientState[]).map((s) => checkResponseFileOpen(s));
    expect(late.map((r) => (r.ok ? null : r.error.code))).toEqual([
      'document.response.file-locked',
      'document.response.file-locked',
    ]);
  });
});
