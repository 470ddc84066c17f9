import type { Readable } from 'node:stream';
import type { AttachmentTypeName, ChatSession, Identity } from '@parley/contracts';

/** A row of message_attachments, as the domain sees it. */
export interface AttachmentRow {
  id: string;
  uploader_id: string;
  session_id: string | null;
  message_id: string | null;
  file_name: string;
  file_type: string;
  file_size: number;
  storage_key: string;
  file_url: string;
  thumbnail_key: string | null;
  created_at: Date;
  claimed_at: Date | null;
}

export type NewAttachment = Omit<AttachmentRow, 'session_id' | 'message_id' | 'created_at' | 'claimed_at'>;

export interface AttachmentRepository {
  create(row: NewAttachment): Promise<AttachmentRow>;
  get(id: string): Promise<AttachmentRow | null>;
  getMany(ids: string[]): Promise<AttachmentRow[]>;
  /**
   * Reserves the uploads for a session: sets session_id and claimed_at where the row is
   * unreserved or already this session's. Answers how many rows it reserved.
   */
  claim(ids: string[], sessionId: string, at: Date): Promise<number>;
  /** Links the uploads to the message that carried them, once; a repeat changes nothing. */
  attach(ids: string[], messageId: string, sessionId: string): Promise<number>;
  /**
   * Deletes up to `limit` unsent uploads created and (if reserved) reserved before `before`,
   * oldest first, and answers them; rows another instance's sweep is taking are skipped, so
   * sweeps running at once take each row once.
   */
  takeExpired(before: Date, limit: number): Promise<AttachmentRow[]>;
  /**
   * Deletes the row if it is still unsent and unreserved, or reserved before `reservedBefore`
   * (a reservation whose message never came); answers whether it did.
   */
  deleteUnsent(id: string, reservedBefore: Date | null): Promise<boolean>;
}

/** Where the bytes live: MinIO / S3, or a folder. Keys are generated ids, never user input. */
export interface ObjectStore {
  /** Stores the stream under `key`; rejects (and keeps nothing) if the stream fails. */
  put(key: string, body: Readable, contentType: string): Promise<void>;
  get(key: string): Promise<Readable>;
  /** Removes the object; a missing one is not an error. */
  remove(key: string): Promise<void>;
}

export interface Thumbnailer {
  /** A small WebP preview of the image, or null when it cannot be made cheaply. */
  make(image: Readable): Promise<Buffer | null>;
}

/** The session service, asked as the caller whether the caller may see a session. */
export interface SessionDirectory {
  get(identity: Identity, sessionId: string): Promise<ChatSession>;
}

export interface AttachmentLimits {
  maxFileBytes: number;
  maxFiles: number;
  allowedTypes: readonly AttachmentTypeName[];
  /** How long an upload may stay unsent before it is removed. */
  unsentTtlMs: number;
  /** How long a signed download link works. */
  linkTtlMs: number;
}
