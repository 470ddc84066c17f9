/**
 * The protocol's file upload limits (docs/api.md, Files), as defaults: every process that enforces
 * them reads the same settings (ATTACHMENT_MAX_FILE_BYTES, ATTACHMENT_MAX_FILES, ATTACHMENT_ALLOWED_TYPES).
 */
export const ATTACHMENT_DEFAULTS = {
  maxFileBytes: 10 * 1024 * 1024,
  maxFiles: 5,
} as const;

/** The file types Parley accepts: name, the MIME type it is stored and served as, its extensions. */
export const ATTACHMENT_TYPES = {
  jpeg: { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  png: { mime: 'image/png', extensions: ['png'] },
  gif: { mime: 'image/gif', extensions: ['gif'] },
  webp: { mime: 'image/webp', extensions: ['webp'] },
  pdf: { mime: 'application/pdf', extensions: ['pdf'] },
  doc: { mime: 'application/msword', extensions: ['doc'] },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  xls: { mime: 'application/vnd.ms-excel', extensions: ['xls'] },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  txt: { mime: 'text/plain', extensions: ['txt'] },
} as const satisfies Record<string, { mime: string; extensions: readonly string[] }>;

export type AttachmentTypeName = keyof typeof ATTACHMENT_TYPES;
export const ATTACHMENT_TYPE_NAMES = Object.keys(ATTACHMENT_TYPES) as AttachmentTypeName[];

export const isImageType = (mime: string): boolean => mime.startsWith('image/');

/** Where a file (or its thumbnail) is downloaded from, through a gateway. */
export const attachmentUrls = {
  file: (id: string) => `/uploads/chat-attachments/${id}`,
  thumbnail: (id: string) => `/uploads/chat-attachments/${id}/thumbnail`,
};

/** An upload as the pre-upload endpoint answers it (docs/api.md, Files): the protocol's four fields, plus Parley's. */
export interface UploadedAttachment {
  id: string;
  file_name: string;
  file_url: string;
  file_size: number;
  file_type: string;
  thumbnail_url: string | null;
  created_at: string;
}
