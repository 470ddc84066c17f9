import { randomUUID } from 'node:crypto';
import type { CannedResponseChanges, CannedResponseRepository, NewCannedResponse, StoredCannedResponse } from '../domain/canned-response.ports';

/** CannedResponseRepository in memory, with the same uniqueness rules as the table's indexes. */
export class FakeCannedResponseRepository implements CannedResponseRepository {
  readonly rows: StoredCannedResponse[] = [];

  private taken(candidate: Pick<StoredCannedResponse, 'id' | 'owner_id' | 'shortcut' | 'shared'>): boolean {
    return this.rows.some(
      (r) => r.id !== candidate.id && r.shortcut === candidate.shortcut && r.shared === candidate.shared && (candidate.shared || r.owner_id === candidate.owner_id),
    );
  }

  async listVisible(ownerId: string): Promise<StoredCannedResponse[]> {
    return this.rows
      .filter((r) => r.shared || r.owner_id === ownerId)
      .sort((a, b) => a.shortcut.localeCompare(b.shortcut) || Number(a.shared) - Number(b.shared));
  }

  async get(id: string): Promise<StoredCannedResponse | null> {
    return this.rows.find((r) => r.id === id) ?? null;
  }

  async count(scope: { shared: true } | { shared: false; ownerId: string }): Promise<number> {
    return this.rows.filter((r) => r.shared === scope.shared && (scope.shared || r.owner_id === scope.ownerId)).length;
  }

  async create(response: NewCannedResponse): Promise<StoredCannedResponse | 'shortcut_taken'> {
    const now = new Date().toISOString();
    const row = { ...response, id: randomUUID(), created_at: now, updated_at: now };
    if (this.taken(row)) return 'shortcut_taken';
    this.rows.push(row);
    return row;
  }

  async update(id: string, changes: CannedResponseChanges): Promise<StoredCannedResponse | null | 'shortcut_taken'> {
    const index = this.rows.findIndex((r) => r.id === id);
    if (index < 0) return null;
    const set = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    const row = { ...this.rows[index], ...set, updated_at: new Date().toISOString() };
    if (this.taken(row)) return 'shortcut_taken';
    this.rows[index] = row;
    return row;
  }

  async delete(id: string): Promise<boolean> {
    const index = this.rows.findIndex((r) => r.id === id);
    if (index >= 0) this.rows.splice(index, 1);
    return index >= 0;
  }
}
