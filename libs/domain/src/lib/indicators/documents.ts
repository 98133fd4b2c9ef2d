import { median, ratio } from './ratio';

export interface DocumentAcknowledgementInput {
  /** recipient organisations of the documents sent in the period */
  readonly recipients: number;
  /** recipients that acknowledged on or before the due date */
  readonly acknowledgedOnTime: number;
  /** recipients past the due date without acknowledgement */
  readonly overdue: number;
  /** working days (Tatarstan calendar) from sending to acknowledgement, one per acknowledged recipient */
  readonly workingDaysToAcknowledge: readonly number[];
}

export interface DocumentAcknowledgement {
  readonly recipients: number;
  readonly acknowledgedOnTime: number;
  /** acknowledgedOnTime ÷ recipients; null with no recipients */
  readonly onTimeShare: number | null;
  /** median working days to acknowledge; null when nobody acknowledged */
  readonly medianWorkingDays: number | null;
  readonly overdue: number;
}

/**
 * Indicator #13 (calendar quarter; internal): acknowledged on time ÷ recipients; median working days to
 * acknowledge; overdue count.
 */
export function documentAcknowledgement(input: DocumentAcknowledgementInput): DocumentAcknowledgement {
  return {
    recipients: input.recipients,
    acknowledgedOnTime: input.acknowledgedOnTime,
    onTimeShare: ratio(input.acknowledgedOnTime, input.recipients),
    medianWorkingDays: median(input.workingDaysToAcknowledge),
    overdue: input.overdue,
  };
}
