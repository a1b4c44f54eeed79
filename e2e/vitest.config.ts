import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Browser tests: a real app server process and Debian's Chromium driven by playwright-core.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('..', import.meta.url)) } },
  test: {
    include: ['e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // The web app is built once, before any file starts its own app (a first start after a source change would build).
    globalSetup: ['e2e/global-setup.ts'],
    // Two files at a time: about half of each file's time is its app starting (twin warm-up, manuals), which two
    // cores overlap with the other file's browser work. Each file has its own app, data dir and browser.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
