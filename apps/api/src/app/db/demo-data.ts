import type { OrganisationRecord } from '@socium/api-persistence';
import type { ProfminimumLevel } from '@socium/domain';

/**
 * Demo data for the Yutazinsky district (domain-rules H): organisation-level public facts only, no
 * private persons. Agreement numbers, dates and events are synthetic (numbers carry «ДЕМО»).
 */
type Org = Partial<OrganisationRecord> & Pick<OrganisationRecord, 'kind' | 'name' | 'shortName' | 'slug'>;
const role = (r: string) => [{ role: r }];

export const DEMO_SCHOOLS = [
  'urussu-gymnasium',
  'maloe-urussu-school',
  'yutaza-school',
  'karakashly-school',
  'bayryaka-school',
  'staroe-urussu-school',
];

/**
 * Each demo school's профминимум level (E1), the same for the current and the previous academic year: stored on its
 * enrolment record of each year (the only store of the level, migration 0032).
 */
export const DEMO_PROFMINIMUM_LEVELS: Readonly<Record<string, ProfminimumLevel>> = {
  'urussu-gymnasium': 'main',
  'maloe-urussu-school': 'basic',
  'yutaza-school': 'basic',
  'karakashly-school': 'basic',
  'bayryaka-school': 'basic',
  'staroe-urussu-school': 'main',
};

/** Share of a school's pupils per grade 1–11, in hundredths (senior grades thinner: pupils leave after grade 9). */
const GRADE_WEIGHTS = [10, 10, 10, 10, 10, 9, 9, 9, 9, 7, 7] as const;

/** Pupils of the previous academic year per hundred of the current one (a slowly growing district). */
export const DEMO_PREVIOUS_YEAR_SHARE = 97;

/**
 * A demo school's enrolment of one year, deterministic: `total` pupils spread over grades 1–11 by `GRADE_WEIGHTS`
 * (largest remainders, so the grades add up to `total`); the age bands as the usual ages of the grades: 14 in
 * grade 8, 15 in grade 9, 16–17 in grades 10–11.
 */
export function demoEnrolment(total: number): {
  pupilsByGrade: Record<string, number>;
  aged14: number;
  aged15: number;
  aged16to17: number;
} {
  const exact = GRADE_WEIGHTS.map((w) => (total * w) / 100);
  const counts = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const missing = total - counts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) counts[order[k][1]] += 1;
  const grade = (g: number) => counts[g - 1];
  return {
    pupilsByGrade: Object.fromEntries(counts.map((n, i) => [String(i + 1), n])),
    aged14: grade(8),
    aged15: grade(9),
    aged16to17: grade(10) + grade(11),
  };
}

