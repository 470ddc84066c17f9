import pino from 'pino';
import { NaturalBatcher, succeeded } from '@parley/batching';
import { MemoryBus, type EventBus, type Subscription } from '@parley/bus';
import { createEvent, routingKeys, type EventEnvelope } from '@parley/contracts';
import { TypingAnnouncements, typingAnnouncer } from './typing-announcements';

const started = (sessionId: string, userId: string) =>
  createEvent('typing.started', routingKeys.session(sessionId, 'typing.started'), { session_id: sessionId, user_id: userId, user_name: userId });
const stopped = (sessionId: string, userId: string) =>
  createEvent('typing.stopped', routingKeys.session(sessionId, 'typing.stopped'), { session_id: sessionId, user_id: userId });
const turn = () => new Promise((resolve) => setImmediate(resolve));
/** A broker's bus as typing sees it: what was published transiently, when. */
class BrokerBus implements EventBus {
  readonly transient: string[] = [];
  publish = async (): Promise<void> => undefined;
  publishMany = async (): Promise<void> => undefined;
  publishTransient(events: EventEnvelope[]): void {
    events.forEach((event) => this.transient.push(event.id));
  }
  subscribe = async (): Promise<Subscription> => {
    throw new Error('not used');
  };
  isConnected = () => true;
  close = async (): Promise<void> => undefined;
}
const described = (events: EventEnvelope[]) => events.map((e) => `${e.type} ${(e.data as { user_id: string }).user_id}`);

describe('TypingAnnouncements', () => {
  let log: string[];
  let announcements: TypingAnnouncements;
  beforeEach(() => {
    log = [];
    announcements = new TypingAnnouncements((events) => log.push(`published ${described(events).join(', ')}`));
  });

  it("leaves the typing's delivery behind the statement of a send that arrived with it (the all-in-one's path)", async () => {
    const bus = new MemoryBus(pino({ level: 'silent' }));
    await bus.subscribe({ queue: 'gateway', exclusive: true, patterns: ['session.#'] }, (event) => void log.push(`delivered ${event.type}`));
    const typing = new TypingAnnouncements((events) => bus.publishTransient(events));
    // The gateway's send batch starts the message service's batch, which runs the statement.
    const statements = new NaturalBatcher<string, void>({
      run: async (items) => (log.push(`statement ${items.join(', ')}`), items.map(() => succeeded(undefined))),
    });
    const gatewaySends = new NaturalBatcher<string, void>({
      run: async (items) => {
        log.push(`gateway batch ${items.join(', ')}`);
        await Promise.all(items.map((item) => statements.submit(item)));
        return items.map(() => succeeded(undefined));
      },
    });
    // A client's `typing` and `send_message`, read together.
    typing.announce([started('s1', 'ana')]);
    await gatewaySends.submit('hello');
    for (let i = 0; i < 3; i++) await turn();
    expect(log).toEqual(['gateway batch hello', 'statement hello', 'delivered typing.started']);
    await bus.close();
  });

  it('publishes what a turn gathered once, in the order announced, and a later turn on its own', async () => {
    announcements.announce([started('s1', 'ana')]);
    announcements.announce([started('s2', 'bo'), stopped('s3', 'cleo')]);
    expect(log).toEqual([]);
    await turn();
    expect(log).toEqual([]);
    await turn();
    expect(log).toEqual(['published typing.started ana, typing.started bo, typing.stopped cleo']);
    announcements.announce([stopped('s1', 'ana')]);
    await turn();
    await turn();
    expect(log).toEqual(['published typing.started ana, typing.started bo, typing.stopped cleo', 'published typing.stopped ana']);
  });

  it('holds announcements on the in-process bus only: through a broker they leave at once', async () => {
    const broker = new BrokerBus();
    const event = started('s1', 'ana');
    typingAnnouncer(broker)([event]);
    expect(broker.transient).toEqual([event.id]);

    const bus = new MemoryBus(pino({ level: 'silent' }));
    const heard: string[] = [];
    await bus.subscribe({ queue: 'gateway', exclusive: true, patterns: ['session.#'] }, (e) => void heard.push(e.id));
    typingAnnouncer(bus)([event]);
    for (let i = 0; i < 2; i++) await turn();
    expect(heard).toEqual([]);
    await turn();
    expect(heard).toEqual([event.id]);
    await bus.close();
  });
});
