/**
 * What a chat turn streams to the browser, one JSON object per line (NDJSON). The same shapes are
 * stored as a conversation's history, so a reloaded page renders exactly what was streamed.
 */
import { z } from 'zod';
import { Source } from '../tools/sources';

/** Worst OPC UA quality seen in a tool's output; `unknown` when the output carries none. */
export const DataQuality = z.enum(['good', 'uncertain', 'bad', 'unknown']);
export type DataQuality = z.infer<typeof DataQuality>;

export const ToolCallRecord = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string().optional(),
  args: z.record(z.string(), z.unknown()),
  status: z.enum(['running', 'ok', 'error', 'awaiting_approval']),
  output: z.unknown().optional(),
  /** The tool's own run time, measured around `run`. */
  durationMs: z.number().optional(),
  quality: DataQuality.optional(),
  sources: z.array(Source).default([]),
  approval: z.object({ id: z.string(), status: z.string(), summary: z.string().optional() }).optional(),
});
export type ToolCallRecord = z.infer<typeof ToolCallRecord>;

export const ChatEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), conversationId: z.string(), model: z.string(), title: z.string() }),
  z.object({ type: z.literal('token'), text: z.string() }),
  z.object({ type: z.literal('tool_call'), call: ToolCallRecord }),
  z.object({ type: z.literal('tool_result'), call: ToolCallRecord }),
  z.object({
    type: z.literal('approval_requested'),
    toolCallId: z.string(),
    approvalId: z.string(),
    tool: z.string(),
    args: z.record(z.string(), z.unknown()),
    summary: z.string(),
  }),
  z.object({ type: z.literal('done'), status: z.enum(['complete', 'awaiting_approval']) }),
  z.object({ type: z.literal('error'), code: z.string(), message: z.string() }),
]);
export type ChatEvent = z.infer<typeof ChatEvent>;

/** One displayed message of a conversation's history. */
export const StoredMessage = z.object({
  id: z.string(),
  role: z.enum(['user', 'assistant', 'tool', 'error']),
  content: z.string(),
  tool: ToolCallRecord.optional(),
  model: z.string().optional(),
  createdAt: z.string(),
});
export type StoredMessage = z.infer<typeof StoredMessage>;

export const ConversationSummary = z.object({
  id: z.string(),
  title: z.string(),
  model: z.string(),
  status: z.enum(['idle', 'running', 'awaiting_approval']),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ConversationSummary = z.infer<typeof ConversationSummary>;

/** The body of POST /api/chat. */
export const ChatTurnRequest = z.object({
  conversationId: z.string().min(1).max(100).optional(),
  message: z.string().trim().min(1, 'Type a question first.').max(8000, 'Keep a message under 8000 characters.'),
});
export type ChatTurnRequest = z.infer<typeof ChatTurnRequest>;
