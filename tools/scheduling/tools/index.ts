/** The scheduling tools, each a factory over the SchedulingService, for the registry. */
import type { AnyTool } from '../../tool';
import type { SchedulingService } from '../service/scheduling-service';
import { explainLateOrderTool } from './explain-late-order';
import { proposeScheduleTool } from './propose-schedule';
import { releaseScheduleTool } from './release-schedule';
import { whatIfTool } from './what-if';

export { explainLateOrderTool, proposeScheduleTool, releaseScheduleTool, whatIfTool };

export function schedulingTools(scheduling: SchedulingService): AnyTool[] {
  return [proposeScheduleTool(scheduling), explainLateOrderTool(scheduling), whatIfTool(scheduling), releaseScheduleTool(scheduling)];
}
