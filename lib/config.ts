/**
 * The one place that reads the environment. Everything else receives a parsed `Config`.
 * Parsing fails with one line per bad variable, naming it and what is expected, so a
 * start-up error never needs a stack trace to be understood.
 */
import path from 'node:path';
import { z } from 'zod';
import { AppError } from './errors';

const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());

const urlWithProtocols = (protocols: string[], example: string) =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .refine(
        (value) => {
          try {
            return protocols.includes(new URL(value).protocol);
          } catch {
            return false;
          }
        },
        `a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}, e.g. ${example}`,
      )
      .optional(),
  );

export const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: 'a TCP port number, e.g. 3000' })
      .int('a whole port number, e.g. 3000')
      .min(1, 'a port between 1 and 65535')
      .max(65535, 'a port between 1 and 65535')
      .default(3000),
  ),
  HOST: z.preprocess(emptyToUndefined, z.string().default('0.0.0.0')),
  PLANTPILOT_DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('./.plantpilot')),
  DATABASE_URL: urlWithProtocols(['postgres:', 'postgresql:'], 'postgres://user:pass@db.plant.local:5432/plantpilot'),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: urlWithProtocols(['http:', 'https:'], 'http://127.0.0.1:8000/v1'),
  PLANTPILOT_MODEL: optionalString,
  OPENAI_EMBEDDINGS_MODEL: optionalString,
  OPCUA_ENDPOINT: urlWithProtocols(['opc.tcp:'], 'opc.tcp://10.0.0.5:4840'),
  OPCUA_SECURITY_MODE: z.enum(['None', 'Sign', 'SignAndEncrypt']).default('None'),
  OPCUA_SECURITY_POLICY: z.enum(['None', 'Basic256Sha256', 'Aes128_Sha256_RsaOaep', 'Aes256_Sha256_RsaPss']).default('None'),
  OPCUA_USERNAME: optionalString,
  OPCUA_PASSWORD: optionalString,
  OPCUA_MAPPING_FILE: optionalString,
  /** A YAML plant configuration (site and sources: OPC UA servers, Sparkplug B groups); overrides OPCUA_*. */
  PLANTPILOT_PLANT_CONFIG: optionalString,
  PLANTPILOT_TWIN_PORT: z.preprocess(
    emptyToUndefined,
    z.coerce.number({ error: 'a TCP port number (0 = any free port)' }).int().min(0).max(65535).default(4840),
  ),
  PLANTPILOT_TWIN_SEED: z.preprocess(emptyToUndefined, z.coerce.number({ error: 'a whole number' }).int().default(1)),
  /** Several built-in twins as several sites, `FUE:1,ERL:2` (site id : seed); unset: one twin site. */
  PLANTPILOT_TWIN_SITES: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*:-?\d+(,[A-Za-z0-9][A-Za-z0-9_.-]*:-?\d+)*$/, 'site:seed pairs such as FUE:1,ERL:2')
      .refine((text) => new Set(text.split(',').map((pair) => pair.split(':')[0])).size === text.split(',').length, 'each site id once, e.g. FUE:1,ERL:2')
      .optional(),
  ),
  PLANTPILOT_TWIN_SPEED: z.preprocess(
    emptyToUndefined,
    z.coerce.number({ error: 'a speed factor such as 1 or 60' }).positive('a speed factor above 0, such as 1 or 60').max(3600).default(1),
  ),
  /**
   * Hours of recent past the built-in twin simulates into an empty historian at first start (0: none).
   * At most 12: the twin's seeded order book runs out after about 20 hours, and a longer past would
   * leave the lines starved when the app opens.
   */
  PLANTPILOT_TWIN_WARM_UP_HOURS: z.preprocess(
    emptyToUndefined,
    z.coerce.number({ error: 'a number of hours such as 8, or 0 for none' }).min(0, 'hours, 0 or more').max(12, 'at most 12 hours').default(8),
  ),
  /**
   * Searches the scheduler runs side by side on separate cores (worker threads sharing their best
   * schedules); 1, the default, is one search on one core, leaving the other cores to the rest of the app.
   */
  PLANTPILOT_SCHEDULER_WORKERS: z.preprocess(
    emptyToUndefined,
    z.coerce.number({ error: 'a whole number of worker threads such as 1 or 2' }).int('a whole number').min(1, 'at least 1').max(16, 'at most 16').default(1),
  ),
  /** Embedded database only: hours between automatic backups into <data dir>/backups (0: none). */
  PLANTPILOT_BACKUP_EVERY_HOURS: z.preprocess(
    emptyToUndefined,
    z.coerce.number({ error: 'a number of hours such as 24, or 0 for none' }).min(0, 'hours, 0 or more').max(168, 'at most 168 hours (a week)').default(24),
  ),
  PLANTPILOT_BACKUP_KEEP: z.preprocess(
    emptyToUndefined,
    z.coerce.number({ error: 'how many backups to keep, such as 7' }).int('a whole number').min(1, 'at least 1').max(365, 'at most 365').default(7),
  ),
  PLANTPILOT_SHIFTS: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(
        /^[a-z][a-z0-9_-]*=\d{2}:\d{2}-\d{2}:\d{2}(,[a-z][a-z0-9_-]*=\d{2}:\d{2}-\d{2}:\d{2})*$/,
        'shifts as name=HH:MM-HH:MM separated by commas, e.g. early=06:00-14:00,late=14:00-22:00,night=22:00-06:00',
      )
      .default('early=06:00-14:00,late=14:00-22:00,night=22:00-06:00'),
  ),
  PLANTPILOT_TIME_ZONE: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .refine((zone) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: zone });
          return true;
        } catch {
          return false;
        }
      }, 'an IANA time zone such as Europe/Berlin')
      .default('Europe/Berlin'),
  ),
  PLANTPILOT_TOKEN: optionalString,
  PLANTPILOT_PUBLIC_URL: urlWithProtocols(['http:', 'https:'], 'https://plantpilot.plant.local'),
  PLANTPILOT_MCP_ANONYMOUS: z.enum(['off', 'read']).default('off'),
  PLANTPILOT_TRUSTED_PROXIES: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .default('')
      .transform((list) =>
        list
          .split(',')
          .map((address) => address.trim())
          .filter(Boolean),
      ),
  ),
  PLANTPILOT_MQTT_URL: urlWithProtocols(['mqtt:', 'mqtts:', 'ws:', 'wss:'], 'mqtt://127.0.0.1:1883'),
  PLANTPILOT_MATERIAL_URL: urlWithProtocols(['http:', 'https:'], 'http://wms.plant.local:8080'),
  PLANTPILOT_VDA5050_INTERFACE: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, 'a VDA 5050 interface name: letters, digits, - and _ (the first MQTT topic level), e.g. uagv')
      .default('uagv'),
  ),
  INSPECTION_BACKEND_URL: urlWithProtocols(['http:', 'https:'], 'http://gpu-server:8000'),
  INSPECTION_MODEL: optionalString,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['pretty', 'json']).optional(),
});

