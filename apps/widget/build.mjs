// Bundles the public widget: one minified IIFE, content-hashed, with a gzip size budget that fails the build.
// Usage: node apps/widget/build.mjs [--outdir <dir>]
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export const BUDGET_GZIP_BYTES = 15 * 1024;

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const arg = process.argv.indexOf('--outdir');
const outdir = arg > 0 ? resolve(process.argv[arg + 1]) : join(root, 'dist/apps/widget');

const result = await build({
  entryPoints: [join(here, 'src/main.ts')],
  tsconfig: join(here, 'tsconfig.app.json'),
  bundle: true,
  minify: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2019'],
  legalComments: 'none',
  charset: 'utf8',
  write: false,
  logLevel: 'warning',
});
const code = result.outputFiles[0].contents;
const hash = createHash('sha256').update(code).digest('hex').slice(0, 12);
const file = `socium-widget.${hash}.js`;
const gzipBytes = gzipSync(code, { level: 9 }).length;

if (gzipBytes > BUDGET_GZIP_BYTES) {
  console.error(`widget: ${gzipBytes} bytes gzipped is over the budget of ${BUDGET_GZIP_BYTES} bytes`);
  process.exit(1);
}
mkdirSync(outdir, { recursive: true });
for (const old of readdirSync(outdir)) if (/^socium-widget\..+\.js$/.test(old)) rmSync(join(outdir, old));
writeFileSync(join(outdir, file), code);
writeFileSync(join(outdir, 'manifest.json'), JSON.stringify({ file, bytes: code.length, gzipBytes }, null, 2) + '\n');
console.log(`widget: ${file} ${code.length} bytes, ${gzipBytes} bytes gzipped (budget ${BUDGET_GZIP_BYTES})`);
