import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createKnex } from '@parley/db';

const run = promisify(execFile);

/** Outbox rows not yet known to be published (a confirmed row is deleted), per outbox table (every table named *_outbox). */
export async function outboxBacklog(databaseUrl: string): Promise<Record<string, number>> {
  const knex = createKnex({ url: databaseUrl, poolMax: 1 });
  try {
    const { rows } = await knex.raw<{ rows: Array<{ table_name: string }> }>(
      "select table_name from information_schema.tables where table_schema = 'public' and table_name like '%\\_outbox' order by table_name",
    );
    const backlog: Record<string, number> = {};
    for (const { table_name } of rows) {
      const [{ count }] = await knex(table_name).count<Array<{ count: string }>>('* as count');
      backlog[table_name] = Number(count);
    }
    return backlog;
  } finally {
    await knex.destroy();
  }
}

/**
 * Messages waiting in the RabbitMQ queues whose names contain `needle`. The gateways' queues are
 * exclusive to their connections (a passive declare from here is refused), so this asks the
 * broker with `rabbitmqctl list_queues`.
 */
export async function queueDepths(needles: string[]): Promise<Record<string, number>> {
  const { stdout } = await run('rabbitmqctl', ['-q', 'list_queues', 'name', 'messages'], { timeout: 30_000 });
  const depths: Record<string, number> = {};
  for (const line of stdout.split('\n')) {
    const [name, messages] = line.trim().split(/\s+/);
    if (name && messages !== undefined && /^\d+$/.test(messages) && needles.some((n) => name.includes(n))) depths[name] = Number(messages);
  }
  return depths;
}

/** A process's Prometheus text (`<url>/metrics`); empty when it does not answer. */
export async function fetchMetrics(url: string): Promise<string> {
  try {
    return await (await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(5000) })).text();
  } catch {
    return '';
  }
}

/** Prometheus text: the value of one metric without labels (e.g. the heap the gateway reports). */
export async function scrapeMetric(url: string, metric: string): Promise<number | undefined> {
  const line = (await fetchMetrics(url)).split('\n').find((l) => l.startsWith(`${metric} `));
  return line ? Number(line.split(' ')[1]) : undefined;
}
