/**
 * The plant connection: Plantpilot's one OPC UA client. It subscribes to every mapped tag and keeps
 * a current-state cache in which each value carries its unit, source and server timestamps and its
 * OPC UA status, so stale or bad data is never shown as current. It reconnects on its own.
 *
 * This interface only observes the plant. Writes and method calls live in write-path.ts, the single
 * path the approval gate calls. The implementation is in private/.
 */
import { z } from 'zod';
import { AppError } from '../../lib/errors';
import { AssetMapping, type MappedAsset, type MappedMethod, type MappedTag } from './asset-mapping';
import { openPlantConnection, type PlantConnectionDeps } from './private/plant-connection-impl';

export type Quality = 'good' | 'uncertain' | 'bad';

export type ScalarValue = number | string | boolean | null;

/** A value as the copilot may present it: never without its unit, timestamps and quality. */
export type TagValue = {
  value: ScalarValue;
  unit: string | null;
  sourceTimestamp: Date | null;
  serverTimestamp: Date | null;
  quality: Quality;
  /** The OPC UA status code, or the connector's own verdict (BadNotConnected, UncertainLastUsableValue). */
  statusCode: number;
  statusText: string;
};

export type TagInfo = MappedTag;
export type MethodInfo = MappedMethod;
/** `source`: in a plant of several sources (connectors/plant), the id of the one that serves the asset. */
export type AssetInfo = MappedAsset & { source?: string };
export type AssetState = AssetInfo & { values: Record<string, TagValue> };

export type TagRef = { assetId: string; tagId: string };
export type ValueUpdate = TagRef & { value: TagValue };

/** `connected`: a session is live; `reconnecting`: the link is down and being retried; `closed`: shut down. */
export type ConnectionState = 'connected' | 'reconnecting' | 'closed';

export const SecurityMode = z.enum(['None', 'Sign', 'SignAndEncrypt']);
export const SecurityPolicyName = z.enum(['None', 'Basic256Sha256', 'Aes128_Sha256_RsaOaep', 'Aes256_Sha256_RsaPss']);

export const UserIdentity = z.discriminatedUnion('type', [
  z.object({ type: z.literal('anonymous') }),
  z.object({ type: z.literal('username'), username: z.string().min(1), password: z.string() }),
]);
export type UserIdentity = z.infer<typeof UserIdentity>;

export const Deadband = z.object({ type: z.enum(['absolute', 'percent']), value: z.number().min(0) });

export const TagSource = z.discriminatedUnion('kind', [
  /** A real plant: node ids from a mapping file (see loadAssetMapping). */
  z.object({ kind: z.literal('mapping'), mapping: AssetMapping }),
  /** The twin or any server with a `Plant/<Line>/<Machine>/…` tree: discover assets by browsing. */
  z.object({ kind: z.literal('browse'), rootNodeId: z.string().default('ns=1;s=Plant') }),
]);
export type TagSource = z.input<typeof TagSource>;

export const PlantConnectionOptions = z
  .object({
    endpointUrl: z.string().regex(/^opc\.tcp:\/\/[^/\s]+/, 'an OPC UA endpoint such as opc.tcp://10.0.0.5:4840'),
    securityMode: SecurityMode.default('None'),
    securityPolicy: SecurityPolicyName.default('None'),
    /** Own certificate, trusted and rejected server certificates; must be under the data dir, never ~/.config. */
    certificateDir: z.string().min(1),
    /** Accept a server certificate not yet in `<certificateDir>/trusted` (commissioning only). */
    trustUnknownServerCertificate: z.boolean().default(false),
    identity: UserIdentity.default({ type: 'anonymous' }),
    /** With no message from the server (data or keep-alive) for this long, values turn Uncertain. */
    staleWindowMs: z.number().int().min(100).default(10_000),
    samplingIntervalMs: z.number().int().min(0).default(250),
    publishingIntervalMs: z.number().int().min(10).default(250),
    /** Applied to numeric tags only; OPC UA refuses deadbands on strings. */
    deadband: Deadband.optional(),
    tags: TagSource,
    /** How long the first connection may take before connectPlant gives up with plant_unreachable. */
    connectTimeoutMs: z.number().int().min(100).default(15_000),
    reconnectInitialDelayMs: z.number().int().min(10).default(500),
    reconnectMaxDelayMs: z.number().int().min(100).default(10_000),
    applicationName: z.string().default('Plantpilot'),
  })
  .refine((options) => (options.securityMode === 'None') === (options.securityPolicy === 'None'), {
    message: 'securityMode None goes with securityPolicy None, and Sign/SignAndEncrypt need a policy such as Basic256Sha256',
    path: ['securityPolicy'],
  });
export type PlantConnectionOptions = z.input<typeof PlantConnectionOptions>;
export type ResolvedPlantConnectionOptions = z.output<typeof PlantConnectionOptions>;

export interface PlantConnection {
  readonly endpointUrl: string;
  readonly state: ConnectionState;
  listAssets(): AssetInfo[];
  /** The asset with every tag's current value; throws AppError('not_found') for an unknown id. */
  getAsset(assetId: string): AssetState;
  /** The current value of one tag; throws AppError('not_found') for an unknown asset or tag. */
  getValue(assetId: string, tagId: string): TagValue;
  /** Reads the given tags (default: all) from the server now, updates the cache and returns them. */
  readNow(refs?: TagRef[]): Promise<ValueUpdate[]>;
  /** Live updates: every value change and every quality change. Returns an unsubscribe function. */
  subscribe(listener: (update: ValueUpdate) => void): () => void;
  onStateChange(listener: (state: ConnectionState) => void): () => void;
  /** Counts for health and tests: monitored items this client created, reconnects so far. */
  stats(): { monitoredItems: number; reconnects: number; lastHeardAt: Date | null };
  /** Closes subscriptions, session and channel; safe to call twice. */
  close(): Promise<void>;
}

/**
 * Connects to the plant, discovers or maps its tags, reads them once and subscribes to all of them.
 * Throws AppError('plant_unreachable') naming the endpoint when the first connection fails;
 * after that, connection losses are repaired in the background.
 */
export async function connectPlant(options: PlantConnectionOptions, deps: PlantConnectionDeps = {}): Promise<PlantConnection> {
  const parsed = PlantConnectionOptions.safeParse(options);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new AppError('invalid_argument', `Invalid plant connection settings — ${lines.join('; ')}.`);
  }
  return openPlantConnection(parsed.data, deps);
}

/** Opens a connection for one piece of work and always closes it (CLI commands, benchmarks). */
export async function withPlantConnection<T>(
  options: PlantConnectionOptions,
  work: (connection: PlantConnection) => Promise<T>,
  deps: PlantConnectionDeps = {},
): Promise<T> {
  const connection = await connectPlant(options, deps);
  try {
    return await work(connection);
  } finally {
    await connection.close();
  }
}
