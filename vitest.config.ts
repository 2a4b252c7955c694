import { defineConfig } from 'vitest/config';

/**
 * Three tiers (STYLE.md): `unit` — pure code, next to it as x.test.ts; `medium` — real PGlite (and
 * PostgreSQL when TEST_DATABASE_URL is set) through the real repositories and HTTP app;
 * `e2e` — Playwright driving Debian Chromium against a running server.
 */
export default defineConfig({
  test: {
    reporters: ['default', './tests/setup/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          exclude: ['**/*.medium.test.ts', 'node_modules/**'],
        },
      },
      {
        test: {
          name: 'medium',
          include: ['src/**/*.medium.test.ts', 'tests/medium/**/*.test.ts'],
          globalSetup: ['tests/setup/db-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/setup/e2e-global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
