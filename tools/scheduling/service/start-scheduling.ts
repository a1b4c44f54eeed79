/** Starts the scheduling service for the app server and publishes it as `services.scheduling`. */
import type { Runtime } from '../../../lib/runtime';
import { createSchedulingService, type SchedulingService, type SchedulingServiceOptions } from './scheduling-service';

export function startSchedulingService(runtime: Runtime, options: Omit<SchedulingServiceOptions, 'db' | 'log'>): SchedulingService {
  const scheduling = createSchedulingService({ ...options, db: runtime.db, log: runtime.log.child({ part: 'scheduling' }) });
  runtime.services.scheduling = scheduling;
  return scheduling;
}
