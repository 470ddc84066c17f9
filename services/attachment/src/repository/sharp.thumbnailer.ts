import type { Readable } from 'node:stream';
import sharp from 'sharp';
import type { Thumbnailer } from '../domain/attachment.ports';

/**
 * Image previews with sharp: at most `size` pixels a side, WebP. Images over 40 megapixels (or
 * that do not decode) get none: the preview is a convenience, never a reason to refuse a file.
 */
export function createSharpThumbnailer(size: number): Thumbnailer {
  return {
    async make(image: Readable) {
      const transformer = sharp({ limitInputPixels: 40_000_000, failOn: 'error' })
        .rotate()
        .resize(size, size, { fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 70 });
      image.once('error', (error) => transformer.destroy(error));
      image.pipe(transformer);
      try {
        return await transformer.toBuffer();
      } catch {
        image.destroy();
        return null;
      }
    },
  };
}