// Demo rows stay one record a line, to be read as a table.
// prettier-ignore
export const DEMO_ORGANISATIONS: Org[] = [
  { kind: 'school', slug: 'urussu-gymnasium', name: 'Уруссинская гимназия', shortName: 'Уруссинская гимназия', address: 'пгт Уруссу', enrolment: 820, contacts: role('Приёмная') },
  { kind: 'school', slug: 'maloe-urussu-school', name: 'Малоуруссинская школа', shortName: 'Малоуруссинская школа', address: 'с. Малое Уруссу', enrolment: 140, termScheme: 'trimesters' },
  { kind: 'school', slug: 'yutaza-school', name: 'Ютазинская школа', shortName: 'Ютазинская школа', address: 'с. Ютаза', enrolment: 210 },
  { kind: 'school', slug: 'karakashly-school', name: 'Каракашлинская школа', shortName: 'Каракашлинская школа', address: 'с. Каракашлы', enrolment: 95 },
  { kind: 'school', slug: 'bayryaka-school', name: 'Байрякинская школа', shortName: 'Байрякинская школа', address: 'с. Байряка', enrolment: 120 },
  { kind: 'school', slug: 'staroe-urussu-school', name: 'Староуруссинская средняя школа', shortName: 'Староуруссинская СОШ', address: 'с. Старое Уруссу', enrolment: 160, termScheme: 'halves' },
  {
    kind: 'partner',
    partnerType: 'sport_youth',
    slug: 'otdel-molodezhi',
    name: 'МКУ «Отдел по делам молодежи, спорту и туризму Исполнительного комитета Ютазинского муниципального района Республики Татарстан»',
    shortName: 'Отдел молодежи, спорту и туризму',
    address: 'пгт Уруссу',
  },
  { kind: 'partner', partnerType: 'culture', slug: 'otdel-kultury', name: 'МКУ «Отдел культуры Исполнительного комитета Ютазинского муниципального района Республики Татарстан»', shortName: 'Отдел культуры', address: 'пгт Уруссу' },
  { kind: 'partner', partnerType: 'other', slug: 'cdt-yutazy', name: 'МБУ ДО «Центр детского творчества»', shortName: 'Центр детского творчества', address: 'пгт Уруссу' },
  { kind: 'partner', partnerType: 'employer', slug: 'tapart', name: 'Опытно-экспериментальный машиностроительный завод «Тапарт»', shortName: 'Завод «Тапарт»', address: 'пгт Уруссу', contacts: role('Отдел кадров') },
  { kind: 'partner', partnerType: 'employer', slug: 'urussu-industrial-park', name: 'Промышленный парк «Уруссинский»', shortName: 'Промпарк «Уруссинский»', address: 'пгт Уруссу' },
  { kind: 'partner', partnerType: 'employer', slug: 'yutaza-elevator', name: 'АО «Ютазинский элеватор»', shortName: 'Ютазинский элеватор', address: 'с. Ютаза' },
  { kind: 'partner', partnerType: 'employment_centre', slug: 'czn-yutazy', name: 'Центр занятости населения (Ютазинский район)', shortName: 'Центр занятости', address: 'пгт Уруссу' },
  { kind: 'partner', partnerType: 'culture', slug: 'rdk-urussu', name: 'Районный дом культуры пгт Уруссу', shortName: 'Районный дом культуры', address: 'пгт Уруссу' },
  { kind: 'partner', partnerType: 'culture', slug: 'sdk-yutaza', name: 'Ютазинский сельский дом культуры', shortName: 'Ютазинский СДК', address: 'с. Ютаза' },
  { kind: 'partner', partnerType: 'culture', slug: 'bayryaka-library', name: 'Байрякинская сельская библиотека', shortName: 'Байрякинская библиотека', address: 'с. Байряка' },
  { kind: 'partner', partnerType: 'media', slug: 'yutazinskaya-nov', name: 'Газета «Ютазинская новь»', shortName: '«Ютазинская новь»', address: 'пгт Уруссу' },
  { kind: 'partner', partnerType: 'social_services', slug: 'kcson-yutazy', name: 'Комплексный центр социального обслуживания населения (Ютазинский район)', shortName: 'Центр социального обслуживания', address: 'пгт Уруссу' },
];

