/**
 * DeepPCB scoring: a detection is correct when its IoU with an unmatched ground-truth box of
 * the same class exceeds 0.33. Detections are matched greedily in confidence order (each
 * truth box at most once), which gives both the precision/recall at a score threshold and
 * the per-class average precision (all-point interpolated, as in VOC 2010+ and ICDAR 2015).
 */
import { DEFECT_TYPE_IDS, defectName, type Box, type Defect, type DefectName, type LabeledBox } from './defect-types';

export const DEEPPCB_IOU_THRESHOLD = 0.33;

export function intersectionOverUnion(a: Box, b: Box): number {
  const width = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
  const height = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
  if (width <= 0 || height <= 0) return 0;
  const intersection = width * height;
  const union = (a.x2 - a.x1) * (a.y2 - a.y1) + (b.x2 - b.x1) * (b.y2 - b.y1) - intersection;
  return union > 0 ? intersection / union : 0;
}

export type ScoredImage = { truth: readonly LabeledBox[]; detections: readonly Defect[] };

export type ClassScore = {
  type: number;
  name: DefectName;
  truthCount: number;
  detectionCount: number;
  truePositives: number;
  precision: number;
  recall: number;
  f1: number;
  averagePrecision: number;
};

export type Evaluation = {
  perClass: ClassScore[];
  truthCount: number;
  detectionCount: number;
  truePositives: number;
  precision: number;
  recall: number;
  f1: number;
  meanAveragePrecision: number;
};

export type EvaluateOptions = { iouThreshold?: number; scoreThreshold?: number };

function f1Of(precision: number, recall: number): number {
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

function averagePrecision(ranked: Array<{ confidence: number; correct: boolean }>, truthCount: number): number {
  if (truthCount === 0) return ranked.length === 0 ? 1 : 0;
  ranked.sort((a, b) => b.confidence - a.confidence);
  const precisions: number[] = [];
  const recalls: number[] = [];
  let truePositives = 0;
  ranked.forEach((item, index) => {
    if (item.correct) truePositives++;
    precisions.push(truePositives / (index + 1));
    recalls.push(truePositives / truthCount);
  });
  // Interpolate: precision at recall r is the best precision at any recall >= r.
  for (let i = precisions.length - 2; i >= 0; i--) precisions[i] = Math.max(precisions[i], precisions[i + 1]);
  let area = 0;
  let previousRecall = 0;
  for (let i = 0; i < recalls.length; i++) {
    area += (recalls[i] - previousRecall) * precisions[i];
    previousRecall = recalls[i];
  }
  return area;
}

/**
 * Which detections of one image are correct under the DeepPCB rule, in the order given:
 * per class, in confidence order, each detection takes the unmatched truth box of its class
 * with the highest IoU above the threshold (the matching `evaluateDetections` scores).
 */
export function matchDetections(truth: readonly LabeledBox[], detections: readonly Defect[], iouThreshold = DEEPPCB_IOU_THRESHOLD): boolean[] {
  const correct = new Array<boolean>(detections.length).fill(false);
  const matched = new Array<boolean>(truth.length).fill(false);
  const order = detections.map((_, index) => index).sort((a, b) => detections[b].confidence - detections[a].confidence);
  for (const index of order) {
    const detection = detections[index];
    let bestIndex = -1;
    let bestIou = iouThreshold;
    truth.forEach((box, t) => {
      if (matched[t] || box.type !== detection.type) return;
      const iou = intersectionOverUnion(detection, box);
      if (iou > bestIou) {
        bestIou = iou;
        bestIndex = t;
      }
    });
    if (bestIndex >= 0) {
      matched[bestIndex] = true;
      correct[index] = true;
    }
  }
  return correct;
}

export function evaluateDetections(images: readonly ScoredImage[], options: EvaluateOptions = {}): Evaluation {
  const iouThreshold = options.iouThreshold ?? DEEPPCB_IOU_THRESHOLD;
  const scoreThreshold = options.scoreThreshold ?? 0;
  const perClass: ClassScore[] = DEFECT_TYPE_IDS.map((type) => {
    const ranked: Array<{ confidence: number; correct: boolean }> = [];
    let truthCount = 0;
    let detectionCount = 0;
    let truePositives = 0;
    for (const image of images) {
      const truth = image.truth.filter((box) => box.type === type);
      const matched = new Array<boolean>(truth.length).fill(false);
      truthCount += truth.length;
      const detections = image.detections.filter((d) => d.type === type).sort((a, b) => b.confidence - a.confidence);
      for (const detection of detections) {
        let bestIndex = -1;
        let bestIou = iouThreshold;
        truth.forEach((box, index) => {
          if (matched[index]) return;
          const iou = intersectionOverUnion(detection, box);
          if (iou > bestIou) {
            bestIou = iou;
            bestIndex = index;
          }
        });
        if (bestIndex >= 0) matched[bestIndex] = true;
        ranked.push({ confidence: detection.confidence, correct: bestIndex >= 0 });
        if (detection.confidence >= scoreThreshold) {
          detectionCount++;
          if (bestIndex >= 0) truePositives++;
        }
      }
    }
    const precision = detectionCount > 0 ? truePositives / detectionCount : 0;
    const recall = truthCount > 0 ? truePositives / truthCount : 0;
    return {
      type,
      name: defectName(type),
      truthCount,
      detectionCount,
      truePositives,
      precision,
      recall,
      f1: f1Of(precision, recall),
      averagePrecision: averagePrecision(ranked, truthCount),
    };
  });
  const truthCount = perClass.reduce((sum, c) => sum + c.truthCount, 0);
  const detectionCount = perClass.reduce((sum, c) => sum + c.detectionCount, 0);
  const truePositives = perClass.reduce((sum, c) => sum + c.truePositives, 0);
  const precision = detectionCount > 0 ? truePositives / detectionCount : 0;
  const recall = truthCount > 0 ? truePositives / truthCount : 0;
  const scored = perClass.filter((c) => c.truthCount > 0);
  return {
    perClass,
    truthCount,
    detectionCount,
    truePositives,
    precision,
    recall,
    f1: f1Of(precision, recall),
    meanAveragePrecision: scored.length ? scored.reduce((sum, c) => sum + c.averagePrecision, 0) / scored.length : 0,
  };
}
