/**
 * Fills a database with a synthetic region of any size, reproducible from a seed:
 *   node -r @swc-node/register tools/bench/generate-region.ts --schools 1500 --seed 42 --db sqlite:tmp/bench/region.sqlite
 * Shape per school: ~10 partners (shared across the region), ~3 agreements, one plan per academic year,
 * ~67 activities a year over three years, ~8 placements a year; 20 documents sent to every school.
 * Organisation names are synthetic («Школа № N»); no persons.
 */
import { DatabaseTarget, ormOptions } from '@socium/api-persistence';
import {
  ACTIVITY_FORMS,
  AGREEMENT_KINDS,
  DEFAULT_DIRECTION_CODES,
  DEFAULT_TERM_SCHEME,
  MAX_GRADE,
  MIN_GRADE,
  PARTNER_TYPES,
  PLACEMENT_CHANNELS,
  PROFMINIMUM_LEVELS,
  RecipientState,
  STANDARD_TERM_SCHEMES,
  UNACKNOWLEDGED_STATES,
} from '@socium/domain';

import { MikroORM } from '@mikro-orm/core';
import type { Knex } from 'knex';

export interface GenerateOptions {
  schools: number;
  seed: number;
  db: string;
  activitiesPerSchoolYear?: number;
  quiet?: boolean;
}

const YEARS = ['2023-2024', '2024-2025', '2025-2026'];
/** the year the API's clock is in when the benchmarks run (an organisation's level is read from it) */
const CURRENT_YEAR = '2026-2027';
const PROFESSIONS = [
  'Оператор станков с ЧПУ',
  'Слесарь-ремонтник',
  'Электромонтёр',
  'Повар',
  'Медицинская сестра',
  'Учитель',
  'Тракторист-машинист',
  'Программист',
  'Сварщик',
  'Бухгалтер',
];

export function target(db: string): DatabaseTarget {
  return /^postgres(ql)?:\/\//.test(db)
    ? { driver: 'postgresql', url: db }
    : { driver: 'sqlite', path: db.replace(/^sqlite:/, '') };
}

