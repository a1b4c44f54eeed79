/**
 * What the Plant page shows per machine, as plain JSON: the server builds it from the plant
 * connection's cache (snapshot and live updates over server-sent events), the browser merges it.
 * Every value keeps its unit, source timestamp and quality.
 */
import type { AssetInfo, ConnectionState, PlantConnection, TagValue, ValueUpdate } from '../../connectors/opcua/plant-connection';

/** The tags a machine card shows; other tags reach the page through the trend panel. */
export const BOARD_TAGS = ['State', 'SpeedPct', 'GoodCount', 'ScrapCount', 'TotalCount', 'ActiveAlarmCount', 'ActiveAlarms', 'OrderId', 'ProductId'] as const;
export type BoardTag = (typeof BOARD_TAGS)[number];

export type BoardValue = {
  value: number | string | boolean | null;
  unit: string | null;
  sourceTimestamp: string | null;
  quality: 'good' | 'uncertain' | 'bad';
  status: string;
};

export type BoardMachine = {
  id: string;
  name: string;
  line: string | null;
  /** The line's display name from the plant ("SMT Line 1"), when it has one. */
  lineName?: string;
  values: Partial<Record<BoardTag, BoardValue>>;
};

export type BoardTagInfo = { id: string; unit: string | null };
export type BoardAsset = { id: string; name: string; line: string | null; tags: BoardTagInfo[] };

export type BoardSnapshot = { connection: ConnectionState; at: string; machines: BoardMachine[] };
export type BoardUpdate = { assetId: string; tagId: BoardTag; value: BoardValue };

const BOARD_TAG_SET: ReadonlySet<string> = new Set(BOARD_TAGS);

export function isBoardTag(tagId: string): tagId is BoardTag {
  return BOARD_TAG_SET.has(tagId);
}

export function toBoardValue(value: TagValue): BoardValue {
  return {
    value: value.value,
    unit: value.unit,
    sourceTimestamp: (value.sourceTimestamp ?? value.serverTimestamp)?.toISOString() ?? null,
    quality: value.quality,
    status: value.statusText,
  };
}

/** Machines only: assets on a line or area (the plant root asset has none). */
export function boardAssets(assets: readonly AssetInfo[]): AssetInfo[] {
  return assets.filter((asset) => asset.line);
}

export function boardSnapshot(plant: PlantConnection, now: Date): BoardSnapshot {
  const machines = boardAssets(plant.listAssets()).map((asset) => {
    const state = plant.getAsset(asset.id);
    const values: BoardMachine['values'] = {};
    for (const tagId of BOARD_TAGS) {
      const value = state.values[tagId];
      if (value) values[tagId] = toBoardValue(value);
    }
    return { id: asset.id, name: asset.name, line: asset.line ?? null, lineName: asset.lineName, values };
  });
  return { connection: plant.state, at: now.toISOString(), machines };
}

export function boardUpdate(update: ValueUpdate): BoardUpdate | undefined {
  return isBoardTag(update.tagId) ? { assetId: update.assetId, tagId: update.tagId, value: toBoardValue(update.value) } : undefined;
}

/** Catalogue of machines and their tags for the trend picker. */
export function boardCatalogue(assets: readonly AssetInfo[]): BoardAsset[] {
  return boardAssets(assets).map((asset) => ({
    id: asset.id,
    name: asset.name,
    line: asset.line ?? null,
    tags: asset.tags.map((tag) => ({ id: tag.id, unit: tag.unit ?? null })),
  }));
}
