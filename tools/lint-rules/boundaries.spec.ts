import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * Proves that the architecture rules fire: each case lints a deliberately bad snippet as if it
 * lived at the given path and expects the named rule to report an error. If a rule is weakened
 * or removed from eslint.config.mjs, this test fails. Snippets are linted from their project's folder, as `nx lint` does.
 */
const root = path.resolve(__dirname, '..', '..');

function lint(snippets: { code: string; file: string }[]): string[][] {
  const out = execFileSync(process.execPath, [path.join(__dirname, 'lint-snippets.mjs')], {
    input: JSON.stringify(snippets),
    cwd: root,
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

const CASES: [string, string, string, string][] = [
  [
    'a framework import in the domain',
    "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n",
    'libs/domain/src/lib/bad.ts',
    '@nx/enforce-module-boundaries',
  ],
  [
    'a Node built-in in the domain',
    "import { randomUUID } from 'node:crypto';\nexport const id = randomUUID();\n",
    'libs/domain/src/lib/bad.ts',
    'no-restricted-imports',
  ],
  [
    'ambient time in the domain',
    'export const now = Date.now();\n',
    'libs/domain/src/lib/bad.ts',
    'no-restricted-properties',
  ],
  [
    'an argument-less new Date() in the domain',
    'export const now = new Date();\n',
    'libs/domain/src/lib/bad.ts',
    'no-restricted-syntax',
  ],
  [
    'randomness in the domain',
    'export const r = Math.random();\n',
    'libs/domain/src/lib/bad.ts',
    'no-restricted-properties',
  ],
  [
    'the API importing from the contracts into the domain (a reverse layer)',
    "import { ROUTES } from '@socium/contracts';\nexport const r = ROUTES;\n",
    'libs/domain/src/lib/bad.ts',
    '@nx/enforce-module-boundaries',
  ],
  [
    'the ORM in the wire contracts',
    "import { MikroORM } from '@mikro-orm/core';\nexport const o = MikroORM;\n",
    'libs/contracts/src/lib/bad.ts',
    '@nx/enforce-module-boundaries',
  ],
  [
    'a test helper in production code',
    "import { FixedClock } from '@socium/domain/testing';\nexport const c = FixedClock;\n",
    'apps/api/src/app/bad.ts',
    'no-restricted-imports',
  ],
  [
    'a focused test',
    "it.only('does a thing', () => { expect(1).toBe(1); });\n",
    'libs/domain/src/lib/bad.spec.ts',
    'no-restricted-syntax',
  ],
  [
    'ambient time in the API outside its clock',
    'export const now = new Date();\n',
    'apps/api/src/app/bad.ts',
    'no-restricted-syntax',
  ],
  [
    'ambient time in the admin app outside its clock',
    'export const now = Date.now();\n',
    'apps/admin/src/app/bad.ts',
    'no-restricted-syntax',
  ],
  [
    'Date.now passed on as a clock in the API',
    'export const now: () => number = Date.now;\n',
    'apps/api/src/app/bad.ts',
    'no-restricted-syntax',
  ],
  [
    'an admin component without OnPush change detection',
    "import { Component } from '@angular/core';\n@Component({ selector: 'admin-bad', template: '' })\nexport class Bad {}\n",
    'apps/admin/src/app/bad.ts',
    '@angular-eslint/prefer-on-push-component-change-detection',
  ],
  [
    'a value import of the contracts in the admin app',
    "import { ROUTES } from '@socium/contracts';\nexport const r = ROUTES;\n",
    'apps/admin/src/app/bad.ts',
    'no-restricted-imports',
  ],
  [
    'a value import of the contracts in the widget',
    "import { ROUTES } from '@socium/contracts';\nexport const r = ROUTES;\n",
    'apps/widget/src/bad.ts',
    'no-restricted-imports',
  ],
  [
    'an empty placeholder test',
    "it('does nothing yet', () => {});\n",
    'libs/domain/src/lib/bad.spec.ts',
    'no-restricted-syntax',
  ],
];
const GOOD = {
  code: "import { LocalDate } from '../common';\nexport const d = LocalDate.of(2020, 2, 29);\n",
  file: 'libs/domain/src/lib/calendar/good.ts',
};

describe('architecture lint rules', () => {
  let results: string[][];
  beforeAll(() => {
    results = lint([...CASES.map(([, code, file]) => ({ code, file })), GOOD]);
  });

  it.each(CASES.map((c, i) => [c[0], c[3], i] as const))('rejects %s (%s)', (_name, rule, i) => {
    expect(results[i]).toContain(rule);
  });

  it('accepts a pure domain module that imports only its own lib', () => {
    expect(results[CASES.length]).toEqual([]);
  });
});
