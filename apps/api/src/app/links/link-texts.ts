import type { Language, LinkPurpose } from '@socium/domain';

/**
 * The words of a single-use link (issue 15 item 3) in the three languages: the e-mail that carries it, and the page it
 * opens for a partner without an account. Whole sentences with placeholders (no fragments glued together); Tatar
 * after docs/product/glossary.md (танышу, раслау, чара, оешма, аңлатма, сылтама).
 */
export interface LinkTexts {
  /** the page's title and the e-mail's subject, per purpose */
  title: Record<LinkPurpose, string>;
  subject: Record<LinkPurpose, string>;
  /** the e-mail's first paragraph, before the link */
  mailIntro: Record<LinkPurpose, string>;
  /** what the link is about, one sentence; `what` is bold on the page */
  activityLine: (title: string, date: string) => string;
  documentLine: (number: string, date: string, title: string) => string;
  organisation: (name: string) => string;
  comment: string;
  button: Record<LinkPurpose, string>;
  validUntil: (date: string) => string;
  doneTitle: string;
  doneText: string;
  failedTitle: string;
  notFound: string;
  /** the language switcher: its label, and each language named in itself */
  languages: string;
}

export const LANGUAGE_NAMES: Record<Language, string> = { ru: 'Русский', tt: 'Татарча', en: 'English' };

export const LINK_TEXTS: Record<Language, LinkTexts> = {
  ru: {
    title: {
      'activity.confirm': 'Подтверждение участия в мероприятии',
      'document.acknowledge': 'Подтверждение ознакомления с документом',
    },
    subject: {
      'activity.confirm': 'Подтвердите участие в мероприятии',
      'document.acknowledge': 'Подтвердите ознакомление с документом',
    },
    mailIntro: {
      'activity.confirm':
        'Школа просит подтвердить участие вашей организации в совместном мероприятии. Откройте ссылку (она действует один раз):',
      'document.acknowledge':
        'Отдел образования просит подтвердить ознакомление с документом. Откройте ссылку (она действует один раз):',
    },
    activityLine: (title, date) => `Мероприятие: «${title}», ${date}.`,
    documentLine: (number, date, title) => `Документ № ${number} от ${date}: «${title}».`,
    organisation: (name) => `Организация: ${name}`,
    comment: 'Комментарий (необязательно)',
    button: { 'activity.confirm': 'Подтвердить участие', 'document.acknowledge': 'Подтвердить ознакомление' },
    validUntil: (date) => `Ссылка действует один раз, до ${date}.`,
    doneTitle: 'Спасибо, подтверждение получено',
    doneText: 'Отдел образования и школа увидят его в системе. Страницу можно закрыть.',
    failedTitle: 'Ссылка не сработала',
    notFound: 'Ссылка не найдена: проверьте, что она скопирована целиком.',
    languages: 'Язык страницы',
  },
  tt: {
    title: {
      'activity.confirm': 'Чарада катнашуны раслау',
      'document.acknowledge': 'Документ белән танышуны раслау',
    },
    subject: {
      'activity.confirm': 'Чарада катнашуны раслагыз',
      'document.acknowledge': 'Документ белән танышуны раслагыз',
    },
    mailIntro: {
      'activity.confirm':
        'Мәктәп сездән оешмагызның уртак чарада катнашуын раслауны сорый. Сылтаманы ачыгыз (ул бер тапкыр гына эшли):',
      'document.acknowledge':
        'Мәгариф бүлеге сездән документ белән танышуны раслауны сорый. Сылтаманы ачыгыз (ул бер тапкыр гына эшли):',
    },
    activityLine: (title, date) => `Чара: «${title}», ${date}.`,
    documentLine: (number, date, title) => `${date} көнне чыккан ${number} номерлы документ: «${title}».`,
    organisation: (name) => `Оешма: ${name}`,
    comment: 'Аңлатма (мәҗбүри түгел)',
    button: { 'activity.confirm': 'Катнашуны раслау', 'document.acknowledge': 'Танышуны раслау' },
    validUntil: (date) => `Сылтама бер тапкыр гына һәм ${date} кадәр эшли.`,
    doneTitle: 'Рәхмәт, раслау кабул ителде',
    doneText: 'Мәгариф бүлеге һәм мәктәп аны системада күрәчәк. Битне ябарга мөмкин.',
    failedTitle: 'Сылтама эшләмәде',
    notFound: 'Сылтама табылмады: аның тулысынча күчерелгәнен тикшерегез.',
    languages: 'Бит теле',
  },
  en: {
    title: {
      'activity.confirm': 'Confirm taking part in an activity',
      'document.acknowledge': 'Acknowledge a document',
    },
    subject: {
      'activity.confirm': 'Please confirm taking part in an activity',
      'document.acknowledge': 'Please acknowledge a document',
    },
    mailIntro: {
      'activity.confirm':
        'A school asks your organisation to confirm taking part in a joint activity. Open the link (it works once):',
      'document.acknowledge':
        'The Education Department asks you to acknowledge a document. Open the link (it works once):',
    },
    activityLine: (title, date) => `Activity: “${title}”, ${date}.`,
    documentLine: (number, date, title) => `Document No. ${number} dated ${date}: “${title}”.`,
    organisation: (name) => `Organisation: ${name}`,
    comment: 'Comment (optional)',
    button: { 'activity.confirm': 'Confirm taking part', 'document.acknowledge': 'Acknowledge' },
    validUntil: (date) => `The link works once, until ${date}.`,
    doneTitle: 'Thank you, the confirmation is received',
    doneText: 'The Education Department and the school will see it in the system. You may close this page.',
    failedTitle: 'The link did not work',
    notFound: 'The link was not found: check that it was copied in full.',
    languages: 'Page language',
  },
};
