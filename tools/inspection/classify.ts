/**
 * Names a defect region from how it changes the board's local topology, the way an
 * inspector reasons about it: removed copper that splits a conductor is an open, removed
 * copper that leaves a hole enclosed by copper is a pin-hole, any other removed copper is a
 * mousebite; added copper that joins two conductors is a short, added copper that stands
 * alone is spurious copper, any other added copper is a spur.
 */
import type { DefectTypeId } from './defect-types';
import type { BinaryMask } from './gray-image';
import { labelComponents } from './components';

export type Polarity = 'added' | 'removed';

export type RegionWindow = { x0: number; y0: number; x1: number; y1: number };

export type TopologyChange = {
  /** Copper components in the test window minus those in the template window. */
  copperDelta: number;
  /** Enclosed background holes in the test window minus those in the template window. */
  holeDelta: number;
};

function crop(mask: BinaryMask, window: RegionWindow): BinaryMask {
  const widthPx = window.x1 - window.x0 + 1;
  const heightPx = window.y1 - window.y0 + 1;
  const data = new Uint8Array(widthPx * heightPx);
  for (let y = 0; y < heightPx; y++) {
    const source = (window.y0 + y) * mask.widthPx + window.x0;
    for (let x = 0; x < widthPx; x++) {
      data[y * widthPx + x] = mask.data[source + x];
    }
  }
  return { widthPx, heightPx, data };
}

/** Copper components and enclosed holes in a window, after erasing copper islands under `minIslandPx`. */
function windowTopology(window: BinaryMask, minIslandPx: number, minHolePx: number): { copper: number; holes: number } {
  const { labels, components } = labelComponents(window, 8);
  const small = new Set(components.filter((c) => c.areaPx < minIslandPx).map((c) => c.label));
  const background = new Uint8Array(window.data.length);
  for (let i = 0; i < background.length; i++) background[i] = window.data[i] === 0 || small.has(labels[i]) ? 1 : 0;
  // Background is 4-connected when copper is 8-connected, so a diagonal copper touch closes a hole.
  const holes = labelComponents({ ...window, data: background }, 4).components.filter((c) => !c.touchesBorder && c.areaPx >= minHolePx).length;
  return { copper: components.length - small.size, holes };
}

export type TopologyOptions = {
  /** Copper pieces smaller than this are ignored (specks, or slivers left inside a bite or cut). */
  minIslandPx?: number;
  /** Enclosed holes smaller than this are ignored. */
  minHolePx?: number;
};

/** Topology of both masks inside one window. */
export function topologyChange(template: BinaryMask, test: BinaryMask, window: RegionWindow, options: TopologyOptions = {}): TopologyChange {
  const minIslandPx = options.minIslandPx ?? 4;
  const minHolePx = options.minHolePx ?? 4;
  const before = windowTopology(crop(template, window), minIslandPx, minHolePx);
  const after = windowTopology(crop(test, window), minIslandPx, minHolePx);
  return { copperDelta: after.copper - before.copper, holeDelta: after.holes - before.holes };
}

export function classifyRegion(polarity: Polarity, change: TopologyChange): DefectTypeId {
  if (polarity === 'removed') {
    // Holes first: a pin-hole can leave copper islands inside it, which must not read as a cut.
    if (change.holeDelta > 0) return 6;
    if (change.copperDelta > 0) return 1;
    return 3;
  }
  if (change.copperDelta < 0) return 2;
  if (change.copperDelta > 0) return 5;
  return 4;
}
