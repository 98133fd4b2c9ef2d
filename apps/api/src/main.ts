import 'reflect-metadata';

import { loadAppConfig } from './app/config/app-config';
import { createApp } from './app/setup-app';

async function main(): Promise<void> {
  const config = loadAppConfig(process.env);
  const { app, demoAccounts } = await createApp(config, { logger: ['error', 'warn'] });
  // keep idle connections open longer than a reverse proxy does (nginx: 60 s), so the proxy never reuses a socket
  // this server has just closed (a 502 for the client); headers must arrive within that time too
  const server = app.getHttpServer() as import('node:http').Server;
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await app.listen(config.port);
  const url = `http://localhost:${config.port}`;
  const log = { log: (m: string) => console.log(m) };
  log.log(
    `Socium is running at ${url} (database: ${config.database.driver === 'sqlite' ? `SQLite ${config.database.path}` : 'PostgreSQL'})`,
  );
  log.log(
    `API ${url}/api/v1 · docs ${url}/api/docs · admin ${url}/admin · demo page ${url}/demo · widget ${url}/widget.js`,
  );
  if (demoAccounts) {
    log.log('Demo log-ins (POST /api/v1/auth/login):');
    for (const a of demoAccounts) log.log(`  ${a.role.padEnd(13)} ${a.email}  ${a.password}`);
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
