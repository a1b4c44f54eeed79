/**
 * The LangChain agent the chat service runs: the model, the registry's tools as LangChain tools, the
 * checkpointer, and two middlewares that decide how tool failures and unanswered tool calls reach
 * the model and the person.
 */
import type { BaseCheckpointSaver } from '@langchain/langgraph';
import { createAgent, createMiddleware } from 'langchain';
import { invalidArgumentsMessage } from './invalid-arguments';
import type { AgentModel } from './models/agent-model';
import { answerUnansweredToolCalls } from './unanswered-tool-calls';
import type { agentTools } from './tool-adapter';

export function buildAgent(options: {
  model: AgentModel['chat'];
  tools: ReturnType<typeof agentTools>;
  checkpointer: BaseCheckpointSaver;
  systemPrompt: string;
}) {
  return createAgent({
    model: options.model,
    tools: options.tools,
    checkpointer: options.checkpointer,
    // With a wrapToolCall middleware, LangChain lets tool failures propagate instead of handing every
    // error to the model as text: recoverable ones are already data (tool-adapter.ts), bad arguments
    // still go back to the model, and infrastructure failures reach the person.
    middleware: [
      createMiddleware({
        name: 'PlantpilotToolFailures',
        wrapToolCall: async (request, handler) => {
          try {
            return await handler(request);
          } catch (error) {
            const invalid = invalidArgumentsMessage(error, request.toolCall);
            if (invalid) return invalid;
            throw error;
          }
        },
      }),
      createMiddleware({
        name: 'PlantpilotUnansweredToolCalls',
        wrapModelCall: (request, handler) => handler({ ...request, messages: answerUnansweredToolCalls(request.messages) }),
      }),
    ],
    systemPrompt: options.systemPrompt,
  });
}
