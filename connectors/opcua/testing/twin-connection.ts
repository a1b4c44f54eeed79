/**
 * For integration tests: the plant twin on a free port and a connector session on it, found by
 * browsing, with its own PKI folder; `close()` undoes all three.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTwinServer, type TwinServer, type TwinServerOptions } from '../../twin/server';
import { connectPlant, type PlantConnection, type PlantConnectionOptions } from '../plant-connection';

export type TwinConnection = { twin: TwinServer; plant: PlantConnection; pkiDir: string; close(): Promise<void> };

export async function startTwinConnection(
  twinOptions: TwinServerOptions,
  connection: Omit<PlantConnectionOptions, 'endpointUrl' | 'certificateDir' | 'tags'> = {},
): Promise<TwinConnection> {
  const pkiDir = await mkdtemp(path.join(tmpdir(), 'plantpilot-twin-test-'));
  const twin = await startTwinServer({ port: 0, speed: 60, tickMs: 100, ...twinOptions });
  const plant = await connectPlant({
    endpointUrl: twin.endpointUrl,
    certificateDir: path.join(pkiDir, 'pki'),
    tags: { kind: 'browse' },
    publishingIntervalMs: 200,
    ...connection,
  }).catch(async (error: unknown) => {
    await twin.close();
    throw error;
  });
  return {
    twin,
    plant,
    pkiDir,
    async close() {
      await plant.close();
      await twin.close();
      await rm(pkiDir, { recursive: true, force: true });
    },
  };
}
