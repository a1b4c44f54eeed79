import { describe, expect, it } from 'vitest';
import { parseSolomon } from './solomon-format';

// Written the way the published files are: CRLF line ends, aligned columns, trailing spaces.
const TEXT = [
  'TINY3',
  '',
  'VEHICLE',
  'NUMBER     CAPACITY',
  '  4         50   ',
  '',
  'CUSTOMER',
  'CUST NO.   XCOORD.   YCOORD.    DEMAND   READY TIME   DUE DATE   SERVICE TIME',
  '',
  '    0          35      35           0       0         230           0   ',
  '    1          41      49          10     161         171          10   ',
  '    2          35      17           7      50          60          10',
  '    3          55      45          13     116         126          10',
  '',
].join('\r\n');

const withLine = (lineNumber: number, replacement: string) =>
  TEXT.split('\r\n')
    .map((line, i) => (i === lineNumber - 1 ? replacement : line))
    .join('\r\n');

describe('parseSolomon', () => {
  it('reads the fleet and every node', () => {
    const problem = parseSolomon(TEXT, 'tiny.txt');
    expect(problem.name).toBe('TINY3');
    expect(problem.vehicleLimit).toBe(4);
    expect(problem.capacity).toBe(50);
    expect(problem.nodes).toHaveLength(4);
    expect(problem.nodes[1]).toEqual({ id: 1, x: 41, y: 49, demand: 10, readyTime: 161, dueTime: 171, serviceTime: 10 });
    expect(problem.nodes[0].dueTime).toBe(230);
  });

  it('names the file and line of a short node row', () => {
    expect(() => parseSolomon(withLine(12, '    2          35      17           7      50          60'), 'bad.txt')).toThrow(
      /bad\.txt line 12: a node row needs 7 numbers, found 6/,
    );
  });

  it('rejects a gap in the node numbering', () => {
    expect(() => parseSolomon(withLine(12, '    5          35      17           7      50          60          10'), 'gap.txt')).toThrow(
      /gap\.txt line 12: expected node 2 next, found node 5/,
    );
  });

  it('rejects text where a number belongs', () => {
    expect(() => parseSolomon(withLine(11, '    1          41      abc          10     161         171          10'), 'x.txt')).toThrow(
      /x\.txt line 11: "abc" is not a number/,
    );
  });

  it('rejects a window that closes before it opens', () => {
    expect(() => parseSolomon(withLine(13, '    3          55      45          13     126         116          10'), 'w.txt')).toThrow(
      /node 3 has ready time 126 after its due date 116/,
    );
  });

  it('says what is missing from a file that is not an instance', () => {
    expect(() => parseSolomon('', 'empty.txt')).toThrow(/empty\.txt is empty/);
    expect(() => parseSolomon('hello\nworld\n', 'notes.txt')).toThrow(/notes\.txt has no "NUMBER CAPACITY" header/);
    expect(() => parseSolomon(withLine(5, '  four  50'), 'fleet.txt')).toThrow(/fleet\.txt line 5: expected two whole numbers/);
    expect(() => parseSolomon(TEXT.split('\r\n').slice(0, 9).join('\n'), 'nodes.txt')).toThrow(/nodes\.txt has no depot and no customers/);
  });

  it('reports errors as invalid_file with the expected format', () => {
    try {
      parseSolomon('hello', 'notes.txt');
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'invalid_file', message: expect.stringContaining('Expected the Solomon format') });
    }
  });
});
