import type { ActivityRecord } from '@socium/api-persistence';
import { LocalDate } from '@socium/domain';

import { TEXT } from './public-text';

/** RFC 5545 TEXT escaping: backslash, semicolon, comma and newlines. */
export function icsEscape(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line at 75 octets (continuations start with one space), never splitting a UTF-8 character. */
export function icsFold(line: string): string {
  const out: string[] = [];
  let cur = '';
  let octets = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8');
    const limit = out.length === 0 ? 75 : 74; // continuation lines carry the leading space
    if (octets + n > limit) {
      out.push(cur);
      cur = '';
      octets = 0;
    }
    cur += ch;
    octets += n;
  }
  out.push(cur);
  return out.join('\r\n ');
}

const basicDate = (iso: string) => iso.replace(/-/g, '');
/** `2026-11-28T10:11:12.345Z` → `20261128T101112Z`. */
const stamp = (iso: string) => {
  const d = new Date(iso);
  return (Number.isNaN(d.getTime()) ? new Date(0) : d)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
};

/** What of an activity goes public (its text already screened: see `publicActivity`). */
export type FeedActivity = Pick<
  ActivityRecord,
  | 'id'
  | 'title'
  | 'form'
  | 'startsOn'
  | 'endsOn'
  | 'venue'
  | 'targetGrades'
  | 'status'
  | 'heldOn'
  | 'result'
  | 'updatedAt'
  | 'version'
>;

export interface FeedEvent {
  activity: FeedActivity;
  partner: string | null;
  organisation: string | null;
}

/** An iCalendar feed of public activities: all-day events (DTEND exclusive), stable UIDs, DTSTAMP from updatedAt. */
export function renderIcs(calendarName: string, events: readonly FeedEvent[]): string {
  const t = TEXT.ru;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Socium//Public activities//RU',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsEscape(calendarName)}`,
    'X-WR-TIMEZONE:Europe/Moscow',
  ];
  for (const { activity: a, partner, organisation } of events) {
    const end = LocalDate.iso(a.endsOn >= a.startsOn ? a.endsOn : a.startsOn)
      .addDays(1)
      .toString();
    const description = [
      t.forms[a.form] ?? a.form,
      a.targetGrades.length ? t.grades(a.targetGrades) : '',
      organisation ?? '',
      partner ?? '',
      a.status === 'held' && a.result ? a.result : '',
    ].filter(Boolean);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${a.id}@socium`,
      `DTSTAMP:${stamp(a.updatedAt)}`,
      `DTSTART;VALUE=DATE:${basicDate(a.startsOn)}`,
      `DTEND;VALUE=DATE:${basicDate(end)}`,
      `SUMMARY:${icsEscape(a.title)}`,
      ...(a.venue ? [`LOCATION:${icsEscape(a.venue)}`] : []),
      `DESCRIPTION:${icsEscape(description.join('\n'))}`,
      `CATEGORIES:${icsEscape(t.forms[a.form] ?? a.form)}`,
      `STATUS:${a.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
      'TRANSP:TRANSPARENT',
      `SEQUENCE:${Math.max(0, (a.version ?? 1) - 1)}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(icsFold).join('\r\n') + '\r\n';
}
