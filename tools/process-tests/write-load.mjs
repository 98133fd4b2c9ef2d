// Clients that write to a running API in a loop with multi-row writes, and the checks of what the database holds
// against what the server acknowledged. Used by crash.test.mjs (kill -9 under load) and backup.test.mjs (a backup
// under load).
//
// The writes (each one transaction on the server, several rows):
//   agreement  POST /agreements: the agreement row and its audit entry
//   document   POST /documents, then POST /documents/:id/send to K organisations: K recipient rows and an audit entry
//   scan       POST /agreements/:id/scan: a stored_file row (the uploaded bytes), the agreement's scan_file_id and
//              version, the previous file deleted, an audit entry
// Every request carries a marker (the agreement and document numbers, a scan's first line) so that the rows can be
// told apart from the demo data and matched with the acknowledgement.
import { DEMO_ACCOUNTS } from './api-process.mjs';

const RUN = Math.random().toString(36).slice(2, 7);
let seq = 0; // markers are unique across rounds and writers

/** Reads the ids the clients need from a freshly started API (demo data). */
export async function prepareClients(api) {
  const coord = await api.login(DEMO_ACCOUNTS.coordinator);
  const school = await api.login(DEMO_ACCOUNTS.school_admin);
  const orgs = (await api.request('GET', '/api/v1/organisations?limit=100', { token: coord })).body.items;
  const dirs = (await api.request('GET', '/api/v1/directions?limit=100', { token: coord })).body.items;
  const bySlug = Object.fromEntries(orgs.map((o) => [o.slug, o.id]));
  return {
    coord,
    school,
    schoolId: bySlug['urussu-gymnasium'],
    partnerId: bySlug['tapart'],
    directionId: dirs[0].id,
    recipientIds: orgs.filter((o) => o.kind !== 'department').map((o) => o.id),
  };
}

/** What the clients were told and what they were still waiting for. Kept across rounds (the database is too). */
export function newLedger() {
  return {
    agreements: new Map(), // number → { id }  acknowledged 201
    agreementsInFlight: new Set(), // numbers sent without an answer when the server went away
    documents: new Map(), // number → { id, sentTo: K | 0 }
    documentsInFlight: new Set(),
    sendsInFlight: new Set(), // document ids whose send got no answer
    scans: new Map(), // agreement id → marker of the last acknowledged scan
    scansInFlight: new Map(), // agreement id → marker sent without an answer
    scanHistory: new Map(), // agreement id → every marker acknowledged for it
    refused: [], // unexpected non-2xx answers
  };
}

const pdf = (marker) =>
  Buffer.concat([Buffer.from(`%PDF-1.4\n%${marker}\n`), Buffer.alloc(4096, 0x20), Buffer.from('\n%%EOF\n')]);

/**
 * Starts `clients` loops per kind of write against `api`; returns `stop()`, which tells the loops to finish and
 * waits for them. When the server dies, every request without an answer is recorded as in flight and its loop ends.
 */
