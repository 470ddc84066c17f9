import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Short-lived download links: an HMAC-SHA256 over the attachment id, the variant (file or
 * thumbnail) and the expiry, with a secret only the attachment services hold. Whoever has the
 * link may download until it expires, so links are only handed to those who may see the file.
 */
export function createLinkSigner(secret: string) {
  const sign = (id: string, thumbnail: boolean, expires: number) =>
    createHmac('sha256', secret).update(`${id.toLowerCase()}|${thumbnail ? 'thumbnail' : 'file'}|${expires}`).digest('base64url');
  return {
    sign,
    verify(id: string, thumbnail: boolean, expires: string, signature: string, nowMs: number): boolean {
      if (!/^\d{1,12}$/.test(expires) || Number(expires) * 1000 < nowMs) return false;
      const expected = Buffer.from(sign(id, thumbnail, Number(expires)));
      const given = Buffer.from(signature);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}

export type LinkSigner = ReturnType<typeof createLinkSigner>;
