import { gradeRanges } from './grades';
import type { CodeLabels, PublicText } from './labels';

// Russian, the default language (docs/product/glossary.md, column «Русский»).

export const RU_FORM_LABELS: CodeLabels['activityForm'] = {
  excursion: 'Экскурсия',
  professional_trial: 'Профессиональная проба',
  master_class: 'Мастер-класс',
  meeting_with_professionals: 'Встреча с профессионалами',
  open_day: 'День открытых дверей',
  fair: 'Ярмарка профессий',
  career_lesson: 'Профориентационный урок',
  diagnostics: 'Профдиагностика',
  consultation: 'Консультация',
  parent_meeting: 'Родительское собрание',
  competition: 'Конкурс',
  project: 'Проект',
  volunteering: 'Волонтёрство',
  labour_brigade: 'Трудовая бригада (отряд)',
  other: 'Другое',
};

export const RU_LABELS: CodeLabels = {
  activityForm: RU_FORM_LABELS,
  activityStatus: { planned: 'Запланировано', held: 'Проведено', cancelled: 'Отменено', postponed: 'Перенесено' },
  agreementKind: {
    cooperation: 'Соглашение о сотрудничестве',
    social_partnership: 'Договор о социальном партнёрстве',
    network_form: 'Договор о сетевой форме реализации образовательных программ',
  },
  agreementStatus: {
    draft: 'Черновик',
    signed: 'Подписано',
    active: 'Действует',
    expiring: 'Истекает',
    expired: 'Истёк',
    renewed: 'Продлено',
    terminated: 'Расторгнуто',
  },
  planStatus: {
    draft: 'Черновик',
    submitted: 'На утверждении',
    approved: 'Утверждён',
    returned: 'Возвращён на доработку',
    closed: 'Закрыт',
  },
  recipientState: {
    sent: 'Отправлено',
    received: 'Получено',
    acknowledged: 'Ознакомлен',
    responded: 'Дан ответ',
    closed: 'Закрыт',
  },
  placementChannel: {
    employment_centre: 'Центр занятости населения',
    school_brigade: 'Школьная трудовая бригада',
    direct: 'Напрямую у работодателя',
  },
  direction: {
    career_guidance: 'Профориентация',
    labour_employment: 'Трудовая занятость',
    culture: 'Культура',
    sport_health: 'Спорт и здоровье',
    patriotic: 'Патриотическое воспитание',
    volunteering: 'Волонтёрство',
    ecology: 'Экология',
    prevention: 'Профилактика',
    other: 'Другое',
  },
  partnerType: {
    culture: 'Культура',
    sport_youth: 'Спорт и молодёжь',
    social_services: 'Социальное обслуживание',
    health: 'Здравоохранение',
    employer: 'Работодатель',
    college: 'Колледж',
    employment_centre: 'Центр занятости населения',
    ngo: 'Некоммерческая организация',
    government: 'Орган власти',
    media: 'СМИ',
    other: 'Другое',
  },
  organisationKind: { department: 'Отдел образования', school: 'Школа', partner: 'Социальный партнёр' },
  profminimumLevel: { basic: 'Базовый', main: 'Основной', advanced: 'Продвинутый' },
  publicTextFlag: {
    email: 'адрес электронной почты',
    phone: 'телефон',
    person_name: 'имя человека',
    class_with_name: 'класс рядом с именем',
  },
  activityTextField: { title: 'Название', venue: 'Место проведения', result: 'Результат' },
  language: { ru: 'Русский', tt: 'Татарский', en: 'Английский' },
};

export const RU_PUBLIC_TEXT: PublicText = {
  partners: 'Партнёры',
  upcoming: 'Ближайшие события',
  results: 'Итоги',
  documents: 'Документы',
  allMaterials: 'Все материалы',
  noPartners: 'Сведений о партнёрах пока нет.',
  noUpcoming: 'Ближайших мероприятий пока нет.',
  noResults: 'Итогов пока нет.',
  suppressed: 'группы менее 5 человек не показываются',
  year: (label) => `${label.replace('-', '–')} учебный год`,
  grades: (grades) => `${gradeRanges(grades)} кл.`,
};
