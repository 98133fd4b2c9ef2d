import type { MessageKey } from '../core/messages';

/** What the audit log's values need from the interface: its words, its date form and the names of fields. */
export interface ValueWords {
  t(key: MessageKey, params?: Readonly<Record<string, string | number>>): string;
  /** `28.11.2026` for `2026-11-28` in the chosen language */
  date(iso: string): string;
  /** the panel's name of a field (`phone` → «Телефон»), or the field itself when the panel has none */
  fieldName(field: string): string;
}

/** A calendar day as the API writes it (`2026-11-28`), shown in the chosen language. */
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The names of the fields inside an object-valued field (a contact, an obligation, a term of a calendar). */
export const NESTED_FIELD_NAMES: Readonly<Record<string, MessageKey>> = {
  phone: 'org_contact_phone',
  email: 'email',
  party: 'agr_party',
  text: 'agr_obligation',
  first: 'cal_first',
  last: 'cal_last',
  date: 'ntf_date',
  name: 'act_name',
};

/** The words for the codes inside an object-valued field (an obligation's party). */
const NESTED_CODE_WORDS: Readonly<Record<string, Readonly<Record<string, MessageKey>>>> = {
  party: { school: 'agr_party_school', partner: 'agr_party_partner' },
  kind: { autumn: 'cal_holiday_autumn', winter: 'cal_holiday_winter', spring: 'cal_holiday_spring' },
};

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);
const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** One value on one line: dates, yes/no, lists by commas, an object as «Поле: значение, …» (never braces). */
function inline(v: unknown, w: ValueWords): string {
  if (isEmpty(v)) return '—';
  if (typeof v === 'string') return ISO_DAY.test(v) ? w.date(v) : v;
  if (typeof v === 'boolean') return w.t(v ? 'yes' : 'no');
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (Array.isArray(v)) return v.map((x) => (isPlain(x) ? `(${inline(x, w)})` : inline(x, w))).join(', ');
  if (isPlain(v)) {
    // a span of days ({first, last}, with its kind or code) reads as one range after the rest
    const { first, last, ...rest } = v;
    const span = typeof first === 'string' && typeof last === 'string';
    const parts = Object.entries(span ? rest : v)
      .filter(([, x]) => !isEmpty(x))
      .map(([k, x]) => {
        const code = typeof x === 'string' ? NESTED_CODE_WORDS[k]?.[x] : undefined;
        // a coded kind names itself («Осенние каникулы»); other fields are «Поле: значение»
        if (code && k === 'kind') return w.t(code);
        return `${w.fieldName(k)}: ${code ? w.t(code) : inline(x, w)}`;
      });
    if (span) parts.push(w.t('cal_range', { from: inline(first, w), to: inline(last, w) }));
    return parts.length ? parts.join(', ') : '—';
  }
  return String(v);
}

/** A contact as the organisation's card shows it: its role, then its phone and e-mail, each named. */
function contact(c: Plain, w: ValueWords): string {
  const { role, ...rest } = c;
  const details = Object.values(rest).some((x) => !isEmpty(x)) ? inline(rest, w) : '';
  const head = typeof role === 'string' && role !== '' ? role : '';
  if (!head) return details;
  return details ? `${head} — ${details}` : head;
}

/**
 * A value of the before/after table in the interface's words: a dash for nothing, dates in the chosen language's
 * form, yes/no, an organisation's contacts one a line («Приёмная — Телефон: …, Электронная почта: …»), a list of
 * objects one a line, any other object as «Поле: значение» pairs. Never JSON.
 */
export function readableValue(field: string, v: unknown, w: ValueWords): string {
  if (isEmpty(v)) return '—';
  if (Array.isArray(v) && v.some(isPlain)) {
    const one = (x: unknown) => (isPlain(x) && field === 'contacts' ? contact(x, w) : inline(x, w));
    return v.map(one).join('\n');
  }
  return inline(v, w);
}
