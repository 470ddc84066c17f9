import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@parley/db';
import { testSettings } from '@parley/config';
import { deleteParleyBrokerObjects, eventually, TcpProxy, TEST_JWT_SECRET, TEST_SERVICE_ENV } from '@parley/testing';
import { start, type RunningParley } from './main';

jest.setTimeout(90_000);

const AMQP = new URL(testSettings().TEST_AMQP_URL);

/**
 * Readiness follows the dependencies: with PostgreSQL or RabbitMQ cut away (through a proxy, so the
 * shared servers keep running for everyone else) the gateway says 503 and names what is missing,
 * and it says 200 again by itself once they are back.
 */
describe('health and readiness when PostgreSQL or RabbitMQ go away and come back', () => {
  let db: TestDatabase;
  let parley: RunningParley;
  let url: string;
  const exchange = `parley.health.${randomBytes(4).toString('hex')}`;
  const pg = new TcpProxy('127.0.0.1', Number(new URL(testSettings().TEST_DATABASE_URL).port || 5432));
  const broker = new TcpProxy(AMQP.hostname, Number(AMQP.port || 5672));

  beforeAll(async () => {
    db = await createTestDatabase('parley_health');
    const dbUrl = new URL(db.url);
    dbUrl.port = String(await pg.start());
    const amqpUrl = new URL(AMQP.toString());
    amqpUrl.port = String(await broker.start());
    parley = await start({ ...TEST_SERVICE_ENV, DATABASE_URL: dbUrl.toString(), AMQP_URL: amqpUrl.toString(), EVENTS_EXCHANGE: exchange, JWT_SECRET: TEST_JWT_SECRET, PORT: '0', HOST: '127.0.0.1' });
    url = `http://127.0.0.1:${parley.port}`;
  });
  afterAll(async () => {
    await parley?.stop();
    await pg.stop();
    await broker.stop();
    await db?.drop();
    await deleteParleyBrokerObjects(AMQP.toString(), exchange);
  });

  const readiness = async () => {
    const res = await fetch(`${url}/readyz`);
    return { status: res.status, body: (await res.json()) as { checks: Record<string, boolean> } };
  };

  it('starts ready', async () => {
    await eventually(async () => expect((await readiness()).status).toBe(200), 15_000);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  it('is not ready without PostgreSQL, and ready again when it is back', async () => {
    await pg.cut();
    await eventually(async () => {
      const { status, body } = await readiness();
      expect(status).toBe(503);
      expect(body.checks).toMatchObject({ session: false, message: false });
    }, 20_000);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    await pg.restore();
    await eventually(async () => expect((await readiness()).status).toBe(200), 30_000);
  });

  it('is not ready without RabbitMQ, and ready again when it is back', async () => {
    await broker.cut();
    await eventually(async () => {
      const { status, body } = await readiness();
      expect(status).toBe(503);
      expect(body.checks).toMatchObject({ broker: false });
    }, 30_000);
    await broker.restore();
    await eventually(async () => expect((await readiness()).status).toBe(200), 40_000);
  });
});
