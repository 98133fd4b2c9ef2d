import nx from '@nx/eslint-plugin';

import baseConfig from '../../eslint.config.mjs';

/**
 * `nx lint admin` runs ESLint from apps/admin, where the root's blocks written for `apps/admin/src/**` (the one clock
 * for time) match nothing: the same blocks again with their paths taken from this folder.
 */
const PREFIX = 'apps/admin/';
const rootBlocksForAdmin = baseConfig
  .filter((block) => block.files?.some((f) => f.startsWith(PREFIX)))
  .map((block) => ({
    ...block,
    files: block.files.filter((f) => f.startsWith(PREFIX)).map((f) => f.slice(PREFIX.length)),
    ...(block.ignores
      ? { ignores: block.ignores.map((f) => (f.startsWith(PREFIX) ? f.slice(PREFIX.length) : f)) }
      : {}),
  }));

export default [
  ...nx.configs['flat/angular'],
  ...nx.configs['flat/angular-template'],
  ...baseConfig,
  ...rootBlocksForAdmin,
  {
    files: ['**/*.ts'],
    rules: {
      '@angular-eslint/directive-selector': [
        'error',
        {
          type: 'attribute',
          prefix: 'admin',
          style: 'camelCase',
        },
      ],
      '@angular-eslint/component-selector': [
        'error',
        {
          type: 'element',
          prefix: 'admin',
          style: 'kebab-case',
        },
      ],
      '@angular-eslint/prefer-on-push-component-change-detection': 'error',
    },
  },
  {
    files: ['**/*.html'],
    // Override or add rules here
    rules: {},
  },
];
