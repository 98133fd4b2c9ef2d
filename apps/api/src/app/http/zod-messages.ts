import type { Message } from '@socium/domain';

import type { z } from 'zod';

/** The custom checks of the contracts (their English text), in the three languages. */
const CUSTOM: Readonly<Record<string, Message>> = {
  'Give either dueOn or dueWorkingDays, not both': {
    en: 'Give either dueOn or dueWorkingDays, not both',
    ru: 'Укажите либо дату срока, либо число рабочих дней, но не то и другое',
    tt: 'Яисә срок датасын, яисә эш көннәре санын күрсәтегез, икесен бергә түгел',
  },
  'Name the recipients (recipientIds) or an audience': {
    en: 'Name the recipients (recipientIds) or an audience',
    ru: 'Выберите получателей или группу получателей',
    tt: 'Алучыларны яки алучылар төркемен сайлагыз',
  },
  'from must not be after to': {
    en: 'from must not be after to',
    ru: 'Дата «с» позже даты «по»',
    tt: '«Башлап» датасы «кадәр» датасыннан соңрак',
  },
};

const sizeOf = (origin: string): 'text' | 'list' | 'number' =>
  origin === 'string' ? 'text' : origin === 'array' || origin === 'set' ? 'list' : 'number';

/**
 * The message of one zod issue in Russian, English and Tatar, for the field it names (`field.*` rules): the error
 * filter picks the request's language. `missing` says the field was not sent at all (a required field).
 */
export function issueMessage(issue: z.core.$ZodIssue, missing: boolean): Message {
  const m = translated(issue, missing);
  // English stays zod's own text (or the contract's), as the API has always answered
  return issue.code === 'unrecognized_keys' ? m : { ...m, en: issue.message || m.en };
}

function translated(issue: z.core.$ZodIssue, missing: boolean): Message {
  switch (issue.code) {
    case 'invalid_type':
      return missing
        ? { en: 'Required', ru: 'Обязательное поле', tt: 'Мәҗбүри кыр' }
        : {
            en: `Expected ${issue.expected}`,
            ru: 'Значение неверного типа',
            tt: 'Кыйммәтнең төре дөрес түгел',
          };
    case 'too_small': {
      const n = String(issue.minimum);
      const kind = sizeOf(issue.origin);
      if (kind === 'text' && issue.minimum === 1)
        return { en: 'Must not be empty', ru: 'Поле не может быть пустым', tt: 'Кыр буш була алмый' };
      if (kind === 'text')
        return {
          en: `At least ${n} characters`,
          ru: `Не короче ${n} символов`,
          tt: `Кимендә ${n} символ`,
        };
      if (kind === 'list')
        return { en: `At least ${n} items`, ru: `Элементов списка — не меньше ${n}`, tt: `Кимендә ${n} элемент` };
      return issue.inclusive === false
        ? {
            en: `Must be greater than ${n}`,
            ru: `Должно быть больше ${n}`,
            tt: `Кыйммәт ${n} саныннан зуррак булырга тиеш`,
          }
        : { en: `Must be at least ${n}`, ru: `Не меньше ${n}`, tt: `Кыйммәт кимендә ${n}` };
    }
    case 'too_big': {
      const n = String(issue.maximum);
      const kind = sizeOf(issue.origin);
      if (kind === 'text')
        return { en: `At most ${n} characters`, ru: `Не длиннее ${n} символов`, tt: `Иң күбе ${n} символ` };
      if (kind === 'list')
        return { en: `At most ${n} items`, ru: `Элементов списка — не больше ${n}`, tt: `Иң күбе ${n} элемент` };
      return issue.inclusive === false
        ? {
            en: `Must be less than ${n}`,
            ru: `Должно быть меньше ${n}`,
            tt: `Кыйммәт ${n} саныннан кечерәк булырга тиеш`,
          }
        : { en: `Must be at most ${n}`, ru: `Не больше ${n}`, tt: `Кыйммәт иң күбе ${n}` };
    }
    case 'invalid_format':
      if (issue.format === 'email')
        return {
          en: 'Invalid e-mail address',
          ru: 'Неверный адрес электронной почты',
          tt: 'Электрон почта адресы дөрес түгел',
        };
      if (issue.format === 'uuid' || issue.format === 'guid')
        return { en: 'Invalid identifier', ru: 'Неверный идентификатор', tt: 'Идентификатор дөрес түгел' };
      if (issue.format === 'date')
        return { en: 'A date as YYYY-MM-DD', ru: 'Дата в виде ГГГГ-ММ-ДД', tt: 'Дата ЕЕЕЕ-АА-КК рәвешендә' };
      if (issue.format === 'url') return { en: 'Invalid link', ru: 'Неверная ссылка', tt: 'Сылтама дөрес түгел' };
      return { en: issue.message || 'Invalid format', ru: 'Неверный формат', tt: 'Формат дөрес түгел' };
    case 'invalid_value':
      return {
        en: `Expected one of: ${issue.values.map(String).join(', ')}`,
        ru: `Допустимые значения: ${issue.values.map(String).join(', ')}`,
        tt: `Рөхсәт ителгән кыйммәтләр: ${issue.values.map(String).join(', ')}`,
      };
    case 'not_multiple_of':
      return {
        en: `Must be a multiple of ${String(issue.divisor)}`,
        ru: `Должно быть кратно ${String(issue.divisor)}`,
        tt: `${String(issue.divisor)} санына калдыксыз бүленергә тиеш`,
      };
    case 'unrecognized_keys':
      return {
        en: `Unknown field(s): ${issue.keys.join(', ')}`,
        ru: `Неизвестные поля: ${issue.keys.join(', ')}`,
        tt: `Билгесез кырлар: ${issue.keys.join(', ')}`,
      };
    case 'custom':
      return (
        CUSTOM[issue.message] ?? {
          en: issue.message,
          ru: 'Недопустимое значение',
          tt: 'Рөхсәт ителмәгән кыйммәт',
        }
      );
    default:
      return { en: issue.message || 'Invalid value', ru: 'Недопустимое значение', tt: 'Рөхсәт ителмәгән кыйммәт' };
  }
}

/** The headline of a refused body: every issue as `path: message`, in the three languages. */
export function invalidInput(lines: readonly { path: string; message: Message }[]): Message {
  const join = (l: 'ru' | 'en' | 'tt') => lines.map((x) => `${x.path}: ${x.message[l]}`).join('; ');
  return {
    en: `Invalid input: ${join('en')}`,
    ru: `Неверные данные: ${join('ru')}`,
    tt: `Мәгълүматлар дөрес түгел: ${join('tt')}`,
  };
}
