/**
 * The asset mapping file: how a real plant's OPC UA node ids map to Plantpilot assets and tags.
 * JSON or YAML (YAML is a superset of JSON, so one parser reads both), validated with zod so a typo
 * is reported with its path in the file instead of surfacing later as a silent Bad value.
 */
import { readFile } from 'node:fs/promises';
import { resolveNodeId } from 'node-opcua';
import YAML from 'yaml';
import { z } from 'zod';
import { AppError } from '../../lib/errors';

const NodeIdText = z.string().refine(
  (text) => {
    try {
      resolveNodeId(text);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'an OPC UA node id such as ns=2;s=Line1/Oven/ZoneTemp or ns=3;i=1042' },
);

/** Ids appear in URLs, tool arguments and history rows: keep them plain. */
const Id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.\-/]*$/, 'letters, digits and _ . - / (e.g. L1-RFL or Zone4.TemperatureC)');

export const NumericRange = z.object({ low: z.number(), high: z.number() }).refine((range) => range.low <= range.high, 'low must not exceed high');
export type NumericRange = z.infer<typeof NumericRange>;

export const MappedTag = z.object({
  id: Id,
  nodeId: NodeIdText,
  unit: z.string().optional(),
  description: z.string().optional(),
  writable: z.boolean().default(false),
  /** Allowed span for writes, checked before anything is sent to the plant. */
  range: NumericRange.optional(),
});
export type MappedTag = z.infer<typeof MappedTag>;

export const MappedMethod = z.object({
  id: Id,
  /** The method node. */
  nodeId: NodeIdText,
  /** The object the method is called on (OPC UA Call needs both). */
  objectNodeId: NodeIdText,
  description: z.string().optional(),
});
export type MappedMethod = z.infer<typeof MappedMethod>;

export const MappedAsset = z.object({
  id: Id,
  name: z.string().min(1),
  line: z.string().optional(),
  /** How people call the line ("SMT Line 1"); `line` is its id. */
  lineName: z.string().optional(),
  type: z.string().optional(),
  tags: z.array(MappedTag).default([]),
  methods: z.array(MappedMethod).default([]),
});
export type MappedAsset = z.infer<typeof MappedAsset>;

export const AssetMapping = z.object({ assets: z.array(MappedAsset).min(1, 'at least one asset') }).superRefine((mapping, context) => {
  const assetIds = new Set<string>();
  mapping.assets.forEach((asset, assetIndex) => {
    if (assetIds.has(asset.id)) context.addIssue({ code: 'custom', path: ['assets', assetIndex, 'id'], message: `duplicate asset id ${asset.id}` });
    assetIds.add(asset.id);
    const tagIds = new Set<string>();
    asset.tags.forEach((tag, tagIndex) => {
      if (tagIds.has(tag.id)) context.addIssue({ code: 'custom', path: ['assets', assetIndex, 'tags', tagIndex, 'id'], message: `duplicate tag id ${tag.id}` });
      tagIds.add(tag.id);
    });
  });
});
export type AssetMapping = z.infer<typeof AssetMapping>;
export type AssetMappingInput = z.input<typeof AssetMapping>;

/** Validates an in-memory mapping; throws AppError('invalid_file') naming every bad path. */
export function parseAssetMapping(data: unknown, origin = 'the asset mapping'): AssetMapping {
  const parsed = AssetMapping.safeParse(data);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.slice(0, 10).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new AppError('invalid_file', `${origin} is not a valid asset mapping — ${lines.join('; ')}. See connectors/opcua/asset-mapping.ts for the format.`);
}

/** Reads and validates a JSON or YAML asset mapping file. */
export async function loadAssetMapping(filePath: string): Promise<AssetMapping> {
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    throw new AppError(
      'file_unreadable',
      `Cannot read the asset mapping file ${filePath} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Check the path.`,
      {
        cause: error,
      },
    );
  }
  let data: unknown;
  try {
    data = YAML.parse(text);
  } catch (error) {
    throw new AppError('invalid_file', `The asset mapping file ${filePath} is neither valid YAML nor JSON: ${(error as Error).message}`, { cause: error });
  }
  return parseAssetMapping(data, `The asset mapping file ${filePath}`);
}
