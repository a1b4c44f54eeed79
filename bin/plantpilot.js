#!/usr/bin/env node
// The `plantpilot` command. The CLI is TypeScript; tsx compiles it on the fly so a fresh clone
// runs `npx plantpilot <command>` right after `npm ci`, with no separate build step.
import { register } from 'tsx/esm/api';

register();
await import('./cli.ts');
