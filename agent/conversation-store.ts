/** SQL for conversations, their displayed messages and the approvals a run is paused on. */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../lib/db/db';
import { AppError } from '../lib/errors';
import type { Actor } from '@/lib/auth/actor';
import { ConversationSummary, StoredMessage, ToolCallRecord } from './chat-events';

type ConversationRow = {
  id: string;
  title: string;
  owner_id: string;
  owner_actor: Actor;
  model_name: string;
  status: string;
  created_at: Date;
  updated_at: Date;
};
type MessageRow = { id: string; role: string; content: string; tool: unknown; model_name: string | null; created_at: Date };

const TITLE_LENGTH = 80;

export type NewMessage = { role: StoredMessage['role']; content: string; tool?: ToolCallRecord; model?: string };

function toSummary(row: ConversationRow): ConversationSummary {
  return ConversationSummary.parse({
    id: row.id,
    title: row.title,
    model: row.model_name,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  });
}

/** A title from the first question: its first line, cut at a word boundary. */
export function titleFrom(message: string): string {
  const line = message.trim().split('\n')[0]!;
  if (line.length <= TITLE_LENGTH) return line;
  const cut = line.slice(0, TITLE_LENGTH);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 40))}…`;
}

export class ConversationStore {
  constructor(private readonly db: Queryable) {}

  async create(input: { owner: Actor; title: string; modelName: string; id?: string }): Promise<ConversationSummary> {
    const { rows } = await this.db.query<ConversationRow>(
      'INSERT INTO conversations (id, title, owner_id, owner_actor, model_name) VALUES ($1, $2, $3, $4, $5) RETURNING *',
      [input.id ?? randomUUID(), input.title, input.owner.id, JSON.stringify(input.owner), input.modelName],
    );
    return toSummary(rows[0]!);
  }

  /** The conversation, or AppError('not_found') saying how to start a new one. */
  async get(id: string): Promise<ConversationSummary & { owner: Actor }> {
    const { rows } = await this.db.query<ConversationRow>('SELECT * FROM conversations WHERE id = $1', [id]);
    const row = rows[0];
    if (!row) throw new AppError('not_found', `There is no conversation ${id}. It may have been deleted; start a new conversation.`);
    return { ...toSummary(row), owner: row.owner_actor };
  }

  async list(ownerId: string, limit = 100): Promise<ConversationSummary[]> {
    const { rows } = await this.db.query<ConversationRow>('SELECT * FROM conversations WHERE owner_id = $1 ORDER BY updated_at DESC LIMIT $2', [
      ownerId,
      limit,
    ]);
    return rows.map(toSummary);
  }

  async setStatus(id: string, status: ConversationSummary['status'], modelName?: string): Promise<void> {
    await this.db.query('UPDATE conversations SET status = $2, model_name = COALESCE($3, model_name), updated_at = now() WHERE id = $1', [
      id,
      status,
      modelName ?? null,
    ]);
  }

  /**
   * Writes what one run showed in a single statement: its new messages (in order), the tool-call
   * records it replaced (approval outcomes of calls stored by an earlier run), and the
   * conversation's status. One round trip per run keeps the database off the streaming path.
   */
  async record(
    conversationId: string,
    update: { messages: NewMessage[]; toolUpdates: ToolCallRecord[]; status: ConversationSummary['status']; modelName?: string },
  ): Promise<void> {
    const { messages, toolUpdates } = update;
    await this.db.query(
      `WITH new_messages AS (
         INSERT INTO conversation_messages (conversation_id, role, content, tool, model_name)
         SELECT $1, m.role, m.content, m.tool, m.model_name
         FROM unnest($2::text[], $3::text[], $4::jsonb[], $5::text[]) WITH ORDINALITY AS m(role, content, tool, model_name, position)
         ORDER BY m.position
         RETURNING 1
       ), replaced_tools AS (
         UPDATE conversation_messages AS stored
         SET tool = CASE WHEN u.tool->'args' = '{}'::jsonb THEN stored.tool || (u.tool - 'args') ELSE stored.tool || u.tool END
         FROM unnest($6::text[], $7::jsonb[]) AS u(id, tool)
         WHERE stored.conversation_id = $1 AND stored.role = 'tool' AND stored.tool->>'id' = u.id
         RETURNING 1
       )
       UPDATE conversations SET status = $8, model_name = COALESCE($9, model_name), updated_at = now() WHERE id = $1`,
      [
        conversationId,
        messages.map((m) => m.role),
        messages.map((m) => m.content),
        messages.map((m) => (m.tool ? JSON.stringify(m.tool) : null)),
        messages.map((m) => m.model ?? null),
        toolUpdates.map((tool) => tool.id),
        toolUpdates.map((tool) => JSON.stringify(tool)),
        update.status,
        update.modelName ?? null,
      ],
    );
  }

  async messages(conversationId: string): Promise<StoredMessage[]> {
    const { rows } = await this.db.query<MessageRow>('SELECT * FROM conversation_messages WHERE conversation_id = $1 ORDER BY id', [conversationId]);
    return rows.map((row) =>
      StoredMessage.parse({
        id: String(row.id),
        role: row.role,
        content: row.content,
        tool: row.tool ?? undefined,
        model: row.model_name ?? undefined,
        createdAt: row.created_at.toISOString(),
      }),
    );
  }

  // Approvals the agent is paused on.

  async findApproval(toolCallId: string): Promise<{ approvalId: string; conversationId: string; state: string } | undefined> {
    const { rows } = await this.db.query<{ approval_id: string; conversation_id: string; state: string }>(
      'SELECT approval_id, conversation_id, state FROM conversation_approvals WHERE tool_call_id = $1',
      [toolCallId],
    );
    const row = rows[0];
    return row && { approvalId: row.approval_id, conversationId: row.conversation_id, state: row.state };
  }

  async recordApproval(input: { toolCallId: string; conversationId: string; approvalId: string; tool: string }): Promise<void> {
    await this.db.query(
      'INSERT INTO conversation_approvals (tool_call_id, conversation_id, approval_id, tool) VALUES ($1, $2, $3, $4) ON CONFLICT (tool_call_id) DO NOTHING',
      [input.toolCallId, input.conversationId, input.approvalId, input.tool],
    );
  }

  /**
   * Claims a paused approval for resuming; true for exactly one caller across all instances
   * sharing the database, so a decision resumes its conversation once.
   */
  async claimForResume(approvalId: string): Promise<{ conversationId: string; toolCallId: string } | undefined> {
    const { rows } = await this.db.query<{ conversation_id: string; tool_call_id: string }>(
      `UPDATE conversation_approvals SET state = 'resuming', updated_at = now()
       WHERE approval_id = $1 AND (state = 'pending' OR (state = 'resuming' AND updated_at < now() - interval '5 minutes'))
       RETURNING conversation_id, tool_call_id`,
      [approvalId],
    );
    const row = rows[0];
    return row && { conversationId: row.conversation_id, toolCallId: row.tool_call_id };
  }

  async markResumed(approvalId: string): Promise<void> {
    await this.db.query("UPDATE conversation_approvals SET state = 'resumed', updated_at = now() WHERE approval_id = $1", [approvalId]);
  }

  /** Gives a claim back (the resume failed) so another attempt can take it. */
  async releaseClaim(approvalId: string): Promise<void> {
    await this.db.query("UPDATE conversation_approvals SET state = 'pending', updated_at = now() WHERE approval_id = $1 AND state = 'resuming'", [approvalId]);
  }

  async pendingApprovals(): Promise<{ approvalId: string; conversationId: string }[]> {
    const { rows } = await this.db.query<{ approval_id: string; conversation_id: string }>(
      // A 'resuming' claim older than a few minutes belongs to an instance that died mid-resume.
      "SELECT approval_id, conversation_id FROM conversation_approvals WHERE state = 'pending' OR (state = 'resuming' AND updated_at < now() - interval '5 minutes') ORDER BY created_at",
    );
    return rows.map((row) => ({ approvalId: row.approval_id, conversationId: row.conversation_id }));
  }
}