export function startWriters(api, ids, ledger, { clients = 2 } = {}) {
  let stopping = false;
  const next = () => `${RUN}-${process.pid}-${++seq}`;
  const call = async (method, path, token, body, headers) => {
    try {
      return await api.request(method, path, { token, body, headers });
    } catch {
      return null; // connection refused or reset: the server is gone
    }
  };
  const refuse = (what, r) => ledger.refused.push(`${what}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);

  async function agreementLoop() {
    while (!stopping) {
      const number = `CR-${next()}`;
      ledger.agreementsInFlight.add(number);
      const r = await call('POST', '/api/v1/agreements', ids.school, {
        number,
        kind: 'social_partnership',
        schoolId: ids.schoolId,
        partnerId: ids.partnerId,
        subject: 'Crash test',
        goal: 'Crash test',
        directionIds: [ids.directionId],
        obligations: [
          { party: 'school', text: 'Formировать группы' },
          { party: 'partner', text: 'Проводить экскурсии' },
        ],
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
        autoRenew: false,
        noticeDays: 30,
      });
      if (!r) return;
      ledger.agreementsInFlight.delete(number);
      if (r.status === 201) ledger.agreements.set(number, { id: r.body.id });
      else refuse('agreement', r);
    }
  }

  async function documentLoop() {
    while (!stopping) {
      const number = `CR-${next()}`;
      ledger.documentsInFlight.add(number);
      const r = await call('POST', '/api/v1/documents', ids.coord, {
        number,
        title: 'Crash test',
        issuedOn: '2026-11-01',
      });
      if (!r) return;
      ledger.documentsInFlight.delete(number);
      if (r.status !== 201) {
        refuse('document', r);
        continue;
      }
      const doc = { id: r.body.id, sentTo: 0 };
      ledger.documents.set(number, doc);
      ledger.sendsInFlight.add(doc.id);
      const s = await call('POST', `/api/v1/documents/${doc.id}/send`, ids.coord, { recipientIds: ids.recipientIds });
      if (!s) return;
      ledger.sendsInFlight.delete(doc.id);
      if (s.status === 200) doc.sentTo = s.body.total;
      else refuse('send', s);
    }
  }

  async function scanLoop() {
    while (!stopping) {
      const own = [...ledger.agreements.values()];
      if (own.length === 0) {
        await new Promise((r) => setTimeout(r, 20));
        continue;
      }
      const { id } = own[Math.floor(Math.random() * own.length)];
      if (ledger.scansInFlight.has(id)) {
        await new Promise((r) => setTimeout(r, 5));
        continue;
      }
      const marker = `SCAN-${next()}`;
      ledger.scansInFlight.set(id, marker);
      const r = await call('POST', `/api/v1/agreements/${id}/scan`, ids.school, pdf(marker), {
        'content-type': 'application/octet-stream',
      });
      if (!r) return;
      ledger.scansInFlight.delete(id);
      if (r.status === 200) {
        ledger.scans.set(id, marker);
        if (!ledger.scanHistory.has(id)) ledger.scanHistory.set(id, new Set());
        ledger.scanHistory.get(id).add(marker);
      } else refuse('scan', r);
    }
  }

  const loops = [];
  for (let i = 0; i < clients; i++) loops.push(agreementLoop(), documentLoop(), scanLoop());
  return {
    stop: async () => {
      stopping = true;
      await Promise.all(loops);
    },
    done: Promise.all(loops),
  };
}

/** The rows the clients wrote, read straight from the database (one read transaction). */
export async function readWritten(db, driver) {
  if (driver === 'postgresql') await db.all('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  else await db.all('BEGIN');
  try {
    const agreements = await db.all(
      "SELECT id, number, version, scan_file_id FROM agreement WHERE number LIKE 'CR-%' ORDER BY number",
    );
    const documents = await db.all("SELECT id, number FROM document WHERE number LIKE 'CR-%'");
    const recipients = await db.all(
      "SELECT r.document_id AS id, COUNT(*) AS n FROM document_recipient r JOIN document d ON d.id = r.document_id WHERE d.number LIKE 'CR-%' GROUP BY r.document_id",
    );
    const audits = await db.all(
      "SELECT object_type, object_id, action, COUNT(*) AS n FROM audit_entry WHERE object_type IN ('agreement', 'document') GROUP BY object_type, object_id, action",
    );
    const files = await db.all('SELECT id, size, data FROM stored_file');
    return { agreements, documents, recipients, audits, files };
  } finally {
    await db.all('COMMIT');
  }
}

/**
 * Checks the rows against the ledger; returns a list of problems (empty = whole). Rows of writes that got no answer
 * may be there or not. `requireAcknowledged: false` (a backup taken before the last writes): acknowledged writes may
 * be missing and a scan may be an earlier acknowledged one, but every stored write must still be whole.
 */
export function checkWritten(w, ledger, { recipientsPerSend, requireAcknowledged = true } = {}) {
  const problems = [];
  const byNumber = new Map(w.agreements.map((a) => [a.number, a]));
  for (const rows of [w.agreements, w.documents]) {
    const seen = new Set();
    for (const r of rows) {
      if (seen.has(r.number)) problems.push(`${r.number} is stored twice`);
      seen.add(r.number);
    }
  }
  const audit = new Map(w.audits.map((a) => [`${a.object_type}/${a.object_id}/${a.action}`, Number(a.n)]));
  const files = new Map(w.files.map((f) => [f.id, f]));
  const recipients = new Map(w.recipients.map((r) => [r.id, Number(r.n)]));

  // agreements: every acknowledged one is there; any other is one that was in flight; each has its audit entry
  if (requireAcknowledged)
    for (const [number, { id }] of ledger.agreements)
      if (byNumber.get(number)?.id !== id) problems.push(`acknowledged agreement ${number} (${id}) is missing`);
  for (const a of w.agreements) {
    if (!ledger.agreements.has(a.number) && !ledger.agreementsInFlight.has(a.number))
      problems.push(`agreement ${a.number} was never sent or was refused, yet it is stored`);
    if (!audit.get(`agreement/${a.id}/create`))
      problems.push(`agreement ${a.number} has no audit entry of its creation`);
  }
  const scanned = new Set();
  for (const a of w.agreements) {
    const ackedScan = ledger.scans.get(a.id);
    const flying = ledger.scansInFlight.get(a.id);
    if (!a.scan_file_id) {
      if (ackedScan && requireAcknowledged) problems.push(`agreement ${a.number} lost its acknowledged scan`);
      continue;
    }
    scanned.add(a.scan_file_id);
    const f = files.get(a.scan_file_id);
    if (!f) {
      problems.push(`agreement ${a.number} points to a scan file that does not exist`);
      continue;
    }
    const marker = /^%PDF-1\.4\n%(\S+)\n/.exec(Buffer.from(f.data).subarray(0, 80).toString('latin1'))?.[1];
    if (Number(f.size) !== Buffer.from(f.data).length) problems.push(`scan of ${a.number}: size ≠ stored bytes`);
    const earlier = !requireAcknowledged && ledger.scanHistory.get(a.id)?.has(marker);
    if (marker !== ackedScan && marker !== flying && !earlier)
      problems.push(`scan of ${a.number} is ${marker}, expected ${ackedScan} (or in flight: ${flying})`);
    if (!audit.get(`agreement/${a.id}/scan`))
      problems.push(`agreement ${a.number} has a scan but no audit entry of it`);
  }
  // every crash-test file belongs to an agreement (the replaced file is deleted in the same transaction)
  for (const f of w.files) {
    const head = Buffer.from(f.data).subarray(0, 20).toString('latin1');
    if (head.includes('%SCAN-') && !scanned.has(f.id)) problems.push(`scan file ${f.id} belongs to no agreement`);
  }

  // documents: every acknowledged one is there; each has 0 or all K recipients, never a part; K iff audited
  const docs = new Map(w.documents.map((d) => [d.number, d]));
  if (requireAcknowledged)
    for (const [number, d] of ledger.documents) {
      if (docs.get(number)?.id !== d.id) problems.push(`acknowledged document ${number} is missing`);
      else if (d.sentTo && recipients.get(d.id) !== d.sentTo)
        problems.push(`document ${number}: sent to ${d.sentTo}, ${recipients.get(d.id) ?? 0} recipient rows`);
    }
  for (const d of w.documents) {
    if (!ledger.documents.has(d.number) && !ledger.documentsInFlight.has(d.number))
      problems.push(`document ${d.number} was never sent or was refused, yet it is stored`);
    if (!audit.get(`document/${d.id}/create`)) problems.push(`document ${d.number} has no audit entry of its creation`);
    const n = recipients.get(d.id) ?? 0;
    if (n !== 0 && n !== recipientsPerSend)
      problems.push(`document ${d.number} has ${n} recipient rows of ${recipientsPerSend}: half a send`);
    if (n > 0 !== !!audit.get(`document/${d.id}/send`))
      problems.push(`document ${d.number}: ${n} recipients but ${audit.get(`document/${d.id}/send`) ?? 0} send audits`);
    const acked = ledger.documents.get(d.number);
    if (n > 0 && acked && !acked.sentTo && !ledger.sendsInFlight.has(d.id))
      problems.push(`document ${d.number} has recipients though its send was never acknowledged nor in flight`);
  }
  return problems;
}

/** Counts of acknowledged and in-flight writes, for the row-count bounds. */
export function ledgerCounts(ledger) {
  return {
    agreements: { acked: ledger.agreements.size, inFlight: ledger.agreementsInFlight.size },
    documents: { acked: ledger.documents.size, inFlight: ledger.documentsInFlight.size },
    scans: { acked: ledger.scans.size, inFlight: ledger.scansInFlight.size },
  };
}

/**
 * After a crash and a check, the fate of every write in flight is decided (the server that would finish it is
 * gone): what reached the database counts as written from now on, what did not must never appear later.
 */
export function settleInFlight(w, ledger) {
  const agreements = new Map(w.agreements.map((a) => [a.number, a]));
  for (const number of ledger.agreementsInFlight) {
    const a = agreements.get(number);
    if (a) ledger.agreements.set(number, { id: a.id });
  }
  ledger.agreementsInFlight.clear();
  const files = new Map(w.files.map((f) => [f.id, f]));
  for (const [id, marker] of ledger.scansInFlight) {
    const a = w.agreements.find((x) => x.id === id);
    const f = a?.scan_file_id ? files.get(a.scan_file_id) : null;
    if (f && Buffer.from(f.data).subarray(0, 80).toString('latin1').includes(`%${marker}\n`)) {
      ledger.scans.set(id, marker);
      if (!ledger.scanHistory.has(id)) ledger.scanHistory.set(id, new Set());
      ledger.scanHistory.get(id).add(marker);
    }
  }
  ledger.scansInFlight.clear();
  const docs = new Map(w.documents.map((d) => [d.number, d]));
  const recipients = new Map(w.recipients.map((r) => [r.id, Number(r.n)]));
  for (const number of ledger.documentsInFlight) {
    const d = docs.get(number);
    if (d) ledger.documents.set(number, { id: d.id, sentTo: recipients.get(d.id) ?? 0 });
  }
  ledger.documentsInFlight.clear();
  for (const d of ledger.documents.values()) if (ledger.sendsInFlight.has(d.id)) d.sentTo = recipients.get(d.id) ?? 0;
  ledger.sendsInFlight.clear();
}
