/**
 * A GPU inference server (NVIDIA Triton, KServe, or anything speaking the KServe v2 / Open
 * Inference Protocol over HTTP) as an inspection backend. See kserve-v2-protocol.ts for the
 * model's tensors. Every failure becomes an AppError that says which server and what to do.
 */
import { AppError } from '@/lib/errors';
import type { Defect } from '../../engine/defect-types';
import type { GrayImage } from '../../engine/gray-image';
import type { BackendHealth, InspectionBackend } from './inspection-backend';
import { DETECTIONS_OUTPUT, ErrorBody, imageTensor, InferResponse, TEMPLATE_INPUT, TEST_INPUT, tensorToDefects } from './kserve-v2-protocol';

export type KserveV2BackendOptions = {
  /** Base URL of the server, e.g. http://gpu-box:8000 (Triton's HTTP port). */
  url: string;
  model: string;
  /** Pin a model version; the server's default when absent. */
  modelVersion?: string;
  /** Per request, including the upload of both images. */
  timeoutMs?: number;
  fetch?: typeof fetch;
};

const DEFAULT_TIMEOUT_MS = 30_000;

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

export function createKserveV2Backend(options: KserveV2BackendOptions): InspectionBackend {
  const base = options.url.replace(/\/+$/, '');
  const model = encodeURIComponent(options.model);
  const modelPath = options.modelVersion ? `/v2/models/${model}/versions/${encodeURIComponent(options.modelVersion)}` : `/v2/models/${model}`;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const doFetch = options.fetch ?? fetch;
  const where = `the inspection server at ${base} (model ${options.model})`;

  async function request(pathname: string, init: RequestInit, signal?: AbortSignal): Promise<Response> {
    const timeout = AbortSignal.timeout(timeoutMs);
    try {
      return await doFetch(`${base}${pathname}`, { ...init, signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
    } catch (error) {
      if (timeout.aborted) {
        throw new AppError('timeout', `No answer from ${where} within ${timeoutMs} ms. Check the server's load; the job will retry.`, { cause: error });
      }
      if (signal?.aborted) throw new AppError('timeout', 'The inspection was cancelled.', { cause: error });
      throw new AppError(
        'backend_unavailable',
        `Cannot reach ${where} (${describeNetworkError(error)}). Check INSPECTION_BACKEND_URL and that the server is running; the job will retry.`,
        { cause: error },
      );
    }
  }

  async function errorFrom(response: Response): Promise<AppError> {
    const text = await response.text().catch(() => '');
    let detail = text.slice(0, 300);
    try {
      detail = ErrorBody.parse(JSON.parse(text)).error;
    } catch {
      // Not the protocol's error body; show the start of whatever came back.
    }
    const status = `HTTP ${response.status}${detail ? `: ${detail}` : ''}`;
    if (response.status === 404) {
      return new AppError('backend_unavailable', `${where} does not serve that model (${status}). Check INSPECTION_MODEL and the server's model repository.`);
    }
    if (response.status >= 500 || response.status === 408 || response.status === 429) {
      return new AppError('backend_unavailable', `${where} failed (${status}); the job will retry.`);
    }
    // Other 4xx: the server refused these images; sending them again will not help.
    return new AppError('invalid_argument', `${where} refused the images (${status}).`);
  }

  return {
    name: `kserve-v2:${options.model}@${base}`,

    async inspect(template: GrayImage, test: GrayImage, run?: { signal?: AbortSignal }): Promise<Defect[]> {
      if (template.widthPx !== test.widthPx || template.heightPx !== test.heightPx) {
        throw new AppError(
          'invalid_argument',
          `The template is ${template.widthPx}×${template.heightPx} px but the test image is ${test.widthPx}×${test.heightPx} px. Inspect a test image against the template of the same board.`,
        );
      }
      const body = JSON.stringify({
        inputs: [imageTensor(TEMPLATE_INPUT, template), imageTensor(TEST_INPUT, test)],
        outputs: [{ name: DETECTIONS_OUTPUT }],
      });
      const response = await request(`${modelPath}/infer`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }, run?.signal);
      if (!response.ok) throw await errorFrom(response);
      let parsed: InferResponse;
      try {
        parsed = InferResponse.parse(await response.json());
      } catch (error) {
        throw new AppError('backend_unavailable', `${where} answered with something that is not a KServe v2 inference response.`, { cause: error });
      }
      const output = parsed.outputs.find((tensor) => tensor.name === DETECTIONS_OUTPUT);
      if (!output) {
        throw new AppError(
          'backend_unavailable',
          `${where} answered without a ${DETECTIONS_OUTPUT} output (it sent ${parsed.outputs.map((t) => t.name).join(', ') || 'none'}). Check INSPECTION_MODEL names the AOI model.`,
        );
      }
      return tensorToDefects(output, template.widthPx, template.heightPx);
    },

    async health(): Promise<BackendHealth> {
      try {
        const server = await request('/v2/health/ready', { method: 'GET' });
        if (!server.ok) return { ok: false, reason: `${where} is not ready (HTTP ${server.status}).` };
        const ready = await request(`${modelPath}/ready`, { method: 'GET' });
        if (!ready.ok) return { ok: false, reason: `${where} is up but the model is not ready (HTTP ${ready.status}). Check INSPECTION_MODEL.` };
        return { ok: true, reason: `${where} is ready.` };
      } catch (error) {
        return { ok: false, reason: error instanceof AppError ? error.message : String(error) };
      }
    },
  };
}
