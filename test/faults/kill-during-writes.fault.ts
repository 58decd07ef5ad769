import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  api,
  embeddedDirectory,
  killHard,
  type Poster,
  postListing,
  preparePosters,
  startServer,
  withApp,
} from './support.ts'

/** A resident may post ten listings a day: enough residents for the burst to outlast the kill. */
const RESIDENTS = 8
const KILL_AFTER = 45

describe('a server killed with -9 in a burst of writes, on the embedded database', () => {
  let dir: string
  let drop: () => Promise<void>
  let poster: Poster
  before(async () => {
    ;({ dir, drop } = await embeddedDirectory())
    poster = await withApp({ PGLITE_DIR: dir }, (t) => preparePosters(t, RESIDENTS))
  })
  after(() => drop())

  it('keeps every write it acknowledged, and the next start takes over its lock', async () => {
    const server = await startServer({ PGLITE_DIR: dir })
    const acknowledged: { id: string; token: string }[] = []
    let killed: Promise<void> | null = null
    // Each resident posts one listing after another, all residents at once, until the kill.
    const writers = poster.tokens.map(async (token, resident) => {
      for (let n = 0; n < 10 && !killed; n++) {
        const id = await postListing(server, poster, token, `Annonce ${resident}-${n}`).catch(() => null)
        if (id) acknowledged.push({ id, token })
        if (acknowledged.length >= KILL_AFTER && !killed) killed = killHard(server)
      }
    })
    await Promise.all(writers)
    if (!killed) await killHard(server)
    else await killed
    assert.ok(acknowledged.length >= KILL_AFTER, `only ${acknowledged.length} writes acknowledged`)

    // The killed process left its lock file: a new server must see it is stale and start.
    const restarted = await startServer({ PGLITE_DIR: dir })
    try {
      const missing: string[] = []
      for (const { id, token } of acknowledged) {
        const res = await api(restarted, token, 'GET', `/api/v1/listings/${id}`)
        if (res.status !== 200) missing.push(`${id} (${res.status})`)
      }
      assert.deepEqual(missing, [], `${missing.length} of ${acknowledged.length} acknowledged writes lost`)
    } finally {
      await restarted.stop()
    }
  })
})
