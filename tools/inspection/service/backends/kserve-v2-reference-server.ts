/**
 * A small KServe v2 inference server that runs the CPU engine behind the AOI model contract
 * (kserve-v2-protocol.ts). The tests use it for a real HTTP round trip; it also lets a
 * deployment try the GPU-server path end to end before a real model exists.
 */
import http from 'node:http';
import { AppError, isAppError } from '@/lib/errors';
import { detectDefects } from '../../engine/detect';
import { detectionsTensor, InferRequest, TEMPLATE_INPUT, TEST_INPUT, tensorToImage } from './kserve-v2-protocol';

export type ReferenceServer = { url: string; close(): Promise<void>; requests: number };

export type ReferenceServerOptions = { model: string; host?: string; port?: number; maxBodyBytes?: number };

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function readBody(req: http.IncomingMessage, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new AppError('too_large', `Request body over ${maxBytes} bytes.`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startKserveV2ReferenceServer(options: ReferenceServerOptions): Promise<ReferenceServer> {
  const maxBodyBytes = options.maxBodyBytes ?? 256 * 1024 * 1024;
  const modelPath = `/v2/models/${encodeURIComponent(options.model)}`;
  const state = { requests: 0 };

  async function infer(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let request: InferRequest;
    try {
      request = InferRequest.parse(JSON.parse(await readBody(req, maxBodyBytes)));
    } catch (error) {
      send(res, isAppError(error) && error.code === 'too_large' ? 413 : 400, { error: `Not a KServe v2 inference request: ${(error as Error).message}` });
      return;
    }
    const template = request.inputs.find((t) => t.name === TEMPLATE_INPUT);
    const test = request.inputs.find((t) => t.name === TEST_INPUT);
    if (!template || !test) {
      send(res, 400, { error: `Inputs ${TEMPLATE_INPUT} and ${TEST_INPUT} are required.` });
      return;
    }
    try {
      const { defects } = detectDefects(tensorToImage(template), tensorToImage(test));
      send(res, 200, { model_name: options.model, model_version: '1', id: request.id, outputs: [detectionsTensor(defects)] });
    } catch (error) {
      send(res, isAppError(error) && error.recoverable ? 400 : 500, { error: error instanceof Error ? error.message : String(error) });
    }
  }

  const server = http.createServer((req, res) => {
    state.requests++;
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && (path === '/v2/health/ready' || path === '/v2/health/live')) return send(res, 200, {});
    if (req.method === 'GET' && path === `${modelPath}/ready`) return send(res, 200, {});
    if (req.method === 'GET' && path === modelPath) {
      return send(res, 200, {
        name: options.model,
        versions: ['1'],
        platform: 'plantpilot-cpu',
        inputs: [
          { name: TEMPLATE_INPUT, datatype: 'UINT8', shape: [1, -1, -1] },
          { name: TEST_INPUT, datatype: 'UINT8', shape: [1, -1, -1] },
        ],
        outputs: [{ name: 'DETECTIONS', datatype: 'FP32', shape: [-1, 6] }],
      });
    }
    if (req.method === 'POST' && path === `${modelPath}/infer`) {
      infer(req, res).catch((error: unknown) => send(res, 500, { error: String(error) }));
      return;
    }
    send(res, 404, { error: `No route ${req.method} ${path}; this server serves model ${options.model}.` });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as { port: number };
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    get requests() {
      return state.requests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
