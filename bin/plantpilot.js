#!/usr/bin/env node
// The `plantpilot` command. The CLI is TypeScript; tsx compiles it on the fly so a fresh clone
// runs `npx plantpilot <command>` right after `npm ci`, with no separate build step.
//
// `plantpilot start` owns SIGTERM and SIGINT from its first instant: compiling the CLI takes seconds
// on a busy machine, and a stop in that window must not kill the process half-way through a first
// start. Signals that arrive before the start command runs are held here and handed to it.
if (process.argv[2] === 'start') {
  const held = [];
  const hold = (signal) => held.push(signal);
  process.on('SIGTERM', hold);
  process.on('SIGINT', hold);
  globalThis[Symbol.for('plantpilot.earlySignals')] = {
    takeOver(handler) {
      process.off('SIGTERM', hold);
      process.off('SIGINT', hold);
      for (const signal of held) handler(signal);
    },
  };
}

// The project's tsconfig is named explicitly so its `@/` path alias resolves from whatever directory
// the command runs in. Imported dynamically: static imports would run before the handlers above.
const { fileURLToPath } = await import('node:url');
const { register } = await import('tsx/esm/api');
register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
await import('./cli.ts');
