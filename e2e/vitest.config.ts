import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Browser tests: a real app server process and Debian's Chromium driven by playwright-core.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('..', import.meta.url)) } },
  test: {
    include: ['e2e/**/*.test.ts'],
    testTimeout: 120_000,
    // The first start after a source change builds the web app.
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
