import { afterEach, describe, expect, it } from 'vitest';
import { openEmbeddedDb } from '@/lib/db';
import { dbHealthCheck } from '@/lib/health';
import { silentLogger } from '@/lib/log';
import { loadConfig } from '@/lib/config';
import { setRuntime } from '@/server/runtime';
import { GET } from './route';

afterEach(() => setRuntime(undefined));

describe('GET /api/health', () => {
  it('reports the database ok and parts not yet installed as down, each with a reason', async () => {
    const db = await openEmbeddedDb({});
    setRuntime({ config: loadConfig({}), log: silentLogger, db, startedAt: new Date(), health: { db: dbHealthCheck(db) }, services: {} });
    try {
      const response = await GET();
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body.parts.db.status).toBe('ok');
      expect(body.parts.db.reason).toMatch(/embedded PGlite/);
      for (const part of ['plant', 'model', 'embeddings']) {
        expect(body.parts[part].status).toMatch(/^(ok|degraded|down)$/);
        expect(body.parts[part].reason.length).toBeGreaterThan(0);
      }
      expect(body.status).toBe('degraded');
    } finally {
      await db.close();
    }
  });

  it('answers 503 with a reason when the database is gone', async () => {
    const db = await openEmbeddedDb({});
    setRuntime({ config: loadConfig({}), log: silentLogger, db, startedAt: new Date(), health: { db: dbHealthCheck(db) }, services: {} });
    await db.close();
    const response = await GET();
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body.status).toBe('down');
    expect(body.parts.db.status).toBe('down');
    expect(body.parts.db.reason.length).toBeGreaterThan(0);
  });
});
