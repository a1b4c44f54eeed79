/**
 * The registry: every tool Plantpilot has, in one visible list. Chat, MCP and CLI all look tools
 * up here; actuate tools are run only by the approval gate.
 */
import { AppError } from '../lib/errors';
import type { AnyTool } from './tool';

const TOOL_NAME = /^[a-z][a-z0-9_]{2,63}$/;

export class ToolRegistry {
  readonly #tools = new Map<string, AnyTool>();

  constructor(tools: AnyTool[]) {
    for (const tool of tools) {
      if (!TOOL_NAME.test(tool.name)) throw new AppError('internal', `Tool name "${tool.name}" must be snake_case, 3–64 characters.`);
      if (this.#tools.has(tool.name)) throw new AppError('internal', `Two tools are named "${tool.name}".`);
      if (tool.effect === 'actuate' && (!tool.preview || !tool.readBack)) {
        throw new AppError('internal', `Actuate tool "${tool.name}" needs a preview (for the approver) and a read-back (to confirm the effect).`);
      }
      this.#tools.set(tool.name, tool);
    }
  }

  list(): AnyTool[] {
    return [...this.#tools.values()];
  }

  has(name: string): boolean {
    return this.#tools.has(name);
  }

  /** The tool, or AppError('not_found') that lists what exists — a model can recover from that. */
  get(name: string): AnyTool {
    const tool = this.#tools.get(name);
    if (!tool) throw new AppError('not_found', `There is no tool named "${name}". Available tools: ${[...this.#tools.keys()].join(', ')}.`);
    return tool;
  }
}

/**
 * The services tools are built from. Each capability adds its service here as it lands; a tool
 * whose service is absent is simply not registered.
 */
export type ToolServices = Record<string, never>;

/** Every tool, in one list. */
export function createRegistry(_services: ToolServices): ToolRegistry {
  return new ToolRegistry([]);
}
