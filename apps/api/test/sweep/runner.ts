import { ErrorResponse } from '@socium/contracts';
import type { Role } from '@socium/domain';

import type { MikroORM } from '@mikro-orm/core';

import { TokenService } from '../../src/app/auth/token.service';
import { DEMO_ACCOUNTS } from '../../src/app/db/demo-seed';
import type { TestApp } from '../e2e/harness';
import type { SweepAuth, SweepCase } from './cases';
import { changedTables, fingerprint, type Fingerprint } from './fingerprint';
import { sendRaw, type RawAnswer } from './http-client';

/** A generated case with its index: `SWEEP_SEED=<seed> SWEEP_ONLY=<index>` generates it again. */
export interface Entry {
  index: number;
  c: SweepCase;
}

export interface SweepReport {
  /** generated cases sent */
  sent: number;
  /** refusals of interrupted batches sent a second (or third) time */
  resent: number;
  refusals: number;
  /** refusals inside a batch that no success ran in, so the database was compared around them */
  comparedRefusals: number;
  /** refusals whose batch a success ran in even on the second pass, so not compared */
  uncompared: number;
  byStatus: Record<number, number>;
  problems: string[];
}

const RULE = /^[a-z0-9.-]+$/;

/** What is wrong with an answer, or null: no 5xx ever; every 4xx the documented JSON error shape. */
export function problemOf(a: RawAnswer): string | null {
  if (a.status >= 500 || a.status < 100) return `status ${a.status}`;
  if (a.status < 400) return null;
  if (!a.contentType.startsWith('application/json')) return `a ${a.status} as ${a.contentType || 'no content type'}`;
  const parsed = ErrorResponse.safeParse(a.json);
  if (!parsed.success) return `a ${a.status} not of the error shape: ${parsed.error.message}`;
  const e = parsed.data;
  if (e.statusCode !== a.status) return `statusCode ${e.statusCode} in a ${a.status}`;
  if (!e.error) return 'an empty error';
  if (!e.message.trim()) return 'an empty message';
  if (e.rule !== undefined && !RULE.test(e.rule)) return `rule ${JSON.stringify(e.rule)}`;
  return null;
}

const preview = (s: string, max = 300) => (s.length > max ? `${s.slice(0, max)}… (${s.length} chars)` : s);

/** The request and its answer, written so that a failure can be read and replayed. */
export function describeEntry(seed: number, e: Entry, a?: RawAnswer): string {
  const body = e.c.body ? preview(JSON.stringify(e.c.body.toString('latin1')), 300) : '(none)';
  return [
    `#${e.index} ${e.c.key}: ${e.c.defect}`,
    `  replay: SWEEP_SEED=${seed} SWEEP_ONLY=${e.index}`,
    `  ${e.c.method} /api/v1${preview(e.c.path, 300)}`,
    `  auth: ${JSON.stringify(e.c.auth)}; headers: ${JSON.stringify(e.c.headers)}`,
    `  body (${e.c.body?.length ?? 0} bytes, as Latin-1): ${body}`,
    ...(a ? [`  answer: ${a.status} ${a.contentType} ${preview(a.text, 400)}`] : []),
  ].join('\n');
}

/** Sends the generated cases and checks each answer and, around each batch of refusals, the database. */
export class SweepRunner {
  private tokens = new Map<Role, string>();
  /** entries the last run left unsent because its time was up */
  private unsent = 0;
  readonly report: SweepReport = {
    sent: 0,
    resent: 0,
    refusals: 0,
    comparedRefusals: 0,
    uncompared: 0,
    byStatus: {},
    problems: [],
  };

  constructor(
    private readonly t: TestApp,
    private readonly port: number,
    private readonly tables: readonly string[],
    private readonly seed: number,
    private readonly batchSize: number,
  ) {}

  private get orm(): MikroORM {
    return this.t.orm;
  }

  /** A fresh access token of the demo account with that role (minted: log-ins would be throttled by the sweep). */
  private async token(role: Role): Promise<string> {
    const cached = this.tokens.get(role);
    if (cached) return cached;
    const account = DEMO_ACCOUNTS.find((a) => a.role === role);
    if (!account) throw new Error(`no demo account for ${role}`);
    const [u] = await this.orm.em
      .getConnection()
      .execute<
        { id: string; role: Role; organisation_id: string; email: string; token_generation: number | string }[]
      >('select id, role, organisation_id, email, token_generation from app_user where email = ?', [account.email]);
    if (!u) throw new Error(`no user ${account.email}`);
    const token = this.t.app
      .get(TokenService)
      .sign({ sub: u.id, role: u.role, org: u.organisation_id, email: u.email, gen: Number(u.token_generation) });
    this.tokens.set(role, token);
    return token;
  }

