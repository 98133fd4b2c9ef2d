import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    files: ['**/*.ts'],
    rules: {
      // The widget ships to other people's pages: contracts are types only, so zod never enters the bundle.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@socium/contracts',
              message: 'The widget imports @socium/contracts with `import type` only.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
];
