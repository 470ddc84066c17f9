import { AppError, invalidArgument } from '@parley/errors';
import { SNIFF_BYTES, textChecker } from './file-types';

/** Refused as soon as the running total passes the limit; the gateway answers it with 413. */
export const fileTooLarge = (fileName: string, maxBytes: number) =>
  new AppError('RESOURCE_EXHAUSTED', `${fileName} is larger than the ${formatBytes(maxBytes)} limit`, { httpStatus: 413 });

export const formatBytes = (bytes: number): string =>
  bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : bytes % 1024 === 0 ? `${bytes / 1024} kB` : `${bytes} bytes`;

/**
 * Reads just enough of an upload to decide its type. Answers those bytes and the rest of the
 * source, untouched.
 */
export async function readHead(source: AsyncIterable<Buffer>): Promise<{ head: Buffer; rest: AsyncIterator<Buffer> }> {
  const rest = source[Symbol.asyncIterator]();
  const parts: Buffer[] = [];
  let length = 0;
  while (length < SNIFF_BYTES) {
    const next = await rest.next();
    if (next.done) break;
    parts.push(next.value);
    length += next.value.length;
  }
  return { head: Buffer.concat(parts), rest };
}

export interface BodyCheck {
  fileName: string;
  maxBytes: number;
  /** A .txt file: every byte is checked, not only the head. */
  text: boolean;
  /** Called with the final size once the whole body has passed. */
  onSize(bytes: number): void;
}

/** The head, then the rest of the source, counted (and for text, checked) as it passes. */
export async function* checkedBody(head: Buffer, rest: AsyncIterator<Buffer>, check: BodyCheck): AsyncGenerator<Buffer> {
  const text = check.text ? textChecker(check.fileName) : null;
  let total = 0;
  const pass = (chunk: Buffer): Buffer => {
    total += chunk.length;
    if (total > check.maxBytes) throw fileTooLarge(check.fileName, check.maxBytes);
    text?.check(chunk);
    return chunk;
  };
  if (head.length > 0) yield pass(head);
  for (;;) {
    const next = await rest.next();
    if (next.done) break;
    if (next.value.length > 0) yield pass(next.value);
  }
  text?.end();
  if (total === 0) throw invalidArgument(`${check.fileName} is empty`, { field: 'attachments' });
  check.onSize(total);
}
