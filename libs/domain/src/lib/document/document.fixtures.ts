import { LocalDate } from '../common';
import { DocumentInput, RecipientProgress } from './document';

/** The resolution of 12 Feb 2020 as a registered document, due in two weeks. */
export function aDocument(overrides: Partial<DocumentInput> = {}): DocumentInput {
  return {
    number: '45',
    title: 'Резолюция круглого стола о взаимодействии школ и социальных учреждений',
    issuedOn: LocalDate.iso('2020-02-12'),
    dueOn: LocalDate.iso('2020-02-26'),
    ...overrides,
  };
}

/** A recipient the document was sent to on 13 Feb 2020. */
export function aSentRecipient(overrides: Partial<RecipientProgress> = {}): RecipientProgress {
  return { state: 'sent', sentOn: LocalDate.iso('2020-02-13'), ...overrides };
}

/** A working-day predicate without holidays: Monday to Friday. */
export const weekdaysOnly = (date: LocalDate): boolean => !date.isWeekend;
