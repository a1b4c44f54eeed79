/** The read-only plant tools, each a factory over the plant connection and the historian, for the registry. */
import type { AnyTool } from '../tool';
import { alarmsTool } from './alarms';
import { assetStateTool } from './asset-state';
import { plantOverviewTool } from './plant-overview';
import { productionStatusTool } from './production-status';
import type { PlantReadDeps } from './read-deps';
import { tagHistoryTool } from './tag-history';

export { alarmsTool, assetStateTool, plantOverviewTool, productionStatusTool, tagHistoryTool };
export type { PlantReadDeps };

export function plantReadTools(deps: PlantReadDeps): AnyTool[] {
  return [plantOverviewTool(deps), assetStateTool(deps), tagHistoryTool(deps), alarmsTool(deps), productionStatusTool(deps)];
}
