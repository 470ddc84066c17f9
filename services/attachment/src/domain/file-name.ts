import path from 'node:path';

const MAX_LENGTH = 200;

/**
 * The user's file name, kept only as metadata: no folders, no control or bidi-override
 * characters, no characters that break a Content-Disposition header, at most 200 characters
 * (keeping the extension). Empty when nothing usable is left.
 */
export function cleanFileName(raw: string): string {
  const base = path.posix.basename(raw.replace(/\\/g, '/'));
  const cleaned = base
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are what this removes
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069"<>:|?*]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  if (cleaned.length <= MAX_LENGTH) return cleaned;
  const ext = path.extname(cleaned).slice(0, 16);
  return cleaned.slice(0, MAX_LENGTH - ext.length) + ext;
}

/** The extension, lowercase and without the dot ('' when there is none). */
export const extensionOf = (fileName: string): string => path.extname(fileName).slice(1).toLowerCase();
