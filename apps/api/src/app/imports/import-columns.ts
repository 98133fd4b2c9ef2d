import type { ImportKind } from '@socium/contracts';
import { ENROLMENT_GRADES, type CodeSection } from '@socium/domain';

/**
 * The columns of each import kind: the header in Russian (the template's, the same words the report files
 * use where the column exists) and in English (also accepted), how a cell is read, and the request field it
 * fills (so a refusal of that field names the column).
 */
export type CellType =
  | 'text'
  | 'longText'
  | 'int'
  | 'number'
  | 'date'
  | 'bool'
  | 'code'
  | 'grades'
  | 'school'
  | 'partner'
  | 'directions'
  | 'direction';

export interface Column {
  /** the request field (a dotted path for nested ones) a refusal names */
  field: string;
  ru: string;
  en: string;
  type: CellType;
  required?: boolean;
  /** for `code`: the catalogue section whose labels are accepted besides the codes */
  section?: CodeSection;
}

const col = (field: string, ru: string, en: string, type: CellType, extra: Partial<Column> = {}): Column => ({
  field,
  ru,
  en,
  type,
  ...extra,
});
const req = { required: true };

export const IMPORT_COLUMNS: Readonly<Record<ImportKind, readonly Column[]>> = {
  organisations: [
    col('kind', 'Тип организации', 'Kind', 'code', { ...req, section: 'organisationKind' }),
    col('name', 'Полное наименование', 'Name', 'text', req),
    col('shortName', 'Краткое наименование', 'Short name', 'text', req),
    col('slug', 'Адрес страницы (slug)', 'Slug', 'text', req),
    col('partnerType', 'Тип партнёра', 'Partner type', 'code', { section: 'partnerType' }),
    col('address', 'Адрес', 'Address', 'text'),
    col('site', 'Сайт', 'Site', 'text'),
    col('isPublished', 'Публиковать', 'Published', 'bool'),
    // the language of e-mails to an organisation without users: a code or a language's name in any language
    col('language', 'Язык писем', 'E-mail language', 'code', { section: 'language' }),
  ],
  agreements: [
    col('number', 'Номер', 'Number', 'text', req),
    col('kind', 'Вид соглашения', 'Kind', 'code', { ...req, section: 'agreementKind' }),
    col('schoolId', 'Школа', 'School', 'school', req),
    col('partnerId', 'Социальный партнёр', 'Partner', 'partner', req),
    col('subject', 'Предмет', 'Subject', 'longText'),
    col('goal', 'Цель', 'Goal', 'longText'),
    col('directionIds', 'Направления', 'Directions', 'directions'),
    col('startsOn', 'Дата начала', 'Starts on', 'date', req),
    col('endsOn', 'Дата окончания', 'Ends on', 'date'),
    col('autoRenew', 'Автопролонгация', 'Auto-renew', 'bool'),
    col('noticeDays', 'Срок уведомления, дней', 'Notice days', 'int'),
    col('obligations.school', 'Обязательства школы', 'School obligations', 'longText'),
    col('obligations.partner', 'Обязательства партнёра', 'Partner obligations', 'longText'),
  ],
  activities: [
    col('schoolId', 'Школа', 'School', 'school', req),
    col('academicYear', 'Учебный год', 'Academic year', 'text', req),
    col('title', 'Название', 'Title', 'text', req),
    col('directionId', 'Направление', 'Direction', 'direction', req),
    col('form', 'Форма проведения', 'Form', 'code', { ...req, section: 'activityForm' }),
    col('partnerId', 'Социальный партнёр', 'Partner', 'partner'),
    col('startsOn', 'Дата', 'Starts on', 'date', req),
    col('endsOn', 'Дата окончания', 'Ends on', 'date'),
    col('venue', 'Место проведения', 'Venue', 'longText'),
    col('targetGrades', 'Классы', 'Target grades', 'grades'),
    col('plannedParticipants', 'Планируемое число участников', 'Planned participants', 'int'),
    col('hours', 'Академические часы', 'Academic hours', 'number'),
    col('isPublic', 'Публиковать', 'Public', 'bool'),
  ],
  'labour-needs': [
    col('profession', 'Профессия', 'Profession', 'text', req),
    col('sector', 'Отрасль', 'Sector', 'text', req),
    col('demand', 'Потребность', 'Demand', 'int', req),
    col('academicYear', 'Учебный год', 'Academic year', 'text', req),
    col('source', 'Источник', 'Source', 'text'),
    col('employerId', 'Работодатель', 'Employer', 'partner'),
  ],
  enrolment: [
    col('organisationId', 'Школа', 'School', 'school', req),
    col('academicYear', 'Учебный год', 'Academic year', 'text', req),
    ...ENROLMENT_GRADES.map((g) => col(`pupilsByGrade.${g}`, `${g} класс`, `Grade ${g}`, 'int')),
    col('aged14', 'Возраст 14 лет', 'Aged 14', 'int'),
    col('aged15', 'Возраст 15 лет', 'Aged 15', 'int'),
    col('aged16to17', 'Возраст 16–17 лет', 'Aged 16–17', 'int'),
    // the level of the year (E1): a code or its label in any language (`базовый`, `main`), empty for the school's own
    col('profminimumLevel', 'Уровень профминимума', 'Profminimum level', 'code', { section: 'profminimumLevel' }),
  ],
};

/** A header as compared: lower case, ё as е, letters and digits only (so `16–17` and `16-17` match). */
export const headerKey = (s: string): string =>
  s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]/gu, '');

/**
 * Which column of the file each column of the kind is in, or -1: by its Russian or English header, its request
 * field (`schoolId`, `aged14`) or that field without its id suffix (`school`, `directions`, `employer`); a
 * reference column also by that name with `Slug`, `Name` or `Code` (`schoolSlug`, `directionCodes`).
 */
export function mapHeader(columns: readonly Column[], header: readonly string[]): number[] {
  const keys = header.map(headerKey);
  // `schoolSlug`, `partnerName`, `directionCodes` name the same column as `school`, `partner`, `directions`
  const loose = keys.map((k) => k.replace(/(slug|code|id|name)(s?)$/, '$2'));
  return columns.map((c) => {
    const names = [c.ru, c.en, c.field, c.field.replace(/Id$/, '').replace(/Ids$/, 's')].map(headerKey);
    const exact = keys.findIndex((k) => k !== '' && names.includes(k));
    if (exact >= 0) return exact;
    return c.type === 'school' || c.type === 'partner' || c.type.startsWith('direction')
      ? loose.findIndex((k) => k !== '' && names.includes(k))
      : -1;
  });
}

/** The template's header row: a UTF-8 BOM, `;`-separated, each name quoted when it has to be. */
export function templateCsv(kind: ImportKind, lang: 'ru' | 'en'): string {
  const cells = IMPORT_COLUMNS[kind].map((c) => (lang === 'en' ? c.en : c.ru));
  return '\ufeff' + cells.map((s) => (/[;"\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)).join(';') + '\r\n';
}
