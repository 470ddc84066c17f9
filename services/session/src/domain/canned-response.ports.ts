import type { CannedResponse } from '@parley/contracts';

/** A canned response as stored: with the agent who owns it (its author, or who made it personal). */
export interface StoredCannedResponse extends CannedResponse {
  owner_id: string;
}

export interface NewCannedResponse {
  owner_id: string;
  shortcut: string;
  title: string;
  content: string;
  shared: boolean;
}

export type CannedResponseChanges = Partial<Pick<StoredCannedResponse, 'owner_id' | 'shortcut' | 'title' | 'content' | 'shared'>>;

/** What canned responses need from storage. A write whose shortcut is taken answers 'shortcut_taken' and stores nothing. */
export interface CannedResponseRepository {
  /** The shared ones and the owner's own, by shortcut (the owner's first where both have one). */
  listVisible(ownerId: string): Promise<StoredCannedResponse[]>;
  get(id: string): Promise<StoredCannedResponse | null>;
  /** How many the owner keeps for themself, or (owner null) the team shares. */
  count(scope: { shared: true } | { shared: false; ownerId: string }): Promise<number>;
  create(response: NewCannedResponse): Promise<StoredCannedResponse | 'shortcut_taken'>;
  /** Null when the response is gone meanwhile. */
  update(id: string, changes: CannedResponseChanges): Promise<StoredCannedResponse | null | 'shortcut_taken'>;
  /** False when there was none. */
  delete(id: string): Promise<boolean>;
}
