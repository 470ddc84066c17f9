import { ATTACHMENT_TYPE_NAMES, ATTACHMENT_TYPES } from '@parley/contracts';
import { sampleFiles, spoofs, type SampleFile } from '../testing/sample-files';
import { cleanFileName } from './file-name';
import { detectType, textChecker } from './file-types';

const ALL = ATTACHMENT_TYPE_NAMES;

describe('file types: decided by the bytes', () => {
  let samples: Awaited<ReturnType<typeof sampleFiles>>;
  beforeAll(async () => {
    samples = await sampleFiles();
  });

  it.each(ALL)('accepts a %s file whose bytes, extension and declared type agree', (name) => {
    const file = samples[name];
    expect(detectType(file.bytes, file.name, file.type, ALL)).toBe(name);
    expect(detectType(file.bytes, file.name, 'application/octet-stream', ALL)).toBe(name);
    expect(ATTACHMENT_TYPES[name].mime).toBe(file.type);
  });

  it('accepts .jpeg and image/jpg for a JPEG, and a declared type with parameters', () => {
    expect(detectType(samples.jpeg.bytes, 'photo.JPEG', 'image/jpg', ALL)).toBe('jpeg');
    expect(detectType(samples.txt.bytes, 'a.txt', 'text/plain; charset=utf-8', ALL)).toBe('txt');
  });

  const refusals: Array<[string, () => SampleFile, RegExp]> = [
    ['an executable named .png', () => spoofs.exeAsPng, /does not match its \.png extension \(it is a EXE file\)/],
    ['HTML named .pdf', () => spoofs.htmlAsPdf, /does not match its \.pdf extension/],
    ['an ELF binary named .txt', () => spoofs.elfAsTxt, /does not match its \.txt extension/],
    ['a PNG named .jpg', () => ({ ...samples.png, name: 'photo.jpg', type: 'image/jpeg' }), /does not match its \.jpg extension \(it is a PNG file\)/],
    ['a PDF named .docx', () => ({ ...samples.pdf, name: 'letter.docx', type: '' }), /does not match its \.docx extension/],
    ['a ZIP named .pdf', () => ({ ...samples.docx, name: 'archive.pdf', type: '' }), /does not match its \.pdf extension/],
    ['a PNG declared as a PDF', () => ({ ...samples.png, type: 'application/pdf' }), /declared as application\/pdf, but the content is image\/png/],
    ['a PDF declared as text/html', () => ({ ...samples.pdf, type: 'text/html' }), /declared as text\/html/],
    ['an .exe', () => ({ ...spoofs.exeAsPng, name: 'setup.exe', type: '' }), /\.exe are not accepted/],
    ['a file without an extension', () => ({ ...samples.png, name: 'screenshot', type: '' }), /\.\(none\) are not accepted/],
    ['an .svg', () => ({ name: 'logo.svg', type: 'image/svg+xml', bytes: Buffer.from('<svg onload="alert(1)"/>') }), /\.svg are not accepted/],
  ];
  it.each(refusals)('refuses %s with INVALID_ARGUMENT', (_label, file, message) => {
    const { bytes, name, type } = file();
    expect(() => detectType(bytes, name, type, ALL)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(message) }));
  });

  it('refuses a type the configuration leaves out', () => {
    expect(() => detectType(samples.gif.bytes, samples.gif.name, samples.gif.type, ['jpeg', 'png'])).toThrow(/\.gif are not accepted; allowed: \.jpg, \.jpeg, \.png/);
  });

  it('checks text in full, across chunk boundaries', () => {
    const ok = textChecker('a.txt');
    const euro = Buffer.from('€');
    ok.check(euro.subarray(0, 1));
    ok.check(euro.subarray(1));
    expect(() => ok.end()).not.toThrow();
    const truncated = textChecker('a.txt');
    truncated.check(euro.subarray(0, 2));
    expect(() => truncated.end()).toThrow(/must be UTF-8 text/);
    expect(() => textChecker('a.txt').check(Buffer.from([0x68, 0x00, 0x69]))).toThrow(/must be UTF-8 text/);
    expect(() => textChecker('a.txt').check(Buffer.from([0xff, 0xfe]))).toThrow(/must be UTF-8 text/);
  });
});

describe('file names: kept only as cleaned metadata', () => {
  it.each([
    ['../../etc/passwd.txt', 'passwd.txt'],
    ['C:\\Users\\cleo\\receipt.png', 'receipt.png'],
    ['  my   receipt .png ', 'my receipt .png'],
    ['in\u202evoice\u0000.pdf', 'invoice.pdf'],
    ['"quoted"<b>.txt', 'quotedb.txt'],
    ['.hidden.png', 'hidden.png'],
    ['...', ''],
    [`${'a'.repeat(300)}.docx`, `${'a'.repeat(195)}.docx`],
  ])('%j → %j', (raw, cleaned) => {
    expect(cleanFileName(raw)).toBe(cleaned);
  });
});
