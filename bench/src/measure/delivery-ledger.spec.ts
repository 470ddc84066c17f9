import { DeliveryLedger } from './delivery-ledger';

describe('DeliveryLedger', () => {
  it('counts a delivery to every recipient once, with its latency', () => {
    const latencies: number[] = [];
    const ledger = new DeliveryLedger((us) => latencies.push(us));
    ledger.sent('t1', ['agent', 'observer'], 100);
    ledger.received('t1', 'agent', 102.5);
    ledger.received('t1', 'observer', 104);
    expect(ledger.totals()).toEqual({ sent: 1, expected: 2, delivered: 2, lost: 0, duplicated: 0, unexpected: 0, refused: 0 });
    expect(latencies).toEqual([2500, 4000]);
  });

  it('counts what never arrived as lost and a second arrival as a duplicate', () => {
    const ledger = new DeliveryLedger(() => undefined);
    ledger.sent('t1', ['agent'], 0);
    ledger.sent('t2', ['agent', 'observer'], 0);
    ledger.received('t1', 'agent', 1);
    ledger.received('t1', 'agent', 2);
    ledger.received('t2', 'observer', 3);
    expect(ledger.outstanding()).toBe(1);
    expect(ledger.totals()).toEqual({ sent: 2, expected: 3, delivered: 2, lost: 1, duplicated: 1, unexpected: 0, refused: 0 });
  });

  it('counts a message it never sent, or one delivered to someone not in the session, as unexpected', () => {
    const ledger = new DeliveryLedger(() => undefined);
    ledger.sent('t1', ['agent'], 0);
    ledger.received('t9', 'agent', 1);
    ledger.received('t1', 'stranger', 1);
    expect(ledger.totals()).toEqual(expect.objectContaining({ delivered: 0, lost: 1, unexpected: 2 }));
  });

  it('owes nobody a send the server refused as busy: refused, not lost', () => {
    const ledger = new DeliveryLedger(() => undefined);
    ledger.sent('t1', ['agent', 'observer'], 0);
    ledger.sent('t2', ['agent'], 0);
    ledger.refused('t1');
    ledger.refused('t1');
    expect(ledger.totals()).toEqual({ sent: 2, expected: 1, delivered: 0, lost: 1, duplicated: 0, unexpected: 0, refused: 1 });
  });
});
