import { describe, expect, it } from 'vitest';
import { resolveAoiMachine, resolveLot } from './aoi-lines';
import { boardDefects, boardSerial, renderLotBoard } from './board-source';

describe('board source', () => {
  it('renders the same board the same way, and different boards differently', () => {
    const request = { lotId: 'PO-24117', boardSerial: 'B0003', defectiveShare: 1, sizePx: 240 };
    const a = renderLotBoard(request);
    const b = renderLotBoard(request);
    expect(Buffer.from(a.test.data).equals(Buffer.from(b.test.data))).toBe(true);
    expect(a.truth).toEqual(b.truth);
    expect(a.truth.length).toBeGreaterThan(0);
    const other = renderLotBoard({ ...request, boardSerial: 'B0004' });
    expect(Buffer.from(a.template.data).equals(Buffer.from(other.template.data))).toBe(false);
  });

  it('makes about the requested share of boards defective', () => {
    const defective = Array.from({ length: 2000 }, (_, i) => boardDefects({ lotId: '42', boardSerial: boardSerial(i + 1), defectiveShare: 0.2 })).filter(
      (defects) => defects.length > 0,
    ).length;
    expect(defective / 2000).toBeGreaterThan(0.17);
    expect(defective / 2000).toBeLessThan(0.23);
    expect(boardDefects({ lotId: '42', boardSerial: 'B0001', defectiveShare: 0 })).toEqual([]);
  });
});

describe('lines and lots', () => {
  it('understands the ways people name an AOI line', () => {
    for (const text of ['1', 'L1', 'Line1', 'line 1', 'L1-AOI', 'l1-aoi']) expect(resolveAoiMachine(text)).toBe('L1-AOI');
    expect(resolveAoiMachine('L2')).toBe('L2-AOI');
    expect(() => resolveAoiMachine('L3')).toThrow(/no AOI machine on line "L3".*L1-AOI, L2-AOI/);
  });

  it('runs an order on its planned line and another lot on the line asked for', () => {
    expect(resolveLot('PO-24119', undefined)).toMatchObject({ lotId: 'PO-24119', orderId: 'PO-24119', aoiMachineId: 'L2-AOI', lineAssumed: false });
    expect(resolveLot('po-24117', 'L2')).toMatchObject({ lotId: 'PO-24117', aoiMachineId: 'L2-AOI' });
    expect(resolveLot('lot 42', undefined)).toMatchObject({ lotId: '42', aoiMachineId: 'L1-AOI', lineAssumed: true });
    // A label that starts with LOT is the whole label, not what follows "lot".
    expect(resolveLot('LOT-24117-01', 'L2')).toMatchObject({ lotId: 'LOT-24117-01', aoiMachineId: 'L2-AOI' });
    expect(() => resolveLot('../x', 'L1')).toThrow(/not a lot id/);
  });
});
