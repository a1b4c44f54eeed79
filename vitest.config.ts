import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Unit tests (*.test.ts) and integration tests (*.int.test.ts) that start their own
// servers on 127.0.0.1:0. Browser tests live in e2e/ with their own config.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'e2e/**', '.next/**', '.plantpilot/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one worker less than the cores: one on a 2-core CI machine. The integration tests wait on
    // servers, brokers and child processes much of their time, so two workers finish sooner (the whole suite took
    // 702 s with two against 1,117 s with one, same machine and load, 2026-12-04). Each test opens its own database.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // One module graph per worker, not one per test file: re-importing node-opcua, PGlite and the offline model for
    // each of 200 files cost about a third of the run (whole suite 612 s isolated, ~390 s not, 2026-12-04). Every
    // test builds its own servers and databases and restores what it stubs, so no state is shared between files.
    isolate: false,
  },
});
