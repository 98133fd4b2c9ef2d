// Crash tests: the built API is killed with SIGKILL (kill -9) at random moments while clients write, and while it
// starts for the first time (migrations, demo data); after each kill the database must be intact and hold every write
// the server acknowledged, whole, and no half of any multi-row write. Imports (issue 15) join these writes once they
// exist. CRASH_ROUNDS sets the rounds per test (3 by default, as in .ci/run; `npm run test:crash` runs 20).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';

import { openDb, sqliteIntegrity, tableCounts } from '../scripts/db-tools.mjs';
import { buildApi, DEMO_ACCOUNTS, startApi } from './api-process.mjs';
import { database, drivers } from './targets.mjs';
import {
  checkWritten,
  ledgerCounts,
  newLedger,
  prepareClients,
  readWritten,
  settleInFlight,
  startWriters,
} from './write-load.mjs';

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 3);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const between = (lo, hi) => Math.round(lo + Math.random() * (hi - lo));
// Tables whose rows depend on who logged in when (sessions, throttling), not on the data.
const VOLATILE = new Set(['refresh_token', 'login_throttle']);
const stable = (counts) => Object.fromEntries(Object.entries(counts).filter(([t]) => !VOLATILE.has(t)));

/** A connection that may open before the database exists (SQLite: reopened until the file is there). */
async function watcher(db) {
  if (db.driver === 'postgresql') return openDb(db.target);
  let conn = null;
  return {
    all: async (sql) => {
      if (!conn) {
        if (!fs.existsSync(db.file)) throw new Error('no file yet');
        conn = await openDb(db.target);
      }
      return conn.all(sql);
    },
    close: async () => conn?.close(),
  };
}
/** Rows in a table, or -1 while it does not exist. */
async function rows(c, table) {
  try {
    return Number((await c.all(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  } catch {
    return -1;
  }
}

before(async () => {
  await buildApi();
});

for (const driver of await drivers()) {
  describe(`crash (${driver})`, () => {
    const running = new Set();
    const start = async (url, opts = {}) => {
      const api = await startApi({ databaseUrl: url, ...opts });
      running.add(api);
      return api;
    };
    after(async () => {
      for (const api of running) await api.kill();
    });

    /** SQLite: integrity_check says ok; PostgreSQL: the server answers (it replays its WAL itself). */
    const assertIntact = async (db) => {
      if (driver === 'sqlite' && fs.existsSync(db.file))
        assert.equal(await sqliteIntegrity(db.file), 'ok', 'PRAGMA integrity_check');
    };

    test('a kill -9 during the first start (migrations, demo data) leaves a database the next start completes', async () => {
      const db = database(driver, 'crash_first_start');
      await db.reset();
      const t0 = performance.now();
      const clean = await start(db.url);
      const readyMs = performance.now() - t0;
      await clean.kill();
      const reference = stable(await tableCounts(db.target));
      assert.ok(reference.organisation > 1 && reference.agreement > 0, 'the demo data was created');

      // Crash points found by watching the database, then moments at random over the clean start's duration.
      const points = [
        { name: 'while migrating', when: async (c) => (await rows(c, 'mikro_orm_migrations')) >= 1 },
        { name: 'after the directions, before the demo data', when: async (c) => (await rows(c, 'direction')) >= 1 },
        // A first start that commits in one transaction shows no organisation or account before it ends; one that
        // committed in parts was killed here between the demo organisations and the accounts, and never started again.
        { name: 'once demo organisations are visible', when: async (c) => (await rows(c, 'organisation')) > 1 },
        { name: 'once the first account is visible', when: async (c) => (await rows(c, 'app_user')) >= 1 },
      ];
      for (let round = 1; round <= Math.max(ROUNDS, points.length); round++) {
        await db.reset();
        const point = points[round - 1];
        const api = await start(db.url, { waitReady: false });
        const t1 = performance.now();
        let at;
        if (point) {
          const c = await watcher(db);
          try {
            while (!(await point.when(c)) && !api.exited() && performance.now() - t1 < 30_000) await sleep(2);
          } finally {
            await c.close();
          }
          at = `${point.name} (${Math.round(performance.now() - t1)} ms)`;
        } else {
          const ms = between(readyMs * 0.3, readyMs * 1.05);
          await sleep(ms);
          at = `${ms} ms after the start`;
        }
        assert.equal(api.exited(), null, `round ${round}: the server was still starting when killed ${at}`);
        await api.kill();
        await assertIntact(db);
        const again = await start(db.url);
        const token = await again.login(DEMO_ACCOUNTS.school_admin);
        assert.equal((await again.request('GET', '/api/v1/agreements', { token })).status, 200);
        await again.kill();
        running.delete(again);
        running.delete(api);
        assert.deepEqual(
          stable(await tableCounts(db.target)),
          reference,
          `round ${round}: killed ${at} (ready after ${Math.round(readyMs)} ms on a clean start), the restart left other row counts than a clean first start`,
        );
      }
      await db.drop();
    });

    test('every acknowledged multi-row write survives kill -9 whole, and no write is stored in part', async () => {
      const db = database(driver, 'crash_writes');
      await db.reset();
      const ledger = newLedger();
      let api = await start(db.url);
      let ids = await prepareClients(api);
      const before = await tableCounts(db.target);
      const log = [];
      for (let round = 1; round <= ROUNDS; round++) {
        const writers = startWriters(api, ids, ledger, { clients: 2 });
        const at = between(300, 1500);
        await sleep(at);
        await api.kill();
        running.delete(api);
        await writers.done;
        await assertIntact(db);

        const counts = ledgerCounts(ledger);
        const conn = await openDb(db.target);
        const written = await readWritten(conn, driver);
        await conn.close();
        const problems = checkWritten(written, ledger, { recipientsPerSend: ids.recipientIds.length });
        assert.deepEqual(problems, [], `round ${round} (killed after ${at} ms)`);
        assert.deepEqual(ledger.refused, [], 'no write was refused');
        // row counts: the acknowledged writes plus at most the ones in flight
        const rows = await tableCounts(db.target);
        const created = rows.agreement - before.agreement;
        assert.ok(
          created >= counts.agreements.acked && created <= counts.agreements.acked + counts.agreements.inFlight,
          `round ${round}: ${created} agreements stored, ${counts.agreements.acked} acknowledged + ${counts.agreements.inFlight} in flight`,
        );
        const docs = rows.document - before.document;
        assert.ok(
          docs >= counts.documents.acked && docs <= counts.documents.acked + counts.documents.inFlight,
          `round ${round}: ${docs} documents stored, ${counts.documents.acked} acknowledged + ${counts.documents.inFlight} in flight`,
        );
        log.push(`round ${round}: killed after ${at} ms; ${JSON.stringify(counts)}`);
        settleInFlight(written, ledger);

        // the restarted server serves what it acknowledged
        api = await start(db.url);
        ids = { ...ids, ...(await prepareClients(api)) };
        const sample = [...ledger.agreements.values()].slice(-10);
        for (const { id } of sample)
          assert.equal((await api.request('GET', `/api/v1/agreements/${id}`, { token: ids.school })).status, 200);
        for (const [id, marker] of [...ledger.scans].slice(-5)) {
          const scan = await api.request('GET', `/api/v1/agreements/${id}/scan`, { token: ids.school });
          assert.equal(scan.status, 200);
          assert.match(scan.body, new RegExp(`%${marker}\\n`));
        }
      }
      await api.kill();
      running.delete(api);
      const total = ledgerCounts(ledger);
      assert.ok(
        total.agreements.acked >= ROUNDS && total.documents.acked >= ROUNDS && total.scans.acked >= 1,
        `the clients wrote under load: ${JSON.stringify(total)}`,
      );
      console.log(`crash (${driver}):\n  ${log.join('\n  ')}`);
      await db.drop();
    });
  });
}
