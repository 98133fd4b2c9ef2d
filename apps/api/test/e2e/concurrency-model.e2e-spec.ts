import { ROUTES } from '@socium/contracts';

import fc from 'fast-check';
import type { z } from 'zod';

import {
  expectMatchesModel,
  FreshPatchCommand,
  Model,
  RaceCommand,
  Real,
  StalePatchCommand,
} from './concurrency-model/commands';
import { VERSIONED_RESOURCES } from './concurrency-model/resources';
import { directionIds, orgIds } from './fixtures';
import { FlushBarrier } from './flush-barrier';
import { bootApp, TestApp } from './harness';

/**
 * Model-based concurrency: random sequences of simultaneous and single edits of every versioned resource, on the
 * database the suite runs on; after each command and at the end the records equal a serial model in which only
 * the winner of each race wrote.
 */
describe('Concurrent editors of every versioned resource (model-based)', () => {
  let t: TestApp;
  let real: Real;
  let counter = 0;

  beforeAll(async () => {
    t = await bootApp();
    real = {
      t,
      tokens: { coordinator: await t.as('coordinator'), school_admin: await t.as('school_admin') },
      org: await orgIds(t),
      dir: await directionIds(t),
      barrier: new FlushBarrier(t.orm),
      next: () => ++counter,
    };
  });
  afterEach(() => real.barrier.disarm());
  afterAll(() => t.close());

  it('covers every route that PATCHes a versioned record, and only those', () => {
    const patched = ROUTES.filter((r) => r.method === 'PATCH');
    for (const r of patched)
      expect({ path: r.path, versioned: hasVersion(r.response) }).toEqual({ path: r.path, versioned: true });
    expect(VERSIONED_RESOURCES.map((r) => `${r.path}/:id`).sort()).toEqual(patched.map((r) => r.path).sort());
  });

  it('lets exactly one of 2-5 simultaneous editors win each race, and the records end as the serial model', async () => {
    const resource = fc.constantFrom(...VERSIONED_RESOURCES);
    const commands = fc.commands(
      [
        fc.tuple(resource, fc.integer({ min: 2, max: 5 })).map(([res, n]) => new RaceCommand(res, n)),
        resource.map((res) => new FreshPatchCommand(res)),
        fc.tuple(resource, fc.integer({ min: 1, max: 3 })).map(([res, k]) => new StalePatchCommand(res, k)),
      ],
      { maxCommands: 15 },
    );
    // every resource races at least once per run, whatever the random part draws
    const firstRaces = fc.array(fc.integer({ min: 2, max: 5 }), {
      minLength: VERSIONED_RESOURCES.length,
      maxLength: VERSIONED_RESOURCES.length,
    });
    await fc.assert(
      fc.asyncProperty(firstRaces, commands, async (editors, cmds) => {
        const model: Model = {};
        for (const res of VERSIONED_RESOURCES)
          model[res.path] = { id: await res.create(real, real.next()), version: 1, writes: 0, value: undefined };
        for (const res of VERSIONED_RESOURCES) {
          const created = await t.http
            .get(`/api/v1${res.path}/${model[res.path]?.id}`)
            .set({ Authorization: `Bearer ${real.tokens.coordinator}` });
          (model[res.path] as { value: unknown }).value = created.body[res.field];
        }
        for (const [i, res] of VERSIONED_RESOURCES.entries())
          await new RaceCommand(res, editors[i] as number).run(model, real);
        await fc.asyncModelRun(() => ({ model, real }), cmds);
        for (const res of VERSIONED_RESOURCES) await expectMatchesModel(real, res, model);
      }),
      { numRuns: 5, endOnFailure: true },
    );
  }, 120_000);
});

/** The response schema has a `version` field. */
function hasVersion(schema: z.ZodType | undefined): boolean {
  const shape = (schema as { shape?: Record<string, unknown> } | undefined)?.shape;
  return !!shape && 'version' in shape;
}

describe('Simultaneous creates of one plan', () => {
  let t: TestApp;
  let barrier: FlushBarrier;
  let school: string;
  let org: Record<string, string> = {};
  let dir: Record<string, string> = {};
  const auth = () => ({ Authorization: `Bearer ${school}` });
  const CREATORS = 5;

  beforeAll(async () => {
    t = await bootApp();
    barrier = new FlushBarrier(t.orm);
    school = await t.as('school_admin');
    org = await orgIds(t);
    dir = await directionIds(t);
  });
  afterEach(() => barrier.disarm());
  afterAll(() => t.close());

  /** Five creates of one plan at once: each passes the service's check before any of them writes. */
  async function race(plan: object) {
    barrier.arm(CREATORS);
    const answers = await Promise.all(
      Array.from({ length: CREATORS }, (_, i) =>
        t.http
          .post('/api/v1/plans')
          .set(auth())
          .send({ ...plan, title: `План ${i}` }),
      ),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    for (const r of answers.filter((x) => x.status === 409))
      expect(r.body).toMatchObject({
        statusCode: 409,
        rule: 'plan.duplicate',
        message: 'У организации уже есть план на этот учебный год по этому соглашению',
        details: [expect.objectContaining({ field: 'academicYear', rule: 'plan.duplicate' })],
      });
    return answers.find((r) => r.status === 201)?.body as { id: string };
  }

  const plansOf = async (q: string) => (await t.http.get(`/api/v1/plans?${q}&limit=100`).set(auth())).body.total;

  it('answers five simultaneous creates of one plan without an agreement with one 201 and four 409 plan.duplicate', async () => {
    await race({ organisationId: org['urussu-gymnasium'], academicYear: '2041-2042' });
    expect(await plansOf('academicYear=2041-2042')).toBe(1);
  });

  it('answers five simultaneous creates of one plan under one agreement with one 201 and four 409 plan.duplicate', async () => {
    const agreement = await t.http
      .post('/api/v1/agreements')
      .set(auth())
      .send({
        number: 'Т-план-гонка',
        kind: 'cooperation',
        schoolId: org['urussu-gymnasium'],
        partnerId: org['tapart'],
        subject: 'Профориентация',
        goal: 'Самоопределение обучающихся',
        directionIds: [dir['career_guidance']],
        obligations: [
          { party: 'school', text: 'Формировать группы' },
          { party: 'partner', text: 'Проводить экскурсии' },
        ],
        startsOn: '2020-01-01',
        endsOn: '2020-12-31',
      });
    expect(agreement.status).toBe(201);
    const plan = { organisationId: org['urussu-gymnasium'], academicYear: '2020-2021', agreementId: agreement.body.id };
    await race(plan);
    expect(await plansOf(`agreementId=${agreement.body.id}`)).toBe(1);
  });
});
