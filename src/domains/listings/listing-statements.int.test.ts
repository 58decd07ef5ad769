import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'
import { makeCategory } from '../../../test/helpers/listings.ts'
import { buildCountingTestApp, type CountingTestApp } from '../../../test/helpers/statements.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { ALERT_PUBLISHED_JOB } from './alerts.jobs.ts'

/**
 * Statements posting a listing sends, begin and commit included, as PostgreSQL counts them:
 * authentication (1), the category and the commune (2, until reference data is read from
 * memory), the hit, then the listing, its bilan event and its alerts' job in one transaction;
 * the header's unread count is made only for a page sent, not for this redirect. It took 11,
 * then 9 with that count.
 */
const CEILING = 8

describe('listings: statements per posted listing', () => {
  let t: CountingTestApp
  let calvados: Territory
  before(async () => {
    t = await buildCountingTestApp()
    calvados = await makeTerritory(t.app.services)
  })
  after(() => t.close())

  it(`posts an ask in ${CEILING} statements, its alerts queued with it`, async () => {
    const author = await makeAccount(t, calvados)
    const client = await new Client(t, calvados.hostnames[0]!).signInDirectly(author)
    const category = await makeCategory(t, calvados)
    await client.get('/')
    const counted = await t.count(() =>
      client.post('/annonces/nouvelle', {
        kind: 'ask',
        categoryId: category.id,
        title: 'Courses pour ma voisine',
        description: 'Elle ne peut plus porter ses sacs.',
        commune: 'Bayeux (14400)',
        whenKind: 'flexible',
        urgency: 'week',
        forWhom: 'self',
        charter: 'oui',
      }),
    )
    assert.equal(counted.result.statusCode, 303)
    assert.ok(
      counted.count <= CEILING,
      `${counted.count} statements, ceiling ${CEILING}:\n${counted.statements.join('\n')}`,
    )

    const shown = page(
      (await new Client(t, calvados.hostnames[0]!).get(counted.result.headers.location!)).body,
    )
    assert.equal(shown.h1(), 'Courses pour ma voisine')
    const jobs = await t.app.services.jobs.listByName(ALERT_PUBLISHED_JOB)
    assert.equal(jobs.length, 1, 'the alerts of people watching are queued with the listing')
  })
})
