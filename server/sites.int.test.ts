// Two built-in twins as two sites (PLANTPILOT_TWIN_SITES), with the real registry, the real gate and
// people whose roles differ per site: each site serves its own plant, a tool call names its site, an
// approval is bound to its site and runs only there, and a supervisor at one site is refused at the other.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionActor } from '../lib/auth/request';
import { getSession } from '../lib/auth/sessions';
import { setSiteRole } from '../lib/auth/site-roles';
import { signedInUser } from '../lib/auth/testing';
import type { Actor } from '../lib/auth/actor';
import { loadConfig } from '../lib/config';
import type { Db } from '../lib/db/db';
import { migrate } from '../lib/db/migrate';
import { openEmbeddedDb } from '../lib/db/pglite';
import { silentLogger } from '../lib/log';
import { Gate } from '../tools/approval/gate';
import { createRegistry, type ToolRegistry } from '../tools/registry';
import { startSites, toolSites, type StartedSites } from './sites';

const TAG = { asset: 'L1-RFL', tag: 'Zone4.SetpointC' };
const BY = { kind: 'system', id: 'test', name: 'test' } as const;

describe('two twins as two sites', () => {
  let dataDir: string;
  let db: Db;
  let started: StartedSites;
  let registry: ToolRegistry;
  let gate: Gate;
  /** Operator everywhere. */
  let olga: Actor;
  /** Supervisor at FUE, viewer at ERL (global role operator). */
  let sven: Actor;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'plantpilot-sites-'));
    db = await openEmbeddedDb({});
    await migrate(db);
    const config = loadConfig({
      PLANTPILOT_DATA_DIR: dataDir,
      PLANTPILOT_TWIN_PORT: '0',
      PLANTPILOT_TWIN_WARM_UP_HOURS: '0',
      PLANTPILOT_TWIN_SITES: 'FUE:1,ERL:2',
    });
    started = await startSites({ config, db, log: silentLogger });
    registry = createRegistry({ plant: started.sites.default.plant(), historian: started.sites.default.historian(), ...toolSites(started.sites) });
    gate = new Gate({ db, registry, log: silentLogger });
    olga = sessionActor((await getSession(db, (await signedInUser(db, 'olga', 'operator')).token))!);
    const signedIn = await signedInUser(db, 'sven', 'operator');
    await setSiteRole(db, { username: 'sven', siteId: 'FUE', role: 'supervisor' }, BY);
    await setSiteRole(db, { username: 'sven', siteId: 'ERL', role: 'viewer' }, BY);
    // Through the session, as the web app sees him.
    sven = sessionActor((await getSession(db, signedIn.token))!);
  }, 120_000);
  afterAll(async () => {
    await started?.stop();
    await db?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const valueAt = (siteId: string) => started.sites.get(siteId).plant().getValue(TAG.asset, TAG.tag).value as number;

  it('runs one plant per site, the first being the default, and health lists each site', async () => {
    expect(started.sites.list().map((site) => site.id)).toEqual(['FUE', 'ERL']);
    expect(started.sites.default.id).toBe('FUE');
    const [fue, erl] = started.sites.list();
    expect(fue!.part.twin!.endpointUrl).not.toBe(erl!.part.twin!.endpointUrl);
    expect(fue!.historianKey).toBe('');
    expect(erl!.historianKey).toBe('ERL');
    for (const site of started.sites.list())
      expect(
        site
          .plant()
          .listAssets()
          .some((asset) => asset.id === 'L1-RFL'),
      ).toBe(true);
    const health = await started.health();
    expect(health.status).toBe('ok');
    expect(health.reason).toMatch(/^site FUE \(twin, seed 1\): plant twin opc\.tcp:\/\/\S+: \d+ assets/m);
    expect(health.reason).toMatch(/^site ERL \(twin, seed 2\): plant twin opc\.tcp:\/\/\S+: \d+ assets/m);
    expect(() => started.sites.get('XYZ')).toThrow(/There is no site "XYZ"\. Known sites: FUE, ERL\./);
  });

  it('reads a tool at the site named, else the person’s current site, else the default; an unknown site names the known ones', async () => {
    const state = async (args: Record<string, unknown>, site?: string) =>
      (await registry.runRead('asset_state', { asset: 'L1-RFL', ...args }, { actor: olga, site })) as { asset: { id: string } };
    expect((await state({ site: 'ERL' })).asset.id).toBe('L1-RFL');
    expect((await state({}, 'ERL')).asset.id).toBe('L1-RFL');
    await expect(registry.runRead('asset_state', { asset: 'L1-RFL', site: 'XYZ' }, { actor: olga })).rejects.toThrow(
      /unknown site .*XYZ.*; known sites: FUE, ERL/,
    );
    await expect(registry.runRead('asset_state', { asset: 'L1-RFL' }, { actor: olga, site: 'XYZ' })).rejects.toThrow(/known sites: FUE, ERL/);
    const schema = registry.get('set_setpoint').input.shape.site;
    expect(schema).toBeDefined();
  });

  it('binds an approval to its site: it runs at that site only, and an edit cannot move it', async () => {
    const fueBefore = valueAt('FUE');
    const erlBefore = valueAt('ERL');
    const target = erlBefore === 240 ? 241 : 240;
    // Olga looks at ERL and asks without naming the site: the request names ERL.
    const request = await gate.request({ tool: 'set_setpoint', args: { ...TAG, value: target }, actor: olga, site: 'ERL' });
    expect(request.args).toMatchObject({ site: 'ERL' });
    expect(request.argsJson).toContain('"site":"ERL"');
    expect(request.preview.summary).toMatch(/^\[site ERL\]/);
    // The site is part of the hashed bytes: the same change at FUE is another request, with another hash.
    const atFue = await gate.request({ tool: 'set_setpoint', args: { ...TAG, value: target, site: 'FUE' }, actor: olga });
    expect(atFue.argsSha256).not.toBe(request.argsSha256);
    // An edit that would move it to FUE is refused.
    const editor = { ...olga, id: 'u-admin', name: 'Ada Admin', role: 'admin' as const };
    await expect(
      gate.decide(request.id, { type: 'edit', argsSha256: request.argsSha256, args: { ...TAG, value: target, site: 'FUE' } }, editor),
    ).rejects.toThrow(/cannot move a request from site ERL to FUE/);

    const done = await gate.decide(request.id, { type: 'approve', argsSha256: request.argsSha256 }, editor);
    expect(done.status).toBe('executed');
    expect(done.readBack?.ok).toBe(true);
    expect(valueAt('ERL')).toBe(target);
    expect(valueAt('FUE')).toBe(fueBefore);
    // The read tools see the same: each site's asset_state reads its own twin.
    const setpoint = async (site: string) => {
      const output = (await registry.runRead('asset_state', { asset: TAG.asset, site }, { actor: olga })) as { tags: { tagId: string; value: unknown }[] };
      return output.tags.find((tag) => tag.tagId === TAG.tag)?.value;
    };
    expect(await setpoint('ERL')).toBe(target);
    expect(await setpoint('FUE')).toBe(fueBefore);
    await gate.decide(atFue.id, { type: 'reject', argsSha256: atFue.argsSha256, reason: 'test done' }, editor);
  });

  it('judges roles at the site of the action: supervisor at FUE, viewer at ERL', async () => {
    expect(sven.siteRoles).toEqual({ FUE: 'supervisor', ERL: 'viewer' });
    // At ERL he may not even ask.
    await expect(gate.request({ tool: 'set_setpoint', args: { ...TAG, value: 239, site: 'ERL' }, actor: sven })).rejects.toThrow(
      /viewer role at site ERL, which may not request changes to the plant there/,
    );
    // Olga's request at ERL: he may not approve it there …
    const atErl = await gate.request({ tool: 'set_setpoint', args: { ...TAG, value: 239, site: 'ERL' }, actor: olga });
    await expect(gate.decide(atErl.id, { type: 'approve', argsSha256: atErl.argsSha256 }, sven)).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/needs a supervisor or above to decide at site ERL; .* is a viewer there/),
    });
    expect((await gate.get(atErl.id)).status).toBe('pending');
    // … but at FUE he approves, as the supervisor he is there.
    const atFue = await gate.request({ tool: 'set_setpoint', args: { ...TAG, value: 239, site: 'FUE' }, actor: olga });
    const done = await gate.decide(atFue.id, { type: 'approve', argsSha256: atFue.argsSha256 }, sven);
    expect(done.status).toBe('executed');
    expect(done.decidedBy).toMatchObject({ role: 'supervisor' });
    expect(valueAt('FUE')).toBe(239);
    // Revoked, his global role (operator) counts at ERL again: he may ask there.
    await setSiteRole(db, { username: 'sven', siteId: 'ERL', role: null }, BY);
    await gate.decide(atErl.id, { type: 'reject', argsSha256: atErl.argsSha256, reason: 'test done' }, { ...olga, id: 'u-admin', name: 'Ada', role: 'admin' });
  });
});
