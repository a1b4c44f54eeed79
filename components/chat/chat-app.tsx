'use client';

/**
 * The chat page: conversation list, the streamed conversation with tool cards and citations, the
 * input with "what can I ask" starters, and a plant side panel. Talks only to /api/chat routes.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ChatEvent, type ConversationSummary } from '../../agent/chat-events';
import type { Starter } from '../../agent/starters';
import { applyEvent, entriesFromHistory, sourcesBefore, type Entry } from './chat-entries';
import styles from './chat.module.css';
import { Markdown } from './markdown';
import { ToolCard } from './tool-card';
import type { Viewer } from '../approvals/approval-card';
import { ViewerContext } from '../approvals/viewer-context';

type Asset = { id: string; name: string; line?: string; type: string };
type Overview = { model: { name: string; kind: string }; conversations: ConversationSummary[]; starters: Starter[]; assets: Asset[] };

const POLL_WHILE_WAITING_MS = 3000;

async function readError(response: Response): Promise<string> {
  const body = (await response.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
  return body?.error?.message ?? `The server answered ${response.status}. Reload the page; if it persists, check that Plantpilot is running.`;
}

export function ChatApp({ viewer }: { viewer: Viewer }) {
  const [overview, setOverview] = useState<Overview | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [conversationId, setConversationId] = useState<string | undefined>();
  const [entries, setEntries] = useState<Entry[]>([]);
  const [status, setStatus] = useState<ConversationSummary['status']>('idle');
  const [input, setInput] = useState('');
  const [busy, setBusy] = useState(false);
  const bottom = useRef<HTMLDivElement>(null);
  const refreshListRef = useRef<(() => Promise<void>) | undefined>(undefined);

  const refreshList = useCallback(async () => {
    try {
      const response = await fetch('/api/chat/conversations', { cache: 'no-store' });
      if (!response.ok) throw new Error(await readError(response));
      setOverview((await response.json()) as Overview);
      setProblem(undefined);
    } catch (error) {
      setProblem(
        error instanceof TypeError
          ? 'The Plantpilot server is not answering. Check that it is still running (npm start), then reload.'
          : (error as Error).message,
      );
    }
  }, []);
  refreshListRef.current = refreshList;

  const openConversation = useCallback(async (id: string) => {
    const response = await fetch(`/api/chat/conversations/${encodeURIComponent(id)}`, { cache: 'no-store' });
    if (!response.ok) {
      setProblem(await readError(response));
      return;
    }
    const body = (await response.json()) as { conversation: ConversationSummary; messages: Parameters<typeof entriesFromHistory>[0] };
    setConversationId(id);
    setEntries(entriesFromHistory(body.messages));
    setStatus((previous) => {
      // The decision came in and the answer went on: the conversation list says so too.
      const waiting = (value: string) => value === 'awaiting_approval' || value === 'running';
      if (waiting(previous) && !waiting(body.conversation.status)) void refreshListRef.current?.();
      return body.conversation.status;
    });
    window.history.replaceState(null, '', `/chat?c=${encodeURIComponent(id)}`);
  }, []);

  useEffect(() => {
    void refreshList();
    const id = new URLSearchParams(window.location.search).get('c');
    if (id) void openConversation(id);
  }, [refreshList, openConversation]);

  // While an actuation waits for a decision, the agent resumes on the server; poll to show the outcome.
  // Keep polling while the resumed turn runs ('running': the write and its read-back take a moment),
  // or a poll that lands in between stops before the answer with the read-back is stored.
  useEffect(() => {
    if ((status !== 'awaiting_approval' && status !== 'running') || !conversationId || busy) return;
    const timer = setInterval(() => void openConversation(conversationId), POLL_WHILE_WAITING_MS);
    return () => clearInterval(timer);
  }, [status, conversationId, busy, openConversation]);

  // Braces matter: newer browsers return a Promise from scrollIntoView, and an effect may return only a clean-up.
  useEffect(() => {
    bottom.current?.scrollIntoView({ block: 'end' });
  }, [entries]);

  async function send(text: string) {
    const message = text.trim();
    if (!message || busy) return;
    setBusy(true);
    setInput('');
    // A conversation paused on an approval resumes by itself once someone decides; a question asked
    // meanwhile goes on in a new conversation, so nobody has to wait to ask.
    const waitingTitle = status === 'awaiting_approval' ? overview?.conversations.find((c) => c.id === conversationId)?.title : undefined;
    const target = status === 'awaiting_approval' ? undefined : conversationId;
    if (status === 'awaiting_approval') {
      setStatus('idle');
      setConversationId(undefined);
      setEntries([
        {
          kind: 'note',
          text: `“${waitingTitle ?? 'The previous conversation'}” waits for an approval decision and goes on by itself once decided (see the list). This question starts a new conversation.`,
        },
        { kind: 'user', text: message },
      ]);
    } else setEntries((current) => [...current, { kind: 'user', text: message }]);
    const model = overview?.model.name ?? 'model';
    try {
      const response = await fetch('/api/chat', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': viewer.csrfToken },
        body: JSON.stringify({ conversationId: target, message }),
      });
      if (!response.ok || !response.body) throw new Error(await readError(response));
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) {
          if (!line.trim()) continue;
          const event = ChatEvent.parse(JSON.parse(line));
          if (event.type === 'start') {
            setConversationId(event.conversationId);
            window.history.replaceState(null, '', `/chat?c=${encodeURIComponent(event.conversationId)}`);
          }
          if (event.type === 'done') setStatus(event.status === 'awaiting_approval' ? 'awaiting_approval' : 'idle');
          setEntries((current) => applyEvent(current, event, model));
        }
      }
    } catch (error) {
      const text =
        error instanceof TypeError
          ? 'The answer stopped because the connection to the server was lost. Check that Plantpilot is running, then ask again.'
          : (error as Error).message;
      setEntries((current) => [...current, { kind: 'error', text }]);
    } finally {
      setBusy(false);
      void refreshList();
    }
  }

  function newConversation() {
    setConversationId(undefined);
    setEntries([]);
    setStatus('idle');
    window.history.replaceState(null, '', '/chat');
  }

  const lines = [...new Set(overview?.assets.filter((a) => a.type === 'line').map((a) => a.id))];

  return (
    <ViewerContext.Provider value={viewer}>
      <div className={styles.layout}>
        <aside className={styles.conversations} aria-label="Conversations">
          <button type="button" onClick={newConversation} className={styles.newButton}>
            New conversation
          </button>
          <ul>
            {overview?.conversations.map((conversation) => (
              <li key={conversation.id}>
                <button
                  type="button"
                  className={conversation.id === conversationId ? styles.current : undefined}
                  onClick={() => void openConversation(conversation.id)}
                >
                  {conversation.title}
                  {conversation.status === 'awaiting_approval' && <span className={styles.waiting}> · awaiting approval</span>}
                </button>
              </li>
            ))}
          </ul>
        </aside>

        <section className={styles.chat} aria-label="Chat">
          <header className={styles.chatHeader}>
            <h1>Chat</h1>
            <span className={styles.model} data-testid="model-name">
              Answering: {overview ? `${overview.model.name}${overview.model.kind === 'offline' ? ' (offline)' : ''}` : '…'}
            </span>
          </header>
          {problem && <p className="banner banner-down">{problem}</p>}
          <div className={styles.messages} aria-live="polite">
            {entries.length === 0 && overview && (
              <div className={styles.starters}>
                <h2>What can I ask?</h2>
                {overview.starters.length === 0 && <p className="muted">No plant tools are connected yet, so there is nothing to ask about the plant.</p>}
                <ul>
                  {overview.starters.map((starter) => (
                    <li key={starter.tool}>
                      <button type="button" onClick={() => void send(starter.question)} title={starter.label}>
                        {starter.question}
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {entries.map((entry, index) => {
              if (entry.kind === 'user')
                return (
                  <div key={index} className={styles.user}>
                    {entry.text}
                  </div>
                );
              if (entry.kind === 'tool') return <ToolCard key={index} call={entry.call} />;
              if (entry.kind === 'note')
                return (
                  <p key={index} className={styles.note} role="status">
                    {entry.text}
                  </p>
                );
              if (entry.kind === 'error')
                return (
                  <p key={index} className={`banner banner-down ${styles.error}`} role="alert">
                    {entry.text}
                  </p>
                );
              const sources = sourcesBefore(entries, index);
              return (
                <div key={index} className={styles.assistant} data-role="assistant">
                  <Markdown text={entry.text} sources={sources} />
                  {sources.length > 0 && (
                    <ol className={styles.sources}>
                      {sources.map((source, n) => (
                        <li key={n}>
                          {source.href ? (
                            <a href={source.href} target="_blank" rel="noreferrer">
                              {source.title}
                            </a>
                          ) : (
                            source.title
                          )}
                        </li>
                      ))}
                    </ol>
                  )}
                </div>
              );
            })}
            {status === 'awaiting_approval' && (
              <p className={styles.waitingNote}>
                Waiting for an approval decision. The answer continues here once someone decides in Approvals; you can go on asking meanwhile (in a new
                conversation). Asked for the wrong change? Withdraw it on its card above, then correct it here.
              </p>
            )}
            <div ref={bottom} />
          </div>
          <form
            className={styles.composer}
            onSubmit={(event) => {
              event.preventDefault();
              void send(input);
            }}
          >
            <textarea
              aria-label="Message"
              value={input}
              placeholder={
                status === 'awaiting_approval'
                  ? 'Ask something else meanwhile (starts a new conversation)…'
                  : 'Ask about the plant, e.g. “what is the state of line 1”'
              }
              onChange={(event) => setInput(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && !event.shiftKey) {
                  event.preventDefault();
                  void send(input);
                }
              }}
              rows={2}
            />
            <button type="submit" disabled={busy || !input.trim()}>
              {busy ? 'Answering…' : 'Send'}
            </button>
          </form>
        </section>

        <aside className={styles.plant} aria-label="Plant">
          <h2>Plant</h2>
          {/* A compact list from the agent's asset list; the plant service will add live states here. */}
          {lines.map((line) => (
            <div key={line}>
              <h3>{overview?.assets.find((a) => a.id === line)?.name ?? line}</h3>
              <ul>
                {overview?.assets
                  .filter((a) => a.line === line)
                  .map((asset) => (
                    <li key={asset.id}>
                      <button type="button" onClick={() => void send(`What is the state of ${asset.id}?`)} title={`Ask about ${asset.name}`}>
                        {asset.name}
                      </button>
                    </li>
                  ))}
              </ul>
            </div>
          ))}
          {overview && overview.assets.some((a) => a.type !== 'line' && !a.line) && (
            <div>
              <h3>Utilities</h3>
              <ul>
                {overview.assets
                  .filter((a) => a.type !== 'line' && !a.line)
                  .map((asset) => (
                    <li key={asset.id}>
                      <button type="button" onClick={() => void send(`What is the state of ${asset.id}?`)}>
                        {asset.name}
                      </button>
                    </li>
                  ))}
              </ul>
            </div>
          )}
        </aside>
      </div>
    </ViewerContext.Provider>
  );
}
