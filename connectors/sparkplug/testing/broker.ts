/**
 * The real MQTT broker the Sparkplug tests run against (Mosquitto on 127.0.0.1:1883, or
 * PLANTPILOT_TEST_MQTT_URL). A test that finds it down fails with a message saying how to start it,
 * never skips, so a missing broker cannot pass for green. Ids are unique per call so test files
 * can share the broker in parallel.
 */
import { randomBytes } from 'node:crypto';
import mqtt from 'mqtt';

export const TEST_BROKER_URL = process.env.PLANTPILOT_TEST_MQTT_URL ?? 'mqtt://127.0.0.1:1883';

export function uniqueId(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

/** Resolves when the broker accepts a connection; otherwise throws a message a person can act on. */
export async function requireBroker(): Promise<void> {
  const client = mqtt.connect(TEST_BROKER_URL, { clientId: uniqueId('probe'), connectTimeout: 3_000, reconnectPeriod: 0 });
  try {
    await new Promise<void>((resolve, reject) => {
      client.once('connect', () => resolve());
      client.once('error', reject);
      client.once('close', () => reject(new Error('closed')));
    });
  } catch (error) {
    throw new Error(
      `The Sparkplug tests need an MQTT broker at ${TEST_BROKER_URL} and cannot reach it (${(error as Error).message}). ` +
        'Start Mosquitto (`mosquitto -d -p 1883`, or `.ci/run` starts it) or set PLANTPILOT_TEST_MQTT_URL.',
    );
  } finally {
    await client.endAsync(true);
  }
}
