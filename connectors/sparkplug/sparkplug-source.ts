/**
 * A Sparkplug B source: Plantpilot as a Sparkplug host application on an MQTT broker. It presents
 * the same PlantConnection as the OPC UA connector — assets are Sparkplug devices (and edge nodes
 * that carry metrics of their own), tags are metrics — so every tool, page and the historian work
 * unchanged. Writes and commands go out as DCMD/NCMD through connectors/opcua/write-path.ts, the
 * one door the approval gate uses; the implementation is in private/.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import type { Logger } from '@/lib/log';
import type { PlantConnection } from '@/connectors/opcua/plant-connection';
import { openSparkplugSource } from './private/sparkplug-host';

/** Group and edge node ids are topic levels: no MQTT wildcards or separators. */
const TopicLevel = z.string().regex(/^[^/+#\s]+$/, 'a Sparkplug id without / + # or spaces, e.g. Plant');

export const SparkplugSourceOptions = z.object({
  brokerUrl: z.string().regex(/^(mqtts?|tcp|ssl|wss?):\/\/[^/\s]+/, 'an MQTT broker URL such as mqtt://10.0.0.7:1883'),
  groupId: TopicLevel,
  /** Only this edge node of the group; default: every edge node in the group. */
  edgeNodeId: TopicLevel.optional(),
  /**
   * Act as the Sparkplug 3.0 primary host with this id: publish `spBv1.0/STATE/<hostId>` online
   * (retained; offline as the will), so edge nodes configured for it publish births when it comes up.
   */
  hostId: TopicLevel.optional(),
  username: z.string().optional(),
  password: z.string().optional(),
  /** Unique per host instance: two clients with one id would keep disconnecting each other. */
  clientId: z
    .string()
    .min(1)
    .default(() => `plantpilot-${randomBytes(6).toString('hex')}`),
  /** How long the first connection to the broker may take before connecting gives up. */
  connectTimeoutMs: z.number().int().min(100).default(10_000),
  /** With an edge node id: how long to wait for its birth before answering (its devices may follow later). */
  birthWaitMs: z.number().int().min(0).default(5_000),
  /** How long a write waits for the DATA message that reports the written metric. */
  readBackTimeoutMs: z.number().int().min(100).default(5_000),
  /** Rebirth requests to one edge node are spaced at least this far apart. */
  rebirthIntervalMs: z.number().int().min(0).default(2_000),
  reconnectPeriodMs: z.number().int().min(100).default(1_000),
  /** MQTT keep-alive: a broker that stops answering (not just closing) is noticed within 1.5× this. */
  keepaliveSeconds: z.number().int().min(1).max(600).default(10),
});
export type SparkplugSourceOptions = z.input<typeof SparkplugSourceOptions>;
export type ResolvedSparkplugSourceOptions = z.output<typeof SparkplugSourceOptions>;

/**
 * Connects to the broker, subscribes to the group and asks the edge node (when named) to rebirth.
 * Throws AppError('plant_unreachable') naming the broker when the first connection fails; later
 * losses are repaired in the background, with every value Bad until the next birth.
 */
export async function connectSparkplug(options: SparkplugSourceOptions, deps: { log?: Logger } = {}): Promise<PlantConnection> {
  const parsed = SparkplugSourceOptions.safeParse(options);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new AppError('invalid_argument', `Invalid Sparkplug source settings — ${lines.join('; ')}.`);
  }
  return openSparkplugSource(parsed.data, deps);
}
