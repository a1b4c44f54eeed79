/**
 * `plantpilot eval [--suite name] [--json]`: runs scenario suites through the agent with the
 * configured model (the offline model when no endpoint is set) and the registry's tools, prints a
 * table, and writes JSON to evals/out/. With --json, stdout's last line is one JSON object.
 * `--suite safety` runs the adversarial approval-gate suite; `--suite nlu` scores the offline model's
 * understanding on evals/nlu (--split, floors).
 */
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('eval')
    .description('run the agent scenario suites (offline model unless OPENAI_BASE_URL is set); --suite safety runs the adversarial approval-gate suite')
    .option('--suite <name>', 'run one suite (default: all)')
    .option('--json', 'print the result as one JSON object on the last line')
    .option('--out <file>', 'where to write the JSON report (default: evals/out/agent-<suite>.json)')
    .option('--split <split>', 'with --suite nlu: dev or test (default dev)')
    .option('--min-intent <fraction>', "with --suite nlu: exit 1 when a language's intent accuracy is below this, e.g. 0.95")
    .option('--min-args <fraction>', "with --suite nlu: exit 1 when a language's argument exact match is below this, e.g. 0.90")
    .option('--max-misfiled <count>', 'with --suite nlu: exit 1 when a language has more misfiled actuations, e.g. 0')
    .option('--show-failures <count>', 'with --suite nlu: how many failed items to list (default 25)')
    .action(
      async (options: {
        suite?: string;
        json?: boolean;
        out?: string;
        split?: string;
        minIntent?: string;
        minArgs?: string;
        maxMisfiled?: string;
        showFailures?: string;
      }) => {
        // Loaded on use: the agent, the plant twin and node-opcua are heavy; other commands should not pay for them.
        const { runEvalCommand } = await import('./eval-run');
        await runEvalCommand(options);
      },
    );
}
