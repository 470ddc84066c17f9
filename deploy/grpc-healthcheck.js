#!/usr/bin/env node
/*
 * Container health check for the gRPC services: asks grpc.health.v1.Health/Check and exits 0
 * only when the answer is SERVING. The overall status (service '') of a Parley service is
 * SERVING only while its database and broker answer (libs/runtime watchHealth).
 *
 *   node deploy/grpc-healthcheck.js [host:port] [service]
 *
 * host:port defaults to 127.0.0.1:$GRPC_HEALTH_PORT (or 50051); service defaults to '' (overall).
 * Plain JavaScript on purpose: it runs with bare `node`, without tsx, in a few hundred ms.
 */
'use strict';

const grpc = require('@grpc/grpc-js');
const { service: healthService } = require('grpc-health-check');

const address = process.argv[2] || `127.0.0.1:${process.env.GRPC_HEALTH_PORT || '50051'}`;
const serviceName = process.argv[3] || '';
const timeoutMs = Number(process.env.GRPC_HEALTH_TIMEOUT_MS || 3000);

const HealthClient = grpc.makeClientConstructor(healthService, 'grpc.health.v1.Health');
const client = new HealthClient(address, grpc.credentials.createInsecure());

function finish(code, message) {
  client.close();
  (code === 0 ? console.log : console.error)(message);
  process.exit(code);
}

client.check({ service: serviceName }, { deadline: Date.now() + timeoutMs }, (error, response) => {
  const label = `${address}${serviceName ? ` (${serviceName})` : ''}`;
  if (error) finish(1, `${label}: health check failed: ${error.details || error.message}`);
  else if (response.status === 'SERVING') finish(0, `${label}: SERVING`);
  else finish(1, `${label}: ${response.status}`);
});
