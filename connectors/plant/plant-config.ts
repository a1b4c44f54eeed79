/**
 * The plant configuration file (PLANTPILOT_PLANT_CONFIG): where the plant sits in the ISA-95
 * hierarchy and which sources make up its one asset model — OPC UA servers with the options a single
 * OPCUA_ENDPOINT has, and Sparkplug B groups on MQTT brokers — for one site or for several. YAML, validated with zod, so a typo is
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

const SiteFields = Named.extend({ timeZone: z.string().optional() });
const Sources = z.array(SourceConfig).min(1, 'at least one source (opcua or sparkplug)');
/** One entry of `sites:`: a site with its own sources (ids unique within the site). */
export const SiteConfig = SiteFields.extend({ sources: Sources });

/**
 * The file: either one site (`site:` + `sources:`, the original form) or several (`sites: [...]`).
 * Both keys are optional in the schema and the refinement says which form is missing what, so a
 * mistake is reported with its path instead of a union's "invalid input".
 */
const PlantFile = z
  .strictObject({
    enterprise: Named.optional(),
    site: SiteFields.optional(),
    sources: Sources.optional(),
    sites: z.array(SiteConfig).min(1, 'at least one site').optional(),
  })
  .superRefine((file, context) => {
    const uniqueSources = (sources: { id: string }[], at: (string | number)[]) => {
      const seen = new Set<string>();
      sources.forEach((source, index) => {
        if (seen.has(source.id)) context.addIssue({ code: 'custom', path: [...at, index, 'id'], message: `duplicate source id ${source.id}` });
        seen.add(source.id);
      });
    };
    if (file.sites) {
      for (const key of ['site', 'sources'] as const) {
        if (file[key]) context.addIssue({ code: 'custom', path: [key], message: 'use either site: with sources: (one site) or sites: [...], not both' });
      }
      const seen = new Set<string>();
      file.sites.forEach((site, index) => {
        if (seen.has(site.id)) context.addIssue({ code: 'custom', path: ['sites', index, 'id'], message: `duplicate site id ${site.id}` });
        seen.add(site.id);
        uniqueSources(site.sources, ['sites', index, 'sources']);
      });
      return;
    }
    if (!file.site) context.addIssue({ code: 'custom', path: ['site'], message: 'required: { id, name? } — or list several under sites:' });
    if (!file.sources) context.addIssue({ code: 'custom', path: ['sources'], message: 'at least one source (opcua or sparkplug)' });
    else uniqueSources(file.sources, ['sources']);
  });

/** One site's plant: where it sits in ISA-95 and the sources of its one asset model. */
export type PlantConfig = {
  enterprise?: z.infer<typeof Named>;
  site: z.infer<typeof SiteFields>;
  sources: z.infer<typeof SourceConfig>[];
};
export type SourceConfig = PlantConfig['sources'][number];
/** Every site of the deployment, in file order: the first is the default site. */
export type SitesConfig = { enterprise?: z.infer<typeof Named>; sites: PlantConfig[] };

/** The source entry at an issue's path (`sources.1…` or `sites.0.sources.1…`), to say what it lacks. */
function sourceEntryAt(issuePath: PropertyKey[], data: unknown): { entry: unknown; depth: number } | undefined {
  const at = issuePath.indexOf('sources');
  if (at < 0 || typeof issuePath[at + 1] !== 'number' || issuePath.length !== at + 2) return undefined;
  let entry: unknown = data;
  for (const key of issuePath.slice(0, at + 2)) entry = (entry as Record<PropertyKey, unknown> | undefined)?.[key];
  return { entry, depth: at + 2 };
}

/** Why a source entry failed: a union reports "invalid input", which helps nobody; say which key it lacks. */
function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const where = issue.path.join('.') || '(root)';
  const source = issue.code === 'invalid_union' ? sourceEntryAt(issue.path, data) : undefined;
  if (issue.code === 'invalid_union' && source) {
    const keys = source.entry && typeof source.entry === 'object' ? Object.keys(source.entry) : [];
    if (!keys.includes('opcua') && !keys.includes('sparkplug')) return `${where}: each source needs an id and exactly one of opcua: or sparkplug:`;
    const kind = keys.includes('opcua') ? 'opcua' : 'sparkplug';
    const inner = (issue.errors ?? []).flat().find((candidate) => candidate.path[0] === kind) ?? (issue.errors ?? []).flat()[0];
    if (inner) return `${where}.${inner.path.join('.')}: ${inner.message}`;
  }
  return `${where}: ${issue.message}`;
}

/** Validates a parsed configuration of one or several sites; throws AppError('config_invalid') naming every bad path. */
export function parseSitesConfig(data: unknown, origin = 'The plant configuration', baseDir = process.cwd()): SitesConfig {
  const parsed = PlantFile.safeParse(data);
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 10).map((issue) => describeIssue(issue, data));
    throw new AppError('config_invalid', `${origin} is not valid — ${lines.join('; ')}. See docs/plant-config.md for the format.`);
  }
  const { enterprise, site, sources, sites } = parsed.data;
  const plants: PlantConfig[] = sites
    ? sites.map(({ sources: siteSources, ...siteFields }) => ({ ...(enterprise ? { enterprise } : {}), site: siteFields, sources: siteSources }))
    : [{ ...(enterprise ? { enterprise } : {}), site: site!, sources: sources! }];
  for (const source of plants.flatMap((plant) => plant.sources)) {
    if ('opcua' in source && source.opcua.mappingFile) source.opcua.mappingFile = path.resolve(baseDir, source.opcua.mappingFile);
  }
  return { ...(enterprise ? { enterprise } : {}), sites: plants };
}

/** As parseSitesConfig, for callers that serve exactly one site (benchmarks, tests); a file of several sites is refused. */
export function parsePlantConfig(data: unknown, origin = 'The plant configuration', baseDir = process.cwd()): PlantConfig {
  const { sites } = parseSitesConfig(data, origin, baseDir);
  if (sites.length !== 1) throw new AppError('config_invalid', `${origin} has ${sites.length} sites; this needs a file of one site.`);
  return sites[0]!;
}

/** Reads and validates a plant configuration file of one or several sites; a mapping file in it is relative to the file. */
export async function loadSitesConfig(filePath: string): Promise<SitesConfig> {
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
  return parseSitesConfig(data, `The plant configuration ${filePath}`, path.dirname(filePath));
}
