/** "What can I ask": example questions for the tools that exist now, so the list never promises more. */
import type { ToolRegistry } from '../tools/registry';
import { INTENTS, type Intent } from './models/offline/intents';

export type Starter = { tool: string; label: string; question: string };

export function starters(registry: ToolRegistry): Starter[] {
  const byTool = new Map<string, Intent>(Object.entries(INTENTS).map(([intent, value]) => [value.tool, intent as Intent]));
  return registry.list().map((tool) => {
    const intent = byTool.get(tool.name);
    return intent
      ? { tool: tool.name, label: INTENTS[intent].label, question: INTENTS[intent].example }
      : { tool: tool.name, label: tool.title, question: `${tool.title}: ${tool.description.split('.')[0]}` };
  });
}
