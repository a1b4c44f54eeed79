/**
 * The node-opcua side of the plant connection. One client, one session, one subscription with a
 * monitored-item group per filter. Reconnection is node-opcua's own: after a lost channel it retries
 * forever with exponential backoff (initialDelay … maxDelay), repairs or recreates the session and
 * re-creates the subscription with its monitored items on it — so this file never creates items a
 * second time. What it adds: Bad values while down, a fresh read once the session is restored
 * (a transferred subscription does not resend unchanged values), and the stale timer.
 */
import '../log-to-stderr';
import { mkdir } from 'node:fs/promises';
import {
  AttributeIds,
  DataType,
  MessageSecurityMode,
  OPCUACertificateManager,
  OPCUAClient,
  SecurityPolicy,
  UserTokenType,
  type ClientSession,
  type ClientSubscription,
  type DataValue,
  type UserIdentityInfo,
} from 'node-opcua';
import { AppError } from '@/lib/errors';
import { silentLogger, type Logger } from '@/lib/log';
import type { MappedAsset, MappedMethod, MappedTag } from '../asset-mapping';
import type { ConnectionState, PlantConnection, ResolvedPlantConnectionOptions, TagRef, ValueUpdate } from '../plant-connection';
import { discoverAssets } from './browse-discovery';
import { CurrentState } from './current-state';
import { registerInternals } from './internals';
import { monitorTags, type Monitored } from './monitored-items';
import { tagValueOf } from './tag-values';

export type PlantConnectionDeps = { log?: Logger };

const refKey = (assetId: string, tagId: string) => `${assetId}\u0000${tagId}`;

function describeReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/ECONNREFUSED/.test(message)) return 'connection refused';
  if (/ENOTFOUND|EAI_AGAIN/.test(message)) return 'host not found';
  if (/ETIMEDOUT|EHOSTUNREACH|ENETUNREACH/.test(message)) return 'no route or no answer from the host';
  if (/BadCertificateUntrusted|BadSecurityChecksFailed/.test(message)) return 'the server does not trust our certificate, or we do not trust its certificate';
  if (/BadIdentityTokenRejected|BadIdentityTokenInvalid|BadUserAccessDenied/.test(message)) return 'the user name or password was rejected';
  return message.split('\n')[0]!.slice(0, 200);
}

export function unreachableError(endpointUrl: string, error: unknown, certificateDir?: string): AppError {
  const reason = describeReason(error);
  const hint = /certificate/.test(reason)
    ? ` Review the server's certificate with \`plantpilot opcua certs\` (refused ones wait in ${certificateDir ?? '<certificate dir>'}/rejected), compare its thumbprint with the server's, and trust it with \`plantpilot opcua trust <thumbprint>\`; give the server our certificate (own/certs) for its trust list.`
    : /user name/.test(reason)
      ? ' Check the OPC UA user name and password.'
      : ' Check OPCUA_ENDPOINT (or the source in PLANTPILOT_PLANT_CONFIG) or start the twin with `plantpilot sim`.';
  return new AppError('plant_unreachable', `Cannot reach the plant at ${endpointUrl} (${reason}).${hint}`, { cause: error });
}

function identityOf(options: ResolvedPlantConnectionOptions): UserIdentityInfo {
  return options.identity.type === 'username'
    ? { type: UserTokenType.UserName, userName: options.identity.username, password: options.identity.password }
    : { type: UserTokenType.Anonymous };
}

