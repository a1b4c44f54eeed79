/**
 * `plantpilot eval [--suite name] [--json]`: runs scenario suites through the agent with the
 * configured model (the offline model when no endpoint is set) and the registry's tools, prints a
 * table, and writes JSON to evals/out/. With --json, stdout's last line is one JSON object.
 * `--suite safety` runs the adversarial approval-gate suite.
 */
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('eval')
    .description('run the agent scenario suites (offline model unless OPENAI_BASE_URL is set); --suite safety runs the adversarial approval-gate suite')
    .option('--suite <name>', 'run one suite (default: all)')
    .option('--json', 'print the result as one JSON object on the last line')
    .option('--out <file>', 'where to write the JSON report (default: evals/out/agent-<suite>.json)')
    .action(async (options: { suite?: string; json?: boolean; out?: string }) => {
      // Loaded on use: the agent, the plant twin and node-opcua are heavy; other commands should not pay for them.
      const { runEvalCommand } = await import('../../evals/run/eval-command');
      await runEvalCommand(options);
    });
}
