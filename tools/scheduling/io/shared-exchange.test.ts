import { describe, expect, it } from 'vitest';
import { createSharedBuffers, sharedView } from './shared-exchange';

describe('shared exchange', () => {
  it('passes each published best once to the importing workers only', () => {
    const buffers = createSharedBuffers(3, 4);
    const first = sharedView(buffers, 0, false);
    const second = sharedView(buffers, 1, true);
    const third = sharedView(buffers, 2, true);
    const received = (view: typeof first) => {
      const got: [number[], number][] = [];
      view.exchange.receive((seq, value) => got.push([Array.from(seq), value]));
      return got;
    };
    expect(received(second)).toEqual([]);
    first.exchange.publish(Int32Array.from([3, 1, 2, 0]), 17);
    third.exchange.publish(Int32Array.from([0, 1, 2, 3]), 19);
    expect(received(second)).toEqual([
      [[3, 1, 2, 0], 17],
      [[0, 1, 2, 3], 19],
    ]);
    expect(received(second)).toEqual([]);
    expect(received(third)).toEqual([[[3, 1, 2, 0], 17]]);
    expect(received(first)).toEqual([]);
    first.exchange.publish(Int32Array.from([2, 1, 3, 0]), 16);
    expect(received(second)).toEqual([[[2, 1, 3, 0], 16]]);
  });

  it('shares a stop flag', () => {
    const buffers = createSharedBuffers(2, 1);
    const a = sharedView(buffers, 0, true);
    const b = sharedView(buffers, 1, true);
    expect(b.stopped()).toBe(false);
    a.stopAll();
    expect(b.stopped()).toBe(true);
  });
});
