import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import type { AttachmentTypeName } from '@parley/contracts';

/** Tiny, valid files of every accepted type, made here so the tests need no fixtures. */
export interface SampleFile {
  name: string;
  type: string;
  bytes: Buffer;
}

const image = (format: 'jpeg' | 'png' | 'gif' | 'webp', width = 24, height = 16) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 40 } } })
    .toFormat(format)
    .toBuffer();

/** A ZIP with one stored entry, as Office files are (CRC and offsets included, so real tools open it). */
export function zipWith(entryName: string, content: string): Buffer {
  const name = Buffer.from(entryName);
  const data = Buffer.from(content);
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(name.length, 28);
  const centralOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

/** An OLE2 compound file header (DOC and XLS share the container), padded to one sector. */
function ole2(): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  header.writeUInt16LE(0x003e, 24);
  header.writeUInt16LE(0x0003, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  return header;
}

const PDF = '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';

export async function sampleFiles(): Promise<Record<AttachmentTypeName, SampleFile>> {
  return {
    jpeg: { name: 'receipt.jpg', type: 'image/jpeg', bytes: await image('jpeg') },
    png: { name: 'screenshot.png', type: 'image/png', bytes: await image('png') },
    gif: { name: 'wave.gif', type: 'image/gif', bytes: await image('gif') },
    webp: { name: 'photo.webp', type: 'image/webp', bytes: await image('webp') },
    pdf: { name: 'invoice.pdf', type: 'application/pdf', bytes: Buffer.from(PDF) },
    doc: { name: 'letter.doc', type: 'application/msword', bytes: ole2() },
    docx: {
      name: 'complaint.docx',
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      bytes: zipWith('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    },
    xls: { name: 'orders.xls', type: 'application/vnd.ms-excel', bytes: ole2() },
    xlsx: {
      name: 'orders.xlsx',
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      bytes: zipWith('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    },
    txt: { name: 'notes.txt', type: 'text/plain', bytes: Buffer.from('Order #1234 arrived cold.\nCafé crème was missing. ✓\n') },
  };
}

/** Files that claim to be what they are not. */
export const spoofs = {
  /** A Windows executable (MZ header) named like a picture. */
  exeAsPng: { name: 'cat.png', type: 'image/png', bytes: Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(120)]) },
  /** An HTML page named like a PDF. */
  htmlAsPdf: { name: 'invoice.pdf', type: 'application/pdf', bytes: Buffer.from('<!doctype html><html><script>alert(1)</script></html>') },
  /** An ELF binary named like text. */
  elfAsTxt: { name: 'notes.txt', type: 'text/plain', bytes: Buffer.concat([Buffer.from('\x7fELF\x02\x01\x01', 'latin1'), Buffer.alloc(64)]) },
};

/** `size` bytes that start like a PNG: enough to pass the type check and test size limits. */
export function pngOfSize(size: number): Buffer {
  const bytes = Buffer.alloc(size, 0x41);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]).copy(bytes);
  return bytes;
}

/** Chunks of `size` bytes, lazily, so a test can see how much of a source an upload read. */
export async function* chunksOf(bytes: Buffer, size = 64 * 1024, onRead?: (readBytes: number) => void): AsyncGenerator<Buffer> {
  for (let offset = 0; offset < bytes.length; offset += size) {
    const chunk = bytes.subarray(offset, offset + size);
    onRead?.(offset + chunk.length);
    yield chunk;
  }
}
