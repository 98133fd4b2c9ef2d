import ExcelJS from 'exceljs';

import { newPlan, orgIds } from './fixtures';
import { bootApp, TestApp } from './harness';

/** Windows-1251 bytes of a text (Cyrillic letters, «», №, Ёё and ASCII), written here independently of the importer. */
function cp1251(text: string): Buffer {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c < 0x80) out.push(c);
    else if (c >= 0x410 && c <= 0x44f) out.push(c - 0x410 + 0xc0);
    else if (ch === 'Ё') out.push(0xa8);
    else if (ch === 'ё') out.push(0xb8);
    else if (ch === '«') out.push(0xab);
    else if (ch === '»') out.push(0xbb);
    else if (ch === '№') out.push(0xb9);
    else throw new Error(`no Windows-1251 byte for ${ch}`);
  }
  return Buffer.from(out);
}

const CSV = 'text/csv';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const lines = (...rows: string[]) => rows.join('\r\n') + '\r\n';

const AGREEMENT_HEADER =
  'Номер;Вид соглашения;Школа;Социальный партнёр;Предмет;Цель;Направления;Дата начала;Дата окончания;' +
  'Автопролонгация;Срок уведомления, дней;Обязательства школы;Обязательства партнёра';
const agreementRow = (number: string, over: Partial<Record<'partner' | 'startsOn' | 'subject', string>> = {}) =>
  [
    number,
    'Соглашение о сотрудничестве',
    'Уруссинская гимназия',
    over.partner ?? 'Завод «Тапарт»',
    over.subject ?? 'Профориентация обучающихся',
    'Профессиональное самоопределение',
    'career_guidance',
    over.startsOn ?? '01.09.2025',
    '31.08.2026',
    'нет',
    '30',
    'Формировать группы',
    '"Проводить экскурсии;\nНазначить наставника"',
  ].join(';');