interface DemoAgreement {
  number: string;
  kind: 'cooperation' | 'social_partnership' | 'network_form';
  school: string;
  partner: string;
  subject: string;
  goal: string;
  directions: string[];
  schoolDoes: string;
  partnerDoes: string;
  partnerRole: string;
  startsOn: string;
  endsOn: string | null;
  autoRenew: boolean;
}
const career = {
  subject: 'Совместная профориентационная работа с обучающимися',
  goal: 'Профессиональное самоопределение обучающихся с учётом потребностей рынка труда района',
  schoolDoes:
    'Формировать группы обучающихся, обеспечивать сопровождение педагогами и инструктаж по технике безопасности',
  partnerDoes: 'Проводить экскурсии, профессиональные пробы и встречи с работниками предприятия',
  partnerRole: 'Начальник отдела кадров',
};
const culture = {
  subject: 'Совместная культурно-просветительская деятельность',
  goal: 'Развитие творческих способностей и воспитание обучающихся',
  schoolDoes: 'Обеспечивать участие обучающихся в мероприятиях и информировать родителей',
  partnerDoes: 'Предоставлять площадку, организовывать концерты, выставки и занятия клубных формирований',
  partnerRole: 'Художественный руководитель',
};
// Demo rows stay one record a line, to be read as a table.
// prettier-ignore
export const DEMO_AGREEMENTS: DemoAgreement[] = [
  { number: 'ДЕМО-01/2019', kind: 'social_partnership', school: 'urussu-gymnasium', partner: 'tapart', ...career, directions: ['career_guidance', 'labour_employment'], startsOn: '2019-09-02', endsOn: '2020-08-31', autoRenew: true },
  { number: 'ДЕМО-02/2019', kind: 'cooperation', school: 'urussu-gymnasium', partner: 'rdk-urussu', ...culture, directions: ['culture'], startsOn: '2019-09-02', endsOn: null, autoRenew: false },
  { number: 'ДЕМО-03/2020', kind: 'social_partnership', school: 'urussu-gymnasium', partner: 'czn-yutazy', ...career, partnerDoes: 'Организовывать временное трудоустройство несовершеннолетних в свободное от учёбы время и профориентационные консультации', partnerRole: 'Специалист по профориентации', directions: ['labour_employment', 'career_guidance'], startsOn: '2020-02-14', endsOn: '2027-02-13', autoRenew: false },
  { number: 'ДЕМО-04/2019', kind: 'network_form', school: 'urussu-gymnasium', partner: 'cdt-yutazy', subject: 'Реализация дополнительной общеразвивающей программы в сетевой форме', goal: 'Расширение возможностей дополнительного образования обучающихся', schoolDoes: 'Предоставлять учебные кабинеты и обеспечивать зачисление обучающихся', partnerDoes: 'Реализовывать модули программы силами педагогов дополнительного образования', partnerRole: 'Методист', directions: ['culture', 'other'], startsOn: '2019-09-01', endsOn: '2027-05-31', autoRenew: false },
  { number: 'ДЕМО-05/2019', kind: 'social_partnership', school: 'yutaza-school', partner: 'yutaza-elevator', ...career, directions: ['career_guidance'], startsOn: '2019-10-01', endsOn: '2026-12-31', autoRenew: false },
  { number: 'ДЕМО-06/2019', kind: 'cooperation', school: 'yutaza-school', partner: 'sdk-yutaza', ...culture, directions: ['culture', 'patriotic'], startsOn: '2019-09-02', endsOn: null, autoRenew: false },
  { number: 'ДЕМО-07/2020', kind: 'cooperation', school: 'bayryaka-school', partner: 'bayryaka-library', ...culture, partnerRole: 'Библиотекарь', directions: ['culture'], startsOn: '2020-01-15', endsOn: '2027-01-14', autoRenew: true },
  { number: 'ДЕМО-08/2019', kind: 'social_partnership', school: 'maloe-urussu-school', partner: 'urussu-industrial-park', ...career, directions: ['career_guidance'], startsOn: '2019-11-01', endsOn: '2027-06-30', autoRenew: false },
  { number: 'ДЕМО-09/2020', kind: 'cooperation', school: 'karakashly-school', partner: 'otdel-molodezhi', subject: 'Совместные спортивные и патриотические мероприятия', goal: 'Воспитание здорового образа жизни и патриотизма', schoolDoes: 'Формировать команды и обеспечивать сопровождение', partnerDoes: 'Организовывать соревнования, сборы и волонтёрские акции', partnerRole: 'Специалист по работе с молодёжью', directions: ['sport_health', 'patriotic', 'volunteering'], startsOn: '2020-01-20', endsOn: null, autoRenew: false },
  { number: 'ДЕМО-10/2019', kind: 'cooperation', school: 'staroe-urussu-school', partner: 'kcson-yutazy', subject: 'Совместная профилактическая и волонтёрская работа', goal: 'Профилактика и социальная поддержка семей с детьми', schoolDoes: 'Информировать о семьях, нуждающихся в поддержке, в установленном порядке', partnerDoes: 'Проводить консультации и совместные акции', partnerRole: 'Заведующий отделением', directions: ['prevention', 'volunteering'], startsOn: '2019-09-16', endsOn: '2026-12-20', autoRenew: false },
];

export const NETWORK_TERMS = {
  programme: 'Дополнительная общеразвивающая программа художественной направленности «Мастерская творчества»',
  studentStatus: 'Обучающиеся гимназии; зачисление приказом гимназии по заявлению родителей',
  resources: [
    {
      party: 'school',
      obligation: 'Предоставить учебный кабинет',
      resource: 'Кабинет технологии',
      volume: '4 часа в неделю',
    },
    {
      party: 'partner',
      obligation: 'Провести занятия',
      resource: 'Педагог дополнительного образования',
      volume: '68 часов в год',
    },
  ],
  documentsIssued: 'Сертификат об освоении программы выдаёт Центр детского творчества',
  amendmentProcedure:
    'Изменения — дополнительным соглашением; расторжение — по соглашению сторон или с уведомлением за 30 дней',
};

