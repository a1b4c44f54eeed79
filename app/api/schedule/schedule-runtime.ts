/**
 * What the schedule routes need from the running app: the scheduler, the approval gate and the person
 * asking. Each says plainly when its part is not running.
 */
import { requireSession, sessionActor } from '../../../lib/auth/request';
import { AppError } from '../../../lib/errors';
import { getRuntime } from '../../../lib/runtime';
import type { ApprovalGate } from '../../../tools/approval/types';
import type { SchedulingService } from '../../../tools/scheduling/service/scheduling-service';
import type { Actor } from '../../../tools/tool';

export function requireScheduling(): SchedulingService {
  const scheduling = getRuntime().services.scheduling;
  if (!scheduling)
    throw new AppError(
      'backend_unavailable',
      'The scheduler is not running in this server, so no schedule can be computed. Check the server log for why it did not start.',
    );
  return scheduling;
}

export function requireGate(): ApprovalGate {
  // The lead registers the gate as services.gate; until its RuntimeServices member lands it is read untyped here.
  const gate = (getRuntime().services as { gate?: ApprovalGate }).gate;
  if (!gate)
    throw new AppError('backend_unavailable', 'The approval gate is not running in this server, so a release cannot be requested. Check the server log.');
  return gate;
}

/**
 * PLACEHOLDER for the lead: the person making the request. Replace the body with `requireUser(request)`
 * from lib/auth once it lands; until then it uses the session helpers that exist. `role` is the least
 * role the route needs.
 */
export async function requestActor(request: Request, role: Actor['role'] = 'viewer'): Promise<Actor> {
  return sessionActor(await requireSession(request, { role }));
}
