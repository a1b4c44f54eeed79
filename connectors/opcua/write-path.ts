/**
 * The one path by which anything changes the plant: tag writes and method calls, sent with the
 * connection's configured identity, checked against the mapping first (writable, range), and with
 * OPC UA refusals turned into errors a person can act on. The approval gate calls these functions
 * and nothing else may; PlantConnection itself cannot write.
 *
 * A plant may be made of several sources (OPC UA servers, Sparkplug B edge nodes): each call goes to
 * the source that owns the asset, and a source that is not an OPC UA session (Sparkplug) writes by
 * its own driver, after the same writable and range checks.
 */
import { AttributeIds, DataType, NodeId, StatusCodes, Variant, VariantArrayType, findBasicDataType, type StatusCode } from 'node-opcua';
import { AppError, isAppError, type ErrorCode } from '../../lib/errors';
import type { MappedTag } from './asset-mapping';
import type { PlantConnection, ScalarValue, TagValue } from './plant-connection';
import { owningSource, writeDriverOf } from '../plant/private/write-drivers';
import { internalsOf } from './private/internals';
import { unreachableError } from './private/plant-connection-impl';
import { isNumericType, scalarOf } from './private/tag-values';

export type WriteResult = {
  assetId: string;
  tagId: string;
  nodeId: string;
  written: ScalarValue;
  /** The value read from the server straight after the write. */
  readBack: TagValue;
};

export type MethodResult = { assetId: string; methodId: string; outputs: ScalarValue[]; statusText: string };

export type ReadBackResult = { ok: boolean; observed: TagValue; waitedMs: number };

function refusal(status: StatusCode, what: string, identityLabel: string, nodeId: string, extra = ''): AppError {
  const name = status.name;
  const details = { statusCode: status.value, statusName: name };
  const make = (code: ErrorCode, message: string) => new AppError(code, message, { details });
  if (status === StatusCodes.BadOutOfRange) return make('invalid_argument', `The plant refused ${what}: the value is out of range (BadOutOfRange)${extra}.`);
  if (
    status === StatusCodes.BadUserAccessDenied ||
    status === StatusCodes.BadNotWritable ||
    status === StatusCodes.BadNotExecutable ||
    status === StatusCodes.BadSecurityModeInsufficient
  )
    return make('forbidden', `The plant refused ${what} for ${identityLabel} (${name}). Configure an OPC UA user with write rights for the connector.`);
  if (status === StatusCodes.BadNodeIdUnknown || status === StatusCodes.BadMethodInvalid || status === StatusCodes.BadNotFound)
    return make('not_found', `The plant has no node ${nodeId} for ${what} (${name}). Fix the asset mapping.`);
  if (
    status === StatusCodes.BadTypeMismatch ||
    status === StatusCodes.BadInvalidArgument ||
    status === StatusCodes.BadArgumentsMissing ||
    status === StatusCodes.BadTooManyArguments
  )
    return make('invalid_argument', `The plant refused ${what}: the value has the wrong type or form (${name}).`);
  if (status === StatusCodes.BadInvalidState)
    return make('conflict', `The plant refused ${what}: the machine is not in a state that allows it (BadInvalidState).`);
  return make('plant_write_failed', `The plant refused ${what} (${name}: ${status.description}).`);
}

function rangeText(tag: MappedTag): string {
  return tag.range ? ` (allowed ${tag.range.low}–${tag.range.high}${tag.unit ? ` ${tag.unit}` : ''})` : '';
}

function toVariant(dataType: DataType, value: unknown, what: string, arrayLike = false): Variant {
  if (arrayLike) {
    if (!Array.isArray(value)) throw new AppError('invalid_argument', `${what} must be a list.`);
    const items = value.map((item) => toVariant(dataType, item, what).value as unknown);
    return new Variant({ dataType, arrayType: VariantArrayType.Array, value: items });
  }
  if (isNumericType(dataType)) {
    const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
    if (!Number.isFinite(number)) throw new AppError('invalid_argument', `${what} needs a number; got ${JSON.stringify(value)}.`);
    return new Variant({ dataType, value: number });
  }
  if (dataType === DataType.Boolean) {
    if (typeof value !== 'boolean') throw new AppError('invalid_argument', `${what} needs true or false; got ${JSON.stringify(value)}.`);
    return new Variant({ dataType, value });
  }
  if (dataType === DataType.String) return new Variant({ dataType, value: String(value) });
  throw new AppError('unsupported', `${what} has OPC UA type ${DataType[dataType]}, which Plantpilot does not write.`);
}

/** Session calls that fail for transport reasons become plant_unreachable; AppErrors pass through. */
async function onPlant<T>(connection: PlantConnection, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isAppError(error)) throw error;
    throw unreachableError(connection.endpointUrl, error);
  }
}

