import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  AttributeIds,
  ClientMonitoredItem,
  ClientSubscription,
  DataType,
  MessageSecurityMode,
  OPCUAClient,
  SecurityPolicy,
  StatusCodes,
  TimestampsToReturn,
  UserTokenType,
  constructEventFilter,
  type ClientSession,
} from 'node-opcua';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTwinServer, type TwinServer } from './server';
import { twinMachineNodeId, twinMethodNodeId, twinNodeId } from './node-ids';

const OPERATOR = { username: 'op', password: 'secret-1' };

async function withSession<T>(endpointUrl: string, user: typeof OPERATOR | null, work: (session: ClientSession) => Promise<T>): Promise<T> {
  const client = OPCUAClient.create({
    endpointMustExist: false,
    securityMode: MessageSecurityMode.None,
    securityPolicy: SecurityPolicy.None,
    connectionStrategy: { maxRetry: 0, initialDelay: 100 },
  });
  await client.connect(endpointUrl);
  try {
    const session = await client.createSession(user ? { type: UserTokenType.UserName, userName: user.username, password: user.password } : undefined);
    try {
      return await work(session);
    } finally {
      await session.close();
    }
  } finally {
    await client.disconnect();
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, () => probe.close(() => resolve(true)));
  });
}

describe('twin OPC UA server', () => {
  let twin: TwinServer;
  // One PKI folder for both servers in this file: creating a certificate is the slow part of start-up.
  let certificateDir: string;

  beforeAll(async () => {
    certificateDir = await mkdtemp(path.join(tmpdir(), 'twin-test-pki-'));
    twin = await startTwinServer({ port: 0, seed: 7, speed: 60, tickMs: 100, users: [OPERATOR], startTime: '2025-03-03T06:00:00+01:00', certificateDir });
  });

  afterAll(async () => {
    await twin?.close();
    await rm(certificateDir, { recursive: true, force: true });
  });

  it('reports the real port in the endpoint url', () => {
    expect(twin.port).toBeGreaterThan(0);
    expect(twin.endpointUrl).toBe(`opc.tcp://localhost:${twin.port}`);
  });

  it('browses the plant tree and reads values with engineering units and ranges', async () => {
    await withSession(twin.endpointUrl, null, async (session) => {
      const lines = await session.browse('ns=1;s=Plant');
      const names = lines.references!.map((reference) => reference.browseName.name);
      expect(names).toEqual(expect.arrayContaining(['Line1', 'Line2', 'Utilities', 'SimTime', 'LoadOrderSequence']));
      const machines = await session.browse('ns=1;s=Plant/Line1');
      expect(machines.references!.map((reference) => reference.browseName.name)).toEqual(
        expect.arrayContaining(['L1-PRN', 'L1-SPI', 'L1-PNP1', 'L1-PNP2', 'L1-RFL', 'L1-AOI', 'L1-ICT', 'L1-PCK']),
      );

      const setpointId = twinNodeId('L1-RFL', 'Zone4.SetpointC');
      const [value, description] = await session.read([
        { nodeId: setpointId, attributeId: AttributeIds.Value },
        { nodeId: setpointId, attributeId: AttributeIds.Description },
      ]);
      expect(value.statusCode.isGood()).toBe(true);
      expect(value.value.value).toBe(twin.twin.readValue('L1-RFL', 'Zone4.SetpointC'));
      // EngineeringUnits / EURange are properties found by browse path, not by our string scheme.
      const props = await session.browse(setpointId);
      const propNames = props.references!.map((reference) => reference.browseName.name);
      expect(propNames).toEqual(expect.arrayContaining(['EngineeringUnits', 'EURange']));
      const unitsNode = props.references!.find((reference) => reference.browseName.name === 'EngineeringUnits')!.nodeId;
      const rangeNode = props.references!.find((reference) => reference.browseName.name === 'EURange')!.nodeId;
      const [unitsValue, rangeValue] = await session.read([
        { nodeId: unitsNode, attributeId: AttributeIds.Value },
        { nodeId: rangeNode, attributeId: AttributeIds.Value },
      ]);
      expect(unitsValue.value.value.displayName.text).toBe('°C');
      expect(rangeValue.value.value.low).toBe(50);
      expect(rangeValue.value.value.high).toBe(280);
      expect(description.value.value.text).toMatch(/setpoint/i);

      const state = await session.read({ nodeId: twinNodeId('UT-AIR', 'State'), attributeId: AttributeIds.Value });
      expect(state.value.value).toBe('Execute');
    });
  });

  it('lets an operator write a setpoint that the measured value follows, and refuses out-of-range writes', async () => {
    const setpointId = twinNodeId('L2-RFL', 'ConveyorSpeedSetpointMmPerS');
    const actualId = twinNodeId('L2-RFL', 'ConveyorSpeedMmPerS');
    await withSession(twin.endpointUrl, OPERATOR, async (session) => {
      const good = await session.write({ nodeId: setpointId, attributeId: AttributeIds.Value, value: { value: { dataType: DataType.Double, value: 22 } } });
      expect(good).toEqual(StatusCodes.Good);
      const bad = await session.write({ nodeId: setpointId, attributeId: AttributeIds.Value, value: { value: { dataType: DataType.Double, value: 99 } } });
      expect(bad).toEqual(StatusCodes.BadOutOfRange);
      // 60× speed and a 4 s time constant: the conveyor is at the new speed within a wall-clock second.
      let actual = 0;
      for (let attempt = 0; attempt < 40 && Math.abs(actual - 22) > 0.5; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        actual = (await session.read({ nodeId: actualId, attributeId: AttributeIds.Value })).value.value as number;
      }
      expect(actual).toBeCloseTo(22, 0);
      const setpoint = await session.read({ nodeId: setpointId, attributeId: AttributeIds.Value });
      expect(setpoint.value.value).toBe(22);
    });
  });

  it('refuses writes and method calls from an anonymous session', async () => {
    await withSession(twin.endpointUrl, null, async (session) => {
      const status = await session.write({
        nodeId: twinNodeId('L1-RFL', 'Zone4.SetpointC'),
        attributeId: AttributeIds.Value,
        value: { value: { dataType: DataType.Double, value: 200 } },
      });
      expect(status).toEqual(StatusCodes.BadUserAccessDenied);
      const result = await session.call({ objectId: twinMachineNodeId('L1-AOI'), methodId: twinMethodNodeId('L1-AOI', 'Hold'), inputArguments: [] });
      expect(result.statusCode).toEqual(StatusCodes.BadUserAccessDenied);
    });
    expect(twin.twin.machineState('L1-AOI')).not.toBe('Held');
  });

  it('runs PackML methods for an operator and refuses illegal ones', async () => {
    await withSession(twin.endpointUrl, OPERATOR, async (session) => {
      const call = (method: string, inputArguments: { dataType: DataType; value: unknown }[] = []) =>
        session.call({ objectId: twinMachineNodeId('L2-PCK'), methodId: twinMethodNodeId('L2-PCK', method), inputArguments });
      const stop = await call('Stop');
      expect(stop.statusCode).toEqual(StatusCodes.Good);
      expect(stop.outputArguments![0].value).toBe('Stopping');
      const start = await call('Start');
      expect(start.statusCode).toEqual(StatusCodes.BadInvalidState);
      const speed = await call('SetSpeed', [{ dataType: DataType.Double, value: 150 }]);
      expect(speed.statusCode).toEqual(StatusCodes.BadOutOfRange);
      const okSpeed = await call('SetSpeed', [{ dataType: DataType.Double, value: 80 }]);
      expect(okSpeed.statusCode).toEqual(StatusCodes.Good);
      expect(twin.twin.readValue('L2-PCK', 'SpeedPct')).toBe(80);
    });
  });

  it('publishes a raised alarm as an OPC UA event', async () => {
    await withSession(twin.endpointUrl, null, async (session) => {
      const subscription = await session.createSubscription2({ requestedPublishingInterval: 100, publishingEnabled: true, maxNotificationsPerPublish: 100 });
      try {
        const fields = ['EventType', 'SourceName', 'Message', 'Severity', 'ConditionName', 'ActiveState'];
        const item = ClientMonitoredItem.create(
          subscription,
          { nodeId: 'ns=0;i=2253', attributeId: AttributeIds.EventNotifier },
          { samplingInterval: 0, queueSize: 100, filter: constructEventFilter(fields) },
          TimestampsToReturn.Neither,
        );
        const received = new Promise<string>((resolve) => {
          item.on('changed', (eventFields: unknown) => {
            const values = (eventFields as { value: unknown }[]).map((field) => field.value);
            const message = (values[2] as { text?: string } | null)?.text ?? '';
            if (message.includes('E-150')) resolve(message);
          });
        });
        await new Promise((resolve) => setTimeout(resolve, 300));
        twin.twin.injectFault('L1-PRN', 'E-150', 60_000);
        const message = await Promise.race([
          received,
          new Promise<string>((_, reject) => setTimeout(() => reject(new Error('no alarm event within 5 s')), 5_000)),
        ]);
        expect(message).toContain('Safety door');
      } finally {
        await (subscription as ClientSubscription).terminate();
      }
    });
    expect(twin.twin.readValue('L1-PRN', 'ActiveAlarms')).toContain('E-150');
  });

  it('frees the port and resolves close() twice', async () => {
    const other = await startTwinServer({ port: 0, seed: 1, tickMs: 50, certificateDir });
    await other.close();
    await other.close();
    expect(await portIsFree(other.port)).toBe(true);
  });
});
