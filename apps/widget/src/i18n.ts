import {
  EN_FORM_LABELS,
  EN_PUBLIC_TEXT,
  Language,
  LANGUAGES,
  PublicText,
  RU_FORM_LABELS,
  RU_PUBLIC_TEXT,
  TT_FORM_LABELS,
  TT_PUBLIC_TEXT,
} from '@socium/domain/labels';

/**
 * Widget strings: full messages per language (docs/product/glossary.md). What the server-rendered public pages show too, and
 * the names of activity forms, come from the domain's catalogue (only those sections, so the bundle stays small).
 * Tatar keeps the noun singular after a numeral.
 */
export type Lang = Language;
export const LANGS: readonly Lang[] = LANGUAGES;
export const pickLang = (v: string | null | undefined): Lang => {
  const l = (v ?? '').toLowerCase().slice(0, 2);
  return (LANGS as readonly string[]).includes(l) ? (l as Lang) : 'ru';
};

export interface Messages extends PublicText {
  loading: string;
  unavailable: string;
  stale: string;
  figures: string;
  nPartners: (n: number) => string;
  nHeld: (n: number) => string;
  nParticipants: (n: number) => string;
  nSchools: (n: number) => string;
  /** the label beside a suppressed count of people (the only figure that can be suppressed) */
  lParticipants: string;
  date: (y: number, m: number, d: number) => string;
  forms: Readonly<Record<string, string>>;
}

const ruPlural = (n: number, one: string, few: string, many: string): string => {
  const m10 = n % 10;
  const m100 = n % 100;
  return m10 === 1 && m100 !== 11 ? one : m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14) ? few : many;
};
const RU_MONTHS = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];
const TT_MONTHS = [
  'гыйнвары',
  'феврале',
  'марты',
  'апреле',
  'мае',
  'июне',
  'июле',
  'августы',
  'сентябре',
  'октябре',
  'ноябре',
  'декабре',
];
const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export const MESSAGES: Record<Lang, Messages> = {
  ru: {
    ...RU_PUBLIC_TEXT,
    loading: 'Загрузка…',
    unavailable: 'Сведения о партнёрстве сейчас недоступны. Попробуйте обновить страницу позже.',
    stale: 'Показаны последние загруженные сведения.',
    figures: 'Показатели',
    nPartners: (n) => `${n} ${ruPlural(n, 'партнёр', 'партнёра', 'партнёров')}`,
    nHeld: (n) => `${n} ${ruPlural(n, 'мероприятие проведено', 'мероприятия проведено', 'мероприятий проведено')}`,
    nParticipants: (n) => `${n} ${ruPlural(n, 'участие', 'участия', 'участий')} обучающихся`,
    nSchools: (n) => `${n} ${ruPlural(n, 'школа', 'школы', 'школ')}`,
    lParticipants: 'участий обучающихся',
    date: (y, m, d) => `${d} ${RU_MONTHS[m - 1]} ${y}`,
    forms: RU_FORM_LABELS,
  },
  tt: {
    ...TT_PUBLIC_TEXT,
    loading: 'Йөкләнә…',
    unavailable: 'Партнерлык турында мәгълүмат хәзер күрсәтелми. Битне соңрак яңартып карагыз.',
    stale: 'Соңгы йөкләнгән мәгълүмат күрсәтелә.',
    figures: 'Күрсәткечләр',
    nPartners: (n) => `${n} партнер`,
    nHeld: (n) => `${n} чара үткәрелгән`,
    nParticipants: (n) => `${n} укучы катнашуы`,
    nSchools: (n) => `${n} мәктәп`,
    lParticipants: 'укучы катнашуы',
    date: (y, m, d) => `${y} елның ${d} ${TT_MONTHS[m - 1]}`,
    forms: TT_FORM_LABELS,
  },
  en: {
    ...EN_PUBLIC_TEXT,
    loading: 'Loading…',
    unavailable: 'Partnership information is not available right now. Please try again later.',
    stale: 'Showing the last information loaded.',
    figures: 'Figures',
    nPartners: (n) => `${n} ${n === 1 ? 'partner' : 'partners'}`,
    nHeld: (n) => `${n} ${n === 1 ? 'event' : 'events'} held`,
    nParticipants: (n) => `${n} pupil ${n === 1 ? 'participation' : 'participations'}`,
    nSchools: (n) => `${n} ${n === 1 ? 'school' : 'schools'}`,
    lParticipants: 'pupil participations',
    date: (y, m, d) => `${d} ${EN_MONTHS[m - 1]} ${y}`,
    forms: EN_FORM_LABELS,
  },
};