function checkWritable(tag: MappedTag, assetId: string, tagId: string, value: number | string | boolean): void {
  if (!tag.writable) throw new AppError('invalid_argument', `${assetId}/${tagId} is a read-only tag; only setpoints marked writable can be changed.`);
  if (tag.range && typeof value === 'number' && (value < tag.range.low || value > tag.range.high)) {
    throw new AppError('invalid_argument', `Cannot write ${value} to ${assetId}/${tagId}: outside the allowed range${rangeText(tag)}.`);
  }
}

/** Writes one tag's value and reads it back. Throws AppError with a clear cause when refused. */
export async function writeValue(plant: PlantConnection, assetId: string, tagId: string, value: number | string | boolean): Promise<WriteResult> {
  const connection = owningSource(plant, assetId);
  const driver = writeDriverOf(connection);
  if (driver) {
    checkWritable(driver.findTag(assetId, tagId), assetId, tagId, value);
    const result = await driver.writeTag(assetId, tagId, value);
    return { assetId, tagId, nodeId: result.address, written: result.written, readBack: result.readBack };
  }
  const internals = internalsOf(connection);
  const tag = internals.findTag(assetId, tagId);
  const what = `writing ${JSON.stringify(value)} to ${assetId}/${tagId}`;
  checkWritable(tag, assetId, tagId, value);
  return onPlant(connection, async () => {
    const session = internals.liveSession();
    let dataType = internals.dataTypeOf(assetId, tagId);
    if (dataType === undefined) {
      const [typeRead] = await session.read([{ nodeId: tag.nodeId, attributeId: AttributeIds.DataType }]);
      if (!typeRead!.statusCode.isGood()) throw refusal(typeRead!.statusCode, what, internals.identityLabel, tag.nodeId);
      dataType = await findBasicDataType(session, typeRead!.value.value as NodeId);
    }
    const variant = toVariant(dataType, value, `${assetId}/${tagId}`);
    const status = await session.write({ nodeId: tag.nodeId, attributeId: AttributeIds.Value, value: { value: variant } });
    if (!status.isGood()) throw refusal(status, what, internals.identityLabel, tag.nodeId, rangeText(tag));
    const [readBack] = await connection.readNow([{ assetId, tagId }]);
    return { assetId, tagId, nodeId: tag.nodeId, written: scalarOf(variant), readBack: readBack!.value };
  });
}

/** Calls a method of an asset with positional arguments converted to the method's declared types. */
export async function callMethod(plant: PlantConnection, assetId: string, methodId: string, args: unknown[] = []): Promise<MethodResult> {
  const connection = owningSource(plant, assetId);
  const driver = writeDriverOf(connection);
  if (driver) return { assetId, methodId, ...(await driver.callMethod(assetId, methodId, args)) };
  const internals = internalsOf(connection);
  const method = internals.findMethod(assetId, methodId);
  const what = `calling ${methodId} on ${assetId}`;
  return onPlant(connection, async () => {
    const session = internals.liveSession();
    const definition = await session.getArgumentDefinition(NodeId.resolveNodeId(method.nodeId));
    const declared = definition.inputArguments ?? [];
    if (args.length !== declared.length) {
      const names = declared.map((argument) => argument.name).join(', ');
      throw new AppError(
        'invalid_argument',
        `${methodId} on ${assetId} takes ${declared.length} argument(s)${names ? ` (${names})` : ''}; got ${args.length}.`,
      );
    }
    const inputArguments = await Promise.all(
      declared.map(async (argument, index) => {
        const dataType = await findBasicDataType(session, argument.dataType);
        return toVariant(dataType, args[index], `Argument ${argument.name ?? index + 1} of ${methodId}`, argument.valueRank >= 1);
      }),
    );
    const result = await session.call({ objectId: method.objectNodeId, methodId: method.nodeId, inputArguments });
    if (!result.statusCode.isGood()) throw refusal(result.statusCode, what, internals.identityLabel, method.nodeId);
    const outputs = (result.outputArguments ?? []).map((variant) => scalarOf(variant));
    return { assetId, methodId, outputs, statusText: result.statusCode.name };
  });
}

/**
 * Read-back after a write or call: resolves as soon as the tag's cached value satisfies the
 * predicate, or after `timeoutMs` with ok=false and the last value it saw. Never throws for a miss.
 */
export async function waitForValue(
  connection: PlantConnection,
  assetId: string,
  tagId: string,
  predicate: (value: TagValue) => boolean,
  timeoutMs: number,
): Promise<ReadBackResult> {
  const startedMs = Date.now();
  let observed = connection.getValue(assetId, tagId);
  if (predicate(observed)) return { ok: true, observed, waitedMs: 0 };
  return new Promise((resolve) => {
    const finish = (ok: boolean) => {
      clearTimeout(timer);
      unsubscribe();
      resolve({ ok, observed, waitedMs: Date.now() - startedMs });
    };
    const unsubscribe = connection.subscribe((update) => {
      if (update.assetId !== assetId || update.tagId !== tagId) return;
      observed = update.value;
      if (predicate(observed)) finish(true);
    });
    const timer = setTimeout(() => finish(false), timeoutMs);
  });
}
