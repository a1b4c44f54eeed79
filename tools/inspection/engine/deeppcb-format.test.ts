import { describe, expect, it } from 'vitest';
import { deepPcbFoldOf, deepPcbGroupOf, deepPcbSplitOf, formatDetections, parseAnnotations, parsePairList } from './deeppcb-format';

describe('DeepPCB formats', () => {
  it('turns a list line into template, test and annotation paths', () => {
    const [entry] = parsePairList('group20085/20085/20085000.jpg group20085/20085_not/20085000.txt\n');
    expect(entry).toMatchObject({
      id: '20085000',
      templatePath: 'group20085/20085/20085000_temp.jpg',
      testPath: 'group20085/20085/20085000_test.jpg',
      annotationPath: 'group20085/20085_not/20085000.txt',
    });
    expect(parsePairList('a/b/c d.txt')[0].templatePath).toBe('a/b/c_temp.jpg');
  });

  it('rejects a list line with one field', () => {
    expect(() => parsePairList('only-one-field', 'list.txt')).toThrow(/Line 1 of list.txt/);
  });

  it('parses space- and comma-separated annotations without a final newline', () => {
    expect(parseAnnotations('409 394 435 422 3\n5178,1,27,33,6')).toEqual([
      { x1: 409, y1: 394, x2: 435, y2: 422, type: 3 },
      { x1: 5178, y1: 1, x2: 27, y2: 33, type: 6 },
    ]);
  });

  it('rejects an unknown defect type', () => {
    expect(() => parseAnnotations('1 2 3 4 9', 'x.txt')).toThrow(/Line 1 of x.txt/);
  });

  it('formats detections one per line', () => {
    expect(formatDetections([{ x1: 1, y1: 2, x2: 30, y2: 40, type: 2, name: 'short', confidence: 0.75 }])).toBe('1 2 30 40 2 0.75\n');
    expect(formatDetections([])).toBe('');
  });

  it('holds out a stable fifth of pairs', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => String(20085000 + i));
    const held = ids.filter((id) => deepPcbSplitOf(id) === 'holdout').length;
    expect(held).toBeGreaterThan(150);
    expect(held).toBeLessThan(250);
    expect(deepPcbSplitOf('20085000')).toBe(deepPcbSplitOf('20085000'));
  });

  it('assigns cross-validation folds by hash (fold 0 of 5 is the holdout) and groups by folder', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => String(20085000 + i));
    const counts = [0, 0, 0, 0, 0];
    for (const id of ids) counts[deepPcbFoldOf(id, 5)]++;
    for (const count of counts) expect(count).toBeGreaterThan(150);
    for (const id of ids) expect(deepPcbFoldOf(id, 5) === 0).toBe(deepPcbSplitOf(id) === 'holdout');
    expect(deepPcbGroupOf({ imageBase: 'group20085/20085/20085000' })).toBe('20085');
    expect(deepPcbGroupOf({ imageBase: 'group00041/00041/00041000' })).toBe('00041');
  });
});
