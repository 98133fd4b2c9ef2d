import nx from '@nx/eslint-plugin';

/**
 * Root lint configuration.
 * - Project boundaries: two tag dimensions (scope:*, type:*), see docs/product/ARCHITECTURE.md.
 * - The domain library is pure: no framework, no Node built-ins, no ambient time or randomness.
 * - Test helpers (`@socium/* /testing`) are only importable from specs.
 * - `it.only` / `describe.only` and empty tests are errors.
 * - Browser code (admin, widget) imports @socium/contracts as types only; time comes from one clock per app.
 * tools/lint-rules/boundaries.spec.ts proves these rules fire, linting from each project's folder as nx lint does.
 */
export const depConstraints = [
  // layers
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: [
      'type:feature',
      'type:data-access',
      'type:ui',
      'type:contracts',
      'type:domain',
      'type:util',
    ],
  },
  {
    sourceTag: 'type:feature',
    onlyDependOnLibsWithTags: ['type:data-access', 'type:ui', 'type:contracts', 'type:domain', 'type:util'],
  },
  {
    sourceTag: 'type:data-access',
    onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:util'],
  },
  { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:util'] },
  {
    sourceTag: 'type:contracts',
    onlyDependOnLibsWithTags: ['type:domain'],
    allowedExternalImports: ['zod'],
  },
  {
    sourceTag: 'type:domain',
    onlyDependOnLibsWithTags: [],
    allowedExternalImports: [],
  },
  // scopes
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  {
    sourceTag: 'scope:api',
    onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'],
    bannedExternalImports: ['@angular/*'],
  },
  {
    sourceTag: 'scope:admin',
    onlyDependOnLibsWithTags: ['scope:admin', 'scope:shared'],
    bannedExternalImports: ['@nestjs/*', '@mikro-orm/*'],
  },
  {
    sourceTag: 'scope:widget',
    onlyDependOnLibsWithTags: ['scope:widget', 'scope:shared'],
    bannedExternalImports: ['@nestjs/*', '@mikro-orm/*', '@angular/*'],
  },
];

const noFocusedOrEmptyTests = [
  {
    selector: "CallExpression[callee.object.name=/^(it|describe|test)$/][callee.property.name='only']",
    message: 'Focused tests (.only) are not allowed.',
  },
  {
    selector: 'CallExpression[callee.name=/^(it|test)$/][arguments.length<2]',
    message: 'A test needs a body.',
  },
  {
    selector:
      "CallExpression[callee.name=/^(it|test)$/] > :matches(ArrowFunctionExpression, FunctionExpression).arguments[body.type='BlockStatement'][body.body.length=0]",
    message: 'Empty (placeholder) tests are not allowed.',
  },
  {
    selector: "CallExpression[callee.name=/^(it|test)$/] > Literal.arguments:first-child[value='']",
    message: 'A test must be named as a sentence about behaviour.',
  },
];

/** Time comes from one clock per app: argument-less `new Date()` and `Date.now` (called or passed on) only inside it. */
const noAmbientTime = [
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'Read the time from the clock (ClockService in the API, core/clock.ts in the admin app).',
  },
  {
    selector: "MemberExpression[object.name='Date'][property.name='now']",
    message: 'Read the time from the clock (ClockService in the API, core/clock.ts in the admin app).',
  },
];

const blocks = [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/out-tsc', '**/tmp', '**/coverage', 'tools/lint-rules/fixtures/**'],
  },
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$', '@socium/domain/testing'],
          depConstraints,
        },
      ],
    },
  },
  {
    files: ['**/*.ts'],
    ignores: [
      '**/*.spec.ts',
      '**/*.medium-spec.ts',
      '**/*.e2e-spec.ts',
      '**/test/**',
      '**/testing.ts',
      '**/testing/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@socium/*/testing'],
              message: 'Test helpers are for specs only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.medium-spec.ts', '**/*.e2e-spec.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...noFocusedOrEmptyTests],
      // Specs may use test tooling (fast-check, supertest, …); production code keeps the strict matrix.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: ['@socium/domain/testing'],
          depConstraints: depConstraints.map((c) =>
            c.allowedExternalImports
              ? { ...c, allowedExternalImports: [...c.allowedExternalImports, 'fast-check', 'jest', '@jest/*'] }
              : c,
          ),
        },
      ],
    },
  },
  {
    files: ['libs/domain/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['crypto', 'fs', 'path', 'os', 'uuid', 'util', 'events'].map((name) => ({
            name,
            message: 'The domain is pure: pass values in.',
          })),
          patterns: [
            {
              group: ['node:*'],
              message: 'The domain is pure: no Node built-ins.',
            },
            {
              group: ['@socium/*/testing'],
              message: 'Test helpers are for specs only.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'Date',
          property: 'now',
          message: 'Time comes in through a Clock or an argument.',
        },
        {
          object: 'Math',
          property: 'random',
          message: 'Randomness comes in through an argument.',
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Time comes in through a Clock or an argument.',
        },
        {
          selector: "CallExpression[callee.name='Date']",
          message: 'Time comes in through a Clock or an argument.',
        },
      ],
    },
  },
  {
    // Browser bundles take the wire shapes as types only: a value import of the contracts brings zod and every schema.
    files: ['apps/admin/src/**/*.ts', 'apps/widget/src/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@socium/contracts',
              allowTypeImports: true,
              message: 'Browser code imports the contracts as types only (import type): values would bundle zod.',
            },
          ],
          patterns: [{ group: ['@socium/*/testing'], message: 'Test helpers are for specs only.' }],
        },
      ],
    },
  },
  {
    files: ['apps/api/src/**/*.ts', 'apps/admin/src/**/*.ts'],
    ignores: ['apps/api/src/app/clock/clock.service.ts', 'apps/admin/src/app/core/clock.ts', '**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...noAmbientTime],
    },
  },
];

/**
 * `nx lint <project>` runs ESLint inside the project's folder, where a pattern written from the repository's root
 * (`libs/domain/**`, `apps/api/src/**`) would match nothing: the blocks that name such paths are anchored at the root.
 */
const ROOT = import.meta.dirname;
const rooted = (f) => /^(apps|libs|tools)\//.test(f);
export default blocks.map((b) => (b.files?.some(rooted) ? { ...b, basePath: ROOT } : b));
