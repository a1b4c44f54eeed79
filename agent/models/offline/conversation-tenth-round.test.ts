/**
 * Understanding, tenth round: a request that builds on the turn before takes that turn's machine.
 * Examples written for these tests, apart from the NLU evaluation set.
 */
import { describe, expect, it } from 'vitest';
import { after } from './test-support/twin-understanding';

describe('a write that builds on the reading before', () => {
  it('takes the machine the reading resolved, not every machine its words fit', async () => {
    // "der Ofen dort" was L2's oven (the line talked about before); the request after it names no oven.
    const plan = await after('asset_state', { asset: 'L2-RFL' }, 'und der Ofen dort, Zone 4?', 'zu kalt, mach 242 draus');
    expect(plan).toMatchObject({ kind: 'tool', tool: 'set_setpoint', args: { asset: 'L2-RFL', tag: 'Zone4.SetpointC', value: 242 } });
  });

  it('still asks which one when the reading before was not one of them', async () => {
    const plan = await after('plant_overview', { line: 'Line2' }, 'und der Ofen, Zone 4?', 'zu kalt, mach 242 draus');
    expect(plan.kind).not.toBe('tool');
  });
});
