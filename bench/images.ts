// What re-encoding an uploaded image costs: per kind of upload, the time to check, decode, fit
// and re-encode it as WebP, side by side with decoding it alone (the part no check can avoid),
// and how late the event loop runs while four uploads are re-encoded at once (libvips works in
// its own threads). A JPEG re-encodes faster than it decodes whole: libvips shrinks it while
// decoding (shrink-on-load), which a fit to 512 px allows. Run: node --import tsx bench/images.ts   (BENCH_IMAGES=40 by default)
import { monitorEventLoopDelay } from 'node:perf_hooks'
import sharp from 'sharp'
import { reencodeImage } from '../src/platform/images/image.ts'
import { loadavg, table } from './databases.ts'
import { percentile } from './in-process.ts'

const ROUNDS = Number(process.env.BENCH_IMAGES ?? 40)

/** A smooth picture with grain, so that encoders work as on a photo rather than on a flat colour. */
async function photo(width: number, height: number, blur = 6) {
  const noise = await sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 60 },
    },
  })
    .blur(blur)
    .raw()
    .toBuffer()
  return sharp(noise, { raw: { width, height, channels: 3 } })
}

async function inputs(): Promise<[string, Buffer][]> {
  return [
    ['phone photo JPEG 4000×3000', await (await photo(4000, 3000, 2.5)).jpeg({ quality: 85 }).toBuffer()],
    ['scan PNG 1600×1200', await (await photo(1600, 1200)).png({ compressionLevel: 9 }).toBuffer()],
    ['logo PNG 800×800', await (await photo(800, 800)).png().toBuffer()],
    ['animated GIF 400×400, first frame', await (await photo(400, 400)).gif().toBuffer()],
  ]
}

async function time(rounds: number, work: () => Promise<unknown>): Promise<number[]> {
  const ms: number[] = []
  for (let i = 0; i < rounds; i++) {
    const started = performance.now()
    await work()
    ms.push(performance.now() - started)
  }
  return ms.sort((a, b) => a - b)
}

const fmt = (n: number) => n.toFixed(1)

async function main() {
  console.log(`load average at start: ${loadavg()}`)
  console.log(`sharp ${sharp.versions.sharp}, libvips ${sharp.versions.vips}, ${ROUNDS} rounds each\n`)
  const rows: string[][] = []
  for (const [label, bytes] of await inputs()) {
    if (bytes.length > 2 * 1024 * 1024) throw new Error(`${label} is ${bytes.length} bytes: over the limit`)
    // Warm-up: the first call loads libvips' codecs.
    await reencodeImage(bytes)
    const decode = await time(ROUNDS, () => sharp(bytes, { pages: 1 }).raw().toBuffer())
    const reencode = await time(ROUNDS, () => reencodeImage(bytes))
    const median = (ms: number[]) => percentile(ms, 50)
    rows.push([
      label,
      `${Math.round(bytes.length / 1024)} KB`,
      fmt(median(decode)),
      fmt(median(reencode)),
      fmt(percentile(reencode, 99)),
      fmt(1000 / median(reencode)),
      `${fmt(median(reencode) / median(decode))}×`,
    ])
  }
  console.log(
    table(
      ['upload', 'size', 'decode p50 ms', 're-encode p50 ms', 'p99 ms', 'per s', 're-encode / decode'],
      rows,
    ),
  )

  // Four managers uploading a phone photo at once: the event loop must stay free. The same
  // measure over an idle wait as long, just before, says what the busy machine adds by itself.
  const [, phone] = (await inputs())[0]!
  const idle = monitorEventLoopDelay({ resolution: 10 })
  const busy = monitorEventLoopDelay({ resolution: 10 })
  const started = performance.now()
  busy.enable()
  await Promise.all(
    Array.from({ length: 4 }, () => time(Math.max(1, ROUNDS / 4), () => reencodeImage(phone))),
  )
  busy.disable()
  const elapsed = performance.now() - started
  idle.enable()
  await new Promise((resolve) => setTimeout(resolve, elapsed))
  idle.disable()
  const ms = (h: typeof idle, p: number) => fmt(h.percentile(p) / 1e6)
  console.log(`
4 concurrent uploaders, ${ROUNDS} phone photos: ${fmt((ROUNDS / elapsed) * 1000)} per s`)
  console.log(
    table(
      ['event-loop delay', 'p50 ms', 'p99 ms', 'max ms'],
      [
        ['while re-encoding', ms(busy, 50), ms(busy, 99), fmt(busy.max / 1e6)],
        ['idle, as long, right after', ms(idle, 50), ms(idle, 99), fmt(idle.max / 1e6)],
      ],
    ),
  )
  console.log(`load average at end: ${loadavg()}`)
}

await main()
