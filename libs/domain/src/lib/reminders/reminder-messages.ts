import { Language } from '../labels/labels';
import { Reminder, ReminderKind } from './reminders';

export interface ReminderMessage {
  readonly subject: string;
  readonly body: string;
}

type Params = Reminder['params'];
type Texts = Record<ReminderKind, (p: Params) => ReminderMessage>;

/** dd.mm.yyyy, as every language of the interface writes dates. */
const day = (iso: string | number | undefined): string => {
  const s = String(iso ?? '');
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : s;
};
const year = (label: string | number | undefined): string => String(label ?? '').replace('-', '–');

// Whole sentences per language (no concatenated fragments); Tatar from docs/product/glossary.md.
const TEXTS: Record<Language, Texts> = {
  ru: {
    'agreement.expiring': (p) => ({
      subject: `Соглашение № ${p['number']} истекает ${day(p['date'])}`,
      body: `Срок действия соглашения № ${p['number']} заканчивается ${day(p['date'])}. Продлите его или подготовьте новое.`,
    }),
    'agreement.notice-deadline': (p) => ({
      subject: `Соглашение № ${p['number']}: срок уведомления ${day(p['date'])}`,
      body: `Соглашение № ${p['number']} продлится автоматически, если до ${day(p['date'])} ни одна из сторон не уведомит о прекращении.`,
    }),
    'plan.not-submitted': (p) => ({
      subject: `План на ${year(p['year'])} учебный год не отправлен на утверждение`,
      body: `План работы на ${year(p['year'])} учебный год нужно было отправить на утверждение до ${day(p['date'])}.`,
    }),
    'plan.awaiting-approval': (p) => ({
      subject: `План на ${year(p['year'])} учебный год ждёт утверждения`,
      body: `План работы на ${year(p['year'])} учебный год отправлен на утверждение ${day(p['date'])}.`,
    }),
    'document.overdue': (p) => ({
      subject: `Просрочено ознакомление с документом № ${p['number']}`,
      body: `Срок исполнения документа № ${p['number']} истёк ${day(p['date'])}. Подтвердите ознакомление.`,
    }),
    'document.overdue-escalation': (p) => ({
      subject: `Документ № ${p['number']}: получателей с просрочкой — ${p['count']}`,
      body: p['names']
        ? `Срок исполнения документа № ${p['number']} истёк ${day(p['date'])}; не подтвердили ознакомление получателей: ${p['count']} (${p['names']}).`
        : `Срок исполнения документа № ${p['number']} истёк ${day(p['date'])}; не подтвердили ознакомление получателей: ${p['count']}.`,
    }),
    'placement.blocked-start': (p) => ({
      subject: `Трудоустройство «${p['job']}» с ${day(p['date'])} заблокировано`,
      body: `Трудоустройство «${p['job']}» начинается ${day(p['date'])}, но не хватает документов (согласие или медицинский осмотр). Внесите их до начала работы.`,
    }),
    'organisation.vetting-expiring': (p) => ({
      subject: `${p['name']}: подтверждение справок о несудимости действует до ${day(p['date'])}`,
      body: `Подтверждение того, что у сотрудников организации «${p['name']}», работающих с детьми, есть справки об отсутствии судимости (ст. 351.1 ТК РФ), действует до ${day(p['date'])}. Внесите новую дату после проверки.`,
    }),
    'document.sent': (p) => ({
      subject: `Новый документ № ${p['number']} от ${day(p['date'])}`,
      body: p['due']
        ? `Отдел образования направил вашей организации документ № ${p['number']} от ${day(p['date'])} «${p['title']}». Срок исполнения — ${day(p['due'])}. Подтвердите ознакомление.`
        : `Отдел образования направил вашей организации документ № ${p['number']} от ${day(p['date'])} «${p['title']}». Подтвердите ознакомление.`,
    }),
  },
  tt: {
    'agreement.expiring': (p) => ({
      subject: `${p['number']} номерлы килешүнең срогы ${day(p['date'])} чыга`,
      body: `${p['number']} номерлы килешүнең гамәлдә булу срогы ${day(p['date'])} тәмамлана. Аны озайтыгыз яки яңа килешү әзерләгез.`,
    }),
    'agreement.notice-deadline': (p) => ({
      subject: `${p['number']} номерлы килешү: кисәтү срогы ${day(p['date'])}`,
      body: `${day(p['date'])} кадәр якларның берсе дә туктату турында кисәтмәсә, ${p['number']} номерлы килешү үзеннән-үзе озайтыла.`,
    }),
    'plan.not-submitted': (p) => ({
      subject: `${year(p['year'])} уку елына эш планы раслауга җибәрелмәгән`,
      body: `${year(p['year'])} уку елына эш планын ${day(p['date'])} кадәр раслауга җибәрергә кирәк иде.`,
    }),
    'plan.awaiting-approval': (p) => ({
      subject: `${year(p['year'])} уку елына эш планы раслауны көтә`,
      body: `${year(p['year'])} уку елына эш планы ${day(p['date'])} раслауга җибәрелгән.`,
    }),
    'document.overdue': (p) => ({
      subject: `${p['number']} номерлы документ белән танышу срогы узган`,
      body: `${p['number']} номерлы документның үтәү срогы ${day(p['date'])} узды. Танышуны раслагыз.`,
    }),
    'document.overdue-escalation': (p) => ({
      subject: `${p['number']} номерлы документ: срогы узган алучылар саны — ${p['count']}`,
      body: p['names']
        ? `${p['number']} номерлы документның үтәү срогы ${day(p['date'])} узды; танышуны расламаган алучылар саны: ${p['count']} (${p['names']}).`
        : `${p['number']} номерлы документның үтәү срогы ${day(p['date'])} узды; танышуны расламаган алучылар саны: ${p['count']}.`,
    }),
    'placement.blocked-start': (p) => ({
      subject: `${day(p['date'])} башланучы «${p['job']}» эшкә урнаштыру тукталган`,
      body: `«${p['job']}» эшкә урнаштыру ${day(p['date'])} башлана, ләкин документлар җитми (ризалык яки медицина тикшерүе). Аларны эш башланганчы кертегез.`,
    }),
    'organisation.vetting-expiring': (p) => ({
      subject: `${p['name']}: хөкем ителмәгәнлек турында белешмәләрне раслау ${day(p['date'])} кадәр гамәлдә`,
      body: `«${p['name']}» оешмасының балалар белән эшләүче хезмәткәрләрендә хөкем ителмәгәнлек турында белешмәләр булуны раслау (РФ ХК 351.1 ст.) ${day(p['date'])} кадәр гамәлдә. Тикшергәннән соң яңа датаны кертегез.`,
    }),
    'document.sent': (p) => ({
      subject: `${day(p['date'])} көнне чыккан ${p['number']} номерлы яңа документ`,
      body: p['due']
        ? `Мәгариф бүлеге оешмагызга ${day(p['date'])} көнне чыккан ${p['number']} номерлы «${p['title']}» документын җибәрде. Үтәү срогы — ${day(p['due'])}. Танышуны раслагыз.`
        : `Мәгариф бүлеге оешмагызга ${day(p['date'])} көнне чыккан ${p['number']} номерлы «${p['title']}» документын җибәрде. Танышуны раслагыз.`,
    }),
  },
  en: {
    'agreement.expiring': (p) => ({
      subject: `Agreement No. ${p['number']} expires on ${day(p['date'])}`,
      body: `The term of agreement No. ${p['number']} ends on ${day(p['date'])}. Renew it or prepare a new one.`,
    }),
    'agreement.notice-deadline': (p) => ({
      subject: `Agreement No. ${p['number']}: notice deadline ${day(p['date'])}`,
      body: `Agreement No. ${p['number']} renews automatically unless either party gives notice by ${day(p['date'])}.`,
    }),
    'plan.not-submitted': (p) => ({
      subject: `The plan for the ${year(p['year'])} academic year has not been submitted`,
      body: `The work plan for the ${year(p['year'])} academic year was due for approval by ${day(p['date'])}.`,
    }),
    'plan.awaiting-approval': (p) => ({
      subject: `The plan for the ${year(p['year'])} academic year awaits approval`,
      body: `The work plan for the ${year(p['year'])} academic year was submitted for approval on ${day(p['date'])}.`,
    }),
    'document.overdue': (p) => ({
      subject: `Acknowledgement of document No. ${p['number']} is overdue`,
      body: `The due date of document No. ${p['number']} passed on ${day(p['date'])}. Please acknowledge it.`,
    }),
    'document.overdue-escalation': (p) => ({
      subject: `Document No. ${p['number']}: overdue recipients — ${p['count']}`,
      body: p['names']
        ? `The due date of document No. ${p['number']} passed on ${day(p['date'])}; recipients who have not acknowledged it: ${p['count']} (${p['names']}).`
        : `The due date of document No. ${p['number']} passed on ${day(p['date'])}; recipients who have not acknowledged it: ${p['count']}.`,
    }),
    'placement.blocked-start': (p) => ({
      subject: `Placement "${p['job']}" from ${day(p['date'])} is blocked`,
      body: `Placement "${p['job']}" starts on ${day(p['date'])} but paperwork is missing (a consent or the medical clearance). Record it before work starts.`,
    }),
    'organisation.vetting-expiring': (p) => ({
      subject: `${p['name']}: the confirmation of no-criminal-record certificates holds until ${day(p['date'])}`,
      body: `The confirmation that the staff of ${p['name']} working with children hold certificates of no criminal record (Labour Code art. 351.1) holds until ${day(p['date'])}. Record a new date once checked.`,
    }),
    'document.sent': (p) => ({
      subject: `New document No. ${p['number']} dated ${day(p['date'])}`,
      body: p['due']
        ? `The Education Department has sent your organisation document No. ${p['number']} dated ${day(p['date'])}, “${p['title']}”. Due date: ${day(p['due'])}. Please acknowledge it.`
        : `The Education Department has sent your organisation document No. ${p['number']} dated ${day(p['date'])}, “${p['title']}”. Please acknowledge it.`,
    }),
  },
};

/** The subject and text of a reminder in `lang` (Russian by default). */
export function reminderMessage(reminder: Pick<Reminder, 'kind' | 'params'>, lang: Language = 'ru'): ReminderMessage {
  return TEXTS[lang][reminder.kind](reminder.params);
}
