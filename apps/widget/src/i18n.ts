/** Widget strings: full messages per language (docs/glossary.md). Tatar keeps the noun singular after a numeral. */
export type Lang = 'ru' | 'tt' | 'en';
export const LANGS: readonly Lang[] = ['ru', 'tt', 'en'];
export const pickLang = (v: string | null | undefined): Lang => {
  const l = (v ?? '').toLowerCase().slice(0, 2);
  return (LANGS as readonly string[]).includes(l) ? (l as Lang) : 'ru';
};

export interface Messages {
  partners: string;
  upcoming: string;
  results: string;
  documents: string;
  allMaterials: string;
  loading: string;
  unavailable: string;
  stale: string;
  noPartners: string;
  noUpcoming: string;
  noResults: string;
  figures: string;
  year: (y: string) => string;
  suppressed: string;
  nPartners: (n: number) => string;
  nHeld: (n: number) => string;
  nParticipants: (n: number) => string;
  nSchools: (n: number) => string;
  /** the label shown under a suppressed figure */
  lPartners: string;
  lHeld: string;
  lParticipants: string;
  grades: (g: string, last: number) => string;
  date: (y: number, m: number, d: number) => string;
  forms: Record<string, string>;
}

const ruPlural = (n: number, one: string, few: string, many: string): string => {
  const m10 = n % 10;
  const m100 = n % 100;
  return m10 === 1 && m100 !== 11 ? one : m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14) ? few : many;
};
const RU_MONTHS = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const TT_MONTHS = ['гыйнвары', 'феврале', 'марты', 'апреле', 'мае', 'июне', 'июле', 'августы', 'сентябре', 'октябре', 'ноябре', 'декабре'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** Tatar ordinal suffix: -нчы after 6, 9, 10 (back vowels), -нче otherwise (grades 1–11). */
const ttOrdinal = (n: number): string => ([6, 9, 10].includes(n) ? 'нчы' : 'нче');

export const MESSAGES: Record<Lang, Messages> = {
  ru: {
    partners: 'Партнёры',
    upcoming: 'Ближайшие события',
    results: 'Итоги',
    documents: 'Документы',
    allMaterials: 'Все материалы',
    loading: 'Загрузка…',
    unavailable: 'Сведения о партнёрстве сейчас недоступны. Попробуйте обновить страницу позже.',
    stale: 'Показаны последние загруженные сведения.',
    noPartners: 'Сведений о партнёрах пока нет.',
    noUpcoming: 'Ближайших мероприятий пока нет.',
    noResults: 'Итогов пока нет.',
    figures: 'Показатели',
    year: (y) => `${y.replace('-', '–')} учебный год`,
    suppressed: 'менее 5',
    nPartners: (n) => `${n} ${ruPlural(n, 'партнёр', 'партнёра', 'партнёров')}`,
    nHeld: (n) => `${n} ${ruPlural(n, 'мероприятие проведено', 'мероприятия проведено', 'мероприятий проведено')}`,
    nParticipants: (n) => `${n} ${ruPlural(n, 'участие', 'участия', 'участий')} обучающихся`,
    nSchools: (n) => `${n} ${ruPlural(n, 'школа', 'школы', 'школ')}`,
    lPartners: 'партнёров',
    lHeld: 'мероприятий проведено',
    lParticipants: 'участий обучающихся',
    grades: (g) => `${g} кл.`,
    date: (y, m, d) => `${d} ${RU_MONTHS[m - 1]} ${y}`,
    forms: { excursion: 'Экскурсия', professional_trial: 'Профессиональная проба', master_class: 'Мастер-класс', meeting_with_professionals: 'Встреча с профессионалами', open_day: 'День открытых дверей', fair: 'Ярмарка профессий', career_lesson: 'Профориентационный урок', diagnostics: 'Профдиагностика', consultation: 'Консультация', parent_meeting: 'Родительское собрание', competition: 'Конкурс', project: 'Проект', volunteering: 'Волонтёрство', labour_brigade: 'Трудовая бригада', other: 'Другое' },
  },
  tt: {
    partners: 'Партнерлар',
    upcoming: 'Якынлашып килүче чаралар',
    results: 'Нәтиҗәләр',
    documents: 'Документлар',
    allMaterials: 'Барлык материаллар',
    loading: 'Йөкләнә…',
    unavailable: 'Партнерлык турында мәгълүмат хәзер күрсәтелми. Битне соңрак яңартып карагыз.',
    stale: 'Соңгы йөкләнгән мәгълүмат күрсәтелә.',
    noPartners: 'Партнерлар турында мәгълүмат әлегә юк.',
    noUpcoming: 'Якынлашып килүче чаралар әлегә юк.',
    noResults: 'Нәтиҗәләр әлегә юк.',
    figures: 'Күрсәткечләр',
    year: (y) => `${y.replace('-', '–')} уку елы`,
    suppressed: '5тән ким',
    nPartners: (n) => `${n} партнер`,
    nHeld: (n) => `${n} чара үткәрелгән`,
    nParticipants: (n) => `${n} укучы катнашуы`,
    nSchools: (n) => `${n} мәктәп`,
    lPartners: 'партнер',
    lHeld: 'чара үткәрелгән',
    lParticipants: 'укучы катнашуы',
    grades: (g, last) => `${g} ${ttOrdinal(last)} сыйныф`,
    date: (y, m, d) => `${y} елның ${d} ${TT_MONTHS[m - 1]}`,
    forms: { excursion: 'Экскурсия', professional_trial: 'Һөнәри сынау', master_class: 'Мастер-класс', meeting_with_professionals: 'Һөнәр ияләре белән очрашу', open_day: 'Ачык ишекләр көне', fair: 'Һөнәрләр ярминкәсе', career_lesson: 'Һөнәри юнәлеш бирү дәресе', diagnostics: 'Һөнәри диагностика', consultation: 'Консультация', parent_meeting: 'Ата-аналар җыелышы', competition: 'Бәйге', project: 'Проект', volunteering: 'Волонтерлык', labour_brigade: 'Хезмәт отряды', other: 'Башка' },
  },
  en: {
    partners: 'Partners',
    upcoming: 'Upcoming events',
    results: 'Results',
    documents: 'Documents',
    allMaterials: 'All materials',
    loading: 'Loading…',
    unavailable: 'Partnership information is not available right now. Please try again later.',
    stale: 'Showing the last information loaded.',
    noPartners: 'No partners listed yet.',
    noUpcoming: 'No upcoming events yet.',
    noResults: 'No results yet.',
    figures: 'Figures',
    year: (y) => `Academic year ${y.replace('-', '–')}`,
    suppressed: 'fewer than 5',
    nPartners: (n) => `${n} ${n === 1 ? 'partner' : 'partners'}`,
    nHeld: (n) => `${n} ${n === 1 ? 'event' : 'events'} held`,
    nParticipants: (n) => `${n} pupil ${n === 1 ? 'participation' : 'participations'}`,
    nSchools: (n) => `${n} ${n === 1 ? 'school' : 'schools'}`,
    lPartners: 'partners',
    lHeld: 'events held',
    lParticipants: 'pupil participations',
    grades: (g) => `grades ${g}`,
    date: (y, m, d) => `${d} ${EN_MONTHS[m - 1]} ${y}`,
    forms: { excursion: 'Excursion', professional_trial: 'Professional trial', master_class: 'Master class', meeting_with_professionals: 'Meeting with professionals', open_day: 'Open day', fair: 'Career fair', career_lesson: 'Career-guidance lesson', diagnostics: 'Career diagnostics', consultation: 'Consultation', parent_meeting: 'Parent meeting', competition: 'Competition', project: 'Project', volunteering: 'Volunteering', labour_brigade: 'Labour brigade', other: 'Other' },
  },
};
