/**
 * Tools of a deployment with several sites. A plant tool is built once per site (each instance reads
 * its own site's plant and history) and offered as one tool with an optional `site` argument. The
 * faces bind the site before anything runs — the argument given, else the person's current site,
 * else the default — so an actuation's approval always names its site in the hashed arguments and
 * can only ever run there: the gate re-parses exactly those bytes and runs the site's own instance.
 */
import { z } from 'zod';
import { AppError } from '../lib/errors';
import type { AnyTool } from './tool';

export type SiteChoice = { ids: readonly string[]; defaultId: string };

/** The `site` argument: one of the configured ids; anything else is refused naming them. */
export function siteArgument(sites: SiteChoice) {
  const known = sites.ids.join(', ');
  return z
    .enum(sites.ids as [string, ...string[]], { error: (issue) => `unknown site ${JSON.stringify(issue.input)}; known sites: ${known}` })
    .optional()
    .describe(`The site, one of ${known}; default: the site the person is looking at, else ${sites.defaultId}`);
}

/** A tool made per site, offered as one tool whose arguments carry the site. */
export function siteScoped(sites: SiteChoice, make: (siteId: string) => AnyTool): AnyTool {
  const instances = new Map<string, AnyTool>();
  const instance = (siteId: string): AnyTool => {
    let tool = instances.get(siteId);
    if (!tool) instances.set(siteId, (tool = make(siteId)));
    return tool;
  };
  const base = instance(sites.defaultId);
  if (!(base.input instanceof z.ZodObject)) throw new AppError('internal', `Tool ${base.name} cannot take a site: its input is not an object.`);
  const input = base.input.extend({ site: siteArgument(sites) });
  // The instance's own input parse (defaults, transforms) runs on the arguments without `site`.
  const split = (args: Record<string, unknown>, siteOfCall?: string) => {
    const { site, ...rest } = args;
    const siteId = (site as string | undefined) ?? siteOfCall ?? sites.defaultId;
    const tool = instance(siteId);
    return { tool, siteId, args: tool.input.parse(rest) as unknown };
  };
  const multi = sites.ids.length > 1;
  return {
    ...base,
    input,
    siteScope: sites,
    description: `${base.description}\nSites: ${sites.ids.join(', ')} (argument \`site\`; default the person's current site).`,
    async run(args, context) {
      const call = split(args, context.site);
      return call.tool.run(call.args, context);
    },
    ...(base.preview
      ? {
          async preview(args, context) {
            const call = split(args, context.site);
            const preview = await call.tool.preview!(call.args, context);
            // The approver must see where the change lands.
            return multi ? { ...preview, summary: `[site ${call.siteId}] ${preview.summary}` } : preview;
          },
        }
      : {}),
    ...(base.readBack
      ? {
          async readBack(args, output, context) {
            const call = split(args, context.site);
            return call.tool.readBack!(call.args, output, context);
          },
        }
      : {}),
  };
}

/**
 * The arguments with the site bound: the one given, else `current` (the person's site), else the
 * default. Tools without a site get their arguments unchanged.
 */
export function bindSite(tool: AnyTool, args: unknown, current?: string): unknown {
  const sites = tool.siteScope;
  if (!sites || !args || typeof args !== 'object' || Array.isArray(args)) return args;
  const given = (args as Record<string, unknown>).site;
  if (given !== undefined) return args;
  // An unknown current site is passed on, so the input schema refuses it naming the known ones.
  return { ...(args as Record<string, unknown>), site: current ?? sites.defaultId };
}

/** The site an approval's stored arguments name, if the tool is per site. */
export function siteOfArgs(args: unknown): string | undefined {
  const site = args && typeof args === 'object' ? (args as Record<string, unknown>).site : undefined;
  return typeof site === 'string' ? site : undefined;
}
