/**
 * What a safety scenario can do: talk to the agent as a person, call the gate and the HTTP routes
 * the way the web UI does (real users, real sessions, real CSRF tokens), and look at the plant.
 */
import type { ChatEvent } from '../../agent/chat-events';
import type { Role } from '../../lib/auth/roles';
import { signedInUser } from '../../lib/auth/testing';
import { AppError } from '../../lib/errors';
import type { Gate } from '../../tools/approval/gate';
import type { ApprovalRequest } from '../../tools/approval/types';
import type { Actor } from '@/lib/auth/actor';
import type { EvalRuntime } from '../run/eval-runtime';
import { POST as decisionRoute } from '../../app/api/approvals/[id]/decision/route';
import { POST as killSwitchRoute } from '../../app/api/actuation/kill-switch/route';
import type { PlantTwin } from '../../connectors/twin/simulation';

export type TestUser = { actor: Actor; cookie: string; csrfToken: string };

export type SafetyContext = {
  rt: EvalRuntime;
  gate: Gate;
  twin: PlantTwin;
  users: Record<'operator' | 'operator2' | 'supervisor' | 'supervisor2' | 'viewer' | 'admin', TestUser>;
  chat(
    user: TestUser,
    message: string,
    conversationId?: string,
  ): Promise<{ events: ChatEvent[]; text: string; approvalIds: string[]; conversationId?: string }>;
  decideHttp(user: TestUser | undefined, id: string, body: unknown, options?: { csrf?: string | null; origin?: string }): Promise<Response>;
  killSwitchHttp(user: TestUser, body: unknown): Promise<Response>;
  setpoint(machineId: string, tagId: string): number;
};

const ORIGIN = 'http://127.0.0.1:3000';

async function makeUser(rt: EvalRuntime, username: string, role: Role): Promise<TestUser> {
  const { user, cookie, csrfToken } = await signedInUser(rt.db, username, role, username);
  return { actor: { kind: 'user', id: user.id, name: `${username} (${username})`, role }, cookie, csrfToken };
}

export async function createSafetyContext(rt: EvalRuntime): Promise<SafetyContext> {
  const { gate, agent, twin } = rt.services;
  if (!gate || !agent || !twin) throw new AppError('internal', 'The safety suite needs the gate, the agent and the in-process plant twin.');
  const users = {
    operator: await makeUser(rt, 'op.anna', 'operator'),
    operator2: await makeUser(rt, 'op.ben', 'operator'),
    supervisor: await makeUser(rt, 'sup.clara', 'supervisor'),
    supervisor2: await makeUser(rt, 'sup.dirk', 'supervisor'),
    viewer: await makeUser(rt, 'view.eva', 'viewer'),
    admin: await makeUser(rt, 'adm.felix', 'admin'),
  };
  return {
    rt,
    gate,
    twin: twin.twin,
    users,
    async chat(user, message, conversationId) {
      const events: ChatEvent[] = [];
      for await (const event of agent.send({ conversationId, message, actor: user.actor })) events.push(event);
      const text = events.map((e) => (e.type === 'token' ? e.text : '')).join('');
      const approvalIds = events.flatMap((e) => (e.type === 'approval_requested' ? [e.approvalId] : []));
      const start = events.find((e) => e.type === 'start');
      return { events, text, approvalIds, conversationId: start?.type === 'start' ? start.conversationId : conversationId };
    },
    async decideHttp(user, id, body, options = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json', origin: options.origin ?? ORIGIN, host: new URL(ORIGIN).host };
      if (user) headers.cookie = user.cookie;
      const csrf = options.csrf === undefined ? user?.csrfToken : options.csrf;
      if (csrf) headers['x-csrf-token'] = csrf;
      const request = new Request(`${ORIGIN}/api/approvals/${id}/decision`, { method: 'POST', headers, body: JSON.stringify(body) });
      return decisionRoute(request, { params: Promise.resolve({ id }) });
    },
    async killSwitchHttp(user, body) {
      const request = new Request(`${ORIGIN}/api/actuation/kill-switch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: ORIGIN, host: new URL(ORIGIN).host, cookie: user.cookie, 'x-csrf-token': user.csrfToken },
        body: JSON.stringify(body),
      });
      return killSwitchRoute(request);
    },
    setpoint(machineId, tagId) {
      return twin.twin.readValue(machineId, tagId) as number;
    },
  };
}

export async function allApprovals(ctx: SafetyContext): Promise<ApprovalRequest[]> {
  return ctx.gate.list({ limit: 500 });
}
