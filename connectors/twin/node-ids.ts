/**
 * The twin's OPC UA node id scheme, predictable from the catalogue so a client never has to browse to
 * find a tag. All nodes are string ids in the server's own namespace (index 1):
 *
 *   ns=1;s=Plant                                   plant object (methods LoadOrderSequence, variable SimTime)
 *   ns=1;s=Plant/<Area>                            Line1, Line2 or Utilities
 *   ns=1;s=Plant/<Area>/<MachineId>                machine object (methods Start, Stop, Hold, Unhold, Reset, Clear, SetSpeed)
 *   ns=1;s=Plant/<Area>/<MachineId>/<TagPath>      variable; a dot in a tag id is a folder: Zone4.SetpointC → Zone4/SetpointC
 *   ns=1;s=Plant/<Area>/<MachineId>/<Method>       method
 *   ns=1;s=Plant/<Area>/<MachineId>/Alarms/<Code>  AlarmConditionType instance (created when first raised)
 *
 * Example: ns=1;s=Plant/Line1/L1-RFL/Zone4/SetpointC
 */
import { AppError } from '../../lib/errors';
import { findMachine } from './catalogue';

export const TWIN_NAMESPACE_INDEX = 1;
export const PLANT_PATH = 'Plant';

export function machinePath(machineId: string): string {
  const machine = findMachine(machineId);
  if (!machine) throw new AppError('not_found', `Unknown machine ${machineId}; see the twin catalogue for machine ids.`);
  return `${PLANT_PATH}/${machine.area}/${machine.id}`;
}

/** Path of a tag below its machine: `Zone4.SetpointC` → `Plant/Line1/L1-RFL/Zone4/SetpointC`. */
export function tagPath(machineId: string, tagId: string): string {
  return `${machinePath(machineId)}/${tagId.split('.').join('/')}`;
}

/** The node id string of a machine's tag, e.g. `ns=1;s=Plant/Line1/L1-RFL/Zone4/SetpointC`. */
export function twinNodeId(machineId: string, tagId: string): string {
  return `ns=${TWIN_NAMESPACE_INDEX};s=${tagPath(machineId, tagId)}`;
}

/** The node id string of a machine method (Start, Stop, Hold, Unhold, Reset, Clear, SetSpeed). */
export function twinMethodNodeId(machineId: string, method: string): string {
  return `ns=${TWIN_NAMESPACE_INDEX};s=${machinePath(machineId)}/${method}`;
}

export function twinMachineNodeId(machineId: string): string {
  return `ns=${TWIN_NAMESPACE_INDEX};s=${machinePath(machineId)}`;
}

export function twinAlarmNodeId(machineId: string, code: string): string {
  return `ns=${TWIN_NAMESPACE_INDEX};s=${machinePath(machineId)}/Alarms/${code}`;
}
