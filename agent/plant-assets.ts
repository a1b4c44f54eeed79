/**
 * The asset list of a real plant, from its connection's asset model (the OPC UA mapping file, or
 * any source that yields the same shape): lines from the assets' `line`/`lineName`, machines with
 * their type, and tags with their descriptions, units and writability, so the offline model
 * resolves "the oven on line 1" and "header pressure" against this plant the same way as the twin.
 */
import type { AssetRef } from './assets';

/** What a plant connection knows about an asset (connectors/opcua/asset-mapping.ts MappedAsset). */
export type PlantAssetInfo = {
  id: string;
  name: string;
  line?: string;
  lineName?: string;
  type?: string;
  tags?: { id: string; description?: string; unit?: string; writable?: boolean; range?: { low: number; high: number } }[];
};

export function plantAssets(infos: readonly PlantAssetInfo[]): AssetRef[] {
  const lines = new Map<string, AssetRef>();
  for (const info of infos) {
    if (!info.line || lines.has(info.line) || infos.some((other) => other.id === info.line)) continue;
    const name = info.lineName ?? info.line;
    lines.set(info.line, { id: info.line, name, type: 'line', aliases: [...new Set([name, info.line.replace(/([A-Za-z])(\d)/, '$1 $2')])] });
  }
  const machines: AssetRef[] = infos.map((info) => ({
    id: info.id,
    name: info.name,
    ...(info.line ? { line: info.line } : {}),
    type: info.type ?? 'asset',
    aliases: [],
    tags: (info.tags ?? []).map((tag) => ({
      id: tag.id,
      ...(tag.description ? { name: tag.description } : {}),
      ...(tag.unit ? { unit: tag.unit } : {}),
      writable: tag.writable ?? false,
      ...(tag.writable && tag.range ? { range: { low: tag.range.low, high: tag.range.high } } : {}),
    })),
  }));
  return [...lines.values(), ...machines];
}
