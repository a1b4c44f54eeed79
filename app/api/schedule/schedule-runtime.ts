/**
 * What the schedule routes need from the running app: the scheduler, the approval gate and the person
 * asking. Each says plainly when its part is not running.
 */
import { requireSession, sessionActor } from '@/lib/auth/request';
import { AppError } from '@/lib/errors';
import { getRuntime } from '@/server/runtime';
import type { ApprovalGate } from '@/tools/approval/types';
import type { SchedulingService } from '@/tools/scheduling/service/scheduling-service';
import type { Actor } from '@/lib/auth/actor';

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
  const gate = getRuntime().services.gate;
  if (!gate)
    throw new AppError('backend_unavailable', 'The approval gate is not running in this server, so a release cannot be requested. Check the server log.');
  return gate;
}

/** The signed-in person making the request, as an actor; `role` is the least role the route needs. */
export async function requestActor(request: Request, role: Actor['role'] = 'viewer'): Promise<Actor> {
  return sessionActor(await requireSession(request, { role }));
}
