import { filetypeinfo } from 'magic-bytes.js';
import { ATTACHMENT_TYPES, type AttachmentTypeName } from '@parley/contracts';
import { invalidArgument } from '@parley/errors';
import { extensionOf } from './file-name';

/** How many leading bytes the type is decided from. */
export const SNIFF_BYTES = 4100;

/** Declared types that say nothing (curl's default, a form without a type). */
const UNDECLARED = new Set(['', 'application/octet-stream', 'binary/octet-stream']);
/** Spellings clients use for the same type. */
const DECLARED_ALIASES: Record<string, string> = { 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg' };

/**
 * Decides the type from the bytes (magic numbers, via magic-bytes.js), then checks it against
 * the file's extension and the declared Content-Type. Some signatures stand for a family
 * (a ZIP container is DOCX or XLSX, an OLE2 container DOC or XLS): there the extension picks the
 * member the bytes allow. A file with no signature is text only if it is UTF-8 without control
 * characters (checked in full while it streams). Any disagreement is an INVALID_ARGUMENT.
 */
export function detectType(head: Buffer, fileName: string, declaredType: string, allowed: readonly AttachmentTypeName[]): AttachmentTypeName {
  const extension = extensionOf(fileName);
  const byExtension = allowed.find((name) => (ATTACHMENT_TYPES[name].extensions as readonly string[]).includes(extension));
  if (!byExtension) {
    throw invalidArgument(`${fileName}: files of type .${extension || '(none)'} are not accepted; allowed: ${allowedExtensions(allowed)}`, { field: 'attachments' });
  }
  const candidates = filetypeinfo(head).map((info) => (info.typename === 'jpg' ? 'jpeg' : info.typename));
  const matches = candidates.length === 0 ? byExtension === 'txt' && looksLikeText(head) : candidates.includes(byExtension);
  if (!matches) {
    const found = candidates[0] ? `a ${candidates[0].toUpperCase()} file` : 'not recognisable as that type';
    throw invalidArgument(`${fileName}: the content does not match its .${extension} extension (it is ${found})`, { field: 'attachments' });
  }
  const declared = DECLARED_ALIASES[declaredType.toLowerCase()] ?? declaredType.toLowerCase().split(';')[0].trim();
  if (!UNDECLARED.has(declared) && declared !== ATTACHMENT_TYPES[byExtension].mime) {
    throw invalidArgument(`${fileName}: declared as ${declared}, but the content is ${ATTACHMENT_TYPES[byExtension].mime}`, { field: 'attachments' });
  }
  return byExtension;
}

export const allowedExtensions = (allowed: readonly AttachmentTypeName[]): string =>
  allowed.flatMap((name) => ATTACHMENT_TYPES[name].extensions.map((e) => `.${e}`)).join(', ');

/** Control characters other than tab, line feed, form feed and carriage return. */
// eslint-disable-next-line no-control-regex -- control characters are what this finds
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/;

/** A streaming check that every chunk is UTF-8 text: throws INVALID_ARGUMENT at the first bad byte. */
export function textChecker(fileName: string): { check(chunk: Buffer): void; end(): void } {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const refuse = () => invalidArgument(`${fileName}: a .txt file must be UTF-8 text`, { field: 'attachments' });
  const run = (decode: () => string) => {
    let text: string;
    try {
      text = decode();
    } catch {
      throw refuse();
    }
    if (CONTROL.test(text)) throw refuse();
  };
  return {
    check: (chunk) => run(() => decoder.decode(chunk, { stream: true })),
    end: () => run(() => decoder.decode()),
  };
}

function looksLikeText(head: Buffer): boolean {
  try {
    // The head may end inside a multi-byte character: decode in stream mode.
    return !CONTROL.test(new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true }));
  } catch {
    return false;
  }
}
