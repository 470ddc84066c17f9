import client from 'prom-client';
import { buildInfo } from './build-info';

/**
 * Every Prometheus series Parley exposes, defined once on the default registry. In the all-in-one
 * mode every service is in one process and the gateway's /metrics shows them all.
 */
client.collectDefaultMetrics({ prefix: 'parley_' });

const latencyBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export const metrics = {
  grpcServerHandled: new client.Counter({ name: 'parley_grpc_server_handled_total', help: 'gRPC calls handled, by method and status code', labelNames: ['method', 'code'] }),
  grpcServerDuration: new client.Histogram({ name: 'parley_grpc_server_duration_seconds', help: 'gRPC handling time by method', labelNames: ['method'], buckets: latencyBuckets }),
  grpcClientDuration: new client.Histogram({ name: 'parley_grpc_client_duration_seconds', help: 'gRPC call time seen by callers, by service and code', labelNames: ['service', 'code'], buckets: latencyBuckets }),
  busPublished: new client.Counter({
    name: 'parley_bus_published_total',
    help: 'Events published, by result: confirmed or failed (persistent, with a publisher confirm), transient (typing signals, no confirm), dropped (transient while not connected)',
    labelNames: ['result'],
  }),
  busConsumerLag: new client.Histogram({ name: 'parley_bus_consumer_lag_seconds', help: 'Time from an event being created to a consumer handling it, by queue kind', labelNames: ['queue'], buckets: [...latencyBuckets, 10, 30, 60] }),
  socketsConnected: new client.Gauge({ name: 'parley_gateway_sockets_connected', help: 'Socket.io connections open on this gateway' }),
  socketEventsIn: new client.Counter({ name: 'parley_gateway_events_in_total', help: 'Client events received, by name and outcome', labelNames: ['event', 'outcome'] }),
  socketEventsOut: new client.Counter({ name: 'parley_gateway_events_out_total', help: 'Server events emitted to sockets or rooms, by name', labelNames: ['event'] }),
  chatsAutoAssigned: new client.Counter({ name: 'parley_session_auto_assigned_total', help: 'Waiting chats the assigner handed to an agent' }),
  chatsRequeued: new client.Counter({ name: 'parley_session_requeued_total', help: 'Chats given back to the queue, by reason', labelNames: ['reason'] }),
  sendsInFlight: new client.Gauge({ name: 'parley_gateway_sends_in_flight', help: 'send_message events taken and not answered yet (MAX_SENDS_IN_FLIGHT bounds them)' }),
  joinsInFlight: new client.Gauge({ name: 'parley_gateway_joins_in_flight', help: 'join_session events taken and not answered yet (MAX_JOINS_IN_FLIGHT bounds them)' }),
  handshakesWaiting: new client.Gauge({ name: 'parley_gateway_handshakes_waiting', help: 'WebSocket upgrade requests waiting for their handshake to begin (WS_HANDSHAKES_PER_TURN begin per turn of the event loop)' }),
  batchItems: new client.Histogram({
    name: 'parley_batch_items',
    help: 'Items per batch at each batching hop (libs/batching): 1 at low load, growing under load',
    labelNames: ['hop'],
    buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512],
  }),
  batchDuration: new client.Histogram({ name: 'parley_batch_duration_seconds', help: 'Time one batch spends at its hop, by hop', labelNames: ['hop'], buckets: latencyBuckets }),
  messageSendDuration: new client.Histogram({ name: 'parley_gateway_message_send_duration_seconds', help: 'send_message from receipt to ack', buckets: latencyBuckets }),
};

/** The running build (build-info.ts), one series of value 1, as Prometheus' own `*_build_info` are. */
new client.Gauge({
  name: 'parley_build_info',
  help: 'The running build: its version and commit, and the Node.js version (always 1)',
  labelNames: ['version', 'commit', 'node'],
  collect() {
    const { version, commit } = buildInfo();
    this.set({ version, commit, node: process.version }, 1);
  },
});

const backlogSources = new Map<string, () => Promise<number>>();

/** Rows an outbox has not yet seen confirmed by the broker, read when Prometheus scrapes. */
new client.Gauge({
  name: 'parley_outbox_backlog',
  help: 'Outbox rows not yet confirmed by the broker, by table',
  labelNames: ['table'],
  async collect() {
    for (const [table, read] of backlogSources) {
      this.set({ table }, await read().catch(() => -1));
    }
  },
});

export function registerOutboxBacklog(table: string, read: () => Promise<number>): void {
  backlogSources.set(table, read);
}

/**
 * Records how long each event waited between being created and reaching a consumer of `queue`:
 * the label is bound once per consumer, not looked up per event.
 */
export function lagObserver(queue: string): (event: { occurred_at: string }) => void {
  const histogram = metrics.busConsumerLag.labels(queue);
  return (event) => {
    const lag = (Date.now() - Date.parse(event.occurred_at)) / 1000;
    if (Number.isFinite(lag)) histogram.observe(Math.max(0, lag));
  };
}

/** The text Prometheus scrapes. */
export function renderMetrics(): Promise<string> {
  return client.register.metrics();
}

export const metricsContentType = client.register.contentType;
