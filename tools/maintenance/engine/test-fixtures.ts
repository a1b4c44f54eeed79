/**
 * Small synthetic run-to-failure fleets for the unit tests: a wear signal that rises faster
 * near failure, a nuisance sensor, a constant sensor, and two operating regimes that shift
 * every sensor's level, so regime normalisation has something to undo.
 */
import { seededRandom } from '@/lib/seeded-random';
import type { UnitHistory } from './unit-history';

export function syntheticFleet(unitCount: number, seed: number): UnitHistory[] {
  const random = seededRandom(seed);
  const noise = () => (random() + random() + random() - 1.5) * 0.2;
  return Array.from({ length: unitCount }, (_, u) => {
    const lifeCycles = 60 + Math.floor(random() * 60);
    return {
      unitId: String(u + 1),
      cycles: Array.from({ length: lifeCycles }, (_, t) => {
        const highLoad = random() < 0.5;
        const wear = Math.exp((t - lifeCycles) / 25);
        return {
          cycle: t + 1,
          settings: [highLoad ? 40 : 0, highLoad ? 0.8 : 0.1],
          sensors: {
            wear: (highLoad ? 50 : 10) + 3 * wear + noise(),
            ambient: (highLoad ? 5 : 1) + noise(),
            fixed: 7,
          },
        };
      }),
    };
  });
}
