import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { failCommitsWriting } from '../../../test/helpers/commit-failure.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { makeListing } from '../../../test/helpers/listings.ts'
import { reviewItemsOf } from '../../../test/helpers/review.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { ALERT_PUBLISHED_JOB } from './alerts.jobs.ts'
import { findListing } from './listing.repository.ts'

describe('an edit of a held listing: still held, its queue item refreshed in the same transaction', () => {
  let t: TestApp
  let calvados: Territory
  before(async () => {
    t = await buildTestApp()
    calvados = await makeTerritory(t.app.services)
  })
  after(() => t.close())

  it('keeps it held for the moderator, with no alert; publication by the moderator queues the alerts', async () => {
    const author = await makeAccount(t, calvados)
    const client = await new Client(t, calvados.hostnames[0]!).signInDirectly(author)
    const listing = await makeListing(t, calvados, author, {
      status: 'held',
      holdReasons: ['price'],
      description: 'Je paie 20 € de l’heure.',
    })
    const edit = () =>
      client.post(`/mes-annonces/${listing.id}/modifier`, {
        categoryId: listing.categoryId,
        title: listing.title,
        description: 'Un coup de main pour porter des courses.',
        commune: 'Caen (14000)',
        whenKind: 'flexible',
        urgency: 'week',
        forWhom: 'self',
        charter: 'oui',
      })
    const alertJobs = async () =>
      (await t.app.services.jobs.listByName(ALERT_PUBLISHED_JOB)).filter(
        (j) => j.payload.listingId === listing.id,
      )

    const lift = await failCommitsWriting(t.db, 'review_items')
    try {
      assert.equal((await edit()).statusCode, 500)
    } finally {
      await lift()
    }
    const unchanged = (await findListing(t.db.db, calvados.id, listing.id))!
    assert.equal(
      unchanged.description,
      'Je paie 20 € de l’heure.',
      'the edit rolled back with its queue item',
    )
    assert.deepEqual(await reviewItemsOf(t, listing.id), [])

    assert.equal((await edit()).statusCode, 303)
    const edited = (await findListing(t.db.db, calvados.id, listing.id))!
    assert.equal(edited.status, 'held')
    assert.equal(edited.description, 'Un coup de main pour porter des courses.')
    assert.deepEqual(edited.holdReasons, ['review'], 'no money any more: it waits for the reading')
    assert.equal((await reviewItemsOf(t, listing.id)).length, 1)
    assert.deepEqual(await alertJobs(), [])

    const moderator = await makeAccount(t, calvados, { roles: ['moderator'] })
    const staff = await new Client(t, calvados.hostnames[0]!).signInDirectly(moderator, {
      staff: true,
      secondFactor: true,
    })
    const published = await staff.post(`/administration/annonces-retenues/${listing.id}/publier`, {})
    assert.equal(published.statusCode, 303)
    assert.equal((await findListing(t.db.db, calvados.id, listing.id))!.status, 'published')
    assert.equal((await alertJobs()).length, 1)
  })
})
