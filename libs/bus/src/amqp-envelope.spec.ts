import { ENVELOPE_MAX_EVENTS, ENVELOPE_TYPE, packEvents, unpackEnvelope } from './amqp-envelope';
import { eventOn, messageEventOn } from './testing/collector';

describe('packEvents', () => {
  it('sends a lone event as itself, with its type, id and traits', () => {
    const event = messageEventOn('session.s1.message.created', true);
    const [message, ...rest] = packEvents([event], true);
    expect(rest).toEqual([]);
    expect(JSON.parse(message.content.toString())).toEqual(event);
    expect(message).toMatchObject({ events: 1, routingKey: event.routing_key, properties: { persistent: true, type: 'message.created', messageId: event.id, headers: { 'parley-has_attachments': 'true' } } });
  });

  it('packs several into one envelope routed by the first key with the other distinct keys as CC, and the union of their traits', () => {
    const events = [messageEventOn('session.s1.message.created', false), eventOn('session.s2.x'), messageEventOn('session.s1.message.created', true), eventOn('session.s3.y')];
    const [envelope, ...rest] = packEvents(events, false);
    expect(rest).toEqual([]);
    expect(envelope.events).toBe(4);
    expect(envelope.routingKey).toBe('session.s1.message.created');
    expect(envelope.properties).toMatchObject({ persistent: false, type: ENVELOPE_TYPE, headers: { CC: ['session.s2.x', 'session.s3.y'], 'parley-has_attachments': 'true' } });
    expect(unpackEnvelope(envelope.content, () => true)).toEqual({ events, malformed: 0 });
  });

  it('leaves CC out when every event shares the key, and traits out when none has them', () => {
    const [envelope] = packEvents([eventOn('session.s1.x'), eventOn('session.s1.x')], true);
    expect(envelope.properties.headers).toEqual({});
  });

  it('starts a new envelope past the events cap, keeping the order', () => {
    const events = Array.from({ length: ENVELOPE_MAX_EVENTS * 2 + 1 }, (_, i) => eventOn(`session.s${i}.x`));
    const messages = packEvents(events, true);
    expect(messages.map((m) => m.events)).toEqual([ENVELOPE_MAX_EVENTS, ENVELOPE_MAX_EVENTS, 1]);
    const unpacked = messages.flatMap((m) => (m.properties.type === ENVELOPE_TYPE ? unpackEnvelope(m.content, () => true).events : [JSON.parse(m.content.toString())]));
    expect(unpacked).toEqual(events);
  });

  it('starts a new envelope before it would pass the bytes cap; an event larger than the cap travels alone', () => {
    const big = { ...eventOn('session.s1.big'), data: { text: 'x'.repeat(300 * 1024) } } as unknown as ReturnType<typeof eventOn>;
    const huge = { ...eventOn('session.s1.huge'), data: { text: 'y'.repeat(600 * 1024) } } as unknown as ReturnType<typeof eventOn>;
    const messages = packEvents([big, big, eventOn('session.s1.small'), huge], true);
    expect(messages.map((m) => m.events)).toEqual([1, 2, 1]);
    expect(messages[2].properties.type).toBe(huge.type);
  });

  it('packs nothing into nothing', () => {
    expect(packEvents([], true)).toEqual([]);
  });
});

describe('unpackEnvelope', () => {
  it('parses only the lines whose key is wanted, in order', () => {
    const events = [eventOn('session.s1.a'), eventOn('session.s2.b'), eventOn('session.s1.c')];
    const [envelope] = packEvents(events, true);
    expect(unpackEnvelope(envelope.content, (key) => key.startsWith('session.s1.')).events).toEqual([events[0], events[2]]);
  });

  it('counts lines that are not an event and leaves them out, without parsing lines nobody wants', () => {
    const good = eventOn('session.s1.a');
    const content = Buffer.from([`session.s1.a\t${JSON.stringify(good)}`, 'no tab here', 'session.s1.b\t{not json', 'session.s9.z\t{not json either'].join('\n'));
    expect(unpackEnvelope(content, (key) => key.startsWith('session.s1.'))).toEqual({ events: [good], malformed: 2 });
  });
});
