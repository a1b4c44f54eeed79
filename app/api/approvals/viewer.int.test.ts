// Approval requests carry the exact arguments of plant changes: viewers do not read them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInUsers, type SignedIn } from '@/lib/auth/testing';
import { loadConfig } from '@/lib/config';
import { openEmbeddedDb } from '@/lib/db';
import type { Db } from '@/lib/db/db';
import { migrate } from '@/lib/db/migrate';
import { silentLogger } from '@/lib/log';
import { setRuntime } from '@/server/runtime';
import { Gate } from '@/tools/approval/gate';
import { makeTestPlant } from '@/tools/approval/testing/test-plant';
import { ToolRegistry } from '@/tools/registry';
import { GET as getOne } from './[id]/route';
import { GET as list } from './route';

describe('approval routes by role', () => {
  let db: Db;
  let people: Record<'vera' | 'olga', SignedIn>;
  let requestId: string;

  beforeAll(async () => {
    db = await openEmbeddedDb({});
    await migrate(db);
    const gate = new Gate({ db, registry: new ToolRegistry(makeTestPlant().tools), log: silentLogger });
    setRuntime({ config: loadConfig({}), log: silentLogger, db, startedAt: new Date(), health: {}, services: { gate } });
    people = await signedInUsers(db, { vera: 'viewer', olga: 'operator' });
    const filed = await gate.request({
      tool: 'set_test_value',
      args: { key: 'zone4', value: 240 },
      actor: { kind: 'user', id: people.olga.user.id, name: 'Olga', role: 'operator' },
    });
    requestId = filed.id;
  });
  afterAll(async () => {
    setRuntime(undefined);
    await db?.close();
  });

  const as = (who: SignedIn, url: string) => new Request(`http://127.0.0.1:3000${url}`, { headers: { cookie: who.cookie } });

  it('refuses a viewer the list and a single request, with a reason', async () => {
    const refused = await list(as(people.vera, '/api/approvals'));
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toMatch(/operator role or above/);
    expect((await getOne(as(people.vera, `/api/approvals/${requestId}`), { params: Promise.resolve({ id: requestId }) })).status).toBe(403);
  });

  it('shows operators the requests with their arguments', async () => {
    const { requests } = await (await list(as(people.olga, '/api/approvals'))).json();
    expect(requests[0]).toMatchObject({ id: requestId, args: { key: 'zone4', value: 240 } });
  });
});
