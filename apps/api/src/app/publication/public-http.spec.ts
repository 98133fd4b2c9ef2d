import { brotliDecompressSync, gunzipSync } from 'node:zlib';

import { compressible, encodedBody, hitKey, HitRow, HitStore, prepareAnswer, SharedRateLimiter } from './public-http';

/** The database's upsert, in memory: totals per (bucket, window), shared by every limiter given the same store. */
class MemoryStore implements HitStore {
  readonly totals = new Map<string, number>();
  calls = 0;
  failing = false;
  async add(rows: readonly HitRow[]): Promise<Map<string, number>> {
    this.calls++;
    if (this.failing) throw new Error('database down');
    const out = new Map<string, number>();
    for (const r of rows) {
      const k = hitKey(r.bucket, r.windowStart);
      this.totals.set(k, (this.totals.get(k) ?? 0) + r.hits);
      out.set(k, this.totals.get(k) as number);
    }
    return out;
  }
  async sweep(): Promise<void> {
    return;
  }
  sum(): number {
    return [...this.totals.values()].reduce((a, b) => a + b, 0);
  }
}

describe(SharedRateLimiter.name, () => {
  let now = 0;
  beforeEach(() => (now = 60_000 * 1000 + 15_000));

  it('lets a client through up to the limit and then says how many seconds are left in the minute', async () => {
    const sut = new SharedRateLimiter(new MemoryStore(), () => now, 2);
    expect([await sut.hit('a'), await sut.hit('a')]).toEqual([0, 0]);
    expect(await sut.hit('a')).toBe(45);
    expect(await sut.hit('b')).toBe(0);
  });

  it('opens a new window when the clock reaches the next minute', async () => {
    const sut = new SharedRateLimiter(new MemoryStore(), () => now, 2);
    await sut.hit('a');
    await sut.hit('a');
    now += 45_000;
    expect(await sut.hit('a')).toBe(0);
  });

  it('shares the count between two processes on one store: with their batches flushed they get the limit, not twice it', async () => {
    const store = new MemoryStore();
    const one = new SharedRateLimiter(store, () => now, 10);
    const two = new SharedRateLimiter(store, () => now, 10);
    const answers: number[] = [];
    for (let i = 0; i < 10; i++) {
      answers.push(await one.hit('a'), await two.hit('a'));
      await Promise.all([one.flush(), two.flush()]); // the timer, every SOCIUM_PUBLIC_SYNC_MS
    }
    expect(answers.filter((w) => w === 0)).toHaveLength(10);
  });

  it('lets at most half the limit per other process through unseen when no batch was flushed in between', async () => {
    const store = new MemoryStore();
    const one = new SharedRateLimiter(store, () => now, 10);
    const two = new SharedRateLimiter(store, () => now, 10);
    const answers: number[] = [];
    for (let i = 0; i < 10; i++) answers.push(await one.hit('a'), await two.hit('a'));
    const passed = answers.filter((w) => w === 0).length;
    expect(passed).toBeGreaterThanOrEqual(10);
    expect(passed).toBeLessThanOrEqual(15);
  });

  it('refuses nobody falsely: a process never counts more than the store holds plus its own unsent hits', async () => {
    const store = new MemoryStore();
    const one = new SharedRateLimiter(store, () => now, 10);
    for (let i = 0; i < 10; i++) expect(await one.hit('a')).toBe(0);
    expect(await one.hit('a')).toBeGreaterThan(0);
    await one.flush();
    expect(store.sum()).toBe(11);
  });

  it('keeps a cold client in memory until the batch is flushed, then adds all its hits in one call', async () => {
    const store = new MemoryStore();
    const sut = new SharedRateLimiter(store, () => now, 100);
    for (let i = 0; i < 20; i++) await sut.hit('a');
    expect(store.calls).toBe(0);
    await sut.flush();
    expect(store.calls).toBe(1);
    expect(store.sum()).toBe(20);
  });

  it('falls back to its own count when the store fails, and sends the hits once it works again', async () => {
    const store = new MemoryStore();
    const sut = new SharedRateLimiter(store, () => now, 4);
    store.failing = true;
    expect([await sut.hit('a'), await sut.hit('a'), await sut.hit('a'), await sut.hit('a')]).toEqual([0, 0, 0, 0]);
    expect(await sut.hit('a')).toBeGreaterThan(0);
    store.failing = false;
    await sut.flush();
    expect(store.sum()).toBe(5);
  });

  it('decides alone for a client far below its limit, a first visit included, and hands the rest to hit()', async () => {
    const store = new MemoryStore();
    const sut = new SharedRateLimiter(store, () => now, 10);
    expect([1, 2, 3, 4, 5].map(() => sut.hitLocally('new'))).toEqual([true, true, true, true, true]);
    expect(sut.hitLocally('new')).toBe(false); // the sixth is past half the limit: the database decides
    expect(await sut.hit('new')).toBe(0);
    expect(store.sum()).toBe(6);
  });

  it('does not count at all when the limit is 0 (switched off)', async () => {
    const store = new MemoryStore();
    const sut = new SharedRateLimiter(store, () => now, 0);
    for (let i = 0; i < 5; i++) expect(await sut.hit('a')).toBe(0);
    await sut.flush();
    expect(store.calls).toBe(0);
  });
});

describe(prepareAnswer.name, () => {
  it('compresses an answer from 1 KB in brotli and gzip and keeps the ETag of the plain bytes', () => {
    const big = prepareAnswer({ body: 'я'.repeat(600), contentType: 'text/plain' }, 0);
    expect(compressible(big)).toBe(true);
    expect(gunzipSync(encodedBody(big, 'gzip')).toString('utf8')).toBe('я'.repeat(600));
    expect(brotliDecompressSync(encodedBody(big, 'br')).toString('utf8')).toBe('я'.repeat(600));
    expect(prepareAnswer({ body: 'я'.repeat(600), contentType: 'text/plain' }, 0).etag).toBe(big.etag);
    expect(compressible(prepareAnswer({ body: 'short', contentType: 'text/plain' }, 0))).toBe(false);
  });

  it('compresses each form once, at the first request for it, and keeps it with the answer', () => {
    const a = prepareAnswer({ body: 'я'.repeat(600), contentType: 'text/plain' }, 0);
    expect(a.encoded).toEqual({});
    const br = encodedBody(a, 'br');
    expect(encodedBody(a, 'br')).toBe(br);
    expect(Object.keys(a.encoded)).toEqual(['br']);
  });
});
