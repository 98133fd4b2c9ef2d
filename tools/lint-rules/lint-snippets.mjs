// Lints code snippets as if they lived at given paths (JSON on stdin: [{code, file}]) and prints the
// ids of the rules that reported errors, per snippet. Used by boundaries.spec.ts (ESLint's flat config
// is loaded by dynamic import, which jest's VM does not allow in-process).
import { ESLint } from 'eslint';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
const input = JSON.parse(await new Promise((resolve) => {
  let s = '';
  process.stdin.on('data', (c) => (s += c));
  process.stdin.on('end', () => resolve(s));
}));
const eslint = new ESLint({ cwd: root });
const out = [];
for (const { code, file } of input) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  out.push((result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? 'parse'));
}
process.stdout.write(JSON.stringify(out));
