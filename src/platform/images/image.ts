import { createHash } from 'node:crypto'
import type { MessageKey } from '../i18n/i18n.ts'
import { loadSharp } from './sharp.ts'

/** What an uploaded image may weigh, checked while it is read: a bigger one is never held whole. */
export const IMAGE_MAX_BYTES = 2 * 1024 * 1024
/**
 * Decoded pixels allowed: a photo from a phone (50 megapixels at most) passes, a few kilobytes
 * claiming 100,000 × 100,000 pixels (a decompression bomb) are refused from their header.
 */
export const IMAGE_MAX_PIXELS = 50_000_000
/** The box every stored image fits in: enough for a logo or a photo in a list or a page. */
export const IMAGE_BOX = 512

export type ImageProblem = 'missing' | 'not-image' | 'too-large' | 'too-many-pixels' | 'damaged'

export const imageProblemKeys = {
  missing: 'image.error.missing',
  'not-image': 'image.error.notImage',
  'too-large': 'image.error.tooLarge',
  'too-many-pixels': 'image.error.tooManyPixels',
  damaged: 'image.error.damaged',
} as const satisfies Record<ImageProblem, MessageKey>

/** Raised before anything is stored: the message key says the person what to do. */
export class ImageRefused extends Error {
  constructor(readonly problem: ImageProblem) {
    super(`image refused: ${problem}`)
  }
  get key(): MessageKey {
    return imageProblemKeys[this.problem]
  }
}

/** What is stored and served: always our own WebP, never the bytes that were uploaded. */
export interface StoredImage {
  bytes: Buffer
  mediaType: 'image/webp'
  width: number
  height: number
  /** a hash of `bytes`, for the ETag */
  hash: string
}

/** The formats accepted, as sharp names what it detects. */
const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'gif'])

/**
 * The first bytes of the four accepted formats. Checked before libvips sees the file, so that an
 * SVG (a script-carrying XML document), a PDF or anything else is never parsed by a loader at all,
 * whatever its name or declared type.
 */
export function sniffedFormat(bytes: Buffer): 'jpeg' | 'png' | 'webp' | 'gif' | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg'
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png'
  if (bytes.length >= 6 && /^GIF8[79]a$/.test(bytes.subarray(0, 6).toString('latin1'))) return 'gif'
  if (
    bytes.length >= 12 &&
    bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
    bytes.subarray(8, 12).toString('latin1') === 'WEBP'
  )
    return 'webp'
  return null
}
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/**
 * Reads an upload up to `max` bytes and holds no more: past it, the upload is refused at once, and
 * the rest of the source is read and dropped in the background, so that the sender's request ends
 * normally (a multipart parser waits for its file to be read before it reads further) and the
 * person sees the form with its message rather than a broken connection.
 */
export async function readAtMost(
  source: AsyncIterable<Buffer | string>,
  max = IMAGE_MAX_BYTES,
): Promise<Buffer> {
  const chunks: Buffer[] = []
  let total = 0
  // Not for-await: leaving that loop early would destroy the source, and the request with it.
  const iterator = source[Symbol.asyncIterator]()
  for (;;) {
    const next = await iterator.next()
    if (next.done) break
    const buffer = typeof next.value === 'string' ? Buffer.from(next.value) : next.value
    total += buffer.length
    if (total > max) {
      chunks.length = 0
      void drain(iterator)
      throw new ImageRefused('too-large')
    }
    chunks.push(buffer)
  }
  return Buffer.concat(chunks, total)
}

async function drain(iterator: AsyncIterator<unknown>): Promise<void> {
  try {
    while (!(await iterator.next()).done) {}
  } catch {
    // The sender went away: nothing left to drop.
  }
}

/**
 * Decodes an uploaded image (JPEG, PNG, WebP, or a GIF's first frame) and re-encodes it as a WebP
 * that fits the box: turned upright from its EXIF orientation, every metadata (EXIF, GPS, ICC
 * comments, XMP) left behind. Throws ImageRefused with the reason; nothing is kept of a refused file.
 */
export async function reencodeImage(
  bytes: Buffer,
  options: { box?: number; maxBytes?: number; maxPixels?: number } = {},
): Promise<StoredImage> {
  const { box = IMAGE_BOX, maxBytes = IMAGE_MAX_BYTES, maxPixels = IMAGE_MAX_PIXELS } = options
  if (bytes.length === 0) throw new ImageRefused('missing')
  if (bytes.length > maxBytes) throw new ImageRefused('too-large')
  if (!sniffedFormat(bytes)) throw new ImageRefused('not-image')
  const sharp = await loadSharp()
  // failOn 'warning': a truncated or corrupt file is refused rather than half decoded.
  const input = () =>
    sharp(bytes, { limitInputPixels: maxPixels, failOn: 'warning', pages: 1, animated: false })
  let format: string | undefined
  let width: number | undefined
  let height: number | undefined
  try {
    ;({ format, width, height } = await input().metadata())
  } catch (error) {
    throw refusalOf(error)
  }
  // What libvips detected decides, not the first bytes alone (a GIF header over an SVG body).
  if (!format || !ACCEPTED.has(format)) throw new ImageRefused('not-image')
  if (!width || !height) throw new ImageRefused('damaged')
  if (width * height > maxPixels) throw new ImageRefused('too-many-pixels')
  try {
    const { data, info } = await input()
      .autoOrient()
      .resize(box, box, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 82, effort: 4 })
      .toBuffer({ resolveWithObject: true })
    return {
      bytes: data,
      mediaType: 'image/webp',
      width: info.width,
      height: info.height,
      hash: createHash('sha256').update(data).digest('base64url').slice(0, 32),
    }
  } catch (error) {
    throw refusalOf(error)
  }
}

/** libvips' errors, as a reason a person can act on; anything unexpected is a damaged file. */
function refusalOf(error: unknown): ImageRefused {
  const message = error instanceof Error ? error.message : String(error)
  if (/pixel limit/i.test(message)) return new ImageRefused('too-many-pixels')
  if (/unsupported image format/i.test(message)) return new ImageRefused('not-image')
  return new ImageRefused('damaged')
}
