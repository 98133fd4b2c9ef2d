import type { Lang } from '@socium/contracts';

/**
 * Names of the G2 indicators (`ind_<key>`), of the reasons an indicator has no value (`reason_<code>`) and of the
 * "Показатели" table's columns, in Russian, Tatar and English. Tatar terms follow docs/product/glossary.md
 * (килешү, партнер, эш бирүче, колачлау, ихтыяҗы зур булган һөнәр, җәйге каникулда эшкә урнаштыру, сайт).
 */
type Entry = Readonly<Record<Lang, string>>;
const e = (ru: string, tt: string, en: string): Entry => ({ ru, tt, en });

export const INDICATOR_LABELS = {
  indicators: e('Показатели', 'Күрсәткечләр', 'Indicators'),
  details: e('Подробности', 'Тулырак', 'Details'),
  ind_activeAgreementsByKind: e(
    'Действующие соглашения по видам',
    'Төрләре буенча гамәлдәге килешүләр',
    'Active agreements by kind',
  ),
  ind_partnersByType: e('Партнёры по типам', 'Төрләре буенча партнерлар', 'Partners by type'),
  ind_schoolsWithEmployerPartnerShare: e(
    'Доля школ с партнёром-работодателем',
    'Эш бирүче партнеры булган мәктәпләр өлеше',
    'Share of schools with an employer partner',
  ),
  ind_agreementFlows: e(
    'Новые, истёкшие и продлённые соглашения',
    'Яңа, срогы чыккан һәм озайтылган килешүләр',
    'New, expired and renewed agreements',
  ),
  ind_planExecution: e('Выполнение совместных планов', 'Уртак планнарның үтәлеше', 'Joint-plan execution'),
  ind_jointEventsByForm: e('Совместные мероприятия по формам', 'Формалар буенча уртак чаралар', 'Joint events by form'),
  ind_studentCoverage: e(
    'Охват обучающихся мероприятиями',
    'Укучыларны чаралар белән колачлау',
    'Student coverage by events',
  ),
  ind_profminimum: e('Выполнение профминимума', 'Профминимумның үтәлеше', 'Profminimum fulfilment'),
  ind_trialsAndExcursions: e(
    'Профпробы и экскурсии',
    'Һөнәри сынаулар һәм экскурсияләр',
    'Career trials and excursions',
  ),
  ind_demandedProfessionsCovered: e(
    'Охват востребованных профессий',
    'Ихтыяҗы зур булган һөнәрләрне колачлау',
    'Demanded professions covered',
  ),
  ind_summerEmployment: e(
    'Летнее трудоустройство 14–17 лет',
    'Җәйге каникулда 14–17 яшьлекләрне эшкә урнаштыру',
    'Summer employment, ages 14–17',
  ),
  ind_placementCompliance: e(
    'Доля трудоустройств с нарушениями',
    'Хилафлыклы эшкә урнаштыру өлеше',
    'Share of placements with findings',
  ),
  ind_documentAcknowledgement: e(
    'Ознакомление с документами в срок',
    'Документлар белән вакытында танышу',
    'Documents acknowledged on time',
  ),
  ind_websiteTimeliness: e(
    'Своевременность публикаций на сайте',
    'Сайтта вакытында бастырып чыгару',
    'Website timeliness',
  ),
  'reason_enrolment.missing': e(
    'Нет данных о численности обучающихся за учебный год',
    'Уку елы өчен укучылар саны турында мәгълүмат юк',
    'No enrolment figures for the academic year',
  ),
  'reason_profminimum.not-applicable': e(
    'Профминимум действует с 01.09.2023',
    'Профминимум 01.09.2023 тән гамәлдә',
    'The profminimum applies from 01.09.2023',
  ),
  'reason_profminimum.no-level': e(
    'Ни одна школа не указала уровень профминимума',
    'Бер мәктәп тә профминимум дәрәҗәсен күрсәтмәгән',
    'No school declared a profminimum level',
  ),
  'reason_labour-needs.missing': e(
    'Нет данных о востребованных профессиях за учебный год',
    'Уку елы өчен ихтыяҗы зур булган һөнәрләр турында мәгълүмат юк',
    'No labour-market needs for the academic year',
  ),
  'reason_activities.none-planned': e(
    'В периоде нет запланированных мероприятий',
    'Чорда планлаштырылган чаралар юк',
    'No activities planned in the period',
  ),
  'reason_activities.none-held': e(
    'В периоде нет проведённых мероприятий',
    'Чорда үткәрелгән чаралар юк',
    'No activities held in the period',
  ),
  'reason_schools.none': e('Нет школ', 'Мәктәпләр юк', 'No schools'),
  'reason_placements.none': e('В периоде нет трудоустройств', 'Чорда эшкә урнаштыру юк', 'No placements in the period'),
  'reason_documents.none': e(
    'В периоде не рассылались документы',
    'Чорда документлар җибәрелмәгән',
    'No documents sent in the period',
  ),
  'reason_website.no-items': e(
    'В периоде нет публикуемых материалов',
    'Чорда сайтта бастырып чыгару өчен материаллар юк',
    'No public items in the period',
  ),
  // the "details" cell of the indicators table
  d_new: e('новые', 'яңа', 'new'),
  d_expired: e('истекли', 'срогы чыккан', 'expired'),
  d_renewed: e('продлены', 'озайтылган', 'renewed'),
  d_planned: e('по плану', 'план буенча', 'planned'),
  d_held: e('проведено', 'үткәрелгән', 'held'),
  d_cancelled: e('отменено', 'юкка чыгарылган', 'cancelled'),
  d_schools: e('школ', 'мәктәп', 'schools'),
  d_withEmployer: e('с работодателем', 'эш бирүче белән', 'with an employer'),
  d_participants: e('участники', 'катнашучылар', 'participants'),
  d_enrolment: e('обучающихся', 'укучылар', 'enrolled'),
  d_grades6to11: e('6–11 классы', '6–11 сыйныфлар', 'grades 6–11'),
  d_meeting: e('выполнили', 'үтәгән', 'meeting their level'),
  d_covered: e('охвачено', 'колачланган', 'covered'),
  d_demanded: e('востребовано', 'ихтыяҗы бар', 'demanded'),
  d_employed: e('трудоустроено', 'эшкә урнаштырылган', 'employed'),
  d_students: e('обучающихся 14–17', '14–17 яшьлек укучылар', 'pupils aged 14–17'),
  d_placements: e('трудоустройств', 'эшкә урнаштыру', 'placements'),
  d_withFindings: e('с нарушениями', 'хилафлыклы', 'with findings'),
  d_recipients: e('получателей', 'алучылар', 'recipients'),
  d_onTime: e('в срок', 'вакытында', 'on time'),
  d_overdue: e('просрочено', 'срогы узган', 'overdue'),
  d_median: e('медиана, раб. дней', 'медиана, эш көннәре', 'median, working days'),
  d_items: e('материалов', 'материаллар', 'items'),
  d_timely: e('в течение 10 рабочих дней', '10 эш көне эчендә', 'within 10 working days'),
} as const satisfies Record<string, Entry>;
