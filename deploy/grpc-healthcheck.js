#!/usr/bin/env node
/*
 * Container health check for the gRPC services: asks grpc.health.v1.Health/Check and exits 0
 * only when the answer is SERVING. The overall status (service '') of a Parley service is
 * SERVING only while its database and broker answer (libs/runtime watchHealth).
 *
 *   node grpc-healthcheck.js [host:port] [service]
 *
 * host:port defaults to 127.0.0.1:$GRPC_HEALTH_PORT (or 50051); service defaults to '' (overall).
 * Node's own http2 and nothing else, on purpose: a service's image holds its bundle and no
 * node_modules, and the check runs every few seconds in a fraction of a gRPC client's start-up.
 * The call is one gRPC unary request (docs/operations.md, Build and images).
 */
'use strict';

const http2 = require('node:http2');

const address = process.argv[2] || `127.0.0.1:${process.env.GRPC_HEALTH_PORT || '50051'}`;
const serviceName = process.argv[3] || '';
const timeoutMs = Number(process.env.GRPC_HEALTH_TIMEOUT_MS || 3000);
const label = `${address}${serviceName ? ` (${serviceName})` : ''}`;
// grpc.health.v1.HealthCheckResponse.ServingStatus
const STATUSES = ['UNKNOWN', 'SERVING', 'NOT_SERVING', 'SERVICE_UNKNOWN'];

function finish(code, message) {
  (code === 0 ? console.log : console.error)(`${label}: ${message}`);
  process.exit(code);
}

/** A gRPC message frame: a zero compression flag, the length (4 bytes, big-endian), the protobuf bytes. */
function frame(message) {
  const header = Buffer.alloc(5);
  header.writeUInt32BE(message.length, 1);
  return Buffer.concat([header, message]);
}

/** HealthCheckRequest { string service = 1; } */
function request(service) {
  const name = Buffer.from(service, 'utf8');
  if (name.length === 0) return Buffer.alloc(0);
  if (name.length > 127) throw new Error('service name too long');
  return Buffer.concat([Buffer.from([0x0a, name.length]), name]);
}

/** HealthCheckResponse { ServingStatus status = 1; }: an absent field is 0 (UNKNOWN). */
function statusOf(body) {
  if (body.length < 5) return 'UNKNOWN';
  const message = body.subarray(5, 5 + body.readUInt32BE(1));
  return message[0] === 0x08 ? (STATUSES[message[1]] ?? `status ${message[1]}`) : 'UNKNOWN';
}

setTimeout(() => finish(1, `health check failed: no answer within ${timeoutMs} ms`), timeoutMs).unref();
const session = http2.connect(`http://${address}`);
session.on('error', (error) => finish(1, `health check failed: ${error.message}`));
const call = session.request({
  ':method': 'POST',
  ':path': '/grpc.health.v1.Health/Check',
  'content-type': 'application/grpc',
  te: 'trailers',
  'grpc-timeout': `${timeoutMs}m`,
});
const chunks = [];
let grpcStatus;
let grpcMessage = '';
const readStatus = (headers) => {
  if (headers['grpc-status'] !== undefined) {
    grpcStatus = Number(headers['grpc-status']);
    grpcMessage = decodeURIComponent(String(headers['grpc-message'] || ''));
  }
};
call.on('response', readStatus);
call.on('trailers', readStatus);
call.on('data', (chunk) => chunks.push(chunk));
call.on('error', (error) => finish(1, `health check failed: ${error.message}`));
call.on('end', () => {
  session.close();
  if (grpcStatus !== 0) finish(1, `health check failed: gRPC status ${grpcStatus ?? 'missing'}${grpcMessage ? ` (${grpcMessage})` : ''}`);
  const status = statusOf(Buffer.concat(chunks));
  finish(status === 'SERVING' ? 0 : 1, status);
});
call.end(frame(request(serviceName)));
