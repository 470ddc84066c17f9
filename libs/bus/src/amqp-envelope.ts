import type { Options } from 'amqplib';
import { traitsOf, type EventEnvelope, type EventTrait } from '@parley/contracts';
import { traitHeaders } from './amqp-traits';

/** The AMQP `type` of a message that carries several events (docs/architecture.md, "Events"). */
export const ENVELOPE_TYPE = 'parley.events';

/** Events per envelope at most: bounds what a consumer parses of it for one event it wants. */
export const ENVELOPE_MAX_EVENTS = 100;
/** Bytes per envelope at most (an event alone may be larger: it travels alone). */
export const ENVELOPE_MAX_BYTES = 512 * 1024;

/** One AMQP message to publish: a lone event as it is, or an envelope of several. */
export interface OutgoingMessage {
  /** How many events it carries. */
  events: number;
  routingKey: string;
  content: Buffer;
  properties: Options.Publish;
}

/**
 * Packs events into as few AMQP messages as the caps allow, in their order. An envelope is routed
 * by its first event's key with the others' as `CC` (RabbitMQ's sender-selected distribution): the
 * broker puts it once into every queue any of its keys reaches, so a batch of events costs a
 * publish, a confirm and one delivery per queue instead of one per event and queue. Its content
 * is one line per event, `<routing key>\t<event JSON>`, so a consumer parses only the events its
 * own bindings match (`unpackEnvelope`). Its trait headers are the union of its events' traits;
 * the consumer checks each event's own.
 */
export function packEvents(events: EventEnvelope[], persistent: boolean): OutgoingMessage[] {
  const messages: OutgoingMessage[] = [];
  let lines: string[] = [];
  let keys = new Set<string>();
  let traits = new Set<EventTrait>();
  let bytes = 0;
  let first: EventEnvelope | undefined;
  const seal = () => {
    if (!first) return;
    if (lines.length === 1) {
      messages.push(single(first, persistent));
    } else {
      keys.delete(first.routing_key);
      const headers: Record<string, unknown> = traitHeaders([...traits]);
      if (keys.size > 0) headers.CC = [...keys];
      messages.push({
        events: lines.length,
        routingKey: first.routing_key,
        content: Buffer.from(lines.join('\n'), 'utf8'),
        properties: { persistent, type: ENVELOPE_TYPE, messageId: first.id, contentType: 'text/plain', headers },
      });
    }
    lines = [];
    keys = new Set();
    traits = new Set();
    bytes = 0;
    first = undefined;
  };
  for (const event of events) {
    const line = `${event.routing_key}\t${JSON.stringify(event)}`;
    if (first && (lines.length >= ENVELOPE_MAX_EVENTS || bytes + line.length > ENVELOPE_MAX_BYTES)) seal();
    first ??= event;
    lines.push(line);
    bytes += line.length + 1;
    keys.add(event.routing_key);
    for (const trait of traitsOf(event)) traits.add(trait);
  }
  seal();
  return messages;
}

function single(event: EventEnvelope, persistent: boolean): OutgoingMessage {
  return {
    events: 1,
    routingKey: event.routing_key,
    content: Buffer.from(JSON.stringify(event), 'utf8'),
    properties: { persistent, messageId: event.id, type: event.type, contentType: 'application/json', headers: traitHeaders(traitsOf(event)) },
  };
}

/**
 * The events of an envelope whose routing key `wanted` accepts, parsed, in their order; lines it
 * does not accept are not parsed. Lines that are not `<key>\t<JSON>` are left out and counted.
 */
export function unpackEnvelope(content: Buffer, wanted: (routingKey: string) => boolean): { events: EventEnvelope[]; malformed: number } {
  const events: EventEnvelope[] = [];
  let malformed = 0;
  for (const line of content.toString('utf8').split('\n')) {
    const tab = line.indexOf('\t');
    if (tab <= 0) {
      malformed++;
      continue;
    }
    if (!wanted(line.slice(0, tab))) continue;
    try {
      events.push(JSON.parse(line.slice(tab + 1)) as EventEnvelope);
    } catch {
      malformed++;
    }
  }
  return { events, malformed };
}