export type RawConfig = z.infer<typeof ConfigSchema>;

/** Settings that only make sense together. */
const ConfigWithPairs = ConfigSchema.superRefine((raw, context) => {
  if (raw.INSPECTION_BACKEND_URL && !raw.INSPECTION_MODEL) {
    context.addIssue({ code: 'custom', path: ['INSPECTION_MODEL'], message: 'the model name on the inspection server, because INSPECTION_BACKEND_URL is set' });
  }
});

export type Config = {
  env: RawConfig['NODE_ENV'];
  port: number;
  host: string;
  /** Peer addresses of reverse proxies whose X-Forwarded-* headers are believed; nobody else's are. */
  trustedProxies: string[];
  /** Absolute path of the data dir (embedded database, certificates, lock file). */
  dataDir: string;
  databaseUrl?: string;
  model: { baseUrl?: string; apiKey?: string; name?: string };
  embeddings: { model?: string };
  opcua: {
    endpoint?: string;
    securityMode: RawConfig['OPCUA_SECURITY_MODE'];
    securityPolicy: RawConfig['OPCUA_SECURITY_POLICY'];
    username?: string;
    password?: string;
    mappingFile?: string;
  };
  /** Absolute path of the plant configuration file (docs/plant-config.md), when one is set. */
  plantConfigFile?: string;
  /** The built-in plant twin, served when OPCUA_ENDPOINT is unset. */
  twin: { port: number; seed: number; speed: number; warmUpHours: number; sites?: { id: string; seed: number }[] };
  /** Automatic backups of the embedded database (ignored with DATABASE_URL). */
  backup: { everyHours: number; keep: number };
  /** The scheduler: how many searches (worker threads, one core each) one solve may use. */
  scheduling: { workers: number };
  inspection: { backendUrl?: string; model?: string };
  /**
   * Material: the broker of the intralogistics fleet (VDA 5050; the built-in twin's vehicles use it
   * too), the plant's material service (stock and deliveries; the twin serves its own) and the
   * VDA 5050 interface name.
   */
  material: { mqttUrl: string; materialUrl?: string; interfaceName: string };
  /** The plant's shifts (handover reports) in its own time zone. */
  plant: { shifts: string; timeZone: string };
  /** MCP: the token `plantpilot mcp` presents, the public URL for approval links, anonymous read access. */
  mcp: { token?: string; publicUrl?: string; anonymousReadOnly: boolean };
  log: { level: RawConfig['LOG_LEVEL']; format: 'pretty' | 'json' };
};

