import { EN_LABELS, EN_PUBLIC_TEXT } from './en';
import { CodeLabels, CodeSection, Language, PublicText } from './labels';
import { RU_LABELS, RU_PUBLIC_TEXT } from './ru';
import { TT_LABELS, TT_PUBLIC_TEXT } from './tt';

export * from './labels';
export * from './grades';
export * from './ru';
export * from './tt';
export * from './en';

/** The one catalogue of code labels: `CODE_LABELS.tt.activityStatus.held` → «Үткәрелгән». */
export const CODE_LABELS: Readonly<Record<Language, CodeLabels>> = { ru: RU_LABELS, tt: TT_LABELS, en: EN_LABELS };

/** The text shared by the public widget and the public pages, per language. */
export const PUBLIC_TEXT: Readonly<Record<Language, PublicText>> = {
  ru: RU_PUBLIC_TEXT,
  tt: TT_PUBLIC_TEXT,
  en: EN_PUBLIC_TEXT,
};

/**
 * The label of a code read as a plain string (a database column, a report row), or `undefined` when the section has
 * no such code (e.g. a direction a coordinator added, which shows its own name).
 */
export function codeLabel(lang: Language, section: CodeSection, code: string): string | undefined {
  const labels: Readonly<Record<string, string>> = CODE_LABELS[lang][section];
  return Object.prototype.hasOwnProperty.call(labels, code) ? labels[code] : undefined;
}
