import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { makeListing } from '../../../test/helpers/listings.ts'
import { makeOrganisation } from '../../../test/helpers/missions.ts'
import { openReviewItems, reviewItemsOf } from '../../../test/helpers/review.ts'
import { reports } from '../../../test/helpers/tables.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { backfillReviewQueue } from './review-backfill.ts'

describe('the queue’s catch-up at start: what was held or reported before it joins it once', () => {
  let t: TestApp
  let calvados: Territory
  before(async () => {
    t = await buildTestApp()
    t.clock.set('2026-05-04T08:00:00Z')
    calvados = await makeTerritory(t.app.services)
  })
  after(() => t.close())

  it('queues a held listing, a pending organisation and open reports, once however often it runs', async () => {
    const author = await makeAccount(t, calvados, { displayName: 'Annie Auteur' })
    // Written straight to the tables, as rows from before the queue: nothing queued them.
    const held = await makeListing(t, calvados, author, {
      title: 'Vends mon vélo',
      status: 'held',
      holdReasons: ['sale'],
    })
    const hidden = await makeListing(t, calvados, author, { status: 'held', holdReasons: ['sanction'] })
    const published = await makeListing(t, calvados, author, { title: 'Porter des courses' })
    const pending = await makeOrganisation(t, calvados, { status: 'pending', name: 'Amicale en attente' })
    const now = t.clock.now()
    for (const [reason, name] of [
      ['commerce', 'Rémi'],
      ['scam', 'Sarah'],
    ] as const) {
      const reporter = await makeAccount(t, calvados, { displayName: name })
      await t.db.db.insert(reports).values({
        id: t.app.services.ids(),
        territoryId: calvados.id,
        reporterId: reporter.id,
        targetKind: 'listing',
        targetId: published.id,
        reason,
        createdAt: now,
      })
    }
    assert.deepEqual(await openReviewItems(t, calvados.id), [])

    assert.equal(await backfillReviewQueue(t.app.services), 3)
    assert.equal(await backfillReviewQueue(t.app.services), 0, 'a second start adds nothing')

    const items = await openReviewItems(t, calvados.id)
    assert.equal(items.length, 3)
    const [listing] = await reviewItemsOf(t, held.id)
    assert.equal(listing!.cause, 'money-wording')
    assert.equal(listing!.label, 'Vends mon vélo')
    assert.equal(listing!.accountId, author.id)
    assert.equal(listing!.version, 1)
    const [organisation] = await reviewItemsOf(t, pending.id)
    assert.equal(organisation!.cause, 'verification')
    assert.equal(organisation!.label, 'Amicale en attente')
    const [reported] = await reviewItemsOf(t, published.id)
    assert.equal(reported!.cause, 'report')
    assert.equal(reported!.reportCount, 2)
    assert.equal(reported!.priority, 2)
    assert.equal(reported!.label, 'Porter des courses')
    assert.equal(reported!.accountId, author.id)
    assert.deepEqual(reported!.details, ['commerce', 'scam'])
    assert.deepEqual(
      await reviewItemsOf(t, hidden.id),
      [],
      'a sanction’s hidden listing is not for a reading',
    )
  })
})
