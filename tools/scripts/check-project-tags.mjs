// Fails when a project.json lacks exactly one scope:* and one type:* tag.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
const found = [];
function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', 'dist', 'tmp', '.git', '.nx', 'coverage', 'data'].includes(e.name)) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name === 'project.json') found.push(p);
  }
}
walk(path.join(root, 'apps'));
walk(path.join(root, 'libs'));
let bad = 0;
for (const p of found) {
  const tags = JSON.parse(fs.readFileSync(p, 'utf8')).tags ?? [];
  const scopes = tags.filter((t) => t.startsWith('scope:'));
  const types = tags.filter((t) => t.startsWith('type:'));
  if (scopes.length !== 1 || types.length !== 1) {
    console.error(`${path.relative(root, p)}: needs one scope:* and one type:* tag, has ${JSON.stringify(tags)}`);
    bad++;
  }
}
if (bad) process.exit(1);
console.log(`project tags ok (${found.length} projects)`);
