// Sums tmp/test-counts/*.json and prints the closing line CI reads: "N passed, N failed".
import fs from 'node:fs';
import path from 'node:path';

const dir = path.resolve(import.meta.dirname, '..', '..', 'tmp', 'test-counts');
const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const f of files.sort()) {
  const c = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
  passed += c.passed;
  failed += c.failed + (c.failedSuites && !c.failed ? c.failedSuites : 0);
  skipped += c.skipped || 0;
  console.log(`  ${c.project}: ${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`);
}
const exitOnFail = !process.argv.includes('--no-exit');
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
if (exitOnFail && (failed > 0 || passed === 0)) process.exit(1);
