/** One colour per defect class, shared by the Pareto, the board viewer and its legend. */
import type { DefectName } from '../../tools/inspection/engine/defect-types';

export const DEFECT_COLOURS: Record<DefectName, string> = {
  open: '#d62728',
  short: '#ff7f0e',
  mousebite: '#9467bd',
  spur: '#2ca02c',
  copper: '#1f77b4',
  'pin-hole': '#e377c2',
};
