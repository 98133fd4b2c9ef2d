// Lints code snippets as if they lived at given paths (JSON on stdin: [{code, file}]) and prints the
// ids of the rules that reported errors, per snippet. Each snippet is linted from its project's folder (the nearest
// one with a project.json), with that folder's eslint.config.mjs, exactly as `nx lint <project>` runs. Used by boundaries.spec.ts (ESLint's flat config
// is loaded by dynamic import, which jest's VM does not allow in-process).
import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';

const root = path.resolve(import.meta.dirname, '..', '..');
const input = JSON.parse(
  await new Promise((resolve) => {
    let s = '';
    process.stdin.on('data', (c) => (s += c));
    process.stdin.on('end', () => resolve(s));
  }),
);
const projectOf = (file) => {
  for (let dir = path.dirname(path.join(root, file)); dir.startsWith(root); dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'project.json'))) return dir;
  }
  return root;
};
const linters = new Map();
const out = [];
for (const { code, file } of input) {
  const cwd = projectOf(file);
  if (!linters.has(cwd)) linters.set(cwd, new ESLint({ cwd }));
  const eslint = linters.get(cwd);
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  out.push((result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? 'parse'));
}
process.stdout.write(JSON.stringify(out));
