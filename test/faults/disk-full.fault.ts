import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmdirSync } from 'node:fs'
import { cp, open, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import type { SpawnedServer } from '../../e2e/helpers/server.ts'
import { freeBytes } from '../../src/platform/db/disk.ts'
import {
  embeddedDirectory,
  type Poster,
  postListing,
  postListingResponse,
  preparePosters,
  removeDir,
  startRefused,
  startServer,
  withApp,
} from './support.ts'

/** A small disk of its own: a tmpfs, which only root may mount (and not in every container). */
function canMountTmpfs(): string | false {
  if (process.getuid?.() !== 0) return 'mounting a small tmpfs needs root'
  const probe = mkdtempSync(join(tmpdir(), 'entraide-disk-probe-'))
  try {
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { encoding: 'utf8' })
    if (mounted.status !== 0) return `this machine refuses to mount a tmpfs (${mounted.stderr.trim()})`
    spawnSync('umount', [probe])
    return false
  } finally {
    rmdirSync(probe)
  }
}
const skip = canMountTmpfs()
if (skip) console.log(`# skipped: ${skip}`)

const MiB = 1024 * 1024
const mounts: string[] = []
function smallDisk(bytes: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'entraide-disk-'))
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir], {
    encoding: 'utf8',
  })
  assert.equal(mounted.status, 0, mounted.stderr)
  mounts.push(dir)
  return dir
}

/** Writes until the disk says ENOSPC; the file to delete to give the room back. */
async function fill(disk: string): Promise<string> {
  const path = join(disk, 'remplissage')
  const file = await open(path, 'w')
  const chunk = Buffer.alloc(MiB)
  try {
    for (;;) {
      const free = (await freeBytes(disk)) ?? 0
      if (free === 0) break
      await file.write(free >= MiB ? chunk : chunk.subarray(0, free))
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error
  } finally {
    await file.close()
  }
  return path
}

async function logLine(server: SpawnedServer, pattern: RegExp): Promise<string> {
  for (let i = 0; i < 50; i++) {
    const line = server
      .output()
      .split('\n')
      .find((l) => pattern.test(l))
    if (line) return line
    await new Promise((r) => setTimeout(r, 100))
  }
  assert.fail(`no log line matches ${pattern}:\n${server.output()}`)
}

/** Words that do not compress, so that each listing takes its own room on the disk. */
const bulky = () => Array.from({ length: 180 }, () => randomBytes(8).toString('hex')).join(' ')

describe('a full disk under the embedded database', () => {
  let server: SpawnedServer | undefined
  after(async () => {
    await server?.stop().catch(() => server?.child.kill('SIGKILL'))
    for (const dir of mounts) {
      spawnSync('umount', ['-l', dir])
      await removeDir(dir)
    }
  })

  it('refuses to start, naming the directory and the free space', { skip }, () => {
    const disk = smallDisk(16 * MiB)
    const dir = join(disk, 'donnees')
    const refused = startRefused({ PGLITE_DIR: dir })
    assert.equal(refused.status, 73, refused.stderr)
    assert.match(refused.stderr, /Disque plein : impossible d’écrire dans /)
    assert.ok(refused.stderr.includes(dir), refused.stderr)
    assert.match(refused.stderr, /espace libre : [\d,]+ (octets|Kio|Mio)/)
    assert.doesNotMatch(refused.stderr, /failed to initialize/)
  })

  it(
    'answers 503 while writes fail for want of room, says so in its log, and writes again once there is room',
    { skip },
    async () => {
      const source = await embeddedDirectory()
      const disk = smallDisk(200 * MiB)
      const dir = join(disk, 'donnees')
      await cp(source.dir, dir, { recursive: true })
      await source.drop()
      const poster: Poster = await withApp({ PGLITE_DIR: dir }, (t) => preparePosters(t, 8))
      server = await startServer({ PGLITE_DIR: dir })
      assert.ok(await postListing(server, poster, poster.tokens[0]!, 'Avant le disque plein'))

      const filler = await fill(disk)
      // A row fits in a page already there until one needs a new page: post until the disk is hit.
      let refusal: Response | undefined
      let used = 1
      for (let i = 0; i < 70 && !refusal; i++) {
        const token = poster.tokens[Math.floor(used / 10)]!
        const res = await postListingResponse(server, poster, token, `Annonce ${i}`, bulky())
        used += 1
        if (res.status !== 201) refusal = res
      }
      assert.ok(refusal, 'a write failed for want of room')
      assert.equal(refusal.status, 503)
      assert.equal(refusal.headers.get('retry-after'), '30')
      assert.match(refusal.headers.get('content-type') ?? '', /^application\/problem\+json/)
      // The log comes through a pipe, which may be read after the response.
      const line = await logLine(server, /Disque plein : impossible d’écrire dans /)
      assert.ok(line.includes(dir), line)
      assert.match(line, /espace libre : /)

      await rm(filler)
      const token = poster.tokens[Math.floor(used / 10)]!
      assert.ok(await postListing(server, poster, token, 'Après le disque plein', bulky()), 'writes again')
      await server.stop()
      server = undefined
    },
  )
})
