// The state a machine was in when a window began, read from the historian: the cases where history
// began inside the window, as it does on the first shift after installation or after a wiped database.
import { describe, expect, it } from 'vitest';
import { migrate } from '@/lib/db/migrate';
import { testDatabases } from '@/lib/db/testing';
import { insertSamples } from '@/connectors/historian/history-store';
import { firstCounterSample, initialStates } from './historian-facts';

const AT = (seconds: number) => new Date(Date.parse('2026-03-02T06:00:00Z') + seconds * 1000);

describe.each(testDatabases())('initial machine states on $kind', ({ open }) => {
  it('takes the state before the start, else the first one recorded just after the history began, never one from much later', async () => {
    const db = await open();
    try {
      await migrate(db);
      await insertSamples(db, [
        // The recorder's first snapshot: the starved packer's counter last moved before its state did.
        { time: AT(100), assetId: 'L1-PCK', tagId: 'GoodCount', value: 812, quality: 'good' },
        { time: AT(105), assetId: 'L1-PCK', tagId: 'State', value: null, textValue: 'Starved', quality: 'good' },
        // A machine with a state before the start and a different one after it.
        { time: AT(50), assetId: 'L1-AOI', tagId: 'State', value: null, textValue: 'Execute', quality: 'good' },
        { time: AT(110), assetId: 'L1-AOI', tagId: 'State', value: null, textValue: 'Held', quality: 'good' },
        // A machine first seen an hour later says nothing about the start.
        { time: AT(3700), assetId: 'L1-ICT', tagId: 'State', value: null, textValue: 'Execute', quality: 'good' },
      ]);
      const from = await firstCounterSample(db, ['L1-PCK'], AT(7200));
      expect(from?.toISOString()).toBe(AT(100).toISOString());
      const states = await initialStates(db, ['L1-PCK', 'L1-AOI', 'L1-ICT'], from!);
      expect(states.get('L1-PCK')).toEqual({ state: 'Starved', eventId: null });
      expect(states.get('L1-AOI')).toEqual({ state: 'Execute', eventId: null });
      expect(states.has('L1-ICT')).toBe(false);
    } finally {
      await db.close();
    }
  });
});
