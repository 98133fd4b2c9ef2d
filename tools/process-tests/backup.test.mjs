// Backup and restore under load: the built API runs on a database while clients write multi-row writes; `npm run
// backup` copies it in the middle of those writes; the copy is restored into a fresh place (a new SQLite file, a new
// PostgreSQL database), the API boots on it, and the data is compared with the backup through the API and by row
// counts: every write acknowledged before the backup started is there, and the restored data is one consistent
// snapshot (no write in part). SQLite and PostgreSQL.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { openDb, tableCounts } from '../scripts/db-tools.mjs';
import { buildApi, root, startApi } from './api-process.mjs';
import { database, drivers, WORK_DIR } from './targets.mjs';
import { checkWritten, newLedger, prepareClients, readWritten, startWriters } from './write-load.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Runs an npm script's file as a child (asynchronously: the writers keep the event loop). */
function runScript(script, args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'tools', 'scripts', script), ...args], { cwd: root });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

const snapshotOf = (ledger) => ({
  agreements: new Map(ledger.agreements),
  documents: new Map([...ledger.documents].map(([n, d]) => [n, { ...d }])),
  scans: new Map(ledger.scans),
});

before(async () => {
  await buildApi();
});

for (const driver of await drivers()) {
  describe(`backup and restore (${driver})`, () => {
    const running = new Set();
    after(async () => {
      for (const api of running) await api.kill();
    });

    test('a backup taken while clients write restores into a fresh database that boots and holds one consistent snapshot', async () => {
      const source = database(driver, 'backup_source');
      const restored = database(driver, 'backup_restored');
      await source.reset();
      await restored.reset();
      const file = path.join(WORK_DIR, `backup-${driver}-${process.pid}.${driver === 'sqlite' ? 'sqlite' : 'dump'}`);
      for (const f of [file, `${file}.json`]) fs.rmSync(f, { force: true });

      const api = await startApi({ databaseUrl: source.url });
      running.add(api);
      const ids = await prepareClients(api);
      const ledger = newLedger();
      const writers = startWriters(api, ids, ledger, { clients: 2 });
      await sleep(800);
      const beforeBackup = snapshotOf(ledger);
      const backup = await runScript('backup.mjs', ['--database', source.url, '--out', file, '--json']);
      const writtenDuringBackup = ledger.agreements.size - beforeBackup.agreements.size;
      await sleep(300);
      await writers.stop();
      await api.stop();
      running.delete(api);
      assert.equal(backup.code, 0, backup.out);
      assert.deepEqual(ledger.refused, [], 'no write was refused');
      assert.ok(beforeBackup.agreements.size > 0 && beforeBackup.documents.size > 0, 'clients wrote before the backup');
      const record = JSON.parse(backup.out.trim().split('\n').pop());
      assert.ok(record.counts.stored_file > 0, 'the backup holds the uploaded scans');
      const sourceCounts = await tableCounts(source.target);
      assert.ok(
        sourceCounts.agreement > record.counts.agreement,
        `writes went on after the backup (source ${sourceCounts.agreement} agreements, backup ${record.counts.agreement}; ${writtenDuringBackup} acknowledged while it ran)`,
      );

      // restore into the fresh place, and a second restore without --force is refused
      const first = await runScript('restore.mjs', [file, '--database', restored.url]);
      assert.equal(first.code, 0, first.out);
      const again = await runScript('restore.mjs', [file, '--database', restored.url]);
      assert.notEqual(again.code, 0);
      assert.match(again.out, /is not empty .* add --force/);
      assert.deepEqual(await tableCounts(restored.target), record.counts, 'restored rows per table = the backup');

      // the restored rows: every write acknowledged before the backup started, and nothing in part
      const conn = await openDb(restored.target);
      const rows = await readWritten(conn, driver);
      await conn.close();
      const problems = checkWritten(rows, ledger, {
        recipientsPerSend: ids.recipientIds.length,
        requireAcknowledged: false,
      });
      const numbers = new Map(rows.agreements.map((a) => [a.number, a.id]));
      for (const [number, { id }] of beforeBackup.agreements)
        if (numbers.get(number) !== id)
          problems.push(`agreement ${number}, acknowledged before the backup, is missing`);
      const docs = new Map(rows.documents.map((d) => [d.number, d.id]));
      for (const [number, d] of beforeBackup.documents)
        if (docs.get(number) !== d.id) problems.push(`document ${number}, acknowledged before the backup, is missing`);
      assert.deepEqual(problems, []);

      // the API boots on the restored database and serves the same data
      const restoredApi = await startApi({ databaseUrl: restored.url });
      running.add(restoredApi);
      const r = await prepareClients(restoredApi);
      for (const [number, { id }] of beforeBackup.agreements) {
        const a = await restoredApi.request('GET', `/api/v1/agreements/${id}`, { token: r.school });
        assert.equal(a.status, 200, `agreement ${number}`);
        assert.equal(a.body.number, number);
      }
      for (const [number, d] of beforeBackup.documents) {
        if (!d.sentTo) continue;
        const rec = await restoredApi.request('GET', `/api/v1/documents/${d.id}/recipients`, { token: r.coord });
        assert.equal(rec.status, 200, `recipients of ${number}`);
        assert.equal(rec.body.total, d.sentTo, `recipients of ${number}`);
      }
      for (const [id] of beforeBackup.scans) {
        const scan = await restoredApi.request('GET', `/api/v1/agreements/${id}/scan`, { token: r.school });
        assert.equal(scan.status, 200);
        const marker = /^%PDF-1\.4\n%(\S+)\n/.exec(scan.body)?.[1];
        assert.ok(ledger.scanHistory.get(id)?.has(marker), `the scan of ${id} is one the server acknowledged`);
      }
      const list = await restoredApi.request('GET', '/api/v1/agreements?limit=1', { token: r.coord });
      assert.equal(list.body.total, record.counts.agreement, 'the API lists as many agreements as the backup holds');
      await restoredApi.stop();
      running.delete(restoredApi);
      console.log(
        `backup (${driver}): ${record.bytes} bytes, ${record.rows} rows, ${record.ms} ms while ${writtenDuringBackup} agreements were acknowledged; restore: ${first.out.match(/(\d+) ms/)?.[1]} ms`,
      );
      await source.drop();
      await restored.drop();
      for (const f of [file, `${file}.json`]) fs.rmSync(f, { force: true });
    });
  });
}
