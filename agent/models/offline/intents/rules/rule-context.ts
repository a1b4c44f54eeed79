/** What every rule reads: the request, and the machine it is about (if any). */
import type { AssetRef } from '../../../../assets';
import type { AssetResolution } from '../../asset-resolver';
import type { Intent } from '../catalogue';
import type { PlanInput } from '../types';

export interface RuleContext {
  text: string;
  lower: string;
  input: PlanInput;
  timeContext: { now: Date; timeZone: string };
  resolution: AssetResolution;
  /** The asset named or found by its tag (the first candidate when ambiguous). */
  machine: AssetRef | undefined;
  /** `machine`, or the previous turn's asset when the request points back at it. */
  target: AssetRef | undefined;
  /** Whether the target is the previous turn's asset. */
  usesPrevious: boolean;
}

/** The intent a rule found, and whether it found it on the previous turn's asset. */
export type RuleMatch = [Intent, boolean];
