/**
 * Runs scenario suites through the real agent (createAgent, tool adapter, conversation store) on an
 * in-memory database, with whatever model and registry it is given. Scenarios whose tools are not
 * registered are skipped as "tool not available", so the report is honest about coverage.
 */
import { performance } from 'node:perf_hooks';
import { startAgentService } from '../../agent/agent-service';
import type { ListAssets } from '../../agent/assets';
import type { AgentModel } from '../../agent/models/agent-model';
import { approvalGateDouble } from '../../agent/testing/approval-gate-double';
import { migrate } from '../../lib/db/migrate';
import { openEmbeddedDb } from '../../lib/db/pglite';
import { silentLogger } from '../../lib/log';
import type { ToolRegistry } from '../../tools/registry';
import type { Actor } from '@/lib/auth/actor';
import type { LoadedScenario } from './scenario';
import { score, type ObservedCall } from './score';

export type ScenarioResult = {
  name: string;
  file: string;
  status: 'passed' | 'failed' | 'skipped';
  reason?: string;
  toolsMatched: number;
  toolsExpected: number;
  factsFound: number;
  factsExpected: number;
  approvalRequested: boolean;
  latencyMs: number;
  calls: ObservedCall[];
  answer: string;
};

export type SuiteReport = {
  suite: string;
  model: string;
  scenarios: number;
  passed: number;
  failed: number;
  skipped: number;
  toolSelectionAccuracy: number | null;
  factRecall: number | null;
  latencyMsP50: number | null;
  results: ScenarioResult[];
};

const EVAL_ACTOR: Actor = { kind: 'system', id: 'eval', name: 'Scenario runner', role: 'operator' };

/** The message of a failed tool call's `{ error: { message } }` output, or the output itself. */
function errorText(output: unknown): string {
  const message = (output as { error?: { message?: unknown } } | undefined)?.error?.message;
  return typeof message === 'string' ? message : JSON.stringify(output ?? null).slice(0, 300);
}

function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function runSuite(input: {
  suite: string;
  scenarios: LoadedScenario[];
  registry: ToolRegistry;
  model: AgentModel;
  listAssets: ListAssets;
}): Promise<SuiteReport> {
  const db = await openEmbeddedDb({});
  const results: ScenarioResult[] = [];
  try {
    await migrate(db);
    // A gate that files and never decides: scenarios check that approval is requested, never that it runs.
    const agent = await startAgentService({
      db,
      log: silentLogger,
      registry: input.registry,
      gate: approvalGateDouble(),
      listAssets: input.listAssets,
      model: input.model,
    });
    try {
      for (const scenario of input.scenarios) {
        const missing = [...scenario.requires, ...scenario.expect.toolCalls.map((call) => call.name)].filter((name) => !input.registry.has(name));
        const base = {
          name: scenario.name,
          file: scenario.file,
          toolsMatched: 0,
          toolsExpected: scenario.expect.toolCalls.length,
          factsFound: 0,
          factsExpected: scenario.expect.facts.length,
          approvalRequested: false,
          latencyMs: 0,
          calls: [],
          answer: '',
        };
        if (missing.length > 0) {
          results.push({ ...base, status: 'skipped', reason: `tool not available: ${[...new Set(missing)].join(', ')}` });
          continue;
        }
        let conversationId: string | undefined;
        let calls: ObservedCall[] = [];
        let answer = '';
        let approvalRequested = false;
        let error: string | undefined;
        const started = performance.now();
        for (const turn of scenario.turns) {
          calls = [];
          answer = '';
          for await (const event of agent.send({ conversationId, message: turn.user, actor: EVAL_ACTOR })) {
            if (event.type === 'start') conversationId = event.conversationId;
            else if (event.type === 'token') answer += event.text;
            else if (event.type === 'tool_call') calls.push({ name: event.call.name, args: event.call.args });
            else if (event.type === 'tool_result' && event.call.status === 'error') {
              const failed = calls.find((call) => call.name === event.call.name && call.error === undefined);
              if (failed) failed.error = errorText(event.call.output);
            } else if (event.type === 'approval_requested') approvalRequested = true;
            else if (event.type === 'error') error = event.message;
          }
        }
        const latencyMs = performance.now() - started;
        const scored = score(scenario.expect, { calls, answer, approvalRequested, error });
        const reasons = [
          ...scored.missingCalls.map((c) => `missing call ${c}`),
          ...scored.failedCalls.map((c) => `call failed ${c}`),
          ...scored.missingFacts.map((f) => `missing fact "${f}"`),
        ];
        if (approvalRequested !== scenario.expect.approvalRequested)
          reasons.push(approvalRequested ? 'approval requested unexpectedly' : 'approval not requested');
        if (scenario.expect.noToolCalls && calls.length > 0) reasons.push(`unexpected calls ${calls.map((c) => c.name).join(', ')}`);
        if (error) reasons.push(`error: ${error}`);
        results.push({
          ...base,
          ...scored,
          status: scored.passed ? 'passed' : 'failed',
          reason: reasons.join('; ') || undefined,
          approvalRequested,
          latencyMs,
          calls,
          answer,
        });
      }
    } finally {
      await agent.close();
    }
  } finally {
    await db.close();
  }
  const ran = results.filter((result) => result.status !== 'skipped');
  const sum = (pick: (r: ScenarioResult) => number) => ran.reduce((total, result) => total + pick(result), 0);
  return {
    suite: input.suite,
    model: input.model.name,
    scenarios: results.length,
    passed: results.filter((r) => r.status === 'passed').length,
    failed: results.filter((r) => r.status === 'failed').length,
    skipped: results.filter((r) => r.status === 'skipped').length,
    toolSelectionAccuracy: sum((r) => r.toolsExpected) > 0 ? sum((r) => r.toolsMatched) / sum((r) => r.toolsExpected) : null,
    factRecall: sum((r) => r.factsExpected) > 0 ? sum((r) => r.factsFound) / sum((r) => r.factsExpected) : null,
    latencyMsP50: percentile(
      ran.map((r) => r.latencyMs),
      50,
    ),
    results,
  };
}

/** The human-readable table `plantpilot eval` prints. */
export function formatReport(report: SuiteReport): string {
  const pct = (value: number | null) => (value === null ? 'n/a' : `${(value * 100).toFixed(1)} %`);
  const rows = report.results.map(
    (r) =>
      `${r.status.padEnd(8)} ${r.name.padEnd(40)} tools ${r.toolsMatched}/${r.toolsExpected}  facts ${r.factsFound}/${r.factsExpected}  ${r.latencyMs.toFixed(0).padStart(5)} ms${r.reason ? `  ${r.reason}` : ''}`,
  );
  return [
    `Suite ${report.suite} · model ${report.model}`,
    ...rows,
    `${report.passed} passed, ${report.failed} failed, ${report.skipped} skipped (of ${report.scenarios}) · tool-selection accuracy ${pct(report.toolSelectionAccuracy)} · answer-fact recall ${pct(report.factRecall)} · latency p50 ${report.latencyMsP50?.toFixed(0) ?? 'n/a'} ms`,
  ].join('\n');
}
