import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';

// The purity fence (ARCHITECTURE.md rule 1): the core and the scenario layer import no UI,
// state or worker library and read no clock or global randomness.
const pureRestrictions = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'core stays free of React' },
        { group: ['@xyflow/*'], message: 'core stays free of React Flow' },
        { group: ['zustand', 'zustand/*'], message: 'core stays free of the store' },
        { group: ['d3', 'd3-*'], message: 'core stays free of d3' },
        { group: ['comlink'], message: 'core stays free of the worker bridge' },
        {
          group: ['**/ui/**', '**/store/**', '**/worker/**', '**/app/**', '**/platform/**'],
          message: 'dependencies point down',
        },
      ],
    },
  ],
  'no-restricted-properties': [
    'error',
    { object: 'Math', property: 'random', message: 'pass a seeded generator instead' },
    { object: 'Date', property: 'now', message: 'the core is deterministic' },
    { object: 'performance', property: 'now', message: 'the core is deterministic' },
  ],
};

export default tseslint.config(
  {
    ignores: ['dist', 'dist-*', '.dist-*', 'node_modules', 'test-results', 'playwright-report', '.reports'],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/scenario/**/*.ts', 'src/lessons/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: pureRestrictions,
  },
  prettier,
);
