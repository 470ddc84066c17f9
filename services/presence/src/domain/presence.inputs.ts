import { z } from 'zod';
import { sessionIdSchema } from '@parley/contracts';

const gatewayId = z
  .string({ message: 'gateway_id must be a string' })
  .regex(/^[\w.-]{1,128}$/, { message: 'gateway_id must be 1 to 128 letters, digits, _ . or -' });
const socketId = z
  .string({ message: 'socket_id must be a string' })
  .regex(/^[\w-]{1,128}$/, { message: 'socket_id must be 1 to 128 letters, digits, _ or -' });

export const gatewayRefSchema = z.object({ gateway_id: gatewayId });
export const socketRefSchema = z.object({ gateway_id: gatewayId, socket_id: socketId });
export const sessionSocketRefSchema = socketRefSchema.extend({ session_id: sessionIdSchema });

export type GatewayRef = z.infer<typeof gatewayRefSchema>;
export type SocketRef = z.infer<typeof socketRefSchema>;
export type SessionSocketRef = z.infer<typeof sessionSocketRefSchema>;
