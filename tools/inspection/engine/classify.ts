/**
 * Names a defect region from how it changes the board's local topology, the way an
 * inspector reasons about it: removed copper that splits a conductor is an open, removed
 * copper that becomes a hole enclosed by copper is a pin-hole, any other removed copper is a
 * mousebite; added copper that joins two conductors is a short, added copper that stands
 * alone is spurious copper, any other added copper is a spur.
 */
import type { DefectTypeId } from './defect-types';
import type { BinaryMask } from './gray-image';
import { labelComponents } from './components';
import { openSquare } from './morphology';

export type Polarity = 'added' | 'removed';

export type RegionWindow = { x0: number; y0: number; x1: number; y1: number };

export type TopologyChange = {
  /** Copper components in the test window minus those in the template window. */
  copperDelta: number;
  /** Copper components touching the window's edge (conductors passing through), test minus template. */
  conductorDelta: number;
  /** Enclosed background holes in the test window minus those in the template window. */
  holeDelta: number;
  /** Area of enclosed background in the test window minus that in the template window. */
  holeAreaDeltaPx: number;
  /** Pixels in the window that are copper in the template only, and in the test only. */
  removedPx: number;
  addedPx: number;
};

function crop(mask: BinaryMask, window: RegionWindow): BinaryMask {
  const widthPx = window.x1 - window.x0 + 1;
  const heightPx = window.y1 - window.y0 + 1;
  const data = new Uint8Array(widthPx * heightPx);
  for (let y = 0; y < heightPx; y++) {
    const source = (window.y0 + y) * mask.widthPx + window.x0;
    data.set(mask.data.subarray(source, source + widthPx), y * widthPx);
  }
  return { widthPx, heightPx, data };
}

type WindowTopology = { copper: number; conductors: number; holes: number; holeAreaPx: number };

/** Copper components and enclosed holes in a window, after erasing copper islands under `minIslandPx`. */
function windowTopology(window: BinaryMask, minIslandPx: number, minHolePx: number): WindowTopology {
  const { labels, components } = labelComponents(window, 8);
  const small = new Uint8Array(components.length + 1);
  let copper = 0;
  let conductors = 0;
  for (const c of components) {
    if (c.areaPx < minIslandPx) small[c.label] = 1;
    else {
      copper++;
      if (c.touchesBorder) conductors++;
    }
  }
  const background = new Uint8Array(window.data.length);
  for (let i = 0; i < background.length; i++) background[i] = window.data[i] === 0 || small[labels[i]] === 1 ? 1 : 0;
  // Background is 4-connected when copper is 8-connected, so a diagonal copper touch closes a hole.
  let holes = 0;
  let holeAreaPx = 0;
  for (const c of labelComponents({ ...window, data: background }, 4).components) {
    if (c.touchesBorder || c.areaPx < minHolePx) continue;
    holes++;
    holeAreaPx += c.areaPx;
  }
  return { copper, conductors, holes, holeAreaPx };
}

export type TopologyOptions = {
  /** Copper pieces smaller than this are ignored (specks, or slivers left inside a bite or cut). */
  minIslandPx?: number;
  /** Enclosed holes smaller than this are ignored. */
  minHolePx?: number;
  /**
   * When counting conductors and copper pieces (not holes), both windows are first opened with
   * a square of this side, so a cut that leaves a hairline or a diagonal chain of specks across
   * a trace still counts as splitting it. 1 = off.
   */
  splitOpenPx?: number;
};

/** Topology of both masks inside one window. */
export function topologyChange(template: BinaryMask, test: BinaryMask, window: RegionWindow, options: TopologyOptions = {}): TopologyChange {
  const minIslandPx = options.minIslandPx ?? 4;
  const minHolePx = options.minHolePx ?? 4;
  const templateWindow = crop(template, window);
  const testWindow = crop(test, window);
  const before = windowTopology(templateWindow, minIslandPx, minHolePx);
  const after = windowTopology(testWindow, minIslandPx, minHolePx);
  const splitOpenPx = options.splitOpenPx ?? 1;
  const splitBefore = splitOpenPx > 1 ? windowTopology(openSquare(templateWindow, splitOpenPx), minIslandPx, minHolePx) : before;
  const split = splitOpenPx > 1 ? windowTopology(openSquare(testWindow, splitOpenPx), minIslandPx, minHolePx) : after;
  let removedPx = 0;
  let addedPx = 0;
  const a = templateWindow.data;
  const b = testWindow.data;
  for (let i = 0; i < a.length; i++) {
    if (a[i] > b[i]) removedPx++;
    else if (a[i] < b[i]) addedPx++;
  }
  return {
    copperDelta: split.copper - splitBefore.copper,
    conductorDelta: split.conductors - splitBefore.conductors,
    holeDelta: after.holes - before.holes,
    holeAreaDeltaPx: after.holeAreaPx - before.holeAreaPx,
    removedPx,
    addedPx,
  };
}

/**
 * A removed region is an open when it splits a conductor that passes through the window (or
 * cuts a piece off one), a pin-hole when most of what it removed became an enclosed hole (a
 * ragged bite also leaves small enclosed pockets, which must not count), otherwise a mousebite.
 */
export function classifyRegion(polarity: Polarity, change: TopologyChange): DefectTypeId {
  if (polarity === 'removed') {
    if (change.conductorDelta > 0) return 1;
    if (change.holeDelta > 0 && change.holeAreaDeltaPx >= 0.5 * change.removedPx) return 6;
    if (change.copperDelta > 0) return 1;
    return 3;
  }
  if (change.copperDelta < 0) return 2;
  // A new piece that merged with a conductor at the window's edge is still a stray piece.
  if (change.copperDelta > 0 || change.conductorDelta < 0) return 5;
  return 4;
}
