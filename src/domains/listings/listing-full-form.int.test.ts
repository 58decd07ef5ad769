import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'
import { makeCategory, makeListing } from '../../../test/helpers/listings.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { findListing } from './listing.repository.ts'

/** The full form stays for offers and for editing: dates as the French read them, follow-ups folded away. */
describe('the full listing form', () => {
  let t: TestApp
  let calvados: Territory
  const host = () => calvados.hostnames[0]!
  before(async () => {
    t = await buildTestApp()
    calvados = await makeTerritory(t.app.services)
  })
  after(() => t.close())

  it('shows an ask’s dates as day, month and year, and its follow-up questions only when they apply', async () => {
    const account = await makeAccount(t, calvados)
    const client = await new Client(t, host()).signInDirectly(account)
    const dated = await makeListing(t, calvados, account, {
      whenKind: 'date',
      whenStart: new Date('2026-04-02T12:00:00Z'),
    })
    const form = page((await client.get(`/mes-annonces/${dated.id}/modifier`)).body)
    assert.doesNotMatch(form.text('main'), /Pour une demande seulement/)
    assert.equal(form.document.querySelectorAll('input[type=date]').length, 0, 'no mm/dd/yyyy picker')
    const dates = [...form.document.querySelectorAll('.date-input')][0]!
    const typed = [...dates.querySelectorAll('input')].map((i) => i.getAttribute('value'))
    assert.deepEqual(typed, ['2', '4', '2026'])
    assert.deepEqual(
      [...dates.querySelectorAll('label')].map((l) => l.textContent),
      ['Jour', 'Mois', 'Année'],
    )
    assert.match(form.text('main'), /Par exemple 2 4 2026 pour le 2 avril 2026/)
    const [when, behalf] = [...form.document.querySelectorAll('main details')]
    assert.equal(when?.hasAttribute('open'), true, 'a dated ask shows its date')
    assert.equal(behalf?.hasAttribute('open'), false, 'for oneself: the other person’s questions stay folded')
    const flexible = await makeListing(t, calvados, account, { whenKind: 'flexible' })
    const folded = page((await client.get(`/mes-annonces/${flexible.id}/modifier`)).body)
    assert.equal(folded.document.querySelector('main details')?.hasAttribute('open'), false)
  })

  it('saves a date typed in three fields, and names what is wrong with one that does not exist', async () => {
    const account = await makeAccount(t, calvados)
    const client = await new Client(t, host()).signInDirectly(account)
    const category = await makeCategory(t, calvados)
    const listing = await makeListing(t, calvados, account, { categoryId: category.id })
    const body = {
      kind: 'ask',
      categoryId: category.id,
      title: 'Courses',
      description: 'Porter les sacs.',
      commune: 'Bayeux (14400)',
      whenKind: 'date',
      'whenStart-day': '31',
      'whenStart-month': '4',
      'whenStart-year': '2026',
      urgency: 'week',
      forWhom: 'self',
      charter: 'oui',
    }
    const refused = await client.post(`/mes-annonces/${listing.id}/modifier`, body)
    assert.equal(refused.statusCode, 400)
    const p = page(refused.body)
    assert.deepEqual(p.errorSummary(), [
      {
        text: 'Cette date n’existe pas : vérifiez le jour et le mois, par exemple 2 4 2026',
        href: '#whenStart',
      },
    ])
    assert.equal(p.field('Jour')?.getAttribute('value'), '31', 'kept as typed')
    const saved = await client.post(`/mes-annonces/${listing.id}/modifier`, {
      ...body,
      'whenStart-day': '30',
    })
    assert.equal(saved.statusCode, 303)
    const row = await findListing(t.db.db, calvados.id, listing.id)
    assert.equal(row?.whenStart?.toISOString().slice(0, 10), '2026-04-30')
  })

  it('keeps the full form for offers, without the ask’s urgency', async () => {
    const account = await makeAccount(t, calvados)
    const client = await new Client(t, host()).signInDirectly(account)
    const form = page((await client.get('/annonces/nouvelle?type=proposition')).body)
    assert.equal(form.h1(), 'Proposer mon aide')
    assert.doesNotMatch(form.text('main'), /Est-ce urgent/)
    assert.ok(form.field('Combien de personnes'))
  })
})