/** mulberry32: a small deterministic PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function generateRegion(o: GenerateOptions): Promise<{ rows: Record<string, number> }> {
  const rand = prng(o.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  let counter = 0;
  const id = () => `00000000-0000-4000-8000-${(++counter).toString(16).padStart(12, '0')}`;
  const now = '2026-11-28T00:00:00.000Z';
  const stamp = { version: 1, created_at: now, updated_at: now };

  const orm = await MikroORM.init(await ormOptions(target(o.db)));
  await orm.getMigrator().up();
  const knex = (orm.em as unknown as { getKnex(): Knex }).getKnex();
  const isPg = target(o.db).driver === 'postgresql';
  if (!isPg) await knex.raw('PRAGMA synchronous = OFF');
  for (const t of [
    'audit_entry',
    'document_recipient',
    'document',
    'placement',
    'labour_need',
    'activity',
    'plan',
    'agreement',
    'refresh_token',
    'app_user',
    'organisation',
    'direction',
  ])
    await knex(t).del();

  const rows: Record<string, number> = {};
  const buffers: Record<string, Record<string, unknown>[]> = {};
  const chunk = isPg ? 2000 : 500;
  const flush = async (table: string, force = false) => {
    const buf = buffers[table] ?? [];
    if (buf.length && (force || buf.length >= chunk)) {
      await knex.batchInsert(
        table,
        buf,
        isPg
          ? Math.floor(60000 / Object.keys(buf[0] as object).length)
          : Math.floor(30000 / Object.keys(buf[0] as object).length),
      );
      rows[table] = (rows[table] ?? 0) + buf.length;
      buffers[table] = [];
    }
  };
  const add = async (table: string, row: Record<string, unknown>) => {
    (buffers[table] ??= []).push(row);
    await flush(table);
  };
  const json = (v: unknown) => JSON.stringify(v);

  const directionIds: Record<string, string> = {};
  for (const code of DEFAULT_DIRECTION_CODES) {
    directionIds[code] = id();
    await add('direction', { id: directionIds[code], code, name: code, ...stamp });
  }
  const deptId = id();
  await add('organisation', {
    id: deptId,
    kind: 'department',
    name: 'Управление образования (синтетическое)',
    short_name: 'Управление образования',
    slug: 'department',
    partner_type: null,
    address: null,
    site: null,
    contacts: json([]),
    is_published: true,
    term_scheme: DEFAULT_TERM_SCHEME,
    enrolment: null,
    ...stamp,
  });
  const partnerCount = Math.max(5, o.schools * 10);
  const partners: { id: string; type: string }[] = [];
  for (let i = 1; i <= partnerCount; i++) {
    const p = { id: id(), type: pick(PARTNER_TYPES) };
    partners.push(p);
    await add('organisation', {
      id: p.id,
      kind: 'partner',
      name: `Партнёр № ${i}`,
      short_name: `Партнёр ${i}`,
      slug: `partner-${i}`,
      partner_type: p.type,
      address: null,
      site: null,
      contacts: json([]),
      is_published: true,
      term_scheme: DEFAULT_TERM_SCHEME,
      enrolment: null,
      ...stamp,
    });
  }
  const perYear = o.activitiesPerSchoolYear ?? 67;
  const docIds: { id: string; issued: string; due: string }[] = [];
  for (let d = 1; d <= 20; d++) {
    const issued = `2025-${String(1 + (d % 12)).padStart(2, '0')}-10`;
    const doc = { id: id(), issued, due: issued.replace(/-10$/, '-25') };
    docIds.push(doc);
    await add('document', {
      id: doc.id,
      number: `СИН-${d}`,
      title: `Синтетический документ ${d}`,
      issued_on: issued,
      summary: '',
      due_on: doc.due,
      is_public: d % 4 === 0,
      ...stamp,
    });
  }
  for (const year of YEARS)
    for (const p of PROFESSIONS)
      await add('labour_need', {
        id: id(),
        profession: p,
        sector: 'Синтетический',
        demand: int(1, 20),
        academic_year: year,
        source: 'ЦЗН',
        employer_id: null,
        ...stamp,
      });

  const started = Date.now();
  for (let s = 1; s <= o.schools; s++) {
    const schoolId = id();
    const pupils = int(80, 1200);
    await add('organisation', {
      id: schoolId,
      kind: 'school',
      name: `Школа № ${s}`,
      short_name: `Школа ${s}`,
      slug: `school-${s}`,
      partner_type: null,
      address: null,
      site: null,
      contacts: json([]),
      is_published: true,
      term_scheme: pick(STANDARD_TERM_SCHEMES),
      enrolment: pupils,
      ...stamp,
    });
    // the профминимум level lives on each academic year's enrolment record (migration 0032), with its pupils
    const level = pick(PROFMINIMUM_LEVELS);
    const perGrade = Math.floor(pupils / 11);
    for (const year of [...YEARS, CURRENT_YEAR])
      await add('enrolment', {
        id: id(),
        organisation_id: schoolId,
        academic_year: year,
        pupils_by_grade: json(Object.fromEntries(Array.from({ length: 11 }, (_, g) => [String(g + 1), perGrade]))),
        aged14: perGrade,
        aged15: perGrade,
        aged16to17: 2 * perGrade,
        profminimum_level: level,
        ...stamp,
      });
    const mine = Array.from({ length: 10 }, () => pick(partners));
    for (let a = 0; a < 3; a++) {
      const start = `${2022 + a}-09-01`;
      await add('agreement', {
        id: id(),
        number: `С-${s}-${a}`,
        kind: pick(AGREEMENT_KINDS),
        school_id: schoolId,
        partner_id: (mine[a] as { id: string }).id,
        subject: 'Синтетическое соглашение',
        goal: 'Цель',
        direction_ids: json([directionIds['career_guidance']]),
        obligations: json([
          { party: 'school', text: 'a' },
          { party: 'partner', text: 'b' },
        ]),
        responsible_roles: json({ school: 'Зам. директора', partner: 'Руководитель' }),
        network_terms: null,
        starts_on: start,
        ends_on: a === 2 ? null : `${2025 + a}-08-31`,
        auto_renew: a === 0,
        notice_days: 30,
        signed_by_school_on: start,
        signed_by_partner_on: start,
        terminated_on: null,
        termination_reason: null,
        notice_given_on: null,
        scan_file_id: null,
        ...stamp,
      });
    }
    for (const year of YEARS) {
      const planId = id();
      const first = Number(year.slice(0, 4));
      await add('plan', {
        id: planId,
        organisation_id: schoolId,
        academic_year: year,
        agreement_id: null,
        title: 'План',
        status: 'approved',
        return_comment: null,
        submitted_on: `${first}-09-20`,
        approved_on: `${first}-09-30`,
        ...stamp,
      });
      for (let k = 0; k < perYear; k++) {
        const month = pick([9, 10, 11, 12, 1, 2, 3, 4, 5, 6]);
        const date = `${month >= 9 ? first : first + 1}-${String(month).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
        const status = rand() < 0.8 ? 'held' : rand() < 0.5 ? 'cancelled' : 'planned';
        const partner = rand() < 0.8 ? (pick(mine) as { id: string }).id : null;
        const direction = pick(DEFAULT_DIRECTION_CODES);
        const grades = [int(MIN_GRADE, MAX_GRADE)];
        if (rand() < 0.5) grades.push(Math.min(MAX_GRADE, (grades[0] as number) + 1));
        await add('activity', {
          id: id(),
          plan_id: planId,
          organisation_id: schoolId,
          academic_year: year,
          title: `Мероприятие ${k}`,
          direction_id: directionIds[direction],
          form: pick(ACTIVITY_FORMS),
          partner_id: partner,
          starts_on: date,
          ends_on: date,
          planned_starts_on: date,
          planned_ends_on: date,
          venue: '',
          target_grades: json([...new Set(grades)]),
          planned_participants: int(5, 60),
          hours: int(1, 4),
          is_public: rand() < 0.5,
          professions: json(direction === 'career_guidance' && rand() < 0.5 ? [pick(PROFESSIONS)] : []),
          description: '',
          status,
          held_on: status === 'held' ? date : null,
          actual_participants: status === 'held' ? int(3, 60) : null,
          result: status === 'held' ? 'Проведено' : null,
          evidence_links: json([]),
          cancel_reason: status === 'cancelled' ? 'Синтетическая причина' : null,
          ...stamp,
        });
      }
      for (let k = 0; k < 8; k++) {
        const y = first + 1;
        await add('placement', {
          id: id(),
          school_id: schoolId,
          employer_id: (pick(mine) as { id: string }).id,
          channel: pick(PLACEMENT_CHANNELS),
          kind: 'employment_contract',
          job_title: 'Подсобный рабочий',
          student_code: `S-${s}-${y}-${k}`,
          student_birth_date: `${y - int(14, 17)}-0${int(1, 9)}-15`,
          student_sex: rand() < 0.5 ? 'male' : 'female',
          starts_on: `${y}-06-15`,
          ends_on: `${y}-07-10`,
          work_days: json(['mon', 'tue', 'wed', 'thu', 'fri']),
          shift_starts_at: '09:00',
          shift_ends_at: '13:00',
          hours_per_day: 4,
          hours_per_week: 20,
          harmful: false,
          max_load_kg: null,
          load_mode: 'constant',
          parent_consent: true,
          guardianship_consent: false,
          medical_clearance_on: `${y}-06-01`,
          has_general_education: false,
          orphan: false,
          student_detachment: false,
          probation_clause: false,
          findings_count: rand() < 0.05 ? 1 : 0,
          ...stamp,
        });
      }
    }
    for (const doc of docIds) {
      const state = pick<RecipientState>(['sent', 'received', 'acknowledged', 'acknowledged', 'responded', 'closed']);
      await add('document_recipient', {
        id: id(),
        document_id: doc.id,
        organisation_id: schoolId,
        state,
        sent_on: doc.issued,
        received_on: state === 'sent' ? null : doc.issued,
        acknowledged_on: UNACKNOWLEDGED_STATES.includes(state) ? null : doc.due,
        acknowledged_by: null,
        responded_on: null,
        response: null,
        closed_on: null,
      });
    }
    if (!o.quiet && (s % Math.max(1, Math.floor(o.schools / 50)) === 0 || s === o.schools)) {
      const pct = Math.round((s / o.schools) * 100);
      const bar = '#'.repeat(Math.round(pct / 4)).padEnd(25, '.');
      process.stderr.write(
        `\r  [${bar}] ${pct}%  ${s}/${o.schools} schools  ${((Date.now() - started) / 1000).toFixed(0)} s`,
      );
    }
  }
  for (const t of Object.keys(buffers)) await flush(t, true);
  if (!o.quiet) process.stderr.write('\n');
  // After a bulk load, PostgreSQL's autovacuum would soon vacuum the tables (insert threshold) and set
  // their visibility map, which index-only scans need; do it now so the benchmark measures that steady state.
  if (isPg)
    await knex.raw(
      `VACUUM (ANALYZE) ${Object.keys(buffers)
        .map((t) => `"${t}"`)
        .join(', ')}`,
    );
  else await knex.raw('ANALYZE');
  await orm.close(true);
  return { rows };
}

if (require.main === module) {
  const arg = (name: string, def: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? (process.argv[i + 1] as string) : def;
  };
  generateRegion({
    schools: Number(arg('schools', '20')),
    seed: Number(arg('seed', '42')),
    db: arg('db', 'sqlite:tmp/bench/region.sqlite'),
  })
    .then((r) => console.log(JSON.stringify(r.rows)))
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
