import { describe, expect, it } from 'vitest';
import { eventually } from '../test/eventually';
import { startHealthMonitor, type PartHealth } from './health';

describe('startHealthMonitor (readiness from background checks)', () => {
  it('answers from its cache while a check is merely slow, and says down when one fails or hangs', async () => {
    let dbAnswer: () => Promise<PartHealth> = async () => ({ status: 'ok', reason: 'fine' });
    let calls = 0;
    const monitor = startHealthMonitor(
      {
        db: () => {
          calls++;
          return dbAnswer();
        },
        plant: async () => ({ status: 'degraded', reason: 'reconnecting' }),
      },
      { intervalMs: 20, hungAfterMs: 400 },
    );
    try {
      const first = await monitor.refresh();
      expect(first.parts.db).toEqual({ status: 'ok', reason: 'fine' });
      expect(first.parts.plant.status).toBe('degraded');
      expect(first.parts.model.status).toBe('down');

      // Slow but answering (a busy instance): the report keeps the last answer.
      let release!: () => void;
      const slow = new Promise<PartHealth>((resolve) => (release = () => resolve({ status: 'ok', reason: 'slow but fine' })));
      dbAnswer = () => slow;
      const before = calls;
      await eventually(() => calls > before, 5000, 'the next background check');
      expect(monitor.report().parts.db.status).toBe('ok');
      expect(monitor.dbDown()).toBe(false);
      release();
      await eventually(() => monitor.report().parts.db.reason === 'slow but fine', 5000, 'the slow answer');

      // A failing check is down at once, with its reason.
      dbAnswer = async () => {
        throw new Error('connection refused');
      };
      await eventually(() => monitor.dbDown(), 5000, 'the failure to show');
      expect(monitor.report()).toMatchObject({ status: 'down', parts: { db: { status: 'down', reason: 'connection refused' } } });

      // A check that never answers is down after the hang limit.
      const hang = new Promise<PartHealth>(() => undefined);
      dbAnswer = () => hang;
      monitor.refresh().catch(() => undefined);
      await eventually(() => /has not answered/.test(monitor.report().parts.db.reason), 5000, 'the hang to show');
      expect(monitor.dbDown()).toBe(true);
    } finally {
      monitor.stop();
    }
  });
});
