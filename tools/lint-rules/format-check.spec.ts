import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * Proves that the formatting step of `npm test` (`prettier --check`, see tools/scripts/run-tests.mjs) rejects
 * badly formatted code and unsorted imports: each snippet is formatted with the repository's .prettierrc as if it
 * lived at the given path; a snippet the check would accept comes back unchanged.
 */
const root = path.resolve(__dirname, '..', '..');
const prettier = path.join(root, 'node_modules', 'prettier', 'bin', 'prettier.cjs');

function format(code: string, file: string): string {
  return execFileSync(process.execPath, [prettier, '--stdin-filepath', file], {
    input: code,
    cwd: root,
    encoding: 'utf8',
  });
}

describe('the formatting check', () => {
  it('rejects code that is not formatted', () => {
    const code = 'export const x = {a:1,  b : 2}\n';
    expect(format(code, 'libs/domain/src/lib/bad.ts')).not.toBe(code);
  });

  it('rejects imports that are not sorted into @socium, third-party and relative groups', () => {
    const code =
      "import { y } from './y';\nimport { z } from 'zod';\nimport { LocalDate } from '@socium/domain';\n\nexport const all = [y, z, LocalDate];\n";
    expect(format(code, 'apps/api/src/app/bad.ts')).toBe(
      "import { LocalDate } from '@socium/domain';\n\nimport { z } from 'zod';\n\nimport { y } from './y';\n\nexport const all = [y, z, LocalDate];\n",
    );
  });

  it('accepts code that is formatted and sorted', () => {
    const code =
      "import { LocalDate } from '@socium/domain';\n\nimport { y } from './y';\n\nexport const d = LocalDate.of(2020, 2, 29) ?? y;\n";
    expect(format(code, 'apps/api/src/app/good.ts')).toBe(code);
  });
});
