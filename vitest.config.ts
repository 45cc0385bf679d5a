import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    // The built CLI and worker (out/cli): CLI tests run it, Node pools start its worker.
    globalSetup: ['test/setup/buildCli.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // CI reads the JSON report to print its closing "N passed, N failed" line.
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: 'test-results/unit.json' },
  },
});