async function withTimeout<T>(work: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${Math.round(timeoutMs / 100) / 10} s`)), timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Server_ServerCapabilities_OperationLimits_MaxNodesPerRead; 0 or absent means no stated limit. */
const MAX_NODES_PER_READ_NODE = 'ns=0;i=11705';

async function readMaxNodesPerRead(session: ClientSession): Promise<number> {
  const [limit] = await session.read([{ nodeId: MAX_NODES_PER_READ_NODE, attributeId: AttributeIds.Value }]).catch(() => []);
  const value = Number(limit?.statusCode.isGood() ? limit.value.value : 0);
  return value > 0 ? value : 10_000;
}

export async function openPlantConnection(options: ResolvedPlantConnectionOptions, deps: PlantConnectionDeps = {}): Promise<PlantConnection> {
  const log = deps.log ?? silentLogger;
  const { endpointUrl } = options;
  await mkdir(options.certificateDir, { recursive: true });
  const certificateManager = new OPCUACertificateManager({
    rootFolder: options.certificateDir,
    automaticallyAcceptUnknownCertificate: options.trustUnknownServerCertificate,
  });
  const client = OPCUAClient.create({
    applicationName: options.applicationName,
    endpointMustExist: false,
    securityMode: MessageSecurityMode[options.securityMode],
    securityPolicy: SecurityPolicy[options.securityPolicy],
    clientCertificateManager: certificateManager,
    requestedSessionTimeout: 60_000,
    // maxRetry bounds only the first connection; node-opcua retries a lost channel forever with this backoff.
    connectionStrategy: { maxRetry: 1, initialDelay: options.reconnectInitialDelayMs, maxDelay: options.reconnectMaxDelayMs },
  });

  let session: ClientSession | undefined;
  let subscription: ClientSubscription | undefined;
  let staleTimer: NodeJS.Timeout | undefined;
  let state: ConnectionState = 'reconnecting';
  let closed = false;
  const monitored: Monitored[] = [];

  const shutdown = async () => {
    closed = true;
    if (staleTimer) clearInterval(staleTimer);
    client.removeAllListeners();
    session?.removeAllListeners();
    subscription?.removeAllListeners();
    for (const item of monitored) item.group.removeAllListeners();
    if (subscription && state === 'connected') await subscription.terminate().catch(() => undefined);
    if (session) await session.close(state === 'connected').catch(() => undefined);
    await client.disconnect().catch(() => undefined);
    await certificateManager.dispose().catch(() => undefined);
  };

  try {
    try {
      await withTimeout(client.connect(endpointUrl), options.connectTimeoutMs, 'connect');
      session = await withTimeout(client.createSession(identityOf(options)), options.connectTimeoutMs, 'create session');
    } catch (error) {
      throw unreachableError(endpointUrl, error, options.certificateDir);
    }
    state = 'connected';
    const liveSession = session;

    const assets: MappedAsset[] =
      options.tags.kind === 'mapping' ? structuredClone(options.tags.mapping.assets) : await discoverAssets(liveSession, options.tags.rootNodeId);
    const cache = new CurrentState(assets);
    const tagsByKey = new Map<string, MappedTag>();
    const assetsById = new Map(assets.map((asset) => [asset.id, asset]));
    for (const asset of assets) for (const tag of asset.tags) tagsByKey.set(refKey(asset.id, tag.id), tag);
    const dataTypes = new Map<string, DataType>();
    const maxNodesPerRead = await readMaxNodesPerRead(liveSession);
    let lastHeardAtMs = Date.now();
    let reconnects = 0;
    const stateListeners = new Set<(state: ConnectionState) => void>();
    const setState = (next: ConnectionState) => {
      if (next === state) return;
      state = next;
      for (const listener of stateListeners) listener(next);
    };

    const applyDataValue = (ref: TagRef, dataValue: DataValue) => {
      const key = refKey(ref.assetId, ref.tagId);
      const tag = tagsByKey.get(key);
      if (!tag) return;
      if (dataValue.value && dataValue.value.dataType !== DataType.Null) dataTypes.set(key, dataValue.value.dataType);
      cache.apply(ref.assetId, ref.tagId, tagValueOf(dataValue, tag.unit ?? null));
    };

    const readNow = async (refs: TagRef[] = cache.refs()): Promise<ValueUpdate[]> => {
      if (state !== 'connected') throw unreachableError(endpointUrl, new Error('the connection is down and being re-established'));
      const known = refs.map((ref) => {
        const tag = tagsByKey.get(refKey(ref.assetId, ref.tagId));
        if (!tag) cache.getValue(ref.assetId, ref.tagId); // throws not_found with the known ids
        return { ref, nodeId: tag!.nodeId };
      });
      const updates: ValueUpdate[] = [];
      for (let start = 0; start < known.length; start += maxNodesPerRead) {
        const chunk = known.slice(start, start + maxNodesPerRead);
        const dataValues = await liveSession.read(chunk.map((item) => ({ nodeId: item.nodeId, attributeId: AttributeIds.Value })));
        chunk.forEach((item, index) => {
          applyDataValue(item.ref, dataValues[index]!);
          updates.push({ ...item.ref, value: cache.getValue(item.ref.assetId, item.ref.tagId) });
        });
      }
      return updates;
    };

    await readNow();

    // Keep-alives must come well inside the stale window so silence really means trouble.
    const keepAliveCount = Math.max(1, Math.floor(options.staleWindowMs / 3 / options.publishingIntervalMs));
    subscription = await liveSession.createSubscription2({
      requestedPublishingInterval: options.publishingIntervalMs,
      requestedMaxKeepAliveCount: keepAliveCount,
      requestedLifetimeCount: Math.max(keepAliveCount * 3, Math.ceil(120_000 / options.publishingIntervalMs)),
      maxNotificationsPerPublish: 0,
      publishingEnabled: true,
      priority: 10,
    });
    // A hung server (stopped process, frozen host) keeps its TCP connection open, so node-opcua never
    // reports a loss. The watchdog does: silence past the hang window means not connected.
    const hangWindowMs = Math.round(options.staleWindowMs * 1.5);
    let hung = false;
    const heard = () => {
      lastHeardAtMs = Date.now();
      cache.checkStale(lastHeardAtMs, lastHeardAtMs, options.staleWindowMs);
      if (hung && !closed) {
        hung = false;
        setState('connected');
        log.info(`The plant at ${endpointUrl} answers again`);
        // Unchanged values are not resent: read them to end their Bad state (the recorder skips ones already stored).
        readNow().catch((error: unknown) => log.warn({ err: error }, 'Refreshing plant values after the plant answered again failed'));
      }
    };
    subscription.on('keepalive', heard);
    subscription.on('received_notifications', heard);

    monitored.push(
      ...(await monitorTags(subscription, cache.refs(), {
        options,
        nodeIdOf: (ref) => tagsByKey.get(refKey(ref.assetId, ref.tagId))!.nodeId,
        initial: (ref) => ({ value: cache.getValue(ref.assetId, ref.tagId), dataType: dataTypes.get(refKey(ref.assetId, ref.tagId)) }),
        onChange: applyDataValue,
        log,
      })),
    );

    client.on('connection_lost', () => {
      if (closed) return;
      log.warn(`Lost the connection to the plant at ${endpointUrl}; reconnecting with backoff`);
      hung = false;
      setState('reconnecting');
      cache.markDisconnected(new Date());
    });
    client.on('connection_reestablished', () => {
      reconnects += 1;
    });
    liveSession.on('session_restored', () => {
      if (closed) return;
      setState('connected');
      heard();
      log.info(`Reconnected to the plant at ${endpointUrl}`);
      readNow().catch((error: unknown) => log.warn({ err: error }, 'Refreshing plant values after reconnect failed; waiting for notifications'));
    });

    staleTimer = setInterval(
      () => {
        if (state !== 'connected') return;
        const nowMs = Date.now();
        cache.checkStale(lastHeardAtMs, nowMs, options.staleWindowMs);
        if (nowMs - lastHeardAtMs > hangWindowMs) {
          hung = true;
          log.warn(
            `The plant at ${endpointUrl} has not answered for ${Math.round((nowMs - lastHeardAtMs) / 1000)} s (no data, no keep-alive); treating it as not connected`,
          );
          setState('reconnecting');
          cache.markDisconnected(new Date(lastHeardAtMs));
        }
      },
      Math.max(50, Math.floor(options.staleWindowMs / 4)),
    );

    const connection: PlantConnection = {
      endpointUrl,
      get state() {
        return state;
      },
      listAssets: () => cache.listAssets(),
      getAsset: (assetId) => cache.getAsset(assetId),
      getValue: (assetId, tagId) => cache.getValue(assetId, tagId),
      readNow,
      subscribe: (listener) => cache.subscribe(listener),
      onStateChange(listener) {
        stateListeners.add(listener);
        return () => stateListeners.delete(listener);
      },
      stats: () => ({
        monitoredItems: monitored.reduce((count, item) => count + item.refs.length, 0),
        reconnects,
        lastHeardAt: new Date(lastHeardAtMs),
      }),
      async close() {
        if (closed) return;
        await shutdown();
        state = 'closed';
        for (const listener of stateListeners) listener('closed');
        stateListeners.clear();
      },
    };
    registerInternals(connection, {
      endpointUrl,
      identityLabel: options.identity.type === 'username' ? `user "${options.identity.username}"` : 'an anonymous session',
      liveSession() {
        if (state !== 'connected') throw unreachableError(endpointUrl, new Error('the connection is down and being re-established'));
        return liveSession;
      },
      findTag(assetId, tagId) {
        const tag = tagsByKey.get(refKey(assetId, tagId));
        if (!tag) cache.getValue(assetId, tagId);
        return tag!;
      },
      findMethod(assetId, methodId): MappedMethod {
        const asset = assetsById.get(assetId);
        if (!asset) cache.getAsset(assetId);
        const method = asset!.methods.find((candidate) => candidate.id === methodId);
        if (!method) {
          throw new AppError(
            'not_found',
            `Asset ${assetId} has no method ${methodId}. Its methods are: ${asset!.methods.map((m) => m.id).join(', ') || 'none'}.`,
          );
        }
        return method;
      },
      dataTypeOf: (assetId, tagId) => dataTypes.get(refKey(assetId, tagId)),
    });
    return connection;
  } catch (error) {
    await shutdown();
    throw error;
  }
}