interface DemoActivity {
  title: string;
  direction: string;
  form: string;
  partner: string;
  month: number;
  day: number;
  venue: string;
  grades: number[];
  planned: number;
  hours: number;
  isPublic: boolean;
  professions: string[];
  result: string;
}
// Demo rows stay one record a line, to be read as a table.
// prettier-ignore
export const DEMO_ACTIVITIES: DemoActivity[] = [
  { title: 'Экскурсия на завод «Тапарт»', direction: 'career_guidance', form: 'excursion', partner: 'tapart', month: 10, day: 17, venue: 'Завод «Тапарт», пгт Уруссу', grades: [8, 9], planned: 24, hours: 3, isPublic: true, professions: ['Слесарь-ремонтник', 'Оператор станков с ЧПУ'], result: 'Обучающиеся познакомились с производством и профессиями предприятия' },
  { title: 'Профессиональная проба «Оператор станков с ЧПУ»', direction: 'career_guidance', form: 'professional_trial', partner: 'tapart', month: 11, day: 21, venue: 'Завод «Тапарт», учебный участок', grades: [9, 10], planned: 8, hours: 4, isPublic: true, professions: ['Оператор станков с ЧПУ'], result: 'Проба пройдена, выданы рекомендации' },
  { title: 'Урок «Россия — мои горизонты»: агропромышленный комплекс', direction: 'career_guidance', form: 'career_lesson', partner: 'own', month: 11, day: 14, venue: 'Гимназия, актовый зал', grades: [6, 7, 8], planned: 60, hours: 1, isPublic: false, professions: ['Агроном'], result: 'Занятие проведено' },
  { title: 'Встреча со специалистами центра занятости', direction: 'career_guidance', form: 'meeting_with_professionals', partner: 'czn-yutazy', month: 12, day: 12, venue: 'Школьная библиотека', grades: [9, 11], planned: 30, hours: 2, isPublic: true, professions: [], result: 'Проведены консультации по временному трудоустройству' },
  { title: 'Новогодний концерт в Районном доме культуры', direction: 'culture', form: 'competition', partner: 'rdk-urussu', month: 12, day: 26, venue: 'Районный дом культуры пгт Уруссу', grades: [1, 2, 3, 4, 5], planned: 80, hours: 2, isPublic: true, professions: [], result: 'Концерт проведён, участвовали творческие коллективы' },
  { title: 'Лыжня Ютазы', direction: 'sport_health', form: 'competition', partner: 'otdel-molodezhi', month: 2, day: 8, venue: 'Лыжная база пгт Уруссу', grades: [5, 6, 7, 8, 9, 10, 11], planned: 50, hours: 3, isPublic: true, professions: [], result: 'Команда школы заняла призовое место' },
  { title: 'Ярмарка профессий', direction: 'career_guidance', form: 'fair', partner: 'czn-yutazy', month: 3, day: 12, venue: 'Районный дом культуры пгт Уруссу', grades: [9, 10, 11], planned: 45, hours: 3, isPublic: true, professions: ['Электромонтёр', 'Повар', 'Медицинская сестра'], result: 'Учащиеся встретились с работодателями района' },
  { title: 'Экологический десант у горы Урдалы-Тау', direction: 'ecology', form: 'volunteering', partner: 'otdel-molodezhi', month: 4, day: 22, venue: 'Памятник природы Урдалы-Тау', grades: [7, 8, 9], planned: 25, hours: 4, isPublic: true, professions: [], result: 'Территория очищена' },
  { title: 'Диагностика профессиональных интересов', direction: 'career_guidance', form: 'diagnostics', partner: 'own', month: 4, day: 15, venue: 'Гимназия', grades: [8, 9], planned: 40, hours: 1, isPublic: false, professions: [], result: 'Проведена диагностика, даны рекомендации' },
  { title: 'Родительское собрание «Выбор профессии»', direction: 'career_guidance', form: 'parent_meeting', partner: 'czn-yutazy', month: 4, day: 24, venue: 'Гимназия', grades: [9], planned: 30, hours: 1, isPublic: false, professions: [], result: 'Родители получили информацию о востребованных профессиях' },
  { title: 'Акция «Бессмертный полк»', direction: 'patriotic', form: 'volunteering', partner: 'otdel-molodezhi', month: 5, day: 9, venue: 'пгт Уруссу', grades: [5, 6, 7, 8, 9, 10, 11], planned: 70, hours: 2, isPublic: true, professions: [], result: 'Акция проведена' },
  { title: 'Летняя трудовая бригада на пришкольном участке', direction: 'labour_employment', form: 'labour_brigade', partner: 'czn-yutazy', month: 6, day: 15, venue: 'Пришкольный участок', grades: [8, 9, 10], planned: 15, hours: 40, isPublic: true, professions: [], result: 'Благоустроен пришкольный участок' },
];

