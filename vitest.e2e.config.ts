import { defineConfig } from 'vitest/config';

// End-to-end tests: the web build in Debian's Chromium through playwright-core.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    passWithNoTests: true,
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: 'test-results/e2e.json' },
  },
});
