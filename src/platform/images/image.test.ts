import assert from 'node:assert/strict'
import { Readable } from 'node:stream'
import { describe, it } from 'node:test'
import sharp from 'sharp'
import { IMAGE_MAX_BYTES, ImageRefused, readAtMost, reencodeImage, sniffedFormat } from './image.ts'

const red = { r: 200, g: 30, b: 30 }
const picture = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: red } })

/** A JPEG as a phone writes it: EXIF with GPS and an orientation saying « turn me a quarter ». */
async function phoneJpeg(): Promise<Buffer> {
  const jpeg = await picture(800, 400)
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: 'Téléphone' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '49/1 16/1 0/1' },
    })
    .toBuffer()
  const meta = await sharp(jpeg).metadata()
  assert.equal(meta.orientation, 6)
  assert.ok(meta.exif)
  return jpeg
}

/** A PNG whose header claims 100,000 × 100,000 pixels over a few bytes of data. */
async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(await picture(1, 1).png().toBuffer())
  // IHDR starts after the 8-byte signature, 4 bytes of length and 4 of type.
  png.writeUInt32BE(width, 16)
  png.writeUInt32BE(height, 20)
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29)
  return png
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff
  for (const byte of bytes) {
    crc ^= byte
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1
  }
  return (crc ^ 0xffffffff) >>> 0
}

async function refusal(bytes: Buffer): Promise<string> {
  try {
    await reencodeImage(bytes)
  } catch (error) {
    assert.ok(error instanceof ImageRefused, String(error))
    return error.problem
  }
  assert.fail('the image was accepted')
}

describe('re-encoding an uploaded image', () => {
  it('turns a phone photo upright, fits it in 512 px and drops its EXIF and GPS', async () => {
    const stored = await reencodeImage(await phoneJpeg())
    const meta = await sharp(stored.bytes).metadata()
    assert.equal(meta.format, 'webp')
    assert.equal(stored.mediaType, 'image/webp')
    // 800 × 400 turned a quarter is 400 × 800, then fit in 512: 256 × 512.
    assert.deepEqual([meta.width, meta.height], [256, 512])
    assert.deepEqual([stored.width, stored.height], [256, 512])
    assert.equal(meta.exif, undefined)
    assert.equal(meta.orientation, undefined)
    assert.equal(meta.xmp, undefined)
    assert.match(stored.hash, /^[\w-]{32}$/)
  })

  it('keeps a small image at its size, and gives the same hash to the same picture', async () => {
    const png = await picture(64, 48).png().toBuffer()
    const a = await reencodeImage(png)
    const b = await reencodeImage(png)
    assert.deepEqual([a.width, a.height], [64, 48])
    assert.equal(a.hash, b.hash)
  })

  it('takes the first frame of an animated GIF, and a WebP', async () => {
    // Two frames of 40 × 40, red then blue: only the red one may come out.
    const blue = { r: 0, g: 0, b: 200 }
    const frames = Buffer.concat([
      await picture(40, 40).raw().toBuffer(),
      await sharp({ create: { width: 40, height: 40, channels: 3, background: blue } })
        .raw()
        .toBuffer(),
    ])
    const animated = await sharp(frames, { raw: { width: 40, height: 80, channels: 3, pageHeight: 40 } })
      .gif()
      .toBuffer()
    assert.equal((await sharp(animated).metadata()).pages, 2)
    const fromGif = await reencodeImage(animated)
    const meta = await sharp(fromGif.bytes).metadata()
    assert.equal(meta.format, 'webp')
    assert.equal(meta.pages ?? 1, 1)
    assert.deepEqual([fromGif.width, fromGif.height], [40, 40])
    const [r, , b] = (await sharp(fromGif.bytes).stats()).channels.map((c) => c.mean)
    assert.ok(r! > 150 && b! < 50, `first frame is red: ${r}, ${b}`)
    assert.equal((await reencodeImage(await picture(30, 30).webp().toBuffer())).width, 30)
  })

  it('refuses a text file named .png', async () => {
    assert.equal(await refusal(Buffer.from('Bonjour, je ne suis pas une image.\n')), 'not-image')
  })

  it('refuses an SVG with a script, without handing it to a decoder', async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>',
    )
    assert.equal(sniffedFormat(svg), null)
    assert.equal(await refusal(svg), 'not-image')
    // An SVG behind a GIF's first bytes is still not a GIF for the decoder.
    assert.equal(await refusal(Buffer.concat([Buffer.from('GIF89a'), svg])), 'damaged')
  })

  it('refuses other image formats: TIFF, AVIF', async () => {
    assert.equal(await refusal(await picture(10, 10).tiff().toBuffer()), 'not-image')
    assert.equal(await refusal(await picture(10, 10).avif().toBuffer()), 'not-image')
  })

  it('refuses a truncated JPEG', async () => {
    const jpeg = await picture(300, 300).jpeg().toBuffer()
    assert.equal(await refusal(jpeg.subarray(0, Math.floor(jpeg.length / 2))), 'damaged')
  })

  it('refuses a PNG claiming huge dimensions from its header, before decoding it', async () => {
    assert.equal(await refusal(await pngClaiming(100_000, 100_000)), 'too-many-pixels')
  })

  it('refuses an empty file and one over 2 MB', async () => {
    assert.equal(await refusal(Buffer.alloc(0)), 'missing')
    assert.equal(await refusal(Buffer.alloc(IMAGE_MAX_BYTES + 1, 0xff)), 'too-large')
  })

  it('refuses an upload as soon as it passes the limit, and drops the rest unheld', async () => {
    let given = 0
    async function* chunks() {
      for (let i = 0; i < 100; i++) {
        given += 1
        yield Buffer.alloc(64 * 1024)
      }
    }
    const source = Readable.from(chunks())
    await assert.rejects(
      readAtMost(source, 256 * 1024),
      (e) => e instanceof ImageRefused && e.problem === 'too-large',
    )
    // Refused when the 5th chunk passes 256 KB; the sender's other chunks are still read, and dropped.
    if (!source.readableEnded) await new Promise((resolve) => source.once('end', resolve))
    assert.equal(given, 100)
    assert.equal((await readAtMost(Readable.from([Buffer.from('ab'), Buffer.from('c')]))).toString(), 'abc')
  })
})
