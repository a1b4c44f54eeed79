/**
 * What a tool is. Every capability — read plant state, search manuals, propose a schedule, change a
 * setpoint — is defined once as a Tool and listed in tools/registry.ts. The chat agent, the MCP
 * server and the CLI all call tools through the same registry and, for `actuate` tools, through
 * the same approval gate (tools/approval/). Nothing else may call `run` on an actuate tool.
 */
import type { z } from 'zod';
import type { Actor } from '../lib/auth/actor';
import type { SiteChoice } from './site-scope';
import type { Source } from './sources';

/** Who is asking; defined with authentication, re-exported here for tool code. */

/** `read` tools observe; `actuate` tools change the plant (or its plan) and only run with an approval. */
export type ToolEffect = 'read' | 'actuate';

export type RiskLevel = 'low' | 'medium' | 'high';

/** Per-call context: who is asking, in which conversation, and a way to cancel. */
export type ToolCallContext = {
  actor: Actor;
  /** The site the person is looking at (the UI's site switcher); a per-site tool's default. */
  site?: string;
  conversationId?: string;
  signal?: AbortSignal;
};

/**
 * What an approver sees before deciding: the change in plain terms, computed by the tool from
 * the live plant, never taken from the caller's text.
 */
export type ActuationPreview = {
  summary: string;
  asset?: { id: string; name: string; line?: string };
  changes: { what: string; current?: string; proposed: string; unit?: string; allowedRange?: string }[];
  expectedEffect: string;
  safetyNotes: { text: string; source?: Source }[];
  risk: RiskLevel;
};

/** The result of checking, after execution, that the plant really did what was asked. */
export type ReadBack = { ok: boolean; observed: string; detail?: string };

export interface ToolDefinition<Input extends z.ZodType = z.ZodType, Output extends z.ZodType = z.ZodType> {
  /** snake_case, stable: it is the name models and MCP clients call. */
  name: string;
  title: string;
  /** Written for the model: when to use the tool and what it returns. */
  description: string;
  input: Input;
  output: Output;
  effect: ToolEffect;
  /** Set on tools made per site (site-scope.ts): the sites its `site` argument may name. */
  siteScope?: SiteChoice;
  run(input: z.infer<Input>, context: ToolCallContext): Promise<z.infer<Output>>;
  /** Actuate tools: describe the change for the approver, from live data. */
  preview?(input: z.infer<Input>, context: ToolCallContext): Promise<ActuationPreview>;
  /** Actuate tools: confirm the change took effect after `run`. */
  readBack?(input: z.infer<Input>, output: z.infer<Output>, context: ToolCallContext): Promise<ReadBack>;
}

/** Any tool, for lists; individual tool files keep their precise types. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyTool = ToolDefinition<any, any>;

/** Identity helper that keeps a tool's input and output types precise at its definition. */
export function defineTool<Input extends z.ZodType, Output extends z.ZodType>(tool: ToolDefinition<Input, Output>): ToolDefinition<Input, Output> {
  return tool;
}
