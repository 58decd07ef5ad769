import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { listByAuthor } from '../../src/domains/listings/listing.repository.ts'
import { LOCK_FILE } from '../../src/platform/db/lock.ts'
import { spawnCli } from '../helpers/cli.ts'
import {
  api,
  embeddedDirectory,
  type Poster,
  postListing,
  preparePosters,
  startRefused,
  startServer,
  withApp,
} from './support.ts'

describe('a second process on the embedded data directory', () => {
  let dir: string
  let drop: () => Promise<void>
  let poster: Poster
  before(async () => {
    ;({ dir, drop } = await embeddedDirectory())
    poster = await withApp({ PGLITE_DIR: dir }, (t) => preparePosters(t, 1))
  })
  after(() => drop())

  it('is refused with the directory and the holder named, and the first keeps serving and its data', async () => {
    const first = await startServer({ PGLITE_DIR: dir })
    const token = poster.tokens[0]!
    try {
      const before = await postListing(first, poster, token, 'Avant le second serveur')
      assert.ok(before, 'the first server writes')

      const second = startRefused({ PGLITE_DIR: dir })
      assert.equal(second.status, 78, second.stderr)
      assert.match(second.stderr, /déjà utilisé par un autre processus Entraide/)
      assert.ok(second.stderr.includes(dir), second.stderr)
      assert.ok(second.stderr.includes(`pid ${first.child.pid}`), second.stderr)

      // The command line opens the same database, so it is refused the same way.
      const cli = spawnCli({ env: { PGLITE_DIR: dir } }, 'territory', 'list')
      assert.equal(cli.status, 78, cli.stderr)
      assert.ok(cli.stderr.includes(`pid ${first.child.pid}`), cli.stderr)

      const during = await postListing(first, poster, token, 'Pendant le refus')
      assert.ok(during, 'the first server still writes')
      assert.equal((await api(first, token, 'GET', `/api/v1/listings/${before}`)).status, 200)
    } finally {
      await first.stop()
    }
    assert.equal(existsSync(join(dir, LOCK_FILE)), false, 'a clean stop frees the directory')

    await withApp({ PGLITE_DIR: dir }, async (t) => {
      const mine = await listByAuthor(t.db.db, poster.territory.id, poster.accountIds[0]!)
      assert.deepEqual(mine.map((l) => l.title).sort(), ['Avant le second serveur', 'Pendant le refus'])
    })
  })
})
