import { AgreementRecord, DirectionRecord, OrganisationRecord, PlanRecord } from '@socium/api-persistence';
import {
  CreateActivityRequest,
  CreateAgreementRequest,
  CreateEnrolmentRequest,
  CreateLabourNeedRequest,
  CreateOrganisationRequest,
  Id,
  IMPORT_KINDS,
  type ImportKind,
  type ImportResult,
  type ImportRowError,
} from '@socium/contracts';
import { categoryOf, IMPORT_MAX_BYTES, IMPORT_RULES, type Message } from '@socium/domain';

import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';

import { AccessService } from '../access/access.service';
import { AgreementsService } from '../agreements/agreements.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/policy.decorator';
import { newId } from '../common/crud.support';
import { uniqueClash } from '../common/database-errors';
import { EnrolmentService } from '../enrolment/enrolment.service';
import { AppError, fail, forbidden, httpFailure } from '../http/app-error';
import { LabourNeedsService } from '../labour/labour-needs.service';
import { OrganisationsService } from '../organisations/organisations.service';
import { ActivitiesService } from '../plans/activities.service';
import { headerKey, IMPORT_COLUMNS, mapHeader, type Column } from './import-columns';
import { columnOfField, readRow, say, type Lang, type Lookups, type RowContext } from './import-rows';
import { fileOfBody, readSheet } from './spreadsheet-reader';

/** Thrown inside the import's transaction to roll it back (a dry run, or a real run with refused rows). */
class Rollback extends Error {}

const DUPLICATE_IN_FILE: Message = {
  ru: 'Повторяет строку {row} этого файла',
  en: 'Repeats row {row} of this file',
  tt: 'Бу файлның {row} юлын кабатлый',
};
const DUPLICATE_STORED: Message = {
  ru: 'Такая запись уже есть в системе',
  en: 'Such a record already exists',
  tt: 'Мондый язма системада бар инде',
};
const INVALID: Message = { ru: 'Недопустимое значение', en: 'Invalid value', tt: 'Рөхсәт ителмәгән кыйммәт' };
const NO_PLAN: Message = {
  ru: 'У школы нет плана на этот учебный год: сначала создайте план',
  en: 'The school has no plan for this academic year: create the plan first',
  tt: 'Мәктәпнең бу уку елына планы юк: башта план төзегез',
};

/** What one kind needs: its create schema, its clash key inside the file, and how a checked row is stored. */
interface KindHandler {
  schema: z.ZodType;
  /** the request fields whose values must be unique inside the file (and in the database, see `stored`) */
  key?: { fields: string[]; column: string };
  stored?: (body: Record<string, unknown>) => Promise<boolean>;
  create: (body: never) => Promise<unknown>;
}

/**
 * Spreadsheet imports (C10, issue 15 item 4). Every row goes through the same create as a single record
 * (the service's checks and the domain's rules), inside one transaction with a savepoint per row, so rows
 * refer to earlier rows of the file exactly as they would to stored ones; a dry run, or a real run with any
 * refused row, rolls everything back. A real run without refusals commits all rows and one audit entry.
 */
