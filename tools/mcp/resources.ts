/**
 * MCP resources: the plant's manuals (one per document), the plant model, and the latest shift
 * handover. They come from injected providers, so the server neither knows nor cares which
 * capability is running; a missing provider gives an empty list or a resource saying so.
 */
import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import { AppError } from '../../lib/errors';
import type { Logger } from '../../lib/log';
import { protocolError } from './errors';

export type ManualSummary = { id: string; title: string; docType?: string; assets?: string[] };
export type ManualText = { id: string; title: string; mimeType: string; text: string };
export type HandoverText = { id: string; title: string; createdAt: string; markdown: string };

export interface McpResourceProviders {
  manuals?: {
    list(): Promise<ManualSummary[]>;
    /** The document's text, or undefined for an unknown id. */
    read(id: string): Promise<ManualText | undefined>;
  };
  /** Lines and assets as JSON-ready data. */
  plantModel?: () => Promise<unknown>;
  latestHandover?: () => Promise<HandoverText | undefined>;
}

export const RESOURCE_URIS = {
  manualTemplate: 'plantpilot://manuals/{doc}',
  plantModel: 'plantpilot://plant/model',
  latestHandover: 'plantpilot://handovers/latest',
} as const;

export function manualUri(id: string): string {
  return `plantpilot://manuals/${encodeURIComponent(id)}`;
}

function text(uri: string, mimeType: string, body: string): ReadResourceResult {
  return { contents: [{ uri, mimeType, text: body }] };
}

export function registerResources(server: McpServer, providers: McpResourceProviders, log: Logger): void {
  const guarded =
    <A extends unknown[]>(fn: (...args: A) => Promise<ReadResourceResult>) =>
    async (...args: A): Promise<ReadResourceResult> => {
      try {
        return await fn(...args);
      } catch (error) {
        throw protocolError(error, log);
      }
    };

  server.registerResource(
    'manual',
    new ResourceTemplate(RESOURCE_URIS.manualTemplate, {
      list: async () => {
        try {
          const manuals = (await providers.manuals?.list()) ?? [];
          return {
            resources: manuals.map((m) => ({
              uri: manualUri(m.id),
              name: m.id,
              title: m.title,
              mimeType: 'text/markdown',
              description: [m.docType, m.assets?.length ? `assets ${m.assets.join(', ')}` : ''].filter(Boolean).join('; ') || undefined,
            })),
          };
        } catch (error) {
          throw protocolError(error, log);
        }
      },
    }),
    { title: 'Plant manual', description: 'One of the plant’s manuals (operating, maintenance, alarm reference), as text.', mimeType: 'text/markdown' },
    guarded(async (uri, variables) => {
      const id = decodeURIComponent(String(variables.doc));
      const manual = await providers.manuals?.read(id);
      if (!manual) throw new AppError('not_found', `There is no manual "${id}". List the manual resources to see what exists.`);
      return text(uri.href, manual.mimeType, manual.text);
    }),
  );

  server.registerResource(
    'plant_model',
    RESOURCE_URIS.plantModel,
    { title: 'Plant model', description: 'The plant’s lines and assets with their tags and units, as JSON.', mimeType: 'application/json' },
    guarded(async (uri) => {
      const model = providers.plantModel
        ? await providers.plantModel()
        : { available: false, message: 'The plant connector is not running on this server, so there is no plant model. Check /api/health.' };
      return text(uri.href, 'application/json', JSON.stringify(model, null, 2));
    }),
  );

  server.registerResource(
    'latest_handover',
    RESOURCE_URIS.latestHandover,
    { title: 'Latest shift handover', description: 'The most recent shift handover report, as Markdown.', mimeType: 'text/markdown' },
    guarded(async (uri) => {
      const handover = await providers.latestHandover?.();
      if (!handover) return text(uri.href, 'text/markdown', 'No shift handover has been written yet. Use the shift_handover prompt to draft the first one.');
      return text(uri.href, 'text/markdown', `# ${handover.title}\n\n_Written ${handover.createdAt}_\n\n${handover.markdown}`);
    }),
  );
}
