/**
 * Resource providers built from the running app's services: the knowledge base for manuals, the
 * plant connection for the plant model, a handover service for the latest handover. Each is used
 * only when that capability is running; the shapes read from them are checked with zod, so a
 * service that changes shape yields a clear error instead of a malformed resource.
 */
import { z } from 'zod';
import { AppError } from '../../lib/errors';
import type { Runtime } from '@/server/runtime';
import type { HandoverText, ManualText, McpResourceProviders } from './resources';

const DocumentSummary = z.object({ id: z.string(), title: z.string(), docType: z.string().optional(), assets: z.array(z.string()).optional() });
const Chunk = z.object({ ordinal: z.number(), headingText: z.string().optional(), sectionPath: z.array(z.string()).optional(), body: z.string() });
const Handover = z.object({ id: z.string(), title: z.string(), createdAt: z.union([z.string(), z.date()]).transform(String), markdown: z.string() });

type KnowledgeLike = {
  listDocuments(): Promise<unknown[]>;
  getDocument(id: string): Promise<unknown>;
  documentChunks(id: string): Promise<unknown[]>;
};
type PlantLike = { endpointUrl?: string; state?: string; listAssets(): unknown[] };
type HandoversLike = { latest(): Promise<unknown> };

function hasMethods<T>(value: unknown, ...names: string[]): value is T {
  return typeof value === 'object' && value !== null && names.every((name) => typeof (value as Record<string, unknown>)[name] === 'function');
}

function parsed<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError('internal', `The ${what} returned data the MCP server does not understand: ${result.error.issues[0]?.message}.`);
  return result.data;
}

function manualsFrom(knowledge: KnowledgeLike): NonNullable<McpResourceProviders['manuals']> {
  return {
    async list() {
      return (await knowledge.listDocuments()).map((doc) => parsed(DocumentSummary, doc, 'knowledge base'));
    },
    async read(id): Promise<ManualText | undefined> {
      const raw = await knowledge.getDocument(id);
      if (!raw) return undefined;
      const doc = parsed(DocumentSummary, raw, 'knowledge base');
      const chunks = (await knowledge.documentChunks(id)).map((c) => parsed(Chunk, c, 'knowledge base')).sort((a, b) => a.ordinal - b.ordinal);
      const sections = chunks.map((c) => (c.headingText ? `## ${c.headingText}\n\n${c.body}` : c.body));
      return { id: doc.id, title: doc.title, mimeType: 'text/markdown', text: [`# ${doc.title}`, ...sections].join('\n\n') };
    },
  };
}

/** Providers for whatever is running in this process; absent capabilities are simply left out. */
export function runtimeResourceProviders(runtime: Pick<Runtime, 'services'>): McpResourceProviders {
  // Looked up by name rather than by type: these capabilities land independently of the MCP server.
  const services = runtime.services as { [name: string]: unknown };
  const providers: McpResourceProviders = {};
  if (hasMethods<KnowledgeLike>(services.knowledge, 'listDocuments', 'getDocument', 'documentChunks')) providers.manuals = manualsFrom(services.knowledge);
  const plant = services.plant;
  if (hasMethods<PlantLike>(plant, 'listAssets')) {
    providers.plantModel = async () => ({ endpoint: plant.endpointUrl, connection: plant.state, assets: plant.listAssets() });
  }
  const handovers = services.handovers;
  if (hasMethods<HandoversLike>(handovers, 'latest')) {
    providers.latestHandover = async (): Promise<HandoverText | undefined> => {
      const latest = await handovers.latest();
      return latest ? parsed(Handover, latest, 'handover service') : undefined;
    };
  }
  return providers;
}
