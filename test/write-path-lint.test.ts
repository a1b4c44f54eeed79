/**
 * The single door to the plant, held by the linter: importing the connector's write path from
 * anywhere but an actuate tool is a lint error. Lints small sources as if they were files in the
 * repository, so the rule itself is what is tested.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function writePathErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

const STATIC_IMPORT = "import { writeValue } from '@/connectors/opcua/write-path';\nexport const write = writeValue;\n";

describe('only actuate tools may import the write path', () => {
  it('is an error in a read tool, a service, a route and the agent, however the path is written', async () => {
    expect(await writePathErrors('tools/plant/tools/asset-state.ts', STATIC_IMPORT)).toHaveLength(1);
    expect(
      await writePathErrors(
        'tools/scheduling/service/scheduling-service.ts',
        "import { callMethod } from '../../../connectors/opcua/write-path';\nexport const c = callMethod;\n",
      ),
    ).toHaveLength(1);
    expect(await writePathErrors('app/api/plant/history/route.ts', "export { writeValue } from '@/connectors/opcua/write-path';\n")).toHaveLength(1);
    expect(await writePathErrors('agent/tool-adapter.ts', "export const load = () => import('../connectors/opcua/write-path');\n")).toHaveLength(1);
    expect(
      await writePathErrors('connectors/opcua/plant-connection.ts', "import { writeValue } from './write-path';\nexport const w = writeValue;\n"),
    ).toHaveLength(1);
  });

  it('is allowed in the actuate tools and the connector tests', async () => {
    expect(await writePathErrors('tools/plant/tools/set-setpoint.ts', STATIC_IMPORT)).toEqual([]);
    expect(await writePathErrors('tools/plant/tools/machine-command.ts', STATIC_IMPORT)).toEqual([]);
    expect(await writePathErrors('tools/scheduling/tools/release-schedule.ts', STATIC_IMPORT)).toEqual([]);
    expect(await writePathErrors('connectors/opcua/twin.int.test.ts', "import { writeValue } from './write-path';\nexport const w = writeValue;\n")).toEqual(
      [],
    );
  });
});
