import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTwinServer, type TwinServer } from '../twin/server';
import { listCertificates, trustCertificate, untrustCertificate } from './certificates';
import { connectPlant } from './plant-connection';
import { writeValue } from './write-path';

const OPERATOR = { username: 'operator', password: 'plantpilot-test' };

// Plants commonly allow only signed and encrypted channels; the connector must work there too,
// and must not trust a server certificate it has not been told to trust.
describe('plant connection over a signed and encrypted channel (Basic256Sha256)', () => {
  let twin: TwinServer;
  let pkiDir: string;

  beforeAll(async () => {
    pkiDir = await mkdtemp(path.join(tmpdir(), 'plantpilot-opcua-secure-'));
    twin = await startTwinServer({ port: 0, seed: 5, speed: 60, tickMs: 100, users: [OPERATOR] });
  });

  afterAll(async () => {
    await twin?.close();
    await rm(pkiDir, { recursive: true, force: true });
  });

  const secured = (certificateDir: string, trustUnknownServerCertificate: boolean) =>
    connectPlant({
      endpointUrl: twin.endpointUrl,
      certificateDir,
      securityMode: 'SignAndEncrypt',
      securityPolicy: 'Basic256Sha256',
      trustUnknownServerCertificate,
      identity: { type: 'username', ...OPERATOR },
      samplingIntervalMs: 100,
      publishingIntervalMs: 200,
      tags: { kind: 'browse' },
    });

  it('refuses a server certificate nobody trusted, saying how to review and trust it', async () => {
    const certificateDir = path.join(pkiDir, 'strict');
    await expect(secured(certificateDir, false)).rejects.toMatchObject({
      code: 'plant_unreachable',
      message: expect.stringContaining('plantpilot opcua trust'),
    });
    // The refused certificate is kept where an engineer can review it and move it to trusted/.
    expect(await readdir(path.join(certificateDir, 'rejected'))).not.toHaveLength(0);
  });

  it('commissions a refused server certificate by its thumbprint, and can withdraw the trust again', async () => {
    const certificateDir = path.join(pkiDir, 'strict');
    const rejected = (await listCertificates(certificateDir)).filter((c) => c.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ thumbprint: expect.stringMatching(/^[0-9a-f]{40}$/), expired: false });
    // Our own certificate was made at the first attempt, for the server's trust list.
    expect((await listCertificates(certificateDir)).filter((c) => c.status === 'own')).toHaveLength(1);

    const trusted = await trustCertificate(certificateDir, rejected[0]!.thumbprint.slice(0, 12).toUpperCase());
    expect(trusted).toMatchObject({ status: 'trusted', thumbprint: rejected[0]!.thumbprint });
    const plant = await secured(certificateDir, false);
    try {
      expect(plant.getValue('L1-RFL', 'Zone4.SetpointC')).toMatchObject({ unit: '°C', quality: 'good' });
    } finally {
      await plant.close();
    }

    await untrustCertificate(certificateDir, rejected[0]!.thumbprint);
    await expect(secured(certificateDir, false)).rejects.toMatchObject({ code: 'plant_unreachable' });
    await expect(trustCertificate(certificateDir, 'not-hex')).rejects.toMatchObject({ code: 'invalid_argument' });
    await expect(trustCertificate(certificateDir, '00000000')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('reads and writes with read-back once the server certificate is trusted', async () => {
    const plant = await secured(path.join(pkiDir, 'commissioned'), true);
    try {
      expect(plant.getValue('L1-RFL', 'Zone4.SetpointC')).toMatchObject({ unit: '°C', quality: 'good' });
      const result = await writeValue(plant, 'L1-RFL', 'Zone4.SetpointC', 241);
      expect(result.readBack).toMatchObject({ value: 241, quality: 'good' });
    } finally {
      await plant.close();
    }
  });
});
