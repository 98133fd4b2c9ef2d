import type { Lang } from '@socium/contracts';

/**
 * Labels of the report files (XLSX, CSV, PDF) in Russian, Tatar and English. Terms follow
 * /docs/glossary.md (rep_*, act_*, dir_*, doc_*, plc_*, org_*): e.g. «Хисап» (report), «Күрсәткеч»
 * (indicator), «Чара» (activity), «Юкка чыгарылган» (cancelled), «Срогы узган» (overdue).
 */
type Entry = Readonly<Record<Lang, string>>;
const e = (ru: string, tt: string, en: string): Entry => ({ ru, tt, en });

export const REPORT_LABELS = {
  // Indicators (the keys of `totals`)
  agreementsActive: e(
    'Действующие соглашения',
    'Гамәлдәге килешүләр',
    'Active agreements',
  ),
  partners: e('Социальные партнёры', 'Социаль партнерлар', 'Social partners'),
  activitiesPlanned: e(
    'Мероприятия по плану',
    'Планлаштырылган чаралар',
    'Activities planned',
  ),
  activitiesHeld: e(
    'Проведено мероприятий',
    'Үткәрелгән чаралар',
    'Activities held',
  ),
  activitiesCancelled: e(
    'Отменено мероприятий',
    'Юкка чыгарылган чаралар',
    'Activities cancelled',
  ),
  planExecution: e('Выполнение плана', 'Планның үтәлеше', 'Plan execution'),
  participants: e('Участники', 'Катнашучылар', 'Participants'),
  careerGuidanceHours: e(
    'Часы профориентации',
    'Һөнәри юнәлеш бирү сәгатьләре',
    'Career-guidance hours',
  ),
  placements: e('Трудоустройство', 'Эшкә урнаштыру', 'Placements'),
  placementsWithFindings: e(
    'Трудоустройство с нарушениями',
    'Хилафлыклы эшкә урнаштыру',
    'Placements with findings',
  ),
  documentRecipients: e(
    'Получатели документов',
    'Документ алучылар',
    'Document recipients',
  ),
  documentsAcknowledged: e('Ознакомлены', 'Танышылган', 'Acknowledged'),
  documentsOverdue: e('Просрочено', 'Срогы узган', 'Overdue'),
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
  partnerTypes: e(
    'По типам партнёров',
    'Партнер төрләре буенча',
    'By partner type',
  ),
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
  actualParticipants: e(
    'Фактическое число участников',
    'Катнашучыларның фактик саны',
    'Actual participants',
  ),
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
  // Activity statuses (act_status_*)
  status_planned: e('Запланировано', 'Планлаштырылган', 'Planned'),
  status_held: e('Проведено', 'Үткәрелгән', 'Held'),
  status_cancelled: e('Отменено', 'Юкка чыгарылган', 'Cancelled'),
  status_postponed: e('Перенесено', 'Кичектерелгән', 'Postponed'),
  // Activity forms (act_*)
  form_excursion: e('Экскурсия', 'Экскурсия', 'Excursion'),
  form_professional_trial: e(
    'Профессиональная проба',
    'Һөнәри сынау',
    'Professional trial',
  ),
  form_master_class: e('Мастер-класс', 'Мастер-класс', 'Master class'),
  form_meeting_with_professionals: e(
    'Встреча с профессионалами',
    'Һөнәр ияләре белән очрашу',
    'Meeting with professionals',
  ),
  form_open_day: e('День открытых дверей', 'Ачык ишекләр көне', 'Open day'),
  form_fair: e('Ярмарка профессий', 'Һөнәрләр ярминкәсе', 'Career fair'),
  form_career_lesson: e(
    'Профориентационный урок',
    'Һөнәри юнәлеш бирү дәресе',
    'Career-guidance lesson',
  ),
  form_diagnostics: e(
    'Профдиагностика',
    'Һөнәри диагностика',
    'Career diagnostics',
  ),
  form_consultation: e('Консультация', 'Консультация', 'Consultation'),
  form_parent_meeting: e(
    'Родительское собрание',
    'Ата-аналар җыелышы',
    'Parent meeting',
  ),
  form_competition: e('Конкурс', 'Бәйге', 'Competition'),
  form_project: e('Проект', 'Проект', 'Project'),
  form_volunteering: e('Волонтёрство', 'Волонтерлык', 'Volunteering'),
  form_labour_brigade: e(
    'Трудовая бригада (отряд)',
    'Хезмәт отряды',
    'Labour brigade',
  ),
  form_other: e('Другое', 'Башка', 'Other'),
  // Directions (dir_*), by seeded code
  dir_career_guidance: e(
    'Профориентация',
    'Һөнәри юнәлеш бирү',
    'Career guidance',
  ),
  dir_labour_employment: e(
    'Трудовая занятость',
    'Хезмәт мәшгульлеге',
    'Labour employment',
  ),
  dir_culture: e('Культура', 'Мәдәният', 'Culture'),
  dir_sport_health: e(
    'Спорт и здоровье',
    'Спорт һәм сәламәтлек',
    'Sport and health',
  ),
  dir_patriotic: e(
    'Патриотическое воспитание',
    'Патриотик тәрбия',
    'Patriotic education',
  ),
  dir_volunteering: e('Волонтёрство', 'Волонтерлык', 'Volunteering'),
  dir_ecology: e('Экология', 'Экология', 'Ecology'),
  dir_prevention: e('Профилактика', 'Профилактика', 'Prevention'),
  dir_other: e('Другое', 'Башка', 'Other'),
  // Partner types (org_*)
  pt_culture: e('Культура', 'Мәдәният', 'Culture'),
  pt_sport_youth: e('Спорт и молодёжь', 'Спорт һәм яшьләр', 'Sport and youth'),
  pt_social_services: e(
    'Социальное обслуживание',
    'Социаль хезмәт күрсәтү',
    'Social services',
  ),
  pt_health: e('Здравоохранение', 'Сәламәтлек саклау', 'Health'),
  pt_employer: e('Работодатель', 'Эш бирүче', 'Employer'),
  pt_college: e('Колледж', 'Көллият', 'College'),
  pt_employment_centre: e(
    'Центр занятости населения',
    'Мәшгульлек үзәге',
    'Employment centre',
  ),
  pt_ngo: e('Некоммерческая организация', 'Коммерцияле булмаган оешма', 'NGO'),
  pt_government: e(
    'Орган власти',
    'Дәүләт хакимияте органы',
    'Government body',
  ),
  pt_media: e('СМИ', 'Массакүләм мәгълүмат чаралары', 'Media'),
  pt_other: e('Другое', 'Башка', 'Other'),
} as const satisfies Record<string, Entry>;

export type LabelKey = keyof typeof REPORT_LABELS;

/** The label of a key in a language (Russian when the key is unknown to the dictionary: the raw key). */
export function label(key: string, lang: Lang): string {
  const entry = (REPORT_LABELS as Record<string, Entry>)[key];
  return entry ? entry[lang] : key;
}

/** A translator bound to a language. */
export const labelsFor = (lang: Lang) => (key: string) => label(key, lang);
