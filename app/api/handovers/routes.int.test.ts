import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInUsers } from '@/lib/auth/testing';
import { listAudit } from '@/lib/audit/audit-log';
import { loadConfig } from '@/lib/config';
import { openEmbeddedDb } from '@/lib/db';
import type { Db } from '@/lib/db/db';
import { migrate } from '@/lib/db/migrate';
import { silentLogger } from '@/lib/log';
import { getRuntime, setRuntime } from '@/server/runtime';
import { startHandoverService, type HandoverService } from '@/tools/handover/service/handover-service';
import { seedShift } from '@/tools/handover/testing/seed-shift';
import { GET as auditLog } from '../audit/route';
import { POST as acknowledge } from './[id]/acknowledge/route';
import { GET as exportHandover } from './[id]/export/route';
import { GET as getHandover } from './[id]/route';
import { GET as listNotes, POST as addNote } from './notes/route';
import { GET as listHandovers, POST as generate } from './route';

const BASE = 'http://127.0.0.1:3000';
const SHIFT_FROM = new Date('2025-01-15T05:00:00Z');

describe('handover routes', () => {
  let db: Db;
  let handovers: HandoverService;
  let now = new Date(SHIFT_FROM.getTime() + 9 * 3_600_000);
  const sessions: Record<string, { cookie: string; csrfToken: string }> = {};

  beforeAll(async () => {
    db = await openEmbeddedDb({});
    await migrate(db);
    await seedShift(db, { from: SHIFT_FROM, targetEvents: 200, boardPeriodS: 120 });
    handovers = startHandoverService({ db, log: silentLogger, clock: () => now, automatic: false });
    setRuntime({ config: loadConfig({}), log: silentLogger, db, startedAt: new Date(), health: {}, services: { handovers } });
    Object.assign(sessions, await signedInUsers(db, { olga: 'operator', sam: 'supervisor' }));
  });
  afterAll(async () => {
    setRuntime(undefined);
    await handovers?.stop();
    await db?.close();
  });

  const post = (path: string, who: string, body: unknown) =>
    new Request(`${BASE}${path}`, {
      method: 'POST',
      headers: { cookie: sessions[who]!.cookie, 'x-csrf-token': sessions[who]!.csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const get = (path: string, who = 'olga') => new Request(`${BASE}${path}`, { headers: { cookie: sessions[who]!.cookie } });
  const idParams = (id: string) => ({ params: Promise.resolve({ id }) });

  it('adds a note, generates a report that cites it, exports it and lets a supervisor acknowledge it once', async () => {
    const noted = await addNote(post('/api/handovers/notes', 'olga', { text: 'Nozzle 4 on L1-PNP1 replaced.', assetId: 'L1-PNP1' }));
    expect(noted.status).toBe(201);
    const { note } = await noted.json();
    const notes = await (
      await listNotes(
        get(
          `/api/handovers/notes?from=${encodeURIComponent(new Date(now.getTime() - 60_000).toISOString())}&to=${encodeURIComponent(new Date(now.getTime() + 60_000).toISOString())}`,
        ),
      )
    ).json();
    expect(notes.notes.map((n: { id: string }) => n.id)).toEqual([note.id]);
    expect((await addNote(post('/api/handovers/notes', 'olga', { text: '' }))).status).toBe(400);
    now = new Date(now.getTime() + 5 * 60_000);

    const created = await generate(post('/api/handovers', 'olga', { shift: 'current' }));
    expect(created.status).toBe(201);
    const { handover } = await created.json();
    const full = await (await getHandover(get(`/api/handovers/${handover.id}`), idParams(handover.id))).json();
    const noteStatement = full.handover.report.sections.find((s: { id: string }) => s.id === 'notes').statements[0];
    expect(noteStatement.citations[0].href).toBe(`/handovers/notes/${note.id}`);

    const list = await (await listHandovers(get('/api/handovers'))).json();
    expect(list.handovers.map((h: { id: string }) => h.id)).toContain(handover.id);

    const markdown = await exportHandover(get(`/api/handovers/${handover.id}/export?format=md`), idParams(handover.id));
    expect(markdown.headers.get('content-type')).toContain('text/markdown');
    expect(await markdown.text()).toContain(`](${BASE}/handovers/notes/${note.id})`);
    // A server bound to 0.0.0.0 sees that address in request URLs; links use what the browser addressed.
    const viaBindAddress = new Request(`http://0.0.0.0:3000/api/handovers/${handover.id}/export?format=md`, {
      headers: { cookie: sessions.olga!.cookie, 'x-forwarded-host': 'plantpilot.plant.local:3000' },
    });
    const fromBrowser = await (await exportHandover(viaBindAddress, idParams(handover.id))).text();
    expect(fromBrowser).toContain(`](http://plantpilot.plant.local:3000/handovers/notes/${note.id})`);
    expect(fromBrowser).not.toContain('0.0.0.0');
    // PLANTPILOT_PUBLIC_URL, when set, wins.
    const runtime = getRuntime();
    setRuntime({ ...runtime, config: loadConfig({ PLANTPILOT_PUBLIC_URL: 'https://plantpilot.example.com' }) });
    try {
      const configured = await (await exportHandover(viaBindAddress, idParams(handover.id))).text();
      expect(configured).toContain(`](https://plantpilot.example.com/handovers/notes/${note.id})`);
    } finally {
      setRuntime(runtime);
    }
    const pdf = await exportHandover(get(`/api/handovers/${handover.id}/export?format=pdf`), idParams(handover.id));
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    expect((await acknowledge(post(`/api/handovers/${handover.id}/acknowledge`, 'olga', {}), idParams(handover.id))).status).toBe(403);
    const acked = await acknowledge(post(`/api/handovers/${handover.id}/acknowledge`, 'sam', {}), idParams(handover.id));
    expect(acked.status).toBe(200);
    expect((await acknowledge(post(`/api/handovers/${handover.id}/acknowledge`, 'sam', {}), idParams(handover.id))).status).toBe(409);
    const audit = await listAudit(db, { action: 'handover.' });
    expect(audit.map((entry) => entry.action).sort()).toEqual(['handover.acknowledged', 'handover.note_added']);
    // Notes and acknowledgements come from a session actor that carries a role; the chain must still verify.
    const verified = await (await auditLog(get('/api/audit?verify=1', 'sam'))).json();
    expect(verified.verification).toMatchObject({ ok: true });
  });

  it('refuses a generation request without the CSRF token or with an unknown field', async () => {
    const forged = new Request(`${BASE}/api/handovers`, {
      method: 'POST',
      headers: { cookie: sessions.olga!.cookie, 'content-type': 'application/json' },
      body: '{}',
    });
    expect((await generate(forged)).status).toBe(403);
    expect((await generate(post('/api/handovers', 'olga', { shift: 'yesterday' }))).status).toBe(400);
    expect((await getHandover(get('/api/handovers/nope'), idParams('nope'))).status).toBe(404);
  });

  it('exports a note’s markup as text, never as raw HTML, in the Markdown handover', async () => {
    const noted = await addNote(post('/api/handovers/notes', 'olga', { text: 'Feeder 3 jammed <script>alert("x")</script> <img src=x onerror=alert(1)>' }));
    expect(noted.status).toBe(201);
    now = new Date(now.getTime() + 60_000);
    const { handover } = await (await generate(post('/api/handovers', 'olga', { shift: 'current' }))).json();
    const markdown = await (await exportHandover(get(`/api/handovers/${handover.id}/export?format=md`), idParams(handover.id))).text();
    expect(markdown).toContain('Feeder 3 jammed &lt;script&gt;');
    expect(markdown).not.toMatch(/<script|<img/i);
  });
});
