import type { Role } from '@socium/domain';

import type { AsyncCommand } from 'fast-check';

import type { FlushBarrier } from '../flush-barrier';
import type { VersionedResource, World } from './resources';

/** What the model knows of one record: its version, how many writes succeeded, and the field's value. */
export interface Tracked {
  id: string;
  version: number;
  writes: number;
  value: unknown;
}
/** The serial model: one tracked record per resource path. */
export type Model = Record<string, Tracked>;

/** The system under test, plus a counter that makes every written value new. */
export interface Real extends World {
  barrier: FlushBarrier;
  next: () => number;
}

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

const bearer = (r: Real, role: Role) => ({ Authorization: `Bearer ${r.tokens[role] as string}` });
const url = (res: VersionedResource, m: Model) => `/api/v1${res.path}/${(m[res.path] as Tracked).id}`;
const editor = (res: VersionedResource, i: number) => res.editors[i % res.editors.length] as Role;

async function patch(r: Real, res: VersionedResource, m: Model, role: Role, body: object): Promise<Answer> {
  const a = await r.t.http.patch(url(res, m)).set(bearer(r, role)).send(body);
  return { status: a.status, body: a.body };
}

/** The record as the API shows it equals the model: the followed field and version = successful writes + 1. */
export async function expectMatchesModel(r: Real, res: VersionedResource, m: Model): Promise<void> {
  const tracked = m[res.path] as Tracked;
  const read = await r.t.http.get(url(res, m)).set(bearer(r, editor(res, 0)));
  expect({ path: res.path, status: read.status, value: read.body[res.field], version: read.body.version }).toEqual({
    path: res.path,
    status: 200,
    value: tracked.value,
    version: tracked.writes + 1,
  });
  expect(tracked.version).toBe(tracked.writes + 1);
}

/**
 * 2-5 editors read the record, then all send a PATCH with the version they read at the same moment (the flush
 * barrier holds each write until every editor has read and checked): exactly one 200, the rest 409 `version.stale`
 * with the version the winner wrote. The model applies only the winner's value.
 */
export class RaceCommand implements AsyncCommand<Model, Real> {
  constructor(
    readonly res: VersionedResource,
    readonly editors: number,
  ) {}

  check(): boolean {
    return true;
  }

  async run(m: Model, r: Real): Promise<void> {
    const tracked = m[this.res.path] as Tracked;
    const roles = Array.from({ length: this.editors }, (_, i) => editor(this.res, i));
    const reads = await Promise.all(roles.map((role) => r.t.http.get(url(this.res, m)).set(bearer(r, role))));
    expect(reads.map((x) => x.body.version)).toEqual(roles.map(() => tracked.version));
    const values = roles.map(() => this.res.value(r.next()));
    r.barrier.arm(this.editors);
    const answers = await Promise.all(
      roles.map((role, i) => patch(r, this.res, m, role, { version: tracked.version, [this.res.field]: values[i] })),
    );
    r.barrier.disarm();
    const statuses = answers.map((a) => a.status);
    expect({ path: this.res.path, statuses: [...statuses].sort() }).toEqual({
      path: this.res.path,
      statuses: [200, ...Array(this.editors - 1).fill(409)],
    });
    const w = statuses.indexOf(200);
    expect((answers[w] as Answer).body).toMatchObject({ version: tracked.version + 1, [this.res.field]: values[w] });
    for (const loser of answers.filter((a) => a.status === 409))
      expect(loser.body).toMatchObject({ statusCode: 409, rule: 'version.stale', currentVersion: tracked.version + 1 });
    tracked.version += 1;
    tracked.writes += 1;
    tracked.value = values[w];
    await expectMatchesModel(r, this.res, m);
  }

  toString(): string {
    return `race(${this.res.path}, ${this.editors} editors)`;
  }
}

/** One editor sends the version it read last: 200 and the model takes the value. */
export class FreshPatchCommand implements AsyncCommand<Model, Real> {
  constructor(readonly res: VersionedResource) {}

  check(): boolean {
    return true;
  }

  async run(m: Model, r: Real): Promise<void> {
    const tracked = m[this.res.path] as Tracked;
    const value = this.res.value(r.next());
    const a = await patch(r, this.res, m, editor(this.res, 0), { version: tracked.version, [this.res.field]: value });
    expect({ path: this.res.path, status: a.status }).toEqual({ path: this.res.path, status: 200 });
    expect(a.body).toMatchObject({ version: tracked.version + 1, [this.res.field]: value });
    tracked.version += 1;
    tracked.writes += 1;
    tracked.value = value;
    await expectMatchesModel(r, this.res, m);
  }

  toString(): string {
    return `patch(${this.res.path})`;
  }
}

/** One editor sends an older version (someone saved since): 409 `version.stale` and nothing changes. */
export class StalePatchCommand implements AsyncCommand<Model, Real> {
  constructor(
    readonly res: VersionedResource,
    readonly behind: number,
  ) {}

  check(m: Readonly<Model>): boolean {
    return (m[this.res.path] as Tracked).version > 1;
  }

  async run(m: Model, r: Real): Promise<void> {
    const tracked = m[this.res.path] as Tracked;
    const version = Math.max(1, tracked.version - this.behind);
    const a = await patch(r, this.res, m, editor(this.res, 1), {
      version,
      [this.res.field]: this.res.value(r.next()),
    });
    expect({ path: this.res.path, status: a.status }).toEqual({ path: this.res.path, status: 409 });
    expect(a.body).toMatchObject({ rule: 'version.stale', currentVersion: tracked.version });
    await expectMatchesModel(r, this.res, m);
  }

  toString(): string {
    return `stale(${this.res.path}, ${this.behind} behind)`;
  }
}
