/**
 * Discovers assets by browsing a `Plant/<Line>/<Machine>/…` tree (the twin's layout, and a common
 * one for real plants): the root's own variables and methods form an asset named after it, every
 * object two levels below is a machine asset, and a machine's variables (through sub-folders) are
 * its tags with ids like `Zone4.SetpointC`. Units, ranges, descriptions and writability come from
 * EngineeringUnits, EURange, Description and AccessLevel. Each tree level is one batched request.
 */
import {
  AccessLevelFlag,
  AttributeIds,
  BrowseDirection,
  NodeClass,
  NodeClassMask,
  browseAll,
  resolveNodeId,
  type ClientSession,
  type ReferenceDescription,
} from 'node-opcua';
import { AppError } from '@/lib/errors';
import type { MappedAsset, MappedMethod, MappedTag } from '../asset-mapping';

const HAS_PROPERTY = resolveNodeId('HasProperty').toString();
const SKIPPED_FOLDERS = new Set(['Alarms']);
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.\-/]*$/;

type Child = { nodeId: string; browseName: string; displayName: string; nodeClass: NodeClass };

async function browseChildren(session: ClientSession, nodeIds: string[]): Promise<Child[][]> {
  if (nodeIds.length === 0) return [];
  const results = await browseAll(
    session,
    nodeIds.map((nodeId) => ({
      nodeId,
      referenceTypeId: 'HierarchicalReferences',
      includeSubtypes: true,
      browseDirection: BrowseDirection.Forward,
      nodeClassMask: NodeClassMask.Object | NodeClassMask.Variable | NodeClassMask.Method,
      resultMask: 0x3f,
    })),
  );
  return results.map((result) =>
    (result.references ?? [])
      .filter((reference: ReferenceDescription) => reference.referenceTypeId.toString() !== HAS_PROPERTY)
      .map((reference: ReferenceDescription) => ({
        nodeId: reference.nodeId.toString(),
        browseName: reference.browseName.name ?? '',
        displayName: reference.displayName.text ?? reference.browseName.name ?? '',
        nodeClass: reference.nodeClass,
      })),
  );
}

type PendingTag = { asset: MappedAsset; id: string; nodeId: string };

function methodOf(objectNodeId: string, child: Child): MappedMethod {
  return { id: child.browseName, nodeId: child.nodeId, objectNodeId };
}

export async function discoverAssets(session: ClientSession, rootNodeId: string): Promise<MappedAsset[]> {
  const rootRead = await session.read([
    { nodeId: rootNodeId, attributeId: AttributeIds.BrowseName },
    { nodeId: rootNodeId, attributeId: AttributeIds.DisplayName },
  ]);
  if (!rootRead[0]!.statusCode.isGood()) {
    throw new AppError(
      'not_found',
      `The plant root node ${rootNodeId} does not exist on this server (${rootRead[0]!.statusCode.name}). Set the browse root or use an asset mapping file.`,
    );
  }
  const rootName = (rootRead[0]!.value.value as { name: string }).name;
  const root: MappedAsset = { id: rootName, name: (rootRead[1]!.value.value as { text?: string })?.text ?? rootName, tags: [], methods: [] };
  const pending: PendingTag[] = [];

  const [rootChildren = []] = await browseChildren(session, [rootNodeId]);
  const areas = rootChildren.filter((child) => child.nodeClass === NodeClass.Object);
  for (const child of rootChildren) {
    if (child.nodeClass === NodeClass.Variable) pending.push({ asset: root, id: child.browseName, nodeId: child.nodeId });
    if (child.nodeClass === NodeClass.Method) root.methods.push(methodOf(rootNodeId, child));
  }

  const areaChildren = await browseChildren(
    session,
    areas.map((area) => area.nodeId),
  );
  const machines: { asset: MappedAsset; nodeId: string }[] = [];
  areas.forEach((area, index) => {
    for (const child of areaChildren[index] ?? []) {
      if (child.nodeClass !== NodeClass.Object || !ID_PATTERN.test(child.browseName)) continue;
      machines.push({
        asset: { id: child.browseName, name: child.displayName, line: area.browseName, lineName: area.displayName, tags: [], methods: [] },
        nodeId: child.nodeId,
      });
    }
  });

  // Walk each machine's folders breadth-first, one request per depth for all machines together.
  let frontier = machines.map((machine) => ({ asset: machine.asset, nodeId: machine.nodeId, prefix: '', isMachine: true }));
  while (frontier.length > 0) {
    const children = await browseChildren(
      session,
      frontier.map((node) => node.nodeId),
    );
    const next: typeof frontier = [];
    frontier.forEach((node, index) => {
      for (const child of children[index] ?? []) {
        const id = `${node.prefix}${child.browseName}`;
        if (child.nodeClass === NodeClass.Variable && ID_PATTERN.test(id)) pending.push({ asset: node.asset, id, nodeId: child.nodeId });
        else if (child.nodeClass === NodeClass.Method && node.isMachine) node.asset.methods.push(methodOf(node.nodeId, child));
        else if (child.nodeClass === NodeClass.Object && !(node.isMachine && SKIPPED_FOLDERS.has(child.browseName)))
          next.push({ asset: node.asset, nodeId: child.nodeId, prefix: `${id}.`, isMachine: false });
      }
    });
    frontier = next;
  }

  const tags = await describeTags(session, pending);
  pending.forEach((item, index) => item.asset.tags.push(tags[index]!));
  const assets = [...(root.tags.length + root.methods.length > 0 ? [root] : []), ...machines.map((machine) => machine.asset)];
  if (assets.length === 0)
    throw new AppError(
      'not_found',
      `Found no assets below ${rootNodeId}: expected ${rootName}/<Line>/<Machine>/<tags>. Use an asset mapping file for this server.`,
    );
  return assets;
}

