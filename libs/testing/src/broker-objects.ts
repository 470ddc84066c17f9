import * as amqplib from 'amqplib';

/**
 * What Parley's services leave on the broker after their connections close, for an events
 * exchange of its own: the exchange, the services' durable queues (named after it) and the
 * attachment service's headers exchange in front of its queue. A test or benchmark that gave the
 * services their own exchange deletes these when it is done.
 */
export const parleyBrokerObjects = (exchange: string): { exchanges: string[]; queues: string[] } => ({
  exchanges: [exchange, `${exchange}.attachment.message-events.filter`],
  queues: [`${exchange}.attachment.message-events`, `${exchange}.message.session-events`, `${exchange}.presence.typing`],
});

/** Deletes the objects `parleyBrokerObjects` names (deleting what is not there is fine). */
export async function deleteParleyBrokerObjects(amqpUrl: string, exchange: string): Promise<void> {
  const { exchanges, queues } = parleyBrokerObjects(exchange);
  const connection = await amqplib.connect(amqpUrl);
  try {
    const channel = await connection.createChannel();
    for (const queue of queues) await channel.deleteQueue(queue);
    for (const name of exchanges) await channel.deleteExchange(name);
    await channel.close();
  } finally {
    await connection.close();
  }
}
