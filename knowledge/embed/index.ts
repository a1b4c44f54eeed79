/** The configured embedder: an OpenAI-compatible endpoint when OPENAI_EMBEDDINGS_MODEL is set, else local hashed embeddings. */
import type { Config } from '../../lib/config';
import type { Embedder } from './embedder';
import { localHashedEmbedder } from './local-hashed';
import { openAiCompatibleEmbedder } from './openai-compatible';

export type { Embedder } from './embedder';
export { localHashedEmbedder } from './local-hashed';
export { openAiCompatibleEmbedder } from './openai-compatible';

export async function createEmbedder(config: Pick<Config, 'model' | 'embeddings'>): Promise<Embedder> {
  if (!config.embeddings.model) return localHashedEmbedder();
  return openAiCompatibleEmbedder({ model: config.embeddings.model, baseUrl: config.model.baseUrl, apiKey: config.model.apiKey });
}