// Demo rows stay one record a line, to be read as a table.
// prettier-ignore
export const DEMO_LABOUR_NEEDS: { profession: string; sector: string; demand: number; employer: string | null }[] = [
  { profession: 'Оператор станков с ЧПУ', sector: 'Машиностроение', demand: 12, employer: 'tapart' },
  { profession: 'Слесарь-ремонтник', sector: 'Машиностроение', demand: 8, employer: 'tapart' },
  { profession: 'Электромонтёр', sector: 'Энергетика', demand: 6, employer: 'urussu-industrial-park' },
  { profession: 'Оператор элеватора', sector: 'Сельское хозяйство', demand: 4, employer: 'yutaza-elevator' },
  { profession: 'Тракторист-машинист', sector: 'Сельское хозяйство', demand: 7, employer: null },
  { profession: 'Повар', sector: 'Общественное питание', demand: 5, employer: null },
  { profession: 'Медицинская сестра', sector: 'Здравоохранение', demand: 9, employer: null },
  { profession: 'Учитель', sector: 'Образование', demand: 10, employer: null },
];

// Demo rows stay one record a line, to be read as a table.
// prettier-ignore
export const DEMO_PLACEMENTS: { school: string; employer: string; channel: string; kind: string; jobTitle: string; birth: string; year: number; hoursPerDay: number; noClearance?: boolean }[] = [
  { school: 'urussu-gymnasium', employer: 'czn-yutazy', channel: 'employment_centre', kind: 'employment_contract', jobTitle: 'Подсобный рабочий (благоустройство)', birth: '2004-03-10', year: 2020, hoursPerDay: 6 },
  { school: 'urussu-gymnasium', employer: 'czn-yutazy', channel: 'employment_centre', kind: 'employment_contract', jobTitle: 'Подсобный рабочий (благоустройство)', birth: '2005-05-20', year: 2020, hoursPerDay: 4 },
  { school: 'yutaza-school', employer: 'yutaza-elevator', channel: 'direct', kind: 'employment_contract', jobTitle: 'Уборщик территории', birth: '2003-11-02', year: 2020, hoursPerDay: 6 },
  { school: 'karakashly-school', employer: 'czn-yutazy', channel: 'school_brigade', kind: 'school_programme_labour', jobTitle: 'Работа на пришкольном участке', birth: '2006-02-14', year: 2020, hoursPerDay: 3 },
  { school: 'urussu-gymnasium', employer: 'tapart', channel: 'employment_centre', kind: 'employment_contract', jobTitle: 'Подсобный рабочий', birth: '2010-01-10', year: 2026, hoursPerDay: 6 },
  { school: 'maloe-urussu-school', employer: 'czn-yutazy', channel: 'employment_centre', kind: 'employment_contract', jobTitle: 'Помощник в проведении патриотических мероприятий', birth: '2011-04-18', year: 2026, hoursPerDay: 4 },
  // blocked: the medical clearance is not recorded yet (B7, paperwork)
  { school: 'yutaza-school', employer: 'czn-yutazy', channel: 'employment_centre', kind: 'employment_contract', jobTitle: 'Подсобный рабочий (благоустройство)', birth: '2010-02-01', year: 2026, hoursPerDay: 6, noClearance: true },
];
