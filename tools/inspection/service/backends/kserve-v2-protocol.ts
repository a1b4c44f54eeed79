/**
 * The slice of the KServe v2 / Open Inference Protocol (also Triton's HTTP API) that inspection
 * uses, as zod schemas, and the tensor layout of the AOI model:
 *
 *   inputs  TEMPLATE, TEST   UINT8 [1, H, W]   grayscale images, row-major
 *   output  DETECTIONS       FP32  [N, 6]      x1, y1, x2, y2, class (1–6, DeepPCB), confidence (0–1)
 *
 * A Triton or KServe deployment of a GPU detector serves this contract with a small
 * pre/post-processing step (an ensemble or a Python backend) around the network.
 */
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { DEFECT_NAMES, type Defect, type DefectTypeId } from '../../engine/defect-types';
import type { GrayImage } from '../../engine/gray-image';

export const TEMPLATE_INPUT = 'TEMPLATE';
export const TEST_INPUT = 'TEST';
export const DETECTIONS_OUTPUT = 'DETECTIONS';
export const DETECTION_FIELDS = 6;

export const InferTensor = z.object({
  name: z.string(),
  shape: z.array(z.number().int().nonnegative()),
  datatype: z.string(),
  parameters: z.record(z.string(), z.unknown()).optional(),
  data: z.array(z.number()),
});
export type InferTensor = z.infer<typeof InferTensor>;

export const InferRequest = z.object({
  id: z.string().optional(),
  inputs: z.array(InferTensor).min(1),
  outputs: z.array(z.object({ name: z.string() })).optional(),
});
export type InferRequest = z.infer<typeof InferRequest>;

export const InferResponse = z.object({
  model_name: z.string(),
  model_version: z.string().optional(),
  id: z.string().optional(),
  outputs: z.array(InferTensor),
});
export type InferResponse = z.infer<typeof InferResponse>;

/** The protocol's error body: `{ "error": "..." }`. */
export const ErrorBody = z.object({ error: z.string() });

export function imageTensor(name: string, image: GrayImage): InferTensor {
  return { name, shape: [1, image.heightPx, image.widthPx], datatype: 'UINT8', data: Array.from(image.data) };
}

/** Reads a UINT8 [1, H, W] tensor back into an image; AppError('invalid_argument') when it is not one. */
export function tensorToImage(tensor: InferTensor): GrayImage {
  const [batch, heightPx, widthPx] = tensor.shape;
  if (tensor.datatype !== 'UINT8' || tensor.shape.length !== 3 || batch !== 1) {
    throw new AppError('invalid_argument', `Input ${tensor.name} must be UINT8 of shape [1, H, W]; got ${tensor.datatype} [${tensor.shape.join(', ')}].`);
  }
  if (!heightPx || !widthPx || tensor.data.length !== heightPx * widthPx) {
    throw new AppError('invalid_argument', `Input ${tensor.name} has ${tensor.data.length} values for shape [${tensor.shape.join(', ')}].`);
  }
  return { widthPx, heightPx, data: Uint8Array.from(tensor.data) };
}

export function detectionsTensor(defects: readonly Defect[]): InferTensor {
  return {
    name: DETECTIONS_OUTPUT,
    shape: [defects.length, DETECTION_FIELDS],
    datatype: 'FP32',
    data: defects.flatMap((d) => [d.x1, d.y1, d.x2, d.y2, d.type, d.confidence]),
  };
}

/**
 * Defects from a DETECTIONS tensor, boxes clipped to the image, highest confidence first.
 * Throws AppError('backend_unavailable') when the server's answer does not fit the contract —
 * a wrong model behind the name, which a person has to fix, and retrying will say so again.
 */
export function tensorToDefects(tensor: InferTensor, widthPx: number, heightPx: number): Defect[] {
  const [count, fields] = tensor.shape;
  if (tensor.shape.length !== 2 || fields !== DETECTION_FIELDS || !['FP32', 'FP64'].includes(tensor.datatype)) {
    throw new AppError(
      'backend_unavailable',
      `The inspection model answered ${tensor.name} as ${tensor.datatype} [${tensor.shape.join(', ')}], not FP32 [N, 6]. Check INSPECTION_MODEL names the AOI model.`,
    );
  }
  if (tensor.data.length !== (count ?? 0) * DETECTION_FIELDS) {
    throw new AppError('backend_unavailable', `The inspection model sent ${tensor.data.length} values for ${count} detections of 6 values each.`);
  }
  const defects: Defect[] = [];
  for (let i = 0; i < (count ?? 0); i++) {
    const [x1, y1, x2, y2, type, confidence] = tensor.data.slice(i * DETECTION_FIELDS, (i + 1) * DETECTION_FIELDS) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const typeId = Math.round(type);
    if (typeId < 1 || typeId > 6 || !Number.isFinite(confidence)) {
      throw new AppError('backend_unavailable', `The inspection model sent detection ${i} with class ${type}; classes are 1–6 (DeepPCB numbering).`);
    }
    const box = {
      x1: Math.max(0, Math.min(widthPx, Math.round(Math.min(x1, x2)))),
      y1: Math.max(0, Math.min(heightPx, Math.round(Math.min(y1, y2)))),
      x2: Math.max(0, Math.min(widthPx, Math.round(Math.max(x1, x2)))),
      y2: Math.max(0, Math.min(heightPx, Math.round(Math.max(y1, y2)))),
    };
    defects.push({
      ...box,
      type: typeId as DefectTypeId,
      name: DEFECT_NAMES[typeId - 1]!,
      confidence: Math.max(0, Math.min(1, Number(confidence.toFixed(4)))),
    });
  }
  return defects.sort((a, b) => b.confidence - a.confidence);
}
