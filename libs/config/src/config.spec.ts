import { z } from 'zod';
import { ConfigError, env, parseConfig } from './index';

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
