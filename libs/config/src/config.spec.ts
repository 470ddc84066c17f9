import { z } from 'zod';
import { busSettings, ConfigError, databaseSettings, env, loggingSettings, parseConfig, parseConfigs, settingDoc, shownDefault } from './index';

const schema = z.object({ PORT: env.port(45000), JWT_SECRET: env.secret(), MESSAGE_ADDR: env.address('127.0.0.1:50052') });

describe('parseConfig', () => {
  it('applies defaults and coerces numbers', () => {
    expect(parseConfig(schema, { JWT_SECRET: 'a-very-long-secret-value' })).toEqual({
      PORT: 45000,
      JWT_SECRET: 'a-very-long-secret-value',
      MESSAGE_ADDR: '127.0.0.1:50052',
    });
  });

  it('names every wrong or missing variable', () => {
    expect(() => parseConfig(schema, { PORT: 'abc', MESSAGE_ADDR: 'nohost' })).toThrow(ConfigError);
    try {
      parseConfig(schema, { PORT: 'abc', MESSAGE_ADDR: 'nohost' });
    } catch (error) {
      expect((error as Error).message).toMatch(/PORT/);
      expect((error as Error).message).toMatch(/JWT_SECRET/);
      expect((error as Error).message).toMatch(/MESSAGE_ADDR: must be host:port/);
    }
  });
});

describe('service addresses', () => {
  it('takes one host:port, a list of them, or a dns:/// target', () => {
    for (const address of ['message:50052', '10.0.0.5:50052,message-2:50052,[::1]:50052', 'dns:///message:50052']) {
      expect(parseConfig(schema, { JWT_SECRET: 'a-very-long-secret-value', MESSAGE_ADDR: address }).MESSAGE_ADDR).toBe(address);
    }
    for (const address of ['message', 'a:1,', 'a:1,,b:2', 'dns://message:1', 'a:1 b:2']) {
      expect(() => parseConfig(schema, { JWT_SECRET: 'a-very-long-secret-value', MESSAGE_ADDR: address })).toThrow(/MESSAGE_ADDR/);
    }
  });
});

describe('parseConfigs', () => {
  const a = z.object({ JWT_SECRET: env.secret(), ...loggingSettings });
  const b = z.object({ JWT_SECRET: env.secret(), PORT: env.port(1) });

  it('parses every part', () => {
    expect(parseConfigs({ a: [a, { JWT_SECRET: 'a-very-long-secret-value' }], b: [b, { JWT_SECRET: 'a-very-long-secret-value', PORT: '8' }] })).toEqual({
      a: { JWT_SECRET: 'a-very-long-secret-value', LOG_LEVEL: 'info' },
      b: { JWT_SECRET: 'a-very-long-secret-value', PORT: 8 },
    });
  });

  it('names every problem of every part in one error, each once', () => {
    const attempt = () => parseConfigs({ a: [a, { JWT_SECRET: 'short', LOG_LEVEL: 'loud' }], b: [b, { JWT_SECRET: 'short', PORT: 'x' }] });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(
      new ConfigError(
        'Invalid configuration:\n  JWT_SECRET: must be at least 16 characters\n  LOG_LEVEL: Invalid option: expected one of "fatal"|"error"|"warn"|"info"|"debug"|"trace"|"silent"\n  PORT: Invalid input: expected number, received NaN',
      ),
    );
  });
});

describe('setting', () => {
  it('shows a default, required or unset as the docs print it', () => {
    expect(shownDefault(databaseSettings(7).DB_POOL_MAX)).toBe('7');
    expect(shownDefault(databaseSettings(7).DATABASE_URL)).toBe('required');
    expect(shownDefault(busSettings.AMQP_URL)).toBe('unset');
    expect(settingDoc(busSettings.EVENTS_EXCHANGE)?.description).toMatch(/topic exchange/);
    expect(settingDoc(z.string())).toBeUndefined();
  });
});