/** Reads unit, range, description and writability of every discovered variable in a few batches. */
async function describeTags(session: ClientSession, pending: PendingTag[]): Promise<MappedTag[]> {
  const properties = await browseAll(
    session,
    pending.map((item) => ({
      nodeId: item.nodeId,
      referenceTypeId: 'HasProperty',
      includeSubtypes: false,
      browseDirection: BrowseDirection.Forward,
      nodeClassMask: NodeClassMask.Variable,
      resultMask: 0x3f,
    })),
  );
  const unitNodes: (string | null)[] = [];
  const rangeNodes: (string | null)[] = [];
  properties.forEach((result) => {
    const byName = new Map((result.references ?? []).map((reference) => [reference.browseName.name, reference.nodeId.toString()]));
    unitNodes.push(byName.get('EngineeringUnits') ?? null);
    rangeNodes.push(byName.get('EURange') ?? null);
  });
  const reads = pending.flatMap((item, index) => [
    { nodeId: item.nodeId, attributeId: AttributeIds.Description },
    { nodeId: item.nodeId, attributeId: AttributeIds.AccessLevel },
    { nodeId: unitNodes[index] ?? item.nodeId, attributeId: unitNodes[index] ? AttributeIds.Value : AttributeIds.NodeId },
    { nodeId: rangeNodes[index] ?? item.nodeId, attributeId: rangeNodes[index] ? AttributeIds.Value : AttributeIds.NodeId },
  ]);
  const values = reads.length > 0 ? await session.read(reads) : [];
  return pending.map((item, index) => {
    const [description, accessLevel, unit, range] = values.slice(index * 4, index * 4 + 4);
    const tag: MappedTag = { id: item.id, nodeId: item.nodeId, writable: (Number(accessLevel?.value.value ?? 0) & AccessLevelFlag.CurrentWrite) !== 0 };
    const descriptionText = (description?.value.value as { text?: string } | null)?.text;
    if (descriptionText) tag.description = descriptionText;
    const unitInfo = unitNodes[index] ? (unit?.value.value as { displayName?: { text?: string } } | null) : null;
    if (unitInfo?.displayName?.text) tag.unit = unitInfo.displayName.text;
    const rangeValue = rangeNodes[index] ? (range?.value.value as { low?: number; high?: number } | null) : null;
    if (typeof rangeValue?.low === 'number' && typeof rangeValue.high === 'number') tag.range = { low: rangeValue.low, high: rangeValue.high };
    return tag;
  });
}
