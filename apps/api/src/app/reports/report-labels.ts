import type { Lang } from '@socium/contracts';
import { codeLabel, CodeSection } from '@socium/domain';

import { INDICATOR_LABELS } from './report-indicator-labels';

/**
 * Labels of the report files (XLSX, CSV, PDF) in Russian, Tatar and English: titles, sheets and column headers. Terms
 * follow docs/product/glossary.md (rep_*): e.g. «Хисап» (report), «Күрсәткеч» (indicator). The labels of the domain's codes
 * (forms, statuses, directions, partner types) come from the domain's catalogue through the prefixed keys below.
 */
type Entry = Readonly<Record<Lang, string>>;
const e = (ru: string, tt: string, en: string): Entry => ({ ru, tt, en });

export const REPORT_LABELS = {
  // Indicators (the keys of `totals`)
  agreementsActive: e('Действующие соглашения', 'Гамәлдәге килешүләр', 'Active agreements'),
  partners: e('Социальные партнёры', 'Социаль партнерлар', 'Social partners'),
  activitiesPlanned: e('Мероприятия по плану', 'Планлаштырылган чаралар', 'Activities planned'),
  activitiesHeld: e('Проведено мероприятий', 'Үткәрелгән чаралар', 'Activities held'),
  activitiesCancelled: e('Отменено мероприятий', 'Юкка чыгарылган чаралар', 'Activities cancelled'),
  planExecution: e('Выполнение плана', 'Планның үтәлеше', 'Plan execution'),
  participants: e('Участники', 'Катнашучылар', 'Participants'),
  careerGuidanceHours: e('Часы профориентации', 'Һөнәри юнәлеш бирү сәгатьләре', 'Career-guidance hours'),
  placements: e('Трудоустройство', 'Эшкә урнаштыру', 'Placements'),
  placementsWithFindings: e('Трудоустройство с нарушениями', 'Хилафлыклы эшкә урнаштыру', 'Placements with findings'),
  documentRecipients: e('Получатели документов', 'Документ алучылар', 'Document recipients'),
  documentsAcknowledged: e('Ознакомлены', 'Танышылган', 'Acknowledged'),
  documentsOverdue: e('Просрочено', 'Срогы узган', 'Overdue'),
  agreementsWithoutPlan: e(
    'Соглашения без плана и мероприятий',
    'Планы һәм чаралары булмаган килешүләр',
    'Agreements without a plan or activity',
  ),
  placementsBlocked: e(
    'Трудоустройство заблокировано: нет документов',
    'Тукталдырылган эшкә урнаштыру: документлар җитми',
    'Placements blocked (paperwork missing)',
  ),
  placementsBlockedStarted: e(
    'Из них начались без документов',
    'Шуларның документларсыз башланганнары',
    'Of them, started while blocked',
  ),
  // Sheets, tables and columns
  report: e('Отчёт', 'Хисап', 'Report'),
  reportTitle: e(
    'Отчёт о взаимодействии с социальными партнёрами',
    'Социаль партнерлар белән хезмәттәшлек турында хисап',
    'Report on partnership with social partners',
  ),
  period: e('Отчётный период', 'Хисап чоры', 'Reporting period'),
  indicator: e('Показатель', 'Күрсәткеч', 'Indicator'),
  value: e('Значение', 'Күләм', 'Value'),
  total: e('Итого', 'Барлыгы', 'Total'),
  districtWide: e('По району', 'Район буенча', 'District-wide'),
  summary: e('Итоги', 'Йомгак', 'Summary'),
  schools: e('По школам', 'Мәктәпләр буенча', 'By school'),
  school: e('Школа', 'Мәктәп', 'School'),
  organisation: e('Организация', 'Оешма', 'Organisation'),
  directions: e('По направлениям', 'Юнәлешләр буенча', 'By direction'),
  direction: e('Направление', 'Юнәлеш', 'Direction'),
  forms: e('По формам', 'Формалар буенча', 'By form'),
  form: e('Форма проведения', 'Үткәрү формасы', 'Form'),
  partnerTypes: e('По типам партнёров', 'Партнер төрләре буенча', 'By partner type'),
  partnerType: e('Тип партнёра', 'Партнер төре', 'Partner type'),
  activities: e('Мероприятия', 'Чаралар', 'Activities'),
  // {shown} is always the list's cap (100 000), so the Russian noun form after it is fixed
  activitiesOmitted: e(
    'Показаны первые {shown} мероприятий из {total}: сузьте период или выберите одну школу',
    'Барлыгы {total} чарадан беренче {shown} чара күрсәтелгән: чорны тарайтыгыз яки бер мәктәпне сайлагыз',
    'The first {shown} of {total} activities are listed: narrow the period or choose one school',
  ),
  title: e('Название', 'Исем', 'Title'),
  startsOn: e('Дата', 'Дата', 'Date'),
  status: e('Статус', 'Статус', 'Status'),
  partner: e('Социальный партнёр', 'Социаль партнер', 'Social partner'),
  hours: e('Академические часы', 'Академик сәгатьләр', 'Academic hours'),
  plannedParticipants: e(
    'Планируемое число участников',
    'Катнашучыларның планлаштырылган саны',
    'Planned participants',
  ),
  actualParticipants: e('Фактическое число участников', 'Катнашучыларның фактик саны', 'Actual participants'),
  targetGrades: e('Классы', 'Сыйныфлар', 'Target grades'),
  generatedOn: e('Сформирован', 'Төзелгән', 'Generated on'),
  chartTitle: e(
    'Мероприятия по направлениям: план и проведено',
    'Юнәлешләр буенча чаралар: план һәм үткәрелгән',
    'Activities by direction: planned and held',
  ),
  noData: e('Нет данных', 'Мәгълүмат юк', 'No data'),
  own: e('Без партнёра', 'Партнерсыз', 'No partner'),
  unspecified: e('Не указан', 'Күрсәтелмәгән', 'Not specified'),
} as const satisfies Record<string, Entry>;

/** Report keys `<prefix><code>` that name a code of the domain's catalogue, e.g. `form_excursion`, `dir_culture`. */
const CODE_PREFIXES: Readonly<Record<string, CodeSection>> = {
  form_: 'activityForm',
  status_: 'activityStatus',
  dir_: 'direction',
  pt_: 'partnerType',
  ak_: 'agreementKind',
  ch_: 'placementChannel',
};

/** The label of a key in a language; the raw key when neither the report nor the catalogue knows it. */
export function label(key: string, lang: Lang): string {
  const entry = (REPORT_LABELS as Record<string, Entry>)[key] ?? (INDICATOR_LABELS as Record<string, Entry>)[key];
  if (entry) return entry[lang];
  const prefix = /^[a-z]+_/.exec(key)?.[0] ?? '';
  const section = CODE_PREFIXES[prefix];
  return (section && codeLabel(lang, section, key.slice(prefix.length))) ?? key;
}

/** A translator bound to a language. */
export const labelsFor = (lang: Lang) => (key: string) => label(key, lang);

/** The name of an activity form in a report (JSON and files alike). */
export const formName = (t: (key: string) => string, form: string): string => t(`form_${form}`);

/** The name of a partner-type row: a type, "no partner" (`own`) or "type not given" (`unspecified`). */
export const partnerTypeName = (t: (key: string) => string, key: string): string =>
  key === 'own' ? t('own') : key === 'unspecified' ? t('unspecified') : t(`pt_${key}`);
