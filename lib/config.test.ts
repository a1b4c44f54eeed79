import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, redactUrl } from './config';

describe('loadConfig', () => {
  it('gives the embedded defaults on an empty environment', () => {
    const config = loadConfig({}, '/srv/plant');
    expect(config.port).toBe(3000);
    expect(config.dataDir).toBe(path.resolve('/srv/plant', '.plantpilot'));
    expect(config.databaseUrl).toBeUndefined();
    expect(config.opcua.endpoint).toBeUndefined();
    expect(config.model.baseUrl).toBeUndefined();
    expect(config.log.format).toBe('pretty');
    expect(config.twin.warmUpHours).toBe(8);
    expect(config.backup).toEqual({ everyHours: 24, keep: 7 });
    // The scheduler uses one core unless told otherwise.
    expect(config.scheduling).toEqual({ workers: 1 });
    // One twin site, as always.
    expect(config.twin.sites).toBeUndefined();
  });

  it('reads the scheduler worker count, and refuses anything but 1 to 16', () => {
    expect(loadConfig({ PLANTPILOT_SCHEDULER_WORKERS: '2' }).scheduling.workers).toBe(2);
    expect(() => loadConfig({ PLANTPILOT_SCHEDULER_WORKERS: '0' })).toThrow(/PLANTPILOT_SCHEDULER_WORKERS: expected at least 1/);
    expect(() => loadConfig({ PLANTPILOT_SCHEDULER_WORKERS: '1.5' })).toThrow(/PLANTPILOT_SCHEDULER_WORKERS/);
  });

  it('reads several twin sites as site id : seed pairs, and refuses anything else', () => {
    expect(loadConfig({ PLANTPILOT_TWIN_SITES: 'FUE:1,ERL:2' }).twin.sites).toEqual([
      { id: 'FUE', seed: 1 },
      { id: 'ERL', seed: 2 },
    ]);
    expect(() => loadConfig({ PLANTPILOT_TWIN_SITES: 'FUE,ERL' })).toThrow(/PLANTPILOT_TWIN_SITES: expected site:seed pairs such as FUE:1,ERL:2/);
    expect(() => loadConfig({ PLANTPILOT_TWIN_SITES: 'FUE:1,FUE:2' })).toThrow(/PLANTPILOT_TWIN_SITES: expected each site id once/);
  });

  it('reads every documented variable', () => {
    const config = loadConfig(
      {
        PORT: '8080',
        PLANTPILOT_DATA_DIR: '/var/lib/plantpilot',
        DATABASE_URL: 'postgres://pp:secret@db:5432/plantpilot',
        OPENAI_API_KEY: 'sk-test',
        OPENAI_BASE_URL: 'http://127.0.0.1:8000/v1',
        PLANTPILOT_MODEL: 'llama-3.1-8b',
        OPENAI_EMBEDDINGS_MODEL: 'nomic-embed-text',
        OPCUA_ENDPOINT: 'opc.tcp://10.0.0.5:4840',
        NODE_ENV: 'production',
        PLANTPILOT_BACKUP_EVERY_HOURS: '6',
        PLANTPILOT_BACKUP_KEEP: '28',
      },
      '/',
    );
    expect(config).toMatchObject({
      port: 8080,
      dataDir: '/var/lib/plantpilot',
      databaseUrl: 'postgres://pp:secret@db:5432/plantpilot',
      model: { baseUrl: 'http://127.0.0.1:8000/v1', apiKey: 'sk-test', name: 'llama-3.1-8b' },
      embeddings: { model: 'nomic-embed-text' },
      opcua: { endpoint: 'opc.tcp://10.0.0.5:4840' },
      log: { format: 'json' },
      backup: { everyHours: 6, keep: 28 },
    });
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).databaseUrl).toBeUndefined();
  });

  it.each([
    ['PORT', 'abc', /PORT: expected a TCP port number/],
    ['PORT', '70000', /PORT: expected a port between 1 and 65535/],
    ['DATABASE_URL', 'mysql://x/y', /DATABASE_URL: expected a URL starting with postgres:/],
    ['OPCUA_ENDPOINT', 'http://plc:4840', /OPCUA_ENDPOINT: expected a URL starting with opc\.tcp:/],
    ['OPENAI_BASE_URL', 'not a url', /OPENAI_BASE_URL: expected a URL starting with http:/],
    ['PLANTPILOT_TWIN_WARM_UP_HOURS', 'eight', /PLANTPILOT_TWIN_WARM_UP_HOURS: expected a number of hours such as 8, or 0 for none/],
    ['PLANTPILOT_TWIN_WARM_UP_HOURS', '24', /PLANTPILOT_TWIN_WARM_UP_HOURS: expected at most 12 hours/],
    ['PLANTPILOT_BACKUP_KEEP', '0', /PLANTPILOT_BACKUP_KEEP: expected at least 1/],
    ['PLANTPILOT_BACKUP_EVERY_HOURS', 'daily', /PLANTPILOT_BACKUP_EVERY_HOURS: expected a number of hours such as 24, or 0 for none/],
  ])('rejects %s=%s with one line naming the variable', (name, value, pattern) => {
    let message = '';
    try {
      loadConfig({ [name]: value });
    } catch (error) {
      message = (error as Error).message;
      expect(error).toMatchObject({ code: 'config_invalid' });
    }
    expect(message).toMatch(pattern);
    expect(message).toContain(JSON.stringify(value));
    expect(message.split('\n')).toHaveLength(1);
  });

  it('never echoes a secret in an error', () => {
    expect(() => loadConfig({ OPENAI_API_KEY: 'sk-live', PORT: 'x' })).toThrow(/PORT/);
    try {
      loadConfig({ OPENAI_API_KEY: 'sk-live', PORT: 'x' });
    } catch (error) {
      expect((error as Error).message).not.toContain('sk-live');
    }
  });
});

describe('redactUrl', () => {
  it('masks the password', () => {
    expect(redactUrl('postgres://pp:secret@db:5432/x')).toBe('postgres://pp:***@db:5432/x');
  });
});
