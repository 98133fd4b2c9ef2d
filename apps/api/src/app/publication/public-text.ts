import { CODE_LABELS, Language, LANGUAGES, PUBLIC_TEXT, PublicText } from '@socium/domain';

/**
 * Strings of the server-rendered public pages (embed, export, demo, calendar) in Russian, Tatar and English
 * (docs/product/glossary.md). What the public widget shows too, and the labels of forms and agreement kinds, come from the
 * domain's catalogue; only the lines the widget does not show are written here.
 */
export type Lang = Language;
export const LANGS: readonly Lang[] = LANGUAGES;
export const pickLang = (v: unknown): Lang => (LANGS.includes(v as Lang) ? (v as Lang) : 'ru');

type FigureKey = 'partners' | 'agreementsActive' | 'activitiesHeld' | 'activitiesPlanned' | 'participants' | 'schools';
interface PageText {
  agreements: string;
  schools: string;
  openEnded: string;
  until: (d: string) => string;
  since: (d: string) => string;
  figures: Record<FigureKey, string>;
}
interface Text extends PublicText, PageText {
  forms: Readonly<Record<string, string>>;
  kinds: Readonly<Record<string, string>>;
}

const PAGE_TEXT: Record<Lang, PageText> = {
  ru: {
    agreements: 'Действующие соглашения',
    schools: 'Школы района',
    openEnded: 'бессрочно',
    until: (d) => `до ${d}`,
    since: (d) => `с ${d}`,
    figures: {
      partners: 'партнёров',
      agreementsActive: 'соглашений действует',
      activitiesHeld: 'мероприятий проведено',
      activitiesPlanned: 'мероприятий запланировано',
      participants: 'участий',
      schools: 'школ',
    },
  },
  tt: {
    agreements: 'Гамәлдәге килешүләр',
    schools: 'Район мәктәпләре',
    openEnded: 'срогы чикләнмәгән',
    until: (d) => `${d} кадәр`,
    since: (d) => `${d} башлап`,
    figures: {
      partners: 'партнер',
      agreementsActive: 'килешү гамәлдә',
      activitiesHeld: 'чара үткәрелгән',
      activitiesPlanned: 'чара планлаштырылган',
      participants: 'катнашу',
      schools: 'мәктәп',
    },
  },
  en: {
    agreements: 'Agreements in force',
    schools: 'Schools of the district',
    openEnded: 'open-ended',
    until: (d) => `until ${d}`,
    since: (d) => `from ${d}`,
    figures: {
      partners: 'partners',
      agreementsActive: 'agreements in force',
      activitiesHeld: 'events held',
      activitiesPlanned: 'events planned',
      participants: 'participations',
      schools: 'schools',
    },
  },
};

const textOf = (lang: Lang): Text => ({
  ...PUBLIC_TEXT[lang],
  ...PAGE_TEXT[lang],
  forms: CODE_LABELS[lang].activityForm,
  kinds: CODE_LABELS[lang].agreementKind,
});
export const TEXT: Readonly<Record<Lang, Text>> = { ru: textOf('ru'), tt: textOf('tt'), en: textOf('en') };

/** `YYYY-MM-DD` → `dd.MM.yyyy` (tables and short lines use the numeric form in every language). */
export const dmy = (iso: string): string =>
  /^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : iso;
