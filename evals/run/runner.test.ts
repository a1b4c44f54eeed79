import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createOfflineModel, OFFLINE_MODEL_NAME } from '../../agent/models/offline/offline-model';
import { PLANT_TEST_TOOLS } from '../../agent/testing/plant-test-tools';
import { twinAssets } from '../../agent/twin-assets';
import { ToolRegistry } from '../../tools/registry';
import { runSuite } from './runner';
import { listSuites, loadSuite } from './scenario';

describe('scenario suites', () => {
  it('load, have unique names, and cover at least 40 scenarios', () => {
    const all = listSuites().flatMap((suite) => loadSuite(suite));
    expect(all.length).toBeGreaterThanOrEqual(40);
  });

  it('refuse a turn that an unquoted comma cut short in a YAML flow mapping', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pp-scenarios-'));
    fs.mkdirSync(path.join(dir, 'broken'));
    fs.writeFileSync(
      path.join(dir, 'broken', 'a.yaml'),
      'scenarios:\n  - name: cut\n    turns: [{ user: stop, quick question, is the oven running? }]\n    expect: { toolCalls: [] }\n',
    );
    expect(() => loadSuite('broken', dir)).toThrow(/Unrecognized key/);
  });

  it('run through the offline agent: scenarios for registered tools pass, the rest are skipped as unavailable', async () => {
    const listAssets = async () => twinAssets();
    const report = await runSuite({
      suite: 'core',
      scenarios: loadSuite('core'),
      registry: new ToolRegistry(PLANT_TEST_TOOLS),
      model: { name: OFFLINE_MODEL_NAME, kind: 'offline', chat: createOfflineModel({ listAssets }) },
      listAssets,
    });
    const failures = report.results.filter((r) => r.status === 'failed').map((r) => `${r.name}: ${r.reason}`);
    expect(failures).toEqual([]);
    expect(report.passed).toBeGreaterThanOrEqual(25);
    expect(report.results.find((r) => r.name === 'propose-schedule')).toMatchObject({ status: 'skipped', reason: 'tool not available: propose_schedule' });
    expect(report.toolSelectionAccuracy).toBe(1);
  });
});
