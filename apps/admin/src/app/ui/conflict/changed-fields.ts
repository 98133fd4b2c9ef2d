/** One field whose value the user typed differs from what is stored now (`409 version.stale`). */
export interface FieldChange {
  /** the form's name of the field */
  readonly field: string;
  /** the field's label in the interface's language */
  readonly label: string;
  /** what the user typed, as shown */
  readonly mine: string;
  /** what is stored now, as shown */
  readonly theirs: string;
}

/** How a value reads in the conflict panel; `field` lets a form name its codes (kind, status) in the language. */
export type ShowValue = (field: string, value: unknown) => string;

/** What an empty value reads as. */
export const EMPTY_VALUE = '—';

/** Empty text, null and undefined are the same "nothing"; text is compared trimmed, lists and objects by content. */
function normalise(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (Array.isArray(value)) return value.length === 0 ? null : value.map(normalise);
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(o)
        .sort()
        .map((k) => [k, normalise(o[k])]),
    );
  }
  return value;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));

/** The plain reading of a value: lists joined with commas, nothing as a dash. */
export const showPlain: ShowValue = (_field, value) => {
  const v = normalise(value);
  if (v === null) return EMPTY_VALUE;
  if (Array.isArray(value)) return value.map((x) => showPlain(_field, x)).join(', ');
  if (typeof value === 'object') return JSON.stringify(v);
  return String(typeof value === 'string' ? value.trim() : value);
};

/**
 * The fields (in the order of `labels`, only those it names) where `mine` — the form's values — differs from
 * `theirs` — the stored record read into the same shape. Blank and missing are equal; text is compared trimmed.
 */
export function changedFields(
  mine: Readonly<Record<string, unknown>>,
  theirs: Readonly<Record<string, unknown>>,
  labels: Readonly<Record<string, string>>,
  show: ShowValue = showPlain,
): FieldChange[] {
  return Object.keys(labels)
    .filter((field) => !same(mine[field], theirs[field]))
    .map((field) => ({
      field,
      label: labels[field] as string,
      mine: show(field, mine[field]),
      theirs: show(field, theirs[field]),
    }));
}
