/**
 * The model behind the agent, behind one small interface: an OpenAI-compatible server when one is
 * configured, otherwise the offline model. The name is what the UI shows as "answering".
 */
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { ChatOpenAI } from '@langchain/openai';
import type { Config } from '../../lib/config';
import type { ListAssets } from '../assets';
import type { ListOrders } from '../orders';
import type { ListParts } from '../parts';
import { createOfflineModel, OFFLINE_MODEL_NAME } from './offline/offline-model';

export type AgentModel = { name: string; kind: 'openai' | 'offline' | 'scripted'; chat: BaseChatModel };

const DEFAULT_OPENAI_MODEL = 'gpt-4o-mini';

/**
 * ChatOpenAI for any `/v1/chat/completions` server (OpenAI, Azure OpenAI, vLLM, Ollama, LM Studio,
 * NIM). No `streaming: true`: the agent streams with `.stream()`, and `streaming` with `.invoke()`
 * fetches a tokenizer file from the internet (STACK.md).
 */
export function createOpenAIModel(model: Config['model']): AgentModel {
  const name = model.name ?? DEFAULT_OPENAI_MODEL;
  const chat = new ChatOpenAI({
    model: name,
    apiKey: model.apiKey ?? 'not-needed',
    configuration: { baseURL: model.baseUrl },
    temperature: 0,
    maxRetries: 1,
    streamUsage: true,
  });
  return { name, kind: 'openai', chat };
}

export function selectModel(
  config: Pick<Config, 'model'> & { plant?: Pick<Config['plant'], 'timeZone'> },
  listAssets: ListAssets,
  listParts?: ListParts,
  listOrders?: ListOrders,
): AgentModel {
  if (config.model.baseUrl || config.model.apiKey) return createOpenAIModel(config.model);
  return { name: OFFLINE_MODEL_NAME, kind: 'offline', chat: createOfflineModel({ listAssets, listParts, listOrders, timeZone: config.plant?.timeZone }) };
}
