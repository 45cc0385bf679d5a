import { defineConfig } from 'vitest/config';

// End-to-end tests: the web build in Debian's Chromium through playwright-core. The global setup
// builds and serves the web version once for all e2e files (test/e2e/harness.ts has the helpers).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/setup/buildCli.ts', 'test/e2e/globalSetup.ts'],
    testTimeout: 180_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    passWithNoTests: true,
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: 'test-results/e2e.json' },
  },
});
