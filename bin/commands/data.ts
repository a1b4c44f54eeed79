/**
 * `plantpilot data verify <dir>`: checks a downloaded copy of a benchmark data set (C-MAPSS, JSPLIB,
 * DeepPCB, VRPTW) against the checksums committed in evals/data/manifests/. Nothing is downloaded.
 */
import type { Command } from 'commander';
import { AppError } from '../../lib/errors';
import { dataSetsIn, formatReport, readManifest, verifyDataSet, type VerifyReport } from '../../evals/data/verify';

export function register(program: Command): void {
  const data = program.command('data').description('the public benchmark data sets (docs/benchmarks.md)');
  data
    .command('verify')
    .description('check a downloaded data set (or a folder of them) against the committed sha256 manifests')
    .argument('<dir>', 'folder of one data set (e.g. ./data/cmapss) or the folder holding several')
    .option('--json', 'print the reports as one JSON array on the last line')
    .action(async (dir: string, options: { json?: boolean }) => {
      const reports: VerifyReport[] = [];
      for (const { dataSet, dir: setDir } of dataSetsIn(dir)) {
        const report = await verifyDataSet(dataSet.id, setDir, readManifest(dataSet));
        reports.push(report);
        if (!options.json) console.log(formatReport(report));
      }
      if (options.json) console.log(JSON.stringify(reports));
      const bad = reports.filter((r) => r.mismatched.length > 0 || r.missing.length > 0);
      if (bad.length > 0) {
        throw new AppError(
          'invalid_file',
          `${bad.map((r) => r.dataSet).join(', ')}: the copy differs from the published data (changed or missing files above). Download it again from the source in docs/benchmarks.md.`,
        );
      }
    });
}
