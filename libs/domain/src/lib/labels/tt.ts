import { gradeRanges } from './grades';
import type { CodeLabels, PublicText } from './labels';

// Tatar (Cyrillic), in the forms of docs/product/glossary.md (column «Татарча»): statuses as past participles, loanwords
// in their Russian spelling, «партнер» and «волонтер» with е.

export const TT_FORM_LABELS: CodeLabels['activityForm'] = {
  excursion: 'Экскурсия',
  professional_trial: 'Һөнәри сынау',
  master_class: 'Мастер-класс',
  meeting_with_professionals: 'Һөнәр ияләре белән очрашу',
  open_day: 'Ачык ишекләр көне',
  fair: 'Һөнәрләр ярминкәсе',
  career_lesson: 'Һөнәри юнәлеш бирү дәресе',
  diagnostics: 'Һөнәри диагностика',
  consultation: 'Консультация',
  parent_meeting: 'Ата-аналар җыелышы',
  competition: 'Бәйге',
  project: 'Проект',
  volunteering: 'Волонтерлык',
  labour_brigade: 'Хезмәт отряды',
  other: 'Башка',
};

export const TT_LABELS: CodeLabels = {
  activityForm: TT_FORM_LABELS,
  activityStatus: {
    planned: 'Планлаштырылган',
    held: 'Үткәрелгән',
    cancelled: 'Юкка чыгарылган',
    postponed: 'Кичектерелгән',
  },
  agreementKind: {
    cooperation: 'Хезмәттәшлек турында килешү',
    social_partnership: 'Социаль партнерлык турында килешү',
    network_form: 'Белем бирү программаларын челтәр формасында гамәлгә ашыру турында килешү',
  },
  agreementStatus: {
    draft: 'Каралама',
    signed: 'Имзаланган',
    active: 'Гамәлдә',
    expiring: 'Срогы чыга',
    expired: 'Срогы чыккан',
    renewed: 'Озайтылган',
    terminated: 'Өзелгән',
  },
  planStatus: {
    draft: 'Каралама',
    submitted: 'Раслауга җибәрелгән',
    approved: 'Расланган',
    returned: 'Кире кайтарылган',
    closed: 'Ябылган',
  },
  recipientState: {
    sent: 'Җибәрелгән',
    received: 'Алынган',
    acknowledged: 'Танышылган',
    responded: 'Җавап бирелгән',
    closed: 'Ябылган',
  },
  placementChannel: {
    employment_centre: 'Халыкны эш белән тәэмин итү үзәге',
    school_brigade: 'Мәктәп хезмәт отряды',
    direct: 'Турыдан-туры эш бирүчедә',
  },
  direction: {
    career_guidance: 'Һөнәри юнәлеш бирү',
    labour_employment: 'Хезмәт мәшгульлеге',
    culture: 'Мәдәният',
    sport_health: 'Спорт һәм сәламәтлек',
    patriotic: 'Патриотик тәрбия',
    volunteering: 'Волонтерлык',
    ecology: 'Экология',
    prevention: 'Профилактика',
    other: 'Башка',
  },
  partnerType: {
    culture: 'Мәдәният',
    sport_youth: 'Спорт һәм яшьләр',
    social_services: 'Социаль хезмәт күрсәтү',
    health: 'Сәламәтлек саклау',
    employer: 'Эш бирүче',
    college: 'Көллият',
    employment_centre: 'Мәшгульлек үзәге',
    ngo: 'Коммерцияле булмаган оешма',
    government: 'Дәүләт хакимияте органы',
    media: 'Массакүләм мәгълүмат чаралары',
    other: 'Башка',
  },
  organisationKind: { department: 'Мәгариф бүлеге', school: 'Мәктәп', partner: 'Социаль партнер' },
  profminimumLevel: { basic: 'Базалы', main: 'Төп', advanced: 'Алдынгы' },
  publicTextFlag: {
    email: 'электрон почта адресы',
    phone: 'телефон',
    person_name: 'кеше исеме',
    class_with_name: 'исем янында сыйныф',
  },
  activityTextField: { title: 'Исем', venue: 'Үткәрү урыны', result: 'Нәтиҗә' },
  language: { ru: 'Рус теле', tt: 'Татар теле', en: 'Инглиз теле' },
};

/** After the highest grade (1–11): -нчы after 6, 9 and 10 (back vowels), -нче otherwise («5–9 нчы сыйныф»). */
const ordinal = (n: number): string => ([6, 9, 10].includes(n) ? 'нчы' : 'нче');

export const TT_PUBLIC_TEXT: PublicText = {
  partners: 'Партнерлар',
  upcoming: 'Якынлашып килүче чаралар',
  results: 'Нәтиҗәләр',
  documents: 'Документлар',
  allMaterials: 'Барлык материаллар',
  noPartners: 'Партнерлар турында мәгълүмат әлегә юк.',
  noUpcoming: 'Якынлашып килүче чаралар әлегә юк.',
  noResults: 'Нәтиҗәләр әлегә юк.',
  suppressed: '5 кешедән ким төркемнәр күрсәтелми',
  year: (label) => `${label.replace('-', '–')} уку елы`,
  grades: (grades) => `${gradeRanges(grades)} ${ordinal(Math.max(...grades))} сыйныф`,
};
