/**
 * LangChain checks a call's arguments against the tool's schema before Plantpilot's code runs. A
 * mismatch comes back as an error whose text carries LangChain's stack trace, which would reach the
 * model (and, through the offline model, the person). It becomes the same clean `invalid_argument`
 * result as every other recoverable tool error, so the model can correct its call.
 */
import { ToolMessage } from '@langchain/core/messages';
import { ToolInputParsingException } from '@langchain/core/tools';
import { AppError } from '../lib/errors';
import { errorResult } from './tool-adapter';

function parsingError(error: unknown): ToolInputParsingException | undefined {
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    if (current instanceof ToolInputParsingException) return current;
    const next = current as { toolError?: unknown; cause?: unknown };
    current = next.toolError ?? next.cause;
  }
  return undefined;
}

/** The tool message for a schema mismatch, or undefined for any other error. */
export function invalidArgumentsMessage(error: unknown, toolCall: { id?: string; name: string }): ToolMessage | undefined {
  const parsing = parsingError(error);
  if (!parsing) return undefined;
  const problems = parsing.message
    .replace(/^Received tool input did not match expected schema/, '')
    .split('\n')
    .map((line) => line.replace(/^[✖→\s]+/, '').trim())
    .filter((line) => line.length > 0 && !/^at\s/.test(line))
    .join('; ');
  const [content, artifact] = errorResult(
    new AppError(
      'invalid_argument',
      `The arguments do not fit ${toolCall.name}${problems ? `: ${problems}` : ''}. Call it again with the arguments its description lists.`,
    ),
  );
  return new ToolMessage({ tool_call_id: toolCall.id ?? '', name: toolCall.name, status: 'error', content, artifact });
}
