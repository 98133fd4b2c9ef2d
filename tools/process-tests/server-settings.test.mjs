// Settings of the running server that only a real process shows.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { buildApi, startApi } from './api-process.mjs';
import { database } from './targets.mjs';

let api;
before(async () => {
  await buildApi();
  const db = database('sqlite', 'settings');
  await db.reset();
  api = await startApi({ databaseUrl: db.url });
});
after(async () => {
  await api?.stop();
});

test('keeps idle connections longer than a reverse proxy does (65 s > nginx 60 s), and says so', async () => {
  const res = await api.request('GET', '/health/ready');
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('keep-alive'), 'timeout=65');
});