export type Env = Record<string, string | undefined>;

/**
 * Parses the environment into a Config. Throws AppError('config_invalid') whose message has
 * one line per invalid variable: `PORT: expected a TCP port number, e.g. 3000 (got "abc")`.
 */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const parsed = ConfigWithPairs.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      const got = env[name];
      const secret = /KEY|PASSWORD|TOKEN/.test(name);
      const shown = got === undefined ? '' : ` (got ${JSON.stringify(secret ? '***' : got)})`;
      return `${name}: expected ${issue.message}${shown}`;
    });
    throw new AppError('config_invalid', `Invalid configuration — ${lines.join('; ')}. Fix it in the environment or .env (see .env.example).`);
  }
  const raw = parsed.data;
  return {
    env: raw.NODE_ENV,
    port: raw.PORT,
    host: raw.HOST,
    trustedProxies: raw.PLANTPILOT_TRUSTED_PROXIES,
    dataDir: path.resolve(cwd, raw.PLANTPILOT_DATA_DIR),
    databaseUrl: raw.DATABASE_URL,
    model: { baseUrl: raw.OPENAI_BASE_URL, apiKey: raw.OPENAI_API_KEY, name: raw.PLANTPILOT_MODEL },
    embeddings: { model: raw.OPENAI_EMBEDDINGS_MODEL },
    opcua: {
      endpoint: raw.OPCUA_ENDPOINT,
      securityMode: raw.OPCUA_SECURITY_MODE,
      securityPolicy: raw.OPCUA_SECURITY_POLICY,
      username: raw.OPCUA_USERNAME,
      password: raw.OPCUA_PASSWORD,
      mappingFile: raw.OPCUA_MAPPING_FILE ? path.resolve(cwd, raw.OPCUA_MAPPING_FILE) : undefined,
    },
    plantConfigFile: raw.PLANTPILOT_PLANT_CONFIG ? path.resolve(cwd, raw.PLANTPILOT_PLANT_CONFIG) : undefined,
    twin: {
      port: raw.PLANTPILOT_TWIN_PORT,
      seed: raw.PLANTPILOT_TWIN_SEED,
      speed: raw.PLANTPILOT_TWIN_SPEED,
      warmUpHours: raw.PLANTPILOT_TWIN_WARM_UP_HOURS,
      ...(raw.PLANTPILOT_TWIN_SITES
        ? { sites: raw.PLANTPILOT_TWIN_SITES.split(',').map((pair) => ({ id: pair.split(':')[0]!, seed: Number(pair.split(':')[1]) })) }
        : {}),
    },
    backup: { everyHours: raw.PLANTPILOT_BACKUP_EVERY_HOURS, keep: raw.PLANTPILOT_BACKUP_KEEP },
    scheduling: { workers: raw.PLANTPILOT_SCHEDULER_WORKERS },
    inspection: { backendUrl: raw.INSPECTION_BACKEND_URL, model: raw.INSPECTION_MODEL },
    material: {
      mqttUrl: raw.PLANTPILOT_MQTT_URL ?? 'mqtt://127.0.0.1:1883',
      materialUrl: raw.PLANTPILOT_MATERIAL_URL,
      interfaceName: raw.PLANTPILOT_VDA5050_INTERFACE,
    },
    plant: { shifts: raw.PLANTPILOT_SHIFTS, timeZone: raw.PLANTPILOT_TIME_ZONE },
    mcp: { token: raw.PLANTPILOT_TOKEN, publicUrl: raw.PLANTPILOT_PUBLIC_URL, anonymousReadOnly: raw.PLANTPILOT_MCP_ANONYMOUS === 'read' },
    log: { level: raw.LOG_LEVEL, format: raw.LOG_FORMAT ?? (raw.NODE_ENV === 'production' ? 'json' : 'pretty') },
  };
}

/** A database URL with the password masked, safe for logs and error messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<unparseable URL>';
  }
}
