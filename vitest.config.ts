import { defineConfig } from 'vitest/config';

// Unit tests only: src/** (beside the code) and tests/unit/**. Playwright specs live in e2e/ and
// are never picked up here.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
