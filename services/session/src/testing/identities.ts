import type { Identity } from '@parley/contracts';

export const cleo: Identity = { userId: 'customer-1', role: 'customer', name: 'Cleo' };
export const dan: Identity = { userId: 'customer-2', role: 'customer', name: 'Dan' };
export const pizzeria: Identity = { userId: 'restaurant-1', role: 'restaurant', name: 'Pizzeria Uno' };
export const ana: Identity = { userId: 'agent-1', role: 'support', name: 'Ana' };
export const root: Identity = { userId: 'admin-1', role: 'admin', name: 'Root' };
export const gatewayService: Identity = { userId: 'gateway', role: 'service', name: 'gateway' };
