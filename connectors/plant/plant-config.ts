/**
 * The plant configuration file (PLANTPILOT_PLANT_CONFIG): where the plant sits in the ISA-95
 * hierarchy and which sources make up its one asset model — OPC UA servers with the options a single
 * OPCUA_ENDPOINT has, and Sparkplug B groups on MQTT brokers. YAML, validated with zod, so a typo is
 * reported with its path in the file ("sources.1.opcua.endpoint: …") before anything connects.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { Deadband, SecurityMode, SecurityPolicyName, UserIdentity } from '@/connectors/opcua/plant-connection';

/** Ids appear in health lines, URLs and logs: keep them plain. */
const Id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'letters, digits and _ . - (e.g. line1)');
const Named = z.strictObject({ id: Id, name: z.string().min(1).optional() });
const TopicLevel = z.string().regex(/^[^/+#\s]+$/, 'a Sparkplug id without / + # or spaces, e.g. Plant');

export const OpcuaSourceConfig = z.strictObject({
  endpoint: z.string().regex(/^opc\.tcp:\/\/[^/\s]+/, 'an OPC UA endpoint such as opc.tcp://10.0.0.5:4840'),
  securityMode: SecurityMode.default('None'),
  securityPolicy: SecurityPolicyName.default('None'),
  identity: UserIdentity.default({ type: 'anonymous' }),
  /** A JSON/YAML asset mapping, relative to this file; without one, assets are discovered by browsing. */
  mappingFile: z.string().min(1).optional(),
  browseRoot: z.string().min(1).default('ns=1;s=Plant'),
  trustUnknownServerCertificate: z.boolean().default(false),
  staleWindowMs: z.number().int().positive().optional(),
  samplingIntervalMs: z.number().int().min(0).optional(),
  publishingIntervalMs: z.number().int().positive().optional(),
  deadband: Deadband.optional(),
});

export const SparkplugSourceConfig = z.strictObject({
  broker: z.string().regex(/^(mqtts?|tcp|ssl|wss?):\/\/[^/\s]+/, 'an MQTT broker URL such as mqtt://10.0.0.7:1883'),
  groupId: TopicLevel,
  /** Only this edge node of the group; default: all of them. */
  edgeNodeId: TopicLevel.optional(),
  username: z.string().optional(),
  password: z.string().optional(),
  /** Unique per app instance; default: a fresh random one. */
  clientId: z.string().min(1).optional(),
  /** Be the Sparkplug 3.0 primary host with this id (publish STATE), for edge nodes configured to wait for it. */
  hostId: TopicLevel.optional(),
});

const SourceConfig = z.union([
  z.strictObject({ id: Id, area: z.string().min(1).optional(), opcua: OpcuaSourceConfig }),
  z.strictObject({ id: Id, area: z.string().min(1).optional(), sparkplug: SparkplugSourceConfig }),
]);

export const PlantConfig = z
  .strictObject({
    enterprise: Named.optional(),
    site: Named.extend({ timeZone: z.string().optional() }),
    sources: z.array(SourceConfig).min(1, 'at least one source (opcua or sparkplug)'),
  })
  .superRefine((config, context) => {
    const seen = new Set<string>();
    config.sources.forEach((source, index) => {
      if (seen.has(source.id)) context.addIssue({ code: 'custom', path: ['sources', index, 'id'], message: `duplicate source id ${source.id}` });
      seen.add(source.id);
    });
  });
export type PlantConfig = z.infer<typeof PlantConfig>;
export type SourceConfig = PlantConfig['sources'][number];

/** Why a source entry failed: a union reports "invalid input", which helps nobody; say which key it lacks. */
function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const where = issue.path.join('.') || '(root)';
  if (issue.code === 'invalid_union' && issue.path[0] === 'sources') {
    const entry = (data as { sources?: unknown[] })?.sources?.[issue.path[1] as number];
    const keys = entry && typeof entry === 'object' ? Object.keys(entry) : [];
    if (!keys.includes('opcua') && !keys.includes('sparkplug')) return `${where}: each source needs an id and exactly one of opcua: or sparkplug:`;
    const kind = keys.includes('opcua') ? 'opcua' : 'sparkplug';
    const inner = (issue.errors ?? []).flat().find((candidate) => candidate.path[0] === kind) ?? (issue.errors ?? []).flat()[0];
    if (inner) return `${where}.${inner.path.join('.')}: ${inner.message}`;
  }
  return `${where}: ${issue.message}`;
}

/** Validates a parsed configuration; throws AppError('config_invalid') naming every bad path. */
export function parsePlantConfig(data: unknown, origin = 'The plant configuration', baseDir = process.cwd()): PlantConfig {
  const parsed = PlantConfig.safeParse(data);
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 10).map((issue) => describeIssue(issue, data));
    throw new AppError('config_invalid', `${origin} is not valid — ${lines.join('; ')}. See docs/plant-config.md for the format.`);
  }
  for (const source of parsed.data.sources) {
    if ('opcua' in source && source.opcua.mappingFile) source.opcua.mappingFile = path.resolve(baseDir, source.opcua.mappingFile);
  }
  return parsed.data;
}

/** Reads and validates a plant configuration file; a mapping file in it is relative to the file. */
export async function loadPlantConfig(filePath: string): Promise<PlantConfig> {
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    throw new AppError(
      'config_invalid',
      `Cannot read the plant configuration ${filePath} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Check PLANTPILOT_PLANT_CONFIG.`,
      { cause: error },
    );
  }
  let data: unknown;
  try {
    data = YAML.parse(text);
  } catch (error) {
    throw new AppError('config_invalid', `The plant configuration ${filePath} is not valid YAML: ${(error as Error).message}`, { cause: error });
  }
  return parsePlantConfig(data, `The plant configuration ${filePath}`, path.dirname(filePath));
}
