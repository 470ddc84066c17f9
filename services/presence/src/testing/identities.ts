import { randomUUID } from 'node:crypto';
import type { Identity } from '@parley/contracts';

export const user = (role: Identity['role'], name = `${role}-${randomUUID().slice(0, 4)}`): Identity => ({ userId: randomUUID(), role, name });
export const gateway = (): Identity => ({ userId: 'gateway:test', role: 'service', name: 'gateway' });

/** A clock the test moves by hand. */
export class ManualClock {
  private at = new Date('2026-11-25T12:00:00Z').getTime();
  now = () => new Date(this.at);
  advance(ms: number): void {
    this.at += ms;
  }
}
