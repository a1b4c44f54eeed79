/**
 * A Sparkplug edge node the test drives message by message, so it can do what a well-behaved one
 * never does: skip a sequence number, die with a stale bdSeq, send data before its birth. It
 * records the commands it receives (rebirth requests, DCMD writes) for the test to inspect.
 */
import mqtt, { type MqttClient } from 'mqtt';
import { BD_SEQ_METRIC, decode, encode, formatTopic, nextSeq, type UMetric, type UPayload } from '../sparkplug-codec';
import { TEST_BROKER_URL, uniqueId } from './broker';

export type ReceivedCommand = { deviceId?: string; metrics: UMetric[] };

export class ScriptedEdgeNode {
  seq = 0;
  bdSeq = 0;
  readonly commands: ReceivedCommand[] = [];
  private constructor(
    private readonly client: MqttClient,
    readonly groupId: string,
    readonly edgeNodeId: string,
  ) {}

  /** Connects with an NDEATH will carrying the current bdSeq, as the spec requires. */
  static async start(groupId: string, edgeNodeId: string, bdSeq = 0): Promise<ScriptedEdgeNode> {
    const will = { topic: formatTopic({ groupId, type: 'NDEATH', edgeNodeId }), payload: encode(deathPayload(bdSeq)), qos: 1 as const, retain: false };
    const client = await mqtt.connectAsync(TEST_BROKER_URL, { clientId: uniqueId('edge'), will, reconnectPeriod: 0 });
    const node = new ScriptedEdgeNode(client, groupId, edgeNodeId);
    node.bdSeq = bdSeq;
    client.on('message', (topic, bytes) => {
      const deviceId = topic.split('/')[4];
      node.commands.push({ ...(deviceId ? { deviceId } : {}), metrics: decode(bytes).metrics ?? [] });
    });
    await client.subscribeAsync([formatTopic({ groupId, type: 'NCMD', edgeNodeId }), `${formatTopic({ groupId, type: 'DCMD', edgeNodeId })}/+`]);
    return node;
  }

  rebirthRequests(): number {
    return this.commands.filter((command) => command.metrics.some((metric) => metric.name === 'Node Control/Rebirth' && metric.value === true)).length;
  }

  async nbirth(metrics: UMetric[] = []): Promise<void> {
    this.seq = 0;
    await this.send('NBIRTH', undefined, { seq: 0, metrics: [{ name: BD_SEQ_METRIC, type: 'UInt64', value: this.bdSeq }, ...metrics] });
  }

  async dbirth(deviceId: string, metrics: UMetric[]): Promise<void> {
    await this.send('DBIRTH', deviceId, { seq: this.advance(), metrics });
  }

  async ddata(deviceId: string, metrics: UMetric[], seq = this.advance()): Promise<void> {
    this.seq = seq;
    await this.send('DDATA', deviceId, { seq, metrics });
  }

  async ndata(metrics: UMetric[]): Promise<void> {
    await this.send('NDATA', undefined, { seq: this.advance(), metrics });
  }

  async ddeath(deviceId: string): Promise<void> {
    await this.send('DDEATH', deviceId, { seq: this.advance(), metrics: [] });
  }

  async ndeath(bdSeq = this.bdSeq): Promise<void> {
    await this.send('NDEATH', undefined, deathPayload(bdSeq));
  }

  /** Drops the connection without a DISCONNECT, so the broker publishes the will (NDEATH). */
  async crash(): Promise<void> {
    this.client.stream.destroy();
    await this.client.endAsync(true).catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.client.endAsync(true);
  }

  private advance(): number {
    this.seq = nextSeq(this.seq);
    return this.seq;
  }

  private async send(type: 'NBIRTH' | 'NDEATH' | 'NDATA' | 'DBIRTH' | 'DDATA' | 'DDEATH', deviceId: string | undefined, payload: UPayload): Promise<void> {
    const topic = formatTopic({ groupId: this.groupId, type, edgeNodeId: this.edgeNodeId, ...(deviceId ? { deviceId } : {}) });
    await this.client.publishAsync(topic, encode({ timestamp: Date.now(), ...payload }), { qos: 0 });
  }
}

function deathPayload(bdSeq: number): UPayload {
  return { timestamp: Date.now(), metrics: [{ name: BD_SEQ_METRIC, type: 'UInt64', value: bdSeq }] };
}
