/**
 * Agent overhead benchmark: a zero-latency scripted model, N concurrent conversations, each turn one
 * tool call. Measures server time to the first streamed event and to the first answer token, and the
 * per-tool-call overhead (tool_call → tool_result minus the tool's own run time), p50/p95. The
 * baseline in the same run is the registry call alone.
 *
 *   npx tsx evals/bench/agent.ts [--conversations 20] [--rounds 5] [--pg-url postgres://…] [--out evals/out/agent-bench.json]
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { startAgentService } from '../../agent/agent-service';
import { ScriptedToolModel } from '../../agent/testing/scripted-model';
import { PLANT_TEST_TOOLS, TEST_ASSETS } from '../../agent/testing/plant-test-tools';
import { migrate } from '../../lib/db/migrate';
import { openEmbeddedDb } from '../../lib/db/pglite';
import { openFreshPostgres } from '../../lib/db/testing';
import { silentLogger } from '../../lib/log';
import { ToolRegistry } from '../../tools/registry';

const { values } = parseArgs({
  options: {
    conversations: { type: 'string', default: '20' },
    rounds: { type: 'string', default: '5' },
    /** Run on a fresh database on this PostgreSQL server instead of embedded PGlite. */
    'pg-url': { type: 'string' },
    out: { type: 'string', default: path.resolve(import.meta.dirname, '..', 'out', 'agent-bench.json') },
  },
});
const conversations = Number(values.conversations);
const rounds = Number(values.rounds);

function pct(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const db = values['pg-url'] ? await openFreshPostgres(values['pg-url']) : await openEmbeddedDb({});
await migrate(db);
const registry = new ToolRegistry(PLANT_TEST_TOOLS);
const agent = await startAgentService({
  db,
  log: silentLogger,
  registry,
  listAssets: async () => TEST_ASSETS,
  model: { name: 'scripted zero-latency', kind: 'scripted', chat: new ScriptedToolModel({ name: 'asset_state', args: { asset: 'L1-RFL' } }) },
});
const actor = { kind: 'system', id: 'bench', name: 'bench', role: 'operator' } as const;

const firstByteMs: number[] = [];
const firstTokenMs: number[] = [];
const overheadMs: number[] = [];
const turnMs: number[] = [];
const ids: (string | undefined)[] = Array.from({ length: conversations }, () => undefined);

async function turn(index: number): Promise<void> {
  const started = performance.now();
  let first = true;
  let gotToken = false;
  const callStarted = new Map<string, number>();
  for await (const event of agent.send({ conversationId: ids[index], message: 'How is the reflow oven on line 1?', actor })) {
    const at = performance.now();
    if (first) {
      firstByteMs.push(at - started);
      first = false;
    }
    if (event.type === 'start') ids[index] = event.conversationId;
    if (event.type === 'token' && !gotToken) {
      firstTokenMs.push(at - started);
      gotToken = true;
    }
    if (event.type === 'tool_call') callStarted.set(event.call.id, at);
    if (event.type === 'tool_result') overheadMs.push(at - callStarted.get(event.call.id)! - (event.call.durationMs ?? 0));
    if (event.type === 'error') throw new Error(event.message);
  }
  turnMs.push(performance.now() - started);
}

// Warm-up: one turn so module loading and the first queries are not measured.
await turn(0);
firstByteMs.length = firstTokenMs.length = overheadMs.length = turnMs.length = 0;

const wallStarted = performance.now();
for (let round = 0; round < rounds; round++) await Promise.all(Array.from({ length: conversations }, (_, index) => turn(index)));
const wallMs = performance.now() - wallStarted;

const baselineMs: number[] = [];
const tool = registry.get('asset_state');
for (let i = 0; i < 200; i++) {
  const started = performance.now();
  await tool.run({ asset: 'L1-RFL' }, { actor });
  baselineMs.push(performance.now() - started);
}

await agent.close();
await db.close();

const rows = [
  ['first streamed event', firstByteMs, 50],
  ['first answer token', firstTokenMs, undefined],
  ['per-tool-call overhead', overheadMs, 10],
  ['whole turn', turnMs, undefined],
  ['baseline: registry call alone', baselineMs, undefined],
] as const;
console.log(
  `Agent benchmark · ${conversations} concurrent conversations × ${rounds} rounds · ${db.kind === 'pglite' ? 'embedded PGlite' : 'PostgreSQL'} · ${(wallMs / 1000).toFixed(1)} s wall`,
);
console.log(`${'measure'.padEnd(32)} ${'n'.padStart(5)} ${'p50 ms'.padStart(9)} ${'p95 ms'.padStart(9)}  target`);
for (const [name, samples, target] of rows) {
  console.log(
    `${name.padEnd(32)} ${String(samples.length).padStart(5)} ${pct(samples, 50).toFixed(2).padStart(9)} ${pct(samples, 95).toFixed(2).padStart(9)}  ${target === undefined ? '' : name.startsWith('first') ? `p95 ≤ ${target}` : `p50 ≤ ${target}`}`,
  );
}
const result = {
  conversations,
  rounds,
  wallMs,
  firstByteMs: { p50: pct(firstByteMs, 50), p95: pct(firstByteMs, 95) },
  firstTokenMs: { p50: pct(firstTokenMs, 50), p95: pct(firstTokenMs, 95) },
  perToolCallOverheadMs: { p50: pct(overheadMs, 50), p95: pct(overheadMs, 95) },
  turnMs: { p50: pct(turnMs, 50), p95: pct(turnMs, 95) },
  baselineRegistryCallMs: { p50: pct(baselineMs, 50), p95: pct(baselineMs, 95) },
  targets: { firstByteP95Ms: 50, perToolCallOverheadP50Ms: 10 },
};
fs.mkdirSync(path.dirname(values.out!), { recursive: true });
fs.writeFileSync(values.out!, `${JSON.stringify(result, null, 2)}\n`);
console.log(`Wrote ${values.out}`);
