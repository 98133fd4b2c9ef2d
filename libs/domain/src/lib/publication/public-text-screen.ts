/**
 * Screening of free text before it goes public (D4: no personal data of children on the public pages). A pure
 * heuristic: it flags text that looks like it holds an e-mail address, a phone number, a person's name (Russian or
 * Tatar «Фамилия Имя», a surname with initials, a name with a patronymic or «улы/кызы», an English «First Last»)
 * or a school class («8Б») next to a name. Flagged text is withheld from the public output until the school confirms
 * it (or edits it so that nothing is flagged). Organisation and place names, dates and grade ranges are not flagged.
 */
export const PUBLIC_TEXT_FLAGS = ['email', 'phone', 'person_name', 'class_with_name'] as const;
export type PublicTextFlag = (typeof PUBLIC_TEXT_FLAGS)[number];

export interface PublicTextFinding {
  readonly flag: PublicTextFlag;
  /** the piece of text that raised the flag */
  readonly match: string;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const PHONES = [
  // +7 (917) 555-12-34, 8 917 555 12 34, 8-800-100-00-00, +7 85593 2-22-22
  /(?<![\p{L}\p{N}])(?:\+7|8)[\s\-()]*\d{3,5}[\s\-()]*\d{1,3}[\s\-()]*\d{2}[\s\-()]*\d{2}(?!\d)/gu,
  // any international number: + and at least ten digits
  /\+\d(?:[\s\-()]*\d){9,13}(?!\d)/gu,
  // 89175551234
  /(?<!\d)[78]\d{10}(?!\d)/gu,
  // a local number: 2-22-22, 555-12-34 (a date is written 12.03.2024 or 2024-03-12, never so)
  /(?<![\d.\-–])(?:\d|\d{3})-\d{2}-\d{2}(?![\d.\-–])/gu,
];

const RU_FIRST_NAMES =
  'александр саша шура алексей лёша леша андрей антон артём артем борис вадим василий вася виктор владимир вова володя владислав влад дмитрий дима евгений женя иван ваня игорь илья кирилл максим макс михаил миша никита николай коля олег павел паша пётр петр петя роман рома сергей серёжа сережа степан стёпа тимофей фёдор федор федя юрий юра ярослав егор матвей даниил данил даня денис глеб арсений марк лев георгий гоша григорий гриша константин костя леонид семён семен станислав стас анна аня анастасия настя алина алёна алена валерия лера вера виктория вика дарья даша екатерина катя елена лена ирина ира ксения ксюша мария маша марина надежда надя наталья наташа ольга оля полина светлана света софья софия соня татьяна таня юлия юля ева ульяна варвара варя кристина елизавета лиза арина милана василиса таисия вероника галина людмила любовь люба александра';
const TT_FIRST_NAMES =
  'айгуль айгөл алсу гульнара гөлнара гульназ гөлназ динара ильдар илдар ильназ ильнур рамиль рамил радик ринат рустам фарид айдар азат булат ленар марат наиль наил раиль тимур альберт айрат зульфия ляйсан ләйсән лилия резеда гузель гүзәл эльвира миляуша миләүшә алия камиля карина аделина амир карим самир салават ислам камиль данияр инсаф фаниль рафаэль айназ алмаз ильмир ильсур ильшат нияз раиль рузаль фанис хасан габдулла зиля ильсия лейсан алмира аделя айсылу чулпан чулпан розалия регина диляра асия';
const EN_FIRST_NAMES =
  'john james robert michael william david richard joseph thomas charles peter paul mark george jack harry oliver mary anna emma olivia sophia emily sarah jessica elizabeth kate alice susan helen linda maria ivan petya pyotr dmitry sergey olga tatiana';

const FIRST_NAMES = new Set(`${RU_FIRST_NAMES} ${TT_FIRST_NAMES} ${EN_FIRST_NAMES}`.split(/\s+/));

/** A capitalised word: Cyrillic (with the Tatar letters) or Latin, optionally hyphenated. */
const WORD = String.raw`[А-ЯЁӘӨҮҖҢҺA-Z][а-яёәөүҗңһa-z]+(?:-[А-ЯЁӘӨҮҖҢҺA-Z][а-яёәөүҗңһa-z]+)?`;
const INITIAL = String.raw`[А-ЯЁA-Z]\.`;
const SURNAME_END =
  /(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ский|ская|цкий|цкая|енко|ук|юк|ov|ova|ev|eva|in|ina|sky|skaya)(?:а|у|ым|ой|ом|е|ых|ого|ому)?$/u;
/** Words after which a name is a street, a place or an organisation's honorific name, not a person to protect. */
const MARKER_BEFORE =
  /(?:^|[\s(«"])(?:им|имени|ул|улица|улице|пр|просп|проспект|пер|переулок|бульвар|б-р|пл|площадь|г|с|д|пгт|пос|посёлок|р-н|район|музей|памятник|исемендәге|урамы)\.?\s*$/iu;

/** A first name in any case (Пете → Петя, Ивану → Иван, Мариной → Марина). */
function isFirstName(word: string): boolean {
  const w = word.toLowerCase();
  if (FIRST_NAMES.has(w)) return true;
  for (const cut of [1, 2, 3])
    for (const end of ['', 'а', 'я', 'й', 'ь'])
      if (w.length - cut >= 3 && FIRST_NAMES.has(w.slice(0, w.length - cut) + end)) return true;
  return false;
}
const isSurnameLike = (word: string): boolean => SURNAME_END.test(word.split('-').pop() ?? '');
const isPatronymic = (word: string): boolean => /(?:вич|вна|ична|ьич|vich|vna)(?:а|у|ем|ой|е)?$/u.test(word);

const afterMarker = (text: string, index: number): boolean => MARKER_BEFORE.test(text.slice(0, index));

// Compiled once (a `u` regular expression is costly to build; the screen runs for every activity a page shows).
// `matchAll` works on a copy of a global expression, and `PAIR` is only used through `exec` from a set `lastIndex`.
const PAIR = new RegExp(String.raw`(?<![\p{L}])(${WORD})\s+(${WORD})(?![\p{L}])`, 'gu');
const TATAR_PATRONYMIC = new RegExp(String.raw`(?<![\p{L}])(${WORD})\s+(?:улы|кызы)(?![\p{L}])`, 'gu');
const INITIALS_FIRST = new RegExp(String.raw`(?<![\p{L}])(${INITIAL})\s?(${INITIAL})?\s?(${WORD})(?![\p{L}])`, 'gu');
const INITIALS_AFTER = new RegExp(String.raw`(?<![\p{L}])(${WORD})\s(${INITIAL})\s?(${INITIAL})?`, 'gu');

function personNames(text: string): string[] {
  const out: string[] = [];
  const add = (re: RegExp, accept: (m: RegExpExecArray) => boolean) => {
    for (const m of text.matchAll(re)) if (!afterMarker(text, m.index ?? 0) && accept(m)) out.push(m[0]);
  };
  const pair = PAIR;
  // «Иванов Петя», «Петя Иванов», «Гульнара Хасанова», «John Smith», «Иван Петрович», «Ильдар Рамил улы»
  for (let i = 0; i < text.length; ) {
    pair.lastIndex = i;
    const m = pair.exec(text);
    if (!m) break;
    const [a, b] = [m[1] as string, m[2] as string];
    const person =
      (isFirstName(a) && (isSurnameLike(b) || isPatronymic(b) || /^[A-Z]/.test(b))) ||
      (isFirstName(b) && isSurnameLike(a)) ||
      isPatronymic(b);
    if (person && !afterMarker(text, m.index)) out.push(m[0]);
    // step one word on, so «Победитель Иванов Петя» still pairs «Иванов Петя»
    i = m.index + a.length + 1;
  }
  add(TATAR_PATRONYMIC, () => true);
  // «И.И. Иванов», «Иванов И.И.», «И. Иванов», «Иванов И.»
  add(INITIALS_FIRST, (m) => !!m[2] || isSurnameLike(m[3] as string));
  add(INITIALS_AFTER, (m) => !!m[3] || isSurnameLike(m[1] as string));
  return out;
}

/** «8Б», «11 «А»», «8-б», «9 А»: a class of a school, which beside a name points at one child. */
const CLASS =
  /(?<![\p{L}\p{N}])(?:[1-9]|1[01])(?:[А-ЯЁа-яёA-Z]|\s?[-–]?\s?[«"][А-ЯЁа-яё]["»]|\s?[-–]\s?[А-ЯЁа-яё]|\s[А-ЯЁ])(?![\p{L}\p{N}])/gu;
const NAME_WORD = new RegExp(String.raw`(?<![\p{L}])${WORD}(?![\p{L}])`, 'gu');

function classesNextToNames(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(CLASS)) {
    const start = m.index ?? 0;
    const from = Math.max(0, start - 30);
    const window = text.slice(from, start + m[0].length + 30);
    const named = [...window.matchAll(NAME_WORD)].some(
      (w) =>
        (isFirstName(w[0]) || isSurnameLike(w[0])) &&
        !afterMarker(text, from + (w.index ?? 0)) &&
        !/^[«"]/.test(text.slice(from + (w.index ?? 0) - 1)),
    );
    if (named) out.push(m[0]);
  }
  return out;
}

const NOTHING_FOUND: readonly PublicTextFinding[] = Object.freeze([]);

/**
 * What in `text` should not go public without the school's confirmation; empty when nothing is found. The findings
 * are frozen and depend on the text alone, so a caller may keep them for a text it screens again (the API does).
 */
export function screenPublicText(text: string | null | undefined): readonly PublicTextFinding[] {
  return text ? screen(text) : NOTHING_FOUND;
}

/** How a text is screened: `screenPublicText`, or a caller's remembering wrapper of it. */
export type PublicTextScreen = (text: string | null | undefined) => readonly PublicTextFinding[];

function screen(text: string): readonly PublicTextFinding[] {
  const found: PublicTextFinding[] = [];
  const emails = [...text.matchAll(EMAIL)].map((m) => m[0]);
  emails.forEach((match) => found.push({ flag: 'email', match }));
  const rest = emails.reduce((t, e) => t.replace(e, ' '), text);
  const phones = new Set(PHONES.flatMap((re) => [...rest.matchAll(re)].map((m) => m[0].trim())));
  phones.forEach((match) => found.push({ flag: 'phone', match }));
  new Set(personNames(rest)).forEach((match) => found.push({ flag: 'person_name', match }));
  new Set(classesNextToNames(rest)).forEach((match) => found.push({ flag: 'class_with_name', match }));
  return found.length ? Object.freeze(found.map((f) => Object.freeze(f))) : NOTHING_FOUND;
}

/** The public text fields of an activity. */
export const PUBLIC_ACTIVITY_TEXT_FIELDS = ['title', 'venue', 'result'] as const;
export type PublicActivityTextField = (typeof PUBLIC_ACTIVITY_TEXT_FIELDS)[number];

export interface PublicTextFieldFlag {
  readonly field: PublicActivityTextField;
  readonly flags: readonly PublicTextFlag[];
}

/** The fields of an activity whose text is flagged, each with its kinds of finding (in the order of the lists). */
export function screenActivityText(
  activity: Readonly<Record<PublicActivityTextField, string | null | undefined>>,
  screenText: PublicTextScreen = screenPublicText,
): readonly PublicTextFieldFlag[] {
  return PUBLIC_ACTIVITY_TEXT_FIELDS.flatMap((field) => {
    const kinds = new Set(screenText(activity[field]).map((f) => f.flag));
    return kinds.size ? [{ field, flags: PUBLIC_TEXT_FLAGS.filter((k) => kinds.has(k)) }] : [];
  });
}

/**
 * What of an activity's text may go public: a flagged field is withheld (`null`) until the school confirms the
 * text (`confirmed`), or edits it so that nothing is flagged.
 */
export function publishableActivityText<T extends Readonly<Record<PublicActivityTextField, string | null | undefined>>>(
  activity: T,
  confirmed: boolean,
  screenText: PublicTextScreen = screenPublicText,
): Record<PublicActivityTextField, string | null> {
  const flagged = new Set(confirmed ? [] : screenActivityText(activity, screenText).map((f) => f.field));
  return {
    title: flagged.has('title') ? null : (activity.title ?? null),
    venue: flagged.has('venue') ? null : (activity.venue ?? null),
    result: flagged.has('result') ? null : (activity.result ?? null),
  };
}
