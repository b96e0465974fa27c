import { defineConfig } from 'vitest/config';

// Core and scenario tests run in the plain node environment: this also proves at run time that
// the core needs no DOM.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    testTimeout: 20000,
  },
});
