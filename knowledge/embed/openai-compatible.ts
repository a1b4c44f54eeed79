/**
 * Embeddings from any OpenAI-compatible `/v1/embeddings` endpoint (OpenAI, Azure OpenAI, vLLM,
 * Ollama, NVIDIA NIM, text-embeddings-inference). The dimension is learned from one probe call, so
 * it never has to be configured by hand.
 */
import OpenAI from 'openai';
import { AppError } from '../../lib/errors';
import type { Embedder } from './embedder';
import { l2Normalise } from './embedder';

export type OpenAiEmbedderOptions = { model: string; baseUrl?: string; apiKey?: string; batchSize?: number; timeoutMs?: number };

function unavailable(options: OpenAiEmbedderOptions, error: unknown): AppError {
  return new AppError(
    'model_unavailable',
    `The embeddings endpoint ${options.baseUrl ?? 'https://api.openai.com/v1'} failed for model "${options.model}" (${(error as Error).message}). ` +
      'Check OPENAI_BASE_URL, OPENAI_API_KEY and OPENAI_EMBEDDINGS_MODEL, or unset OPENAI_EMBEDDINGS_MODEL to use the local embeddings.',
    { cause: error },
  );
}

export async function openAiCompatibleEmbedder(options: OpenAiEmbedderOptions): Promise<Embedder> {
  const client = new OpenAI({ baseURL: options.baseUrl, apiKey: options.apiKey ?? 'not-needed', timeout: options.timeoutMs ?? 60_000, maxRetries: 2 });
  const batchSize = options.batchSize ?? 64;
  const embedBatch = async (input: string[]): Promise<number[][]> => {
    try {
      const response = await client.embeddings.create({ model: options.model, input, encoding_format: 'float' });
      return [...response.data].sort((a, b) => a.index - b.index).map((item) => l2Normalise(item.embedding));
    } catch (error) {
      throw unavailable(options, error);
    }
  };
  const [probe] = await embedBatch(['dimension probe']);
  if (!probe || probe.length === 0) throw unavailable(options, new Error('the endpoint returned an empty embedding'));
  return {
    model: `openai-compatible:${options.model}`,
    dimension: probe.length,
    async embed(texts) {
      const out: number[][] = [];
      for (let i = 0; i < texts.length; i += batchSize) out.push(...(await embedBatch(texts.slice(i, i + batchSize))));
      for (const vector of out) {
        if (vector.length !== probe.length) throw unavailable(options, new Error(`dimension changed from ${probe.length} to ${vector.length}`));
      }
      return out;
    },
  };
}
