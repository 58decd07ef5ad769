import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'
import { makeListing } from '../../../test/helpers/listings.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'

const ID = '00000000-0000-4000-8000-000000000001'
const forged = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')

/** Cursors are opaque but come back from the client: values no search wrote are a 400, never a 500. */
describe('search: forged page cursors', () => {
  let t: TestApp
  let territory: Territory
  before(async () => {
    t = await buildTestApp()
    territory = await makeTerritory(t.app.services)
    await makeListing(t, territory, await makeAccount(t, territory))
  })
  after(() => t.close())

  const cursors = [
    forged(['newest', [1e300], ID]),
    forged(['urgency', [9_999_999_999, 1_767_225_600_000], ID]),
    forged(['urgency', [1, 1e20], ID]),
    forged(['distance', [-5], ID]),
  ]

  it('answers the page with a French message and the API with a problem', async () => {
    const host = territory.hostnames[0]!
    for (const cursor of cursors) {
      const html = await t.app.inject({
        method: 'GET',
        url: `/annonces?sort=newest&cursor=${cursor}`,
        headers: { host },
      })
      assert.equal(html.statusCode, 400, cursor)
      assert.match(page(html.body).text('main'), /Le lien de la page suivante n’est plus valable/)
      const api = await t.app.inject({
        method: 'GET',
        url: `/api/v1/listings/search?cursor=${cursor}`,
        headers: { host },
      })
      assert.equal(api.statusCode, 400, cursor)
      assert.equal(api.headers['content-type'], 'application/problem+json; charset=utf-8')
    }
  })
})
