/** Strings of the server-rendered public pages (embed, export, demo) in Russian, Tatar and English (docs/glossary.md). */
export type Lang = 'ru' | 'tt' | 'en';
export const LANGS: readonly Lang[] = ['ru', 'tt', 'en'];
export const pickLang = (v: unknown): Lang => (LANGS.includes(v as Lang) ? (v as Lang) : 'ru');

interface Text {
  partners: string;
  upcoming: string;
  results: string;
  agreements: string;
  documents: string;
  schools: string;
  allMaterials: string;
  nothingUpcoming: string;
  noPartners: string;
  noResults: string;
  suppressed: string;
  year: (y: string) => string;
  grades: (g: string, last: number) => string;
  openEnded: string;
  until: (d: string) => string;
  since: (d: string) => string;
  figures: Record<'partners' | 'agreementsActive' | 'activitiesHeld' | 'activitiesPlanned' | 'participants' | 'schools', string>;
  forms: Record<string, string>;
  kinds: Record<string, string>;
}

export const TEXT: Record<Lang, Text> = {
  ru: {
    partners: 'Партнёры',
    upcoming: 'Ближайшие события',
    results: 'Итоги',
    agreements: 'Действующие соглашения',
    documents: 'Документы',
    schools: 'Школы района',
    allMaterials: 'Все материалы',
    nothingUpcoming: 'Ближайших мероприятий пока нет.',
    noPartners: 'Сведений о партнёрах пока нет.',
    noResults: 'Итогов пока нет.',
    suppressed: 'менее 5',
    year: (y) => `${y.replace('-', '–')} учебный год`,
    grades: (g) => `${g} кл.`,
    openEnded: 'бессрочно',
    until: (d) => `до ${d}`,
    since: (d) => `с ${d}`,
    figures: { partners: 'партнёров', agreementsActive: 'соглашений действует', activitiesHeld: 'мероприятий проведено', activitiesPlanned: 'мероприятий запланировано', participants: 'участий', schools: 'школ' },
    forms: { excursion: 'Экскурсия', professional_trial: 'Профессиональная проба', master_class: 'Мастер-класс', meeting_with_professionals: 'Встреча с профессионалами', open_day: 'День открытых дверей', fair: 'Ярмарка профессий', career_lesson: 'Профориентационный урок', diagnostics: 'Профдиагностика', consultation: 'Консультация', parent_meeting: 'Родительское собрание', competition: 'Конкурс', project: 'Проект', volunteering: 'Волонтёрство', labour_brigade: 'Трудовая бригада', other: 'Другое' },
    kinds: { cooperation: 'Соглашение о сотрудничестве', social_partnership: 'Договор о социальном партнёрстве', network_form: 'Договор о сетевой форме' },
  },
  tt: {
    partners: 'Партнерлар',
    upcoming: 'Якынлашып килүче чаралар',
    results: 'Нәтиҗәләр',
    agreements: 'Гамәлдәге килешүләр',
    documents: 'Документлар',
    schools: 'Район мәктәпләре',
    allMaterials: 'Барлык материаллар',
    nothingUpcoming: 'Якынлашып килүче чаралар әлегә юк.',
    noPartners: 'Партнерлар турында мәгълүмат әлегә юк.',
    noResults: 'Нәтиҗәләр әлегә юк.',
    suppressed: '5тән ким',
    year: (y) => `${y.replace('-', '–')} уку елы`,
    grades: (g, last) => `${g} ${[6, 9, 10].includes(last) ? 'нчы' : 'нче'} сыйныф`,
    openEnded: 'срогы чикләнмәгән',
    until: (d) => `${d} кадәр`,
    since: (d) => `${d} башлап`,
    figures: { partners: 'партнер', agreementsActive: 'килешү гамәлдә', activitiesHeld: 'чара үткәрелгән', activitiesPlanned: 'чара планлаштырылган', participants: 'катнашу', schools: 'мәктәп' },
    forms: { excursion: 'Экскурсия', professional_trial: 'Һөнәри сынау', master_class: 'Мастер-класс', meeting_with_professionals: 'Һөнәр ияләре белән очрашу', open_day: 'Ачык ишекләр көне', fair: 'Һөнәрләр ярминкәсе', career_lesson: 'Һөнәри юнәлеш бирү дәресе', diagnostics: 'Һөнәри диагностика', consultation: 'Консультация', parent_meeting: 'Ата-аналар җыелышы', competition: 'Бәйге', project: 'Проект', volunteering: 'Волонтерлык', labour_brigade: 'Хезмәт отряды', other: 'Башка' },
    kinds: { cooperation: 'Хезмәттәшлек турында килешү', social_partnership: 'Социаль партнерлык турында килешү', network_form: 'Челтәр формасы турында килешү' },
  },
  en: {
    partners: 'Partners',
    upcoming: 'Upcoming events',
    results: 'Results',
    agreements: 'Agreements in force',
    documents: 'Documents',
    schools: 'Schools of the district',
    allMaterials: 'All materials',
    nothingUpcoming: 'No upcoming events yet.',
    noPartners: 'No partners listed yet.',
    noResults: 'No results yet.',
    suppressed: 'fewer than 5',
    year: (y) => `academic year ${y.replace('-', '–')}`,
    grades: (g) => `grades ${g}`,
    openEnded: 'open-ended',
    until: (d) => `until ${d}`,
    since: (d) => `from ${d}`,
    figures: { partners: 'partners', agreementsActive: 'agreements in force', activitiesHeld: 'events held', activitiesPlanned: 'events planned', participants: 'participations', schools: 'schools' },
    forms: { excursion: 'Excursion', professional_trial: 'Professional trial', master_class: 'Master class', meeting_with_professionals: 'Meeting with professionals', open_day: 'Open day', fair: 'Career fair', career_lesson: 'Career-guidance lesson', diagnostics: 'Career diagnostics', consultation: 'Consultation', parent_meeting: 'Parent meeting', competition: 'Competition', project: 'Project', volunteering: 'Volunteering', labour_brigade: 'Labour brigade', other: 'Other' },
    kinds: { cooperation: 'Cooperation agreement', social_partnership: 'Social-partnership agreement', network_form: 'Network-form agreement' },
  },
};

/** `YYYY-MM-DD` → `dd.MM.yyyy` (tables and short lines use the numeric form in every language). */
export const dmy = (iso: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : iso);

/** [5, 6, 7, 9] → "5–7, 9". */
export function gradeRanges(grades: readonly number[]): string {
  const g = [...new Set(grades)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < g.length; ) {
    let j = i;
    while (j + 1 < g.length && g[j + 1] === (g[j] as number) + 1) j++;
    parts.push(j > i + 1 ? `${g[i]}–${g[j]}` : j === i + 1 ? `${g[i]}, ${g[j]}` : `${g[i]}`);
    i = j + 1;
  }
  return parts.join(', ');
}