@Injectable()
export class ImportsService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
    private readonly access: AccessService,
    private readonly organisations: OrganisationsService,
    private readonly agreements: AgreementsService,
    private readonly activities: ActivitiesService,
    private readonly labourNeeds: LabourNeedsService,
    private readonly enrolment: EnrolmentService,
  ) {}

  /** The kind named in the path, if the caller may import it (404 for an unknown kind, 403 for a foreign one). */
  kindOf(c: Caller, kind: string): ImportKind {
    if (!(IMPORT_KINDS as readonly string[]).includes(kind))
      throw fail(IMPORT_RULES.kindUnknown, {
        ru: 'Неизвестный вид импорта',
        en: `Unknown import kind: use one of ${IMPORT_KINDS.join(', ')}`,
        tt: 'Импортның билгесез төре',
      });
    if (!this.access.canImport(c, kind)) throw forbidden(IMPORT_RULES.kindForbidden);
    return kind as ImportKind;
  }

  async run(
    c: Caller,
    kindText: string,
    body: unknown,
    contentType: string,
    dryRun: boolean,
    lang: Lang,
  ): Promise<ImportResult> {
    const kind = this.kindOf(c, kindText);
    const bytes = Buffer.isBuffer(body) ? fileOfBody(body, contentType) : null;
    if (!bytes || bytes.length === 0)
      throw fail(IMPORT_RULES.fileEmpty, { ru: 'Файл пуст', en: 'The file is empty', tt: 'Файл буш' }, '(body)');
    if (bytes.length > IMPORT_MAX_BYTES)
      throw httpFailure(IMPORT_RULES.fileTooLarge, {
        en: 'The file is larger than 5 MB',
        ru: 'Файл больше 5 МБ',
        tt: 'Файл 5 МБтан зуррак',
      });
    const sheet = await readSheet(bytes);
    const columns = IMPORT_COLUMNS[kind];
    const positions = mapHeader(columns, sheet.header);
    const missing = columns.filter((col, i) => col.required && positions[i] === -1);
    if (sheet.header.length === 0 || missing.length) {
      const names = (missing.length ? missing : columns.filter((col) => col.required)).map((m) =>
        lang === 'en' ? m.en : m.ru,
      );
      throw fail(
        IMPORT_RULES.headerMissing,
        {
          ru: `В заголовке нет обязательных столбцов: ${names.join(', ')}`,
          en: `The header lacks required columns: ${names.join(', ')}`,
          tt: `Башлыкта мәҗбүри баганалар юк: ${names.join(', ')}`,
        },
        names[0],
      );
    }
    const headerOf = (col: Column) => {
      const at = positions[columns.indexOf(col)] as number;
      return at >= 0 ? (sheet.header[at] as string) : lang === 'en' ? col.en : col.ru;
    };
    const lookups = await this.lookups();
    const handler = this.handler(c, kind);
    const errors: ImportRowError[] = [];
    const seen = new Map<string, number>();
    let created = 0;
    try {
      await this.em.transactional(async (em) => {
        for (const { row, cells } of sheet.rows) {
          const ctx: RowContext = { row, lang, headerOf };
          const rowErrors = await this.checkRow(kind, handler, columns, positions, cells, lookups, ctx, seen);
          if (rowErrors.length) errors.push(...rowErrors);
          else created++;
          // the row is in the database (inside the transaction): forget it, so each row's savepoint and flush
          // work on that row alone instead of every record the file brought in so far
          em.clear();
        }
        if (dryRun || errors.length) throw new Rollback();
        this.audit.record(em, {
          userId: c.id,
          action: 'import',
          objectType: kind,
          objectId: newId(),
          after: { kind, rows: sheet.rows.length, created },
        });
        await em.flush();
      });
    } catch (e) {
      if (!(e instanceof Rollback)) throw e;
      created = 0;
    }
    return { rows: sheet.rows.length, created, errors };
  }

  /** Reads, checks and (inside a savepoint) creates one row; its errors, none when it was stored. */
  private async checkRow(
    kind: ImportKind,
    handler: KindHandler,
    columns: readonly Column[],
    positions: readonly number[],
    cells: readonly string[],
    lookups: Lookups,
    ctx: RowContext,
    seen: Map<string, number>,
  ): Promise<ImportRowError[]> {
    const { values, errors } = readRow(columns, positions, cells, lookups, ctx);
    const at = (field: string | undefined) => {
      const col = columnOfField(columns, field) ?? (columns[0] as Column);
      return ctx.headerOf(col);
    };
    const error = (field: string | undefined, rule: string, message: string): ImportRowError => ({
      row: ctx.row,
      column: at(field),
      rule,
      message,
    });
    // a clash inside the file: the later row is refused, whatever else is wrong with either
    if (handler.key) {
      const parts = handler.key.fields.map((f) => values[f]);
      if (parts.every((p) => p !== undefined && p !== null && p !== '')) {
        const key = parts.map((p) => String(p).trim().toLowerCase()).join('\u0000');
        const first = seen.get(key);
        if (first !== undefined)
          errors.push(
            error(
              handler.key.column,
              IMPORT_RULES.duplicate,
              say(DUPLICATE_IN_FILE, ctx.lang).replace('{row}', String(first)),
            ),
          );
        else seen.set(key, ctx.row);
      }
    }
    if (errors.length) return errors;
    const body = await this.requestOf(kind, values, ctx, error);
    if (!('request' in body)) return [body.error];
    const parsed = handler.schema.safeParse(body.request);
    if (!parsed.success)
      return parsed.error.issues.map((i) =>
        error(i.path.map(String).join('.'), IMPORT_RULES.cellInvalid, `${say(INVALID, ctx.lang)}: ${i.message}`),
      );
    const request = parsed.data as Record<string, unknown>;
    if (handler.key && handler.stored && (await handler.stored(request)))
      return [error(handler.key.column, IMPORT_RULES.duplicate, say(DUPLICATE_STORED, ctx.lang))];
    try {
      await this.em.transactional(() => handler.create(request as never));
      return [];
    } catch (e) {
      const refusal = e instanceof UniqueConstraintViolationException ? uniqueClash(e) : e;
      if (!(refusal instanceof AppError)) throw e;
      const d = refusal.error;
      const category = categoryOf(d.code);
      const rule =
        category === 'conflict'
          ? IMPORT_RULES.duplicate
          : category === 'forbidden' || category === 'not_found'
            ? IMPORT_RULES.forbidden
            : d.code;
      const findings = d.details?.length ? d.details : [{ rule: d.code, message: d.message, field: d.field }];
      return findings.map((f) => error(f.field ?? d.field, rule === d.code ? f.rule : rule, say(f.message, ctx.lang)));
    }
  }

  /** The create request of a row: the values, with what the kind derives (an agreement's obligations, a plan). */
  private async requestOf(
    kind: ImportKind,
    values: Record<string, unknown>,
    ctx: RowContext,
    error: (field: string | undefined, rule: string, message: string) => ImportRowError,
  ): Promise<{ request: Record<string, unknown> } | { error: ImportRowError }> {
    if (kind === 'agreements') {
      const { obligations, ...rest } = values as { obligations?: { school?: string; partner?: string } };
      const lines = (party: 'school' | 'partner') =>
        (obligations?.[party] ?? '')
          .split(/\r?\n|;/)
          .map((s) => s.trim())
          .filter((s) => s !== '')
          .map((text) => ({ party, text }));
      return { request: { ...rest, obligations: [...lines('school'), ...lines('partner')] } };
    }
    if (kind === 'activities') {
      const { schoolId, academicYear, ...rest } = values as { schoolId: string; academicYear: string };
      const plans = await this.em.find(
        PlanRecord,
        { organisationId: schoolId, academicYear },
        { orderBy: { createdAt: 'asc', id: 'asc' } },
      );
      // the school's plan of the year; of several, the one not annexed to an agreement, else the oldest
      const plan = plans.find((p) => p.agreementId === null) ?? plans[0];
      if (!plan) return { error: error('academicYear', IMPORT_RULES.referenceUnknown, say(NO_PLAN, ctx.lang)) };
      return { request: { ...rest, planId: plan.id } };
    }
    return { request: values };
  }

  private handler(c: Caller, kind: ImportKind): KindHandler {
    switch (kind) {
      case 'organisations':
        return {
          schema: CreateOrganisationRequest,
          key: { fields: ['slug'], column: 'slug' },
          create: (b: never) => this.organisations.create(c, b),
        };
      case 'agreements':
        return {
          schema: CreateAgreementRequest,
          key: { fields: ['schoolId', 'number'], column: 'number' },
          stored: async (b) =>
            (await this.em.count(AgreementRecord, { schoolId: String(b['schoolId']), number: String(b['number']) })) >
            0,
          create: (b: never) => this.agreements.create(c, b),
        };
      case 'activities':
        return {
          schema: CreateActivityRequest.extend({ planId: Id }),
          create: (b: { planId: string } & CreateActivityRequest) => {
            const { planId, ...body } = b;
            return this.activities.create(c, planId, body);
          },
        };
      case 'labour-needs':
        return {
          schema: CreateLabourNeedRequest,
          key: { fields: ['profession', 'sector', 'academicYear', 'employerId'], column: 'profession' },
          create: (b: never) => this.labourNeeds.create(c, b),
        };
      case 'enrolment':
        return {
          schema: CreateEnrolmentRequest,
          key: { fields: ['organisationId', 'academicYear'], column: 'academicYear' },
          create: (b: never) => this.enrolment.create(c, b),
        };
    }
  }

  /** Schools, partners and directions by id, slug, name or short name (organisations), id, code or name (directions). */
  private async lookups(): Promise<Lookups> {
    const orgs = await this.em.find(OrganisationRecord, {}, { orderBy: { createdAt: 'asc', id: 'asc' } });
    const dirs = await this.em.find(DirectionRecord, {}, { orderBy: { createdAt: 'asc', id: 'asc' } });
    const index = (names: [string, string][]) => {
      const m = new Map<string, string>();
      for (const [name, id] of names) if (!m.has(headerKey(name))) m.set(headerKey(name), id);
      return m;
    };
    const byKind = (kind: string) =>
      index(
        orgs
          .filter((o) => o.kind === kind)
          .flatMap((o) => [o.id, o.slug, o.shortName, o.name].map((n): [string, string] => [n, o.id])),
      );
    const schools = byKind('school');
    const partners = byKind('partner');
    const directions = index(dirs.flatMap((d) => [d.id, d.code, d.name].map((n): [string, string] => [n, d.id])));
    const find = (m: Map<string, string>) => (text: string) => {
      const k = headerKey(text);
      return k === '' ? null : (m.get(k) ?? null);
    };
    return { school: find(schools), partner: find(partners), direction: find(directions) };
  }
}

/** The answer of a real run that refused rows: the error shape (422 import.rows-invalid) with the import's fields. */
export function rowsInvalid(result: ImportResult, lang: Lang) {
  return {
    statusCode: 422,
    error: 'Unprocessable Entity',
    message: say(
      {
        ru: `Импорт не выполнен: ошибок в строках — ${result.errors.length}; ничего не сохранено`,
        en: `Nothing was imported: ${result.errors.length} row errors`,
        tt: `Импорт башкарылмады: юлларда хаталар саны — ${result.errors.length}; бернәрсә дә сакланмады`,
      },
      lang,
    ),
    rule: IMPORT_RULES.rowsInvalid,
    details: result.errors.map((e) => ({ field: `${e.row}:${e.column}`, rule: e.rule, message: e.message })),
    ...result,
  };
}
