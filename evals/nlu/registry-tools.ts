/**
 * The registry's tool definitions (name, description, zod input, effect) without a plant, a database
 * or a twin: the NLU evaluation only needs what the model is offered, never a tool run. Every
 * service is a placeholder that nothing touches — the tool factories only close over them — so
 * the list is exactly what `createRegistry` registers when every capability is present.
 */
import { tool as langchainTool, type StructuredTool } from '@langchain/core/tools';
import { createRegistry, type ToolServices } from '../../tools/registry';
import type { AnyTool } from '../../tools/tool';

const UNUSED = new Proxy(
  {},
  {
    get(_target, property) {
      // A tool that ran here would be a bug in the evaluation: tools never run while scoring understanding.
      throw new Error(`The NLU evaluation does not run tools (something read "${String(property)}" of a placeholder service).`);
    },
  },
);

/** Every tool of the full product, in registry order. */
export function registryToolDefinitions(): AnyTool[] {
  const services = {
    plant: UNUSED,
    historian: UNUSED,
    scheduling: UNUSED,
    inspection: UNUSED,
    knowledge: UNUSED,
    handovers: UNUSED,
    maintenance: { db: UNUSED },
    material: UNUSED,
    audit: async () => undefined,
  } as unknown as ToolServices;
  return createRegistry(services).list();
}

/** The tools as the agent binds them (name, description, zod schema); calling one is an error. */
export function bindableTools(definitions: readonly AnyTool[]): StructuredTool[] {
  return definitions.map(
    (definition) =>
      langchainTool(
        async () => {
          throw new Error(`The NLU evaluation does not run ${definition.name}.`);
        },
        { name: definition.name, description: definition.description, schema: definition.input },
      ) as unknown as StructuredTool,
  );
}
