import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { fillAsk, storedDraft } from '../../../test/helpers/ask-pages.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'
import { makeCategory } from '../../../test/helpers/listings.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { listByAuthor } from './listing.repository.ts'

const HOSTILE: string[] = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/hostile-inputs.json', import.meta.url), 'utf8'),
)
const label = (field: string, text: string) => `${field} = ${JSON.stringify(text.slice(0, 30))}`
const date = (name: string) => ({ [`${name}-day`]: '20', [`${name}-month`]: '4', [`${name}-year`]: '2026' })

/** Each page with right answers, so that one hostile field at a time is what is tested. */
const PAGES: [string, Record<string, string>][] = [
  ['description', { title: 'Courses', description: 'Porter les sacs.' }],
  ['commune', { commune: 'Bayeux (14400)' }],
  ['quand', { whenKind: 'period' }],
  ['periode', { ...date('whenStart'), ...date('whenEnd') }],
  ['urgence', { urgency: 'week' }],
  ['pour-qui', { forWhom: 'other' }],
  ['personne', { onBehalfName: 'Marcel', onBehalfRelation: 'mon voisin', onBehalfConsent: 'oui' }],
]

function assertSafe(body: string, what: string) {
  assert.ok(!body.includes('<script>alert'), `${what}: escaped`)
  assert.ok(!body.includes('<img src=x'), `${what}: escaped`)
}

/**
 * Hostile text in one field of one page at a time: a French error and the draft unchanged, or the
 * text kept as text on the check page; never a 500, never markup, never a redirect elsewhere.
 */
describe('an ask page by page with hostile text in every field', () => {
  let t: TestApp
  let calvados: Territory
  before(async () => {
    t = await buildTestApp()
    calvados = await makeTerritory(t.app.services)
  })
  after(() => t.close())

  it('answers every field of every page with an error or the text as text', async () => {
    const account = await makeAccount(t, calvados)
    const client = await new Client(t, calvados.hostnames[0]!).signInDirectly(account)
    const category = await makeCategory(t, calvados)
    for (const text of HOSTILE) {
      const res = await client.post('/annonces/demande', { categoryId: text })
      assert.equal(res.statusCode, 400, label('categoryId', text))
      assertSafe(res.body, label('categoryId', text))
    }
    const id = await fillAsk(client, category.id, PAGES)
    const at = (slug: string) => `/annonces/demande/${id}/${slug}`
    for (const [slug, right] of PAGES) {
      for (const field of [...Object.keys(right), 'depuis']) {
        for (const text of HOSTILE) {
          const what = `${slug}: ${label(field, text)}`
          const before = await storedDraft(t, calvados, id, account.id)
          const res = await client.post(at(slug), { ...right, [field]: text })
          assert.ok(res.statusCode === 303 || res.statusCode === 400, `${what}: ${res.statusCode}`)
          assertSafe(res.body, what)
          if (res.statusCode === 303) {
            assert.match(
              res.headers.location ?? '',
              new RegExp(`^/annonces/demande/${id}/[a-z-]+(\\?depuis=verifier)?$`),
              what,
            )
            continue
          }
          assert.deepEqual(await storedDraft(t, calvados, id, account.id), before, `${what}: nothing written`)
          const p = page(res.body)
          assert.ok(
            p.errorSummary().length > 0 || /Demande incorrecte/.test(p.text('main')),
            `${what}: says why`,
          )
        }
        // The right answer again, so the next field starts from a whole page.
        assert.equal((await client.post(at(slug), right)).statusCode, 303, `${slug}: right again`)
      }
    }
    const check = await client.get(at('verifier'))
    assert.equal(check.statusCode, 200)
    assertSafe(check.body, 'check page')
    for (const text of ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>']) {
      await client.post(at('description'), { title: text, description: text })
      const shown = await client.get(at('verifier'))
      assertSafe(shown.body, 'check page')
      assert.ok(page(shown.body).text('.summary-list').includes(text), 'shown as text')
    }
    for (const text of HOSTILE) {
      const res = await client.post(at('publier'), { charter: text })
      assert.ok(res.statusCode === 303 || res.statusCode === 400, label('charter', text))
      assertSafe(res.body, label('charter', text))
      if (res.statusCode === 303) break
    }
    assert.equal((await listByAuthor(t.db.db, calvados.id, account.id)).length, 1)
    for (const text of HOSTILE.filter((s) => s.length < 200)) {
      const path = encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '\ufffd'))
      for (const url of [`/annonces/demande/${path}/aide`, `/annonces/demande/${id}/${path}`]) {
        const res = await client.get(url)
        assert.ok([303, 400, 404].includes(res.statusCode), `${url}: ${res.statusCode}`)
        assertSafe(res.body, url)
      }
    }
  })
})
