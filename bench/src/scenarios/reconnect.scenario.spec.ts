import { fleetSizeFor } from '../fleet/fleet';
import { GATEWAY_SOCKETS_MAX, stormSocketsPerGateway } from './reconnect.scenario';

describe('the reconnect storm on the open-files limit', () => {
  it("spreads a 20,000-client storm's sockets over both gateways of the stack, each under its limit", () => {
    const held = stormSocketsPerGateway(['http://a', 'http://b'], 4000, 5);
    // Devices 0, 2, 4 on the first gateway; devices 1, 3 and the agents on the second.
    expect(Object.fromEntries(held)).toEqual({ 'http://a': 12_000, 'http://b': 12_000 });
    expect(Math.max(...held.values())).toBeLessThanOrEqual(GATEWAY_SOCKETS_MAX);
  });

  it('counts an agent of several sessions once', () => {
    expect(stormSocketsPerGateway(['http://a', 'http://b'], 4000, 5, 20).get('http://b')).toBe(8_000 + 200);
  });

  it('finds that one process (all-in-one, relay) cannot hold it, but holds the 5,000-client storm', () => {
    expect(stormSocketsPerGateway(['http://one', 'http://one'], 4000, 5).get('http://one')).toBe(24_000);
    expect(stormSocketsPerGateway(['http://one', 'http://one'], 1000, 5).get('http://one')).toBeLessThanOrEqual(GATEWAY_SOCKETS_MAX);
  });

  it('runs enough fleet processes for the sockets it holds, and at least the fleet asked for', () => {
    expect(fleetSizeFor(24_000, 2)).toBe(3);
    expect(fleetSizeFor(6_000, 2)).toBe(2);
    expect(fleetSizeFor(6_000, 4)).toBe(4);
  });
});