describe('Spreadsheet import (POST /imports/{kind}, GET /imports/{kind}/template)', () => {
  let t: TestApp;
  let coord: string;
  let school: string;
  let partner: string;
  let ids: Record<string, string> = {};
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const send = (kind: string, body: Buffer | string, type = CSV, dryRun?: boolean, token = coord) =>
    t.http
      .post(`/api/v1/imports/${kind}${dryRun === undefined ? '' : `?dryRun=${dryRun}`}`)
      .set(auth(token))
      .set('Content-Type', type)
      .send(Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'));
  const total = async (path: string) => (await t.http.get(`/api/v1${path}`).set(auth(coord))).body.total as number;

  beforeAll(async () => {
    t = await bootApp();
    coord = await t.as('coordinator');
    school = await t.as('school_admin');
    partner = await t.as('partner_rep');
    ids = await orgIds(t);
  });
  afterAll(() => t.close());

  describe('templates', () => {
    it('gives the Russian header row as a ;-separated CSV with a UTF-8 BOM', async () => {
      const res = await t.http.get('/api/v1/imports/agreements/template').set(auth(coord)).buffer(true);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.text.charCodeAt(0)).toBe(0xfeff);
      expect(res.text.slice(1)).toBe(AGREEMENT_HEADER + '\r\n');
    });

    it('gives English headers with ?lang=en, and the report’s column names where they exist', async () => {
      const en = await t.http.get('/api/v1/imports/enrolment/template?lang=en').set(auth(school)).buffer(true);
      expect(en.status).toBe(200);
      expect(en.text.slice(1).split(';').slice(0, 3)).toEqual(['School', 'Academic year', 'Grade 1']);
      const ru = await t.http.get('/api/v1/imports/activities/template').set(auth(coord)).buffer(true);
      expect(ru.text).toContain('Форма проведения;Социальный партнёр;Дата;');
      expect(ru.text).toContain('Планируемое число участников;Академические часы');
    });

    it('answers 404 for an unknown kind and 403 for a kind or role that may not import', async () => {
      const unknown = await t.http.get('/api/v1/imports/pupils/template').set(auth(coord));
      expect([unknown.status, unknown.body.rule]).toEqual([404, 'import.kind.unknown']);
      const orgs = await t.http.get('/api/v1/imports/organisations/template').set(auth(school));
      expect([orgs.status, orgs.body.rule]).toEqual([403, 'import.kind.forbidden']);
      const byPartner = await t.http.get('/api/v1/imports/agreements/template').set(auth(partner));
      expect(byPartner.status).toBe(403);
    });
  });

  describe('agreements: good and bad rows', () => {
    const file = lines(
      AGREEMENT_HEADER,
      agreementRow('ИМП-1'),
      agreementRow('ИМП-2', { startsOn: '31.02.2025' }),
      agreementRow('ИМП-3', { partner: 'ООО «Несуществующий партнёр»' }),
      agreementRow('ИМП-1'),
      agreementRow('ИМП-5', { subject: '=1+2' }),
      agreementRow('ИМП-6'),
    );

    it('lists each bad row in a dry run and stores nothing', async () => {
      const before = await total('/agreements?limit=1');
      const res = await send('agreements', file);
      expect(res.status).toBe(200);
      expect(res.body.rows).toBe(6);
      expect(res.body.created).toBe(0);
      expect(
        res.body.errors.map((e: { row: number; column: string; rule: string }) => [e.row, e.column, e.rule]),
      ).toEqual([
        [3, 'Дата начала', 'import.cell.date'],
        [4, 'Социальный партнёр', 'import.reference.unknown'],
        [5, 'Номер', 'import.duplicate'],
        [6, 'Предмет', 'import.cell.formula'],
      ]);
      for (const e of res.body.errors) expect(e.message).toEqual(expect.any(String));
      expect(await total('/agreements?limit=1')).toBe(before);
    });

    it('refuses the whole real run with 422 import.rows-invalid when any row is bad, storing nothing', async () => {
      const before = await total('/agreements?limit=1');
      const audits = await total('/audit?objectType=agreements&limit=1');
      const res = await send('agreements', file, CSV, false);
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({
        statusCode: 422,
        error: 'Unprocessable Entity',
        rule: 'import.rows-invalid',
        rows: 6,
        created: 0,
      });
      expect(res.body.errors).toHaveLength(4);
      expect(res.body.details[0]).toEqual({
        field: '3:Дата начала',
        rule: 'import.cell.date',
        message: expect.any(String),
      });
      expect(await total('/agreements?limit=1')).toBe(before);
      expect(await total('/audit?objectType=agreements&limit=1')).toBe(audits);
    });

    it('stores every row of a clean file in one go, with one audit entry, and then refuses the same numbers again', async () => {
      const clean = lines(AGREEMENT_HEADER, agreementRow('ИМП-1'), agreementRow('ИМП-6'));
      const before = await total('/agreements?limit=1');
      const res = await send('agreements', clean, CSV, false);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ rows: 2, created: 2, errors: [] });
      expect(await total('/agreements?limit=1')).toBe(before + 2);
      const list = await t.http.get('/api/v1/agreements?q=ИМП-6&limit=10').set(auth(coord));
      expect(list.body.items[0]).toMatchObject({
        number: 'ИМП-6',
        kind: 'cooperation',
        schoolId: ids['urussu-gymnasium'],
        partnerId: ids['tapart'],
        startsOn: '2025-09-01',
        endsOn: '2026-08-31',
        obligations: [
          { party: 'school', text: 'Формировать группы' },
          { party: 'partner', text: 'Проводить экскурсии' },
          { party: 'partner', text: 'Назначить наставника' },
        ],
      });
      const audit = await t.http.get('/api/v1/audit?objectType=agreements&limit=10').set(auth(coord));
      expect(audit.body.items.filter((a: { action: string }) => a.action === 'import')).toHaveLength(1);
      expect(audit.body.items[0].after).toMatchObject({ kind: 'agreements', rows: 2, created: 2 });

      const again = await send('agreements', clean, CSV, false);
      expect(again.status).toBe(422);
      expect(again.body.errors.map((e: { row: number; rule: string }) => [e.row, e.rule])).toEqual([
        [2, 'import.duplicate'],
        [3, 'import.duplicate'],
      ]);
      expect(await total('/agreements?limit=1')).toBe(before + 2);
    });

    it('applies the agreement’s own domain rules to each row (an agreement needs obligations of both parties)', async () => {
      const row = agreementRow('ИМП-9').replace('"Проводить экскурсии;\nНазначить наставника"', '');
      const res = await send('agreements', lines(AGREEMENT_HEADER, row));
      expect(res.status).toBe(200);
      expect(res.body.errors).toEqual([
        expect.objectContaining({ row: 2, rule: 'agreement.obligations.both-parties' }),
      ]);
    });

    it('lets a school administrator import only its own school’s agreements (another school’s row is import.forbidden)', async () => {
      const other = agreementRow('ИМП-10').replace('Уруссинская гимназия', 'Ютазинская школа');
      const res = await send('agreements', lines(AGREEMENT_HEADER, agreementRow('ИМП-11'), other), CSV, true, school);
      expect(res.status).toBe(200);
      expect(res.body.errors.map((e: { row: number; rule: string }) => [e.row, e.rule])).toEqual([
        [3, 'import.forbidden'],
      ]);
    });
  });

  describe('the file', () => {
    it('reads a Windows-1251 CSV with a comma separator (labour needs)', async () => {
      const before = await total('/labour-needs?limit=1');
      const text = lines(
        'Профессия,Отрасль,Потребность,Учебный год,Источник,Работодатель',
        'Токарь,Машиностроение,4,2025-2026,Заявка «Тапарт» №12,Завод «Тапарт»',
        'Оператор элеватора,Сельское хозяйство,2,2025-2026,,Ютазинский элеватор',
      );
      const res = await send('labour-needs', cp1251(text), 'text/csv; charset=windows-1251', false);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ rows: 2, created: 2, errors: [] });
      expect(await total('/labour-needs?limit=1')).toBe(before + 2);
      const list = await t.http.get('/api/v1/labour-needs?q=Токарь&limit=10').set(auth(coord));
      expect(list.body.items[0]).toMatchObject({
        profession: 'Токарь',
        sector: 'Машиностроение',
        source: 'Заявка «Тапарт» №12',
        employerId: ids['tapart'],
      });
    });

    it('reads a UTF-8 CSV with a BOM and English headers', async () => {
      const text = '\ufeff' + lines('Profession;Sector;Demand;Academic year', 'Сварщик;Строительство;3;2025-2026');
      const res = await send('labour-needs', text);
      expect(res.body).toEqual({ rows: 1, created: 0, errors: [] });
    });

    it('takes the file from a multipart form too, and headers named by field (schoolSlug, partner, directionCodes)', async () => {
      const text = lines(
        'number,kind,schoolSlug,partner,goal,directionCodes,startsOn,schoolObligations,partnerObligations',
        'ФОРМА-1,cooperation,urussu-gymnasium,tapart,Цель,"career_guidance, culture",2025-09-01,Группы,Экскурсии',
      );
      const res = await t.http
        .post('/api/v1/imports/agreements?dryRun=true')
        .set(auth(coord))
        .attach('file', Buffer.from(text, 'utf8'), { filename: 'agreements.csv', contentType: 'text/csv' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ rows: 1, created: 0, errors: [] });
    });

    it('names a required column missing from the header (400 import.header.missing)', async () => {
      const res = await send('labour-needs', lines('Профессия;Отрасль;Учебный год', 'Токарь;Машиностроение;2025-2026'));
      expect(res.status).toBe(400);
      expect(res.body.rule).toBe('import.header.missing');
      expect(res.body.details[0].field).toBe('Потребность');
    });

    it('refuses an empty body (400), an unknown kind (404), a partner representative (403)', async () => {
      const empty = await send('labour-needs', Buffer.alloc(0));
      expect([empty.status, empty.body.rule]).toEqual([400, 'import.file.empty']);
      const unknown = await send('pupils', lines('a;b', '1;2'));
      expect([unknown.status, unknown.body.rule]).toEqual([404, 'import.kind.unknown']);
      const byPartner = await send('enrolment', lines('Школа;Учебный год'), CSV, true, partner);
      expect(byPartner.status).toBe(403);
      const orgsBySchool = await send('organisations', lines('Тип организации'), CSV, true, school);
      expect([orgsBySchool.status, orgsBySchool.body.rule]).toEqual([403, 'import.kind.forbidden']);
    });

    it('refuses more than 10,000 rows (422 import.too-many-rows) and more than 5 MB (413)', async () => {
      const many = ['Профессия;Отрасль;Потребность;Учебный год'];
      for (let i = 0; i < 10001; i++) many.push(`Профессия ${i};Отрасль;1;2025-2026`);
      const res = await send('labour-needs', lines(...many));
      expect([res.status, res.body.rule]).toEqual([422, 'import.too-many-rows']);
      const big = await send('labour-needs', Buffer.alloc(5 * 1024 * 1024 + 10, 0x41));
      expect(big.status).toBe(413);
      expect(big.body.statusCode).toBe(413);
    });
  });

  describe('organisations', () => {
    it('refuses a slug taken in the file or in the database, and a partner without its type', async () => {
      const before = await total('/organisations?limit=1');
      const res = await send(
        'organisations',
        lines(
          'Тип организации;Полное наименование;Краткое наименование;Адрес страницы (slug);Тип партнёра;Сайт',
          'Социальный партнёр;ООО «Агрофирма Ютаза»;Агрофирма;agrofirma-yutaza;Работодатель;https://agro.example.org',
          'partner;АО «Вторая агрофирма»;Вторая агрофирма;agrofirma-yutaza;employer;',
          'school;Гимназия-дубликат;Дубликат;urussu-gymnasium;;',
          'partner;Клуб без типа;Клуб;club-bez-tipa;;',
          '  @school;Школа формулой;Школа;formula-school;;',
        ),
        CSV,
        false,
      );
      expect(res.status).toBe(422);
      expect(
        res.body.errors.map((e: { row: number; column: string; rule: string }) => [e.row, e.column, e.rule]),
      ).toEqual([
        [3, 'Адрес страницы (slug)', 'import.duplicate'],
        [4, 'Адрес страницы (slug)', 'import.duplicate'],
        [5, 'Тип партнёра', 'organisation.partner-type.required'],
        [6, 'Тип организации', 'import.cell.formula'],
      ]);
      expect(await total('/organisations?limit=1')).toBe(before);
    });

    it('takes the language of e-mails as a code or a language named in any language, and refuses another', async () => {
      const header =
        'Тип организации;Полное наименование;Краткое наименование;Адрес страницы (slug);Тип партнёра;Язык писем';
      const bad = await send(
        'organisations',
        lines(header, 'partner;Клуб «Немецкий»;Клуб;club-deutsch;ngo;немецкий'),
        CSV,
        true,
      );
      expect(bad.body.errors).toEqual([expect.objectContaining({ row: 2, column: 'Язык писем' })]);
      const res = await send(
        'organisations',
        lines(
          header,
          'partner;Центр «Татар теле»;Центр татарского;centr-tatar;ngo;татарский',
          'partner;Центр «Инглиш»;Центр английского;centr-english;ngo;en',
          'partner;Центр без языка;Центр;centr-bez-yazyka;ngo;',
        ),
        CSV,
        false,
      );
      expect(res.body).toMatchObject({ rows: 3, created: 3, errors: [] });
      const orgs = (await t.http.get('/api/v1/organisations?limit=100').set(auth(coord))).body.items as {
        slug: string;
        language: string | null;
      }[];
      const languageOf = (slug: string) => orgs.find((o) => o.slug === slug)?.language;
      expect([languageOf('centr-tatar'), languageOf('centr-english'), languageOf('centr-bez-yazyka')]).toEqual([
        'tt',
        'en',
        null,
      ]);
    });
  });

  describe('activities', () => {
    let planId = '';
    beforeAll(async () => {
      planId = await newPlan(
        t,
        { organisationId: ids['urussu-gymnasium'], academicYear: '2024-2025', agreementId: null, title: 'План' },
        'coordinator',
      );
    });
    const header =
      'Школа,Учебный год,Название,Направление,Форма проведения,Социальный партнёр,Дата,Дата окончания,' +
      'Место проведения,Классы,Планируемое число участников,Академические часы,Публиковать';

    it('puts each row into the school’s plan of the year through the activity rules', async () => {
      const file = lines(
        header,
        'urussu-gymnasium,2024-2025,Экскурсия на завод,career_guidance,Экскурсия,tapart,15.10.2024,,"Цех №1, ""Тапарт""\nпгт Уруссу","9, 10",25,"2,5",да',
        'Уруссинская гимназия,2024-2025,Встреча вне года,career_guidance,excursion,,15.10.2025,,,9,10,1,нет',
        'Уруссинская гимназия,2023-2024,Без плана,career_guidance,excursion,,15.10.2023,,,9,10,1,нет',
        'Уруссинская гимназия,2024-2025,Минус пять участников,career_guidance,excursion,,16.10.2024,,,9,-5,1,нет',
        'Уруссинская гимназия,2024-2025,-5 участников,career_guidance,excursion,,16.10.2024,,,9,5,1,нет',
      );
      const dry = await send('activities', file);
      expect(dry.status).toBe(200);
      expect(
        dry.body.errors.map((e: { row: number; column: string; rule: string }) => [e.row, e.column, e.rule]),
      ).toEqual([
        [3, 'Дата', 'activity.outside-plan-year'],
        [4, 'Учебный год', 'import.reference.unknown'],
        [5, 'Планируемое число участников', 'import.cell.invalid'],
        [6, 'Название', 'import.cell.formula'],
      ]);
      // the first data row spans two lines of the file (a quoted line break): it stays one spreadsheet row
      const res = await send('activities', lines(header, file.split('\r\n')[1] as string), CSV, false);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ rows: 1, created: 1, errors: [] });
      const list = await t.http.get(`/api/v1/plans/${planId}/activities`).set(auth(coord));
      expect(list.body.items).toHaveLength(1);
      expect(list.body.items[0]).toMatchObject({
        title: 'Экскурсия на завод',
        form: 'excursion',
        partnerId: ids['tapart'],
        startsOn: '2024-10-15',
        endsOn: '2024-10-15',
        venue: 'Цех №1, "Тапарт"\nпгт Уруссу',
        targetGrades: [9, 10],
        plannedParticipants: 25,
        hours: 2.5,
        isPublic: true,
      });
    });
  });

  describe('enrolment from an XLSX file', () => {
    const workbook = async (rows: (string | number | Date | { formula: string })[][]) => {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('Контингент');
      sheet.addRow([
        'Школа',
        'Учебный год',
        ...Array.from({ length: 11 }, (_, i) => `${i + 1} класс`),
        'Возраст 14 лет',
      ]);
      for (const r of rows) sheet.addRow(r);
      return Buffer.from(await book.xlsx.writeBuffer());
    };

    it('reads the first sheet, refuses a formula cell, and stores a clean file', async () => {
      const bad = await workbook([
        ['Уруссинская гимназия', '2024-2025', 70, 72, 75, 71, 74, 73, 70, 69, 68, 40, 38, 60],
        ['Ютазинская школа', '2024-2025', { formula: 'SUM(1,2)' }, 20],
        ['Завод «Тапарт»', '2024-2025', 1],
      ]);
      const dry = await send('enrolment', bad, XLSX);
      expect(dry.status).toBe(200);
      expect(
        dry.body.errors.map((e: { row: number; column: string; rule: string }) => [e.row, e.column, e.rule]),
      ).toEqual([
        [3, '1 класс', 'import.cell.formula'],
        [4, 'Школа', 'import.reference.unknown'],
      ]);
      const clean = await workbook([
        ['Уруссинская гимназия', '2024-2025', 70, 72, 75, 71, 74, 73, 70, 69, 68, 40, 38, 60],
      ]);
      const res = await send('enrolment', clean, XLSX, false, school);
      expect(res.body).toEqual({ rows: 1, created: 1, errors: [] });
      const list = await t.http.get('/api/v1/enrolment?academicYear=2024-2025').set(auth(coord));
      expect(list.body.items).toEqual([
        expect.objectContaining({
          organisationId: ids['urussu-gymnasium'],
          pupilsByGrade: {
            '1': 70,
            '2': 72,
            '3': 75,
            '4': 71,
            '5': 74,
            '6': 73,
            '7': 70,
            '8': 69,
            '9': 68,
            '10': 40,
            '11': 38,
          },
          aged14: 60,
          total: 720,
        }),
      ]);
    });
  });
});
