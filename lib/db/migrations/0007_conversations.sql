-- Chat conversations, their displayed messages, and the approvals an agent run is paused on.
--
-- The agent's own state (the message list the model sees, pending interrupts) lives in the
-- LangGraph checkpoint tables that PostgresSaver.setup() creates at agent start-up; these tables
-- are what people see and list, and they survive the checkpoint format changing under us.

CREATE TABLE conversations (
  id          text PRIMARY KEY,
  title       text NOT NULL,
  owner_id    text NOT NULL,
  -- The Actor who owns it; a resumed run (after an approval) acts as them again.
  owner_actor jsonb NOT NULL,
  model_name  text NOT NULL,
  -- 'idle' | 'running' | 'awaiting_approval'
  status      text NOT NULL DEFAULT 'idle',
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conversations_owner_updated ON conversations (owner_id, updated_at DESC);

CREATE TABLE conversation_messages (
  id               bigserial PRIMARY KEY,
  conversation_id  text NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  -- 'user' | 'assistant' | 'tool' | 'error'
  role             text NOT NULL,
  content          text NOT NULL DEFAULT '',
  -- For role 'tool': { id, name, args, status, output, durationMs, quality, sources, approval }.
  tool             jsonb,
  model_name       text,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conversation_messages_by_conversation ON conversation_messages (conversation_id, id);

-- One row per actuate tool call the agent is paused on. The tool-call id makes filing idempotent:
-- LangGraph re-runs the tool node on resume, and that re-run must find the request, not file another.
CREATE TABLE conversation_approvals (
  tool_call_id     text PRIMARY KEY,
  conversation_id  text NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  approval_id      text NOT NULL,
  tool             text NOT NULL,
  -- 'pending' (agent paused) | 'resuming' (one instance claimed it) | 'resumed'
  state            text NOT NULL DEFAULT 'pending',
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conversation_approvals_pending ON conversation_approvals (state) WHERE state <> 'resumed';
CREATE UNIQUE INDEX conversation_approvals_by_approval ON conversation_approvals (approval_id);