  private async authorization(a: SweepAuth): Promise<string | null> {
    if (a.kind === 'none') return null;
    if (a.kind === 'header') return a.value;
    const token = await this.token(a.role);
    if (a.kind === 'role') return `Bearer ${token}`;
    const [h, p, s] = token.split('.') as [string, string, string];
    switch (a.how) {
      case 'lowercase-scheme':
        return `bearer ${token}`;
      case 'no-scheme':
        return token;
      case 'twice':
        return `Bearer ${token}, Bearer ${token}`;
      case 'extra-char':
        return `Bearer ${token}x`;
      case 'cut-signature':
        return `Bearer ${h}.${p}.${s.slice(0, 10)}`;
      case 'alg-none':
        return `Bearer ${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${p}.`;
      case 'role-changed': {
        const claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
        const forged = Buffer.from(JSON.stringify({ ...claims, role: 'coordinator', gen: 0 })).toString('base64url');
        return `Bearer ${h}.${forged}.${s}`;
      }
      case 'trailing-space':
        return `Bearer ${token} `;
    }
  }

  private async send(e: Entry, again: boolean): Promise<RawAnswer> {
    const authorization = await this.authorization(e.c.auth);
    const answer = await sendRaw(this.port, {
      method: e.c.method,
      path: `/api/v1${e.c.path}`,
      headers: { ...e.c.headers, ...(authorization !== null ? { Authorization: authorization } : {}) },
      ...(e.c.body ? { body: e.c.body } : {}),
    });
    if (again) this.report.resent++;
    else this.report.sent++;
    this.report.byStatus[answer.status] = (this.report.byStatus[answer.status] ?? 0) + 1;
    return answer;
  }

  private fingerprint(): Promise<Fingerprint> {
    return fingerprint(this.orm, this.tables);
  }

  private problem(text: string): void {
    if (this.report.problems.length < 40) this.report.problems.push(text);
    else if (this.report.problems.length === 40) this.report.problems.push('… (more problems left off)');
  }

  /**
   * Sends every entry in order. Refusals are collected into batches; the database is fingerprinted before and
   * after each batch and must not have changed. A write that succeeded (a non-GET 2xx) ends the batch without
   * comparing: its refusals are returned, to be sent again in batches of their own.
   */
  async run(entries: Iterable<Entry>, until: () => boolean, again = false): Promise<Entry[]> {
    const interrupted: Entry[] = [];
    this.unsent = 0;
    let processed = 0;
    let before = await this.fingerprint();
    let batch: Entry[] = [];
    /** every request since the last fingerprint: the refusals and the successful reads */
    let window: Entry[] = [];
    const close = async () => {
      if (!batch.length) return;
      const after = await this.fingerprint();
      const changed = changedTables(before, after);
      if (changed.length) {
        const culprits = await this.narrow(window);
        this.problem(
          `the database changed (${changed.join(', ')}) around a batch of ${batch.length} refusals; ` +
            (culprits.length
              ? `sent again one by one, these changed it:\n${culprits.join('\n')}`
              : `sent again one by one, none did; the batch:\n${batch.map((e) => describeEntry(this.seed, e)).join('\n')}`),
        );
        before = await this.fingerprint();
      } else {
        this.report.comparedRefusals += batch.length;
        before = after;
      }
      batch = [];
      window = [];
    };
    for (const e of entries) {
      if (until()) {
        if (Array.isArray(entries)) this.unsent = entries.length - processed;
        break;
      }
      processed++;
      let answer: RawAnswer;
      try {
        answer = await this.send(e, again);
      } catch (err) {
        this.problem(`no answer (${(err as Error).message}):\n${describeEntry(this.seed, e)}`);
        continue;
      }
      const problem = problemOf(answer);
      if (problem) this.problem(`${problem}:\n${describeEntry(this.seed, e, answer)}`);
      window.push(e);
      if (answer.status >= 400) {
        this.report.refusals++;
        batch.push(e);
        if (batch.length >= this.batchSize) await close();
      } else if (e.c.method !== 'GET') {
        // a write succeeded: the refusals before it cannot be told apart from it
        interrupted.push(...batch);
        batch = [];
        window = [];
        if (e.c.path.startsWith('/auth/')) this.tokens.clear(); // log-out and password changes end sessions
        before = await this.fingerprint();
      }
    }
    await close();
    return interrupted;
  }

  /**
   * After a batch changed the database: its requests (refusals, and reads that succeeded) again, one by one,
   * each with the tables it changed; a write that succeeds this time is not one of the culprits.
   */
  private async narrow(sent: readonly Entry[]): Promise<string[]> {
    const culprits: string[] = [];
    for (const e of sent) {
      const before = await this.fingerprint();
      const answer = await this.send(e, true).catch(() => undefined);
      const changed = changedTables(before, await this.fingerprint());
      if (answer && (answer.status >= 400 || e.c.method === 'GET') && changed.length)
        culprits.push(`(${changed.join(', ')}) ${describeEntry(this.seed, e, answer)}`);
    }
    return culprits;
  }

  /**
   * Sends refusals of interrupted batches again, on their own, until `until`; those interrupted twice, or left
   * unsent when the time is up, are counted as not compared.
   */
  async rerun(entries: Entry[], until: () => boolean): Promise<void> {
    let pending = entries;
    for (let round = 0; round < 2 && pending.length; round++) {
      const refusalsBefore = this.report.refusals;
      pending = await this.run(pending, until, true);
      this.report.refusals = refusalsBefore; // these were counted the first time
      this.report.uncompared += this.unsent;
    }
    this.report.uncompared += pending.length;
  }
}
