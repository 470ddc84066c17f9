import { batchFigures, parseBatchTotals } from './batch-metrics';

const metrics = (sendItems: number, sendBatches: number, sendSeconds: number) => `
# HELP parley_batch_items Items per batch at each batching hop
parley_batch_items_bucket{le="1",hop="message.send"} 3
parley_batch_items_sum{hop="message.send"} ${sendItems}
parley_batch_items_count{hop="message.send"} ${sendBatches}
parley_batch_duration_seconds_sum{hop="message.send"} ${sendSeconds}
parley_batch_duration_seconds_count{hop="message.send"} ${sendBatches}
parley_batch_items_sum{hop="presence.join"} 4
parley_batch_items_count{hop="presence.join"} 4
parley_batch_duration_seconds_sum{hop="presence.join"} 0.01
parley_socket_events_total{event="new_message"} 12
`;

describe('batch figures from /metrics', () => {
  it('reads each hop’s items, batches and time', () => {
    expect(parseBatchTotals(metrics(300, 10, 0.5))).toEqual({
      'message.send': { batches: 10, items: 300, seconds: 0.5 },
      'presence.join': { batches: 4, items: 4, seconds: 0.01 },
    });
  });

  it('gives items per batch and ms per batch over a load, leaving out the hops that did nothing', () => {
    const before = parseBatchTotals(metrics(300, 10, 0.5));
    const after = parseBatchTotals(metrics(2300, 60, 3.5));
    expect(batchFigures(before, after)).toEqual({ 'message.send': { batches: 50, itemsPerBatch: 40, msPerBatch: 60 } });
  });
});
