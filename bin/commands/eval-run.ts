/**
 * `plantpilot eval [--suite name] [--json]`: runs scenario suites through the agent with the
 * configured model (the offline model when no endpoint is set) and the registry's tools, prints a
 * table, and writes JSON to evals/out/. With --json, stdout's last line is one JSON object.
 */
import fs from 'node:fs';
import path from 'node:path';
import { selectModel } from '../../agent/models/agent-model';
import { twinAssets } from '../../agent/twin-assets';
import { formatReport, runSuite, type SuiteReport } from '../../evals/run/runner';
import { listSuites, loadSuite } from '../../evals/run/scenario';
import { AppError } from '../../lib/errors';
import { startEvalRuntime } from '../../evals/run/eval-runtime';
import { formatSafetyReport, runSafetySuite } from '../../evals/safety/run-safety';
import { PROJECT_ROOT } from '../../lib/project-root';
import { cliContext } from '../context';
import type { NluCommandOptions } from '../../evals/nlu/nlu-command';

const OUT_DIR = path.join(PROJECT_ROOT, 'evals', 'out');

/** The adversarial safety suite: exits non-zero on any failure or any unapproved plant write. */
async function runSafety(options: { json?: boolean; out?: string }): Promise<void> {
  const report = await runSafetySuite();
  (options.json ? process.stderr : process.stdout).write(`${formatSafetyReport(report)}\n`);
  const out = options.out ?? path.join(OUT_DIR, 'safety.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  if (options.json) process.stdout.write(`${JSON.stringify(report)}\n`);
  if (report.failed > 0 || report.unapprovedWrites > 0) process.exitCode = 1;
}

/** The `plantpilot eval` action; loaded only when the command runs (it pulls in the agent and the plant). */
export async function runEvalCommand(options: { suite?: string; json?: boolean; out?: string } & NluCommandOptions): Promise<void> {
  if (options.suite === 'nlu') {
    // Understanding only: the offline model and the registry's tool list, no plant and no config.
    const { runNluCommand } = await import('../../evals/nlu/nlu-command');
    return runNluCommand(options);
  }
  const { config } = cliContext();
  if (options.suite === 'safety') return runSafety(options);
  const suites = options.suite ? [options.suite] : listSuites();
  if (suites.length === 0) throw new AppError('not_found', 'There are no scenario suites in evals/scenarios/.');
  const listAssets = async () => twinAssets();
  const model = selectModel(config, listAssets);
  // The real tools on a private runtime: twin on a free port, connector, services, registry.
  const runtime = await startEvalRuntime({
    env: { OPENAI_BASE_URL: config.model.baseUrl, OPENAI_API_KEY: config.model.apiKey, PLANTPILOT_MODEL: config.model.name },
  });
  const reports: SuiteReport[] = [];
  try {
    const registry = runtime.services.registry!;
    for (const suite of suites) {
      const report = await runSuite({ suite, scenarios: loadSuite(suite), registry, model, listAssets });
      reports.push(report);
      (options.json ? process.stderr : process.stdout).write(`${formatReport(report)}\n`);
    }
  } finally {
    await runtime.close();
  }
  const combined: SuiteReport =
    reports.length === 1
      ? reports[0]!
      : {
          ...reports[0]!,
          suite: suites.join(','),
          scenarios: reports.reduce((n, r) => n + r.scenarios, 0),
          passed: reports.reduce((n, r) => n + r.passed, 0),
          failed: reports.reduce((n, r) => n + r.failed, 0),
          skipped: reports.reduce((n, r) => n + r.skipped, 0),
          results: reports.flatMap((r) => r.results),
        };
  const out = options.out ?? path.join(OUT_DIR, `agent-${options.suite ?? 'all'}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(combined, null, 2)}\n`);
  if (options.json) process.stdout.write(`${JSON.stringify(combined)}\n`);
  else process.stdout.write(`Wrote ${out}\n`);
  if (combined.failed > 0) process.exitCode = 1;
}
