import { EventsInFlight, type InFlightSlot } from './events-in-flight';

const slotOf = (admission: ReturnType<EventsInFlight['acquire']>): InFlightSlot => {
  if (!('slot' in admission)) throw new Error(`refused: ${admission.refused}`);
  return admission.slot;
};

describe('EventsInFlight', () => {
  it('refuses a socket at its bound, and admits it again once one of its sends is answered', () => {
    const sends = new EventsInFlight({ perSocket: 2, perGateway: 100 });
    const first = slotOf(sends.acquire('s1'));
    slotOf(sends.acquire('s1'));
    expect(sends.acquire('s1')).toEqual({ refused: 'socket' });
    expect('slot' in sends.acquire('s2')).toBe(true);
    first.release();
    expect('slot' in sends.acquire('s1')).toBe(true);
  });

  it('refuses every socket once the gateway holds its bound, until a send is answered', () => {
    const sends = new EventsInFlight({ perSocket: 10, perGateway: 3 });
    const slots = ['a', 'b', 'c'].map((socket) => slotOf(sends.acquire(socket)));
    expect(sends.acquire('d')).toEqual({ refused: 'gateway' });
    expect(sends.acquire('a')).toEqual({ refused: 'gateway' });
    slots[1].release();
    expect('slot' in sends.acquire('d')).toBe(true);
    expect(sends.inFlight()).toBe(3);
  });

  it('gives a slot back once however often it is released', () => {
    const sends = new EventsInFlight({ perSocket: 2, perGateway: 2 });
    const slot = slotOf(sends.acquire('s1'));
    slotOf(sends.acquire('s1'));
    slot.release();
    slot.release();
    expect([sends.inFlight('s1'), sends.inFlight()]).toEqual([1, 1]);
    slotOf(sends.acquire('s1'));
    expect(sends.acquire('s1')).toEqual({ refused: 'socket' });
  });
});
