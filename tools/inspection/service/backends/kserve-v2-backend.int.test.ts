import { afterEach, describe, expect, it } from 'vitest';
import { detectDefects } from '../../engine/detect';
import { renderBoardPair } from '../../engine/synthetic-board';
import { createCpuBackend } from './cpu-backend';
import { createKserveV2Backend } from './kserve-v2-backend';
import { startKserveV2ReferenceServer, type ReferenceServer } from './kserve-v2-reference-server';

let server: ReferenceServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const board = renderBoardPair({ seed: 7, widthPx: 320, heightPx: 320, defects: [{ type: 1 }, { type: 2 }, { type: 5 }] });

describe('KServe v2 backend against a local inference server', () => {
  it('round-trips both images and returns the same defects as the CPU engine', async () => {
    server = await startKserveV2ReferenceServer({ model: 'pcb-aoi' });
    const backend = createKserveV2Backend({ url: server.url, model: 'pcb-aoi' });
    expect(backend.name).toBe(`kserve-v2:pcb-aoi@${server.url}`);
    expect(await backend.health()).toMatchObject({ ok: true });

    const remote = await backend.inspect(board.template, board.test);
    const local = await createCpuBackend().inspect(board.template, board.test);
    expect(remote.length).toBeGreaterThanOrEqual(3);
    expect(remote).toEqual(local);
    expect(remote).toEqual(detectDefects(board.template, board.test).defects);
    expect(new Set(remote.map((d) => d.name))).toEqual(new Set(['open', 'short', 'copper']));
  });

  it('names the model when the server does not serve it', async () => {
    server = await startKserveV2ReferenceServer({ model: 'pcb-aoi' });
    const backend = createKserveV2Backend({ url: server.url, model: 'yolo-other' });
    await expect(backend.inspect(board.template, board.test)).rejects.toMatchObject({ code: 'backend_unavailable', message: /yolo-other.*INSPECTION_MODEL/s });
    expect(await backend.health()).toMatchObject({ ok: false, reason: /model is not ready/ });
  });

  it('says the server cannot be reached when nothing listens', async () => {
    server = await startKserveV2ReferenceServer({ model: 'pcb-aoi' });
    const url = server.url;
    await server.close();
    server = undefined;
    const backend = createKserveV2Backend({ url, model: 'pcb-aoi', timeoutMs: 5000 });
    await expect(backend.inspect(board.template, board.test)).rejects.toMatchObject({
      code: 'backend_unavailable',
      message: /Cannot reach the inspection server.*ECONNREFUSED.*INSPECTION_BACKEND_URL/s,
    });
    expect((await backend.health()).ok).toBe(false);
  });

  it('refuses mismatched images before sending them', async () => {
    server = await startKserveV2ReferenceServer({ model: 'pcb-aoi' });
    const backend = createKserveV2Backend({ url: server.url, model: 'pcb-aoi' });
    const small = renderBoardPair({ seed: 1, widthPx: 160, heightPx: 160 });
    const before = server.requests;
    await expect(backend.inspect(board.template, small.test)).rejects.toMatchObject({ code: 'invalid_argument', message: /320×320.*160×160/ });
    expect(server.requests).toBe(before);
  });

  it('reports a timeout as such', async () => {
    const http = await import('node:http');
    const silent = http.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    try {
      const backend = createKserveV2Backend({ url: `http://127.0.0.1:${port}`, model: 'pcb-aoi', timeoutMs: 200 });
      await expect(backend.inspect(board.template, board.test)).rejects.toMatchObject({ code: 'timeout', message: /within 200 ms/ });
    } finally {
      await new Promise<void>((resolve) => {
        silent.close(() => resolve());
        silent.closeAllConnections();
      });
    }
  });
});
