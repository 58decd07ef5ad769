import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { Client, makeAccount } from '../../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { makeTerritory } from '../../../../test/helpers/factories.ts'
import { page } from '../../../../test/helpers/html.ts'
import type { Territory } from '../../../platform/tenancy/territory.ts'
import { listCategories } from '../../categories/index.ts'
import { type AccountRow, findAccountById } from '../identity/account.repository.ts'

const HOSTILE: string[] = JSON.parse(
  readFileSync(new URL('../../../../test/fixtures/hostile-inputs.json', import.meta.url), 'utf8'),
)

const form = {
  displayName: 'Zoé',
  commune: 'Bayeux (14400)',
  phone: '',
  radiusKm: '10',
  'notify-matches': 'immediate',
  'notify-messages': 'immediate',
  'notify-savedSearches': 'daily',
  locale: 'fr',
}

/** The interest boxes of the profile form as a person sees them: label, and whether ticked. */
function interestBoxes(html: string) {
  const { document } = page(html)
  return [...document.querySelectorAll('input[name="interests"]')].map((input) => ({
    slug: input.getAttribute('value'),
    label: (input.parentElement?.textContent ?? '').replace(/\s+/g, ' ').trim(),
    checked: input.hasAttribute('checked'),
  }))
}

describe('profile interests: the territory’s active categories', () => {
  let t: TestApp
  let calvados: Territory
  let admin: Client
  const host = () => calvados.hostnames[0]!
  const reload = async (id: string) => (await findAccountById(t.db.db, id))!
  const categoryId = async (slug: string) =>
    (await listCategories(t.db.db, calvados.id, { activeOnly: false })).find((c) => c.slug === slug)!.id

  before(async () => {
    t = await buildTestApp()
    calvados = await makeTerritory(t.app.services)
    const alice = await makeAccount(t, calvados, { roles: ['administrator'] })
    admin = await new Client(t, host()).signInDirectly(alice, { staff: true, secondFactor: true })
  })
  after(() => t.close())

  async function signedIn(overrides: Partial<AccountRow> = {}) {
    const account = await makeAccount(t, calvados, overrides)
    const client = await new Client(t, host()).signInDirectly(account)
    return { account, client }
  }

  it('offers a fresh territory’s everyday categories, in its order, and no crisis one', async () => {
    const { client } = await signedIn()
    const boxes = interestBoxes((await client.get('/compte/profil')).body)
    const active = await listCategories(t.db.db, calvados.id, { activeOnly: true })
    assert.deepEqual(
      boxes.map((b) => b.label),
      active.map((c) => c.name.fr),
    )
    assert.equal(boxes[0]?.label, 'Courses de première nécessité et médicaments')
    const shown = boxes.map((b) => b.label).join(' | ')
    for (const crisis of [/soignants/, /masques/, /Hébergement/, /première ligne/]) {
      assert.doesNotMatch(shown, crisis)
    }
  })

  it('offers a category the administrator adds, named as written, and saves it', async () => {
    const added = await admin.post('/administration/categories', {
      nameFr: 'Lecture à voix haute',
      nameEn: 'Reading aloud',
      descriptionFr: 'Lire le journal ou un livre à une personne qui voit mal.',
      descriptionEn: 'Reading the paper or a book to someone who cannot see well.',
      guidanceFr: 'Ne donnez jamais d’argent ni vos coordonnées bancaires.',
      guidanceEn: 'Never give money or bank details.',
      icon: 'heart',
    })
    assert.equal(added.statusCode, 303)
    const { account, client } = await signedIn()
    const boxes = interestBoxes((await client.get('/compte/profil')).body)
    assert.deepEqual(boxes.at(-1), {
      slug: 'lecture-a-voix-haute',
      label: 'Lecture à voix haute',
      checked: false,
    })
    const res = await client.post('/compte/profil', { ...form, interests: ['lecture-a-voix-haute', 'pets'] })
    assert.equal(res.statusCode, 303)
    assert.deepEqual((await reload(account.id)).interests, ['lecture-a-voix-haute', 'pets'])
  })

  it('hides a saved interest of a closed category, saves the form, and shows it again when a crisis reopens it', async () => {
    const { account, client } = await signedIn({
      interests: ['gardening', 'masks-equipment', 'gone-since-2020'],
    })
    const before = interestBoxes((await client.get('/compte/profil')).body)
    assert.ok(!before.some((b) => b.slug === 'masks-equipment' || b.slug === 'gone-since-2020'))
    assert.deepEqual(
      before.filter((b) => b.checked).map((b) => b.slug),
      ['gardening'],
    )
    const me = await client.get('/api/v1/me')
    assert.deepEqual(me.json().interests, ['gardening'])

    // The form sends what it shows; the closed category's choice stays for a later crisis.
    const saved = await client.post('/compte/profil', { ...form, interests: ['gardening', 'pets'] })
    assert.equal(saved.statusCode, 303)
    assert.deepEqual((await reload(account.id)).interests, ['gardening', 'pets', 'masks-equipment'])

    const masks = await categoryId('masks-equipment')
    assert.equal((await admin.post(`/administration/categories/${masks}/activer`, {})).statusCode, 303)
    const during = interestBoxes((await client.get('/compte/profil')).body)
    // Shown in the territory's order, the crisis one among them while it is open.
    const order = (await listCategories(t.db.db, calvados.id, { activeOnly: true })).map((c) => c.slug)
    assert.deepEqual(
      during.filter((b) => b.checked).map((b) => b.slug),
      order.filter((slug) => ['gardening', 'pets', 'masks-equipment'].includes(slug)),
    )
    assert.ok(during.some((b) => b.label === 'Fabrication et don de masques et d’équipements de protection'))
    await admin.post(`/administration/categories/${masks}/desactiver`, {})

    // An everyday category the administrator closes disappears from the form just the same.
    const gardening = await categoryId('gardening')
    await admin.post(`/administration/categories/${gardening}/desactiver`, {})
    const closed = interestBoxes((await client.get('/compte/profil')).body)
    assert.ok(!closed.some((b) => b.slug === 'gardening'))
    assert.equal((await client.post('/compte/profil', { ...form, interests: ['pets'] })).statusCode, 303)
    assert.deepEqual((await reload(account.id)).interests.sort(), ['gardening', 'masks-equipment', 'pets'])
    await admin.post(`/administration/categories/${gardening}/activer`, {})
  })

  it('refuses a closed category sent anyway, with the list’s French message, and writes nothing', async () => {
    const { account, client } = await signedIn({ interests: ['pets'] })
    const res = await client.post('/compte/profil', { ...form, interests: ['pets', 'front-line-workers'] })
    assert.equal(res.statusCode, 400)
    assert.deepEqual(page(res.body).errorSummary(), [
      { text: 'Choisissez vos centres d’intérêt dans la liste', href: '#interests' },
    ])
    assert.deepEqual((await reload(account.id)).interests, ['pets'])
  })

  it('answers every hostile value in interests with a French message or a refusal, by the form and the API', async () => {
    const { account, client } = await signedIn({ interests: ['pets'] })
    const row = await reload(account.id)
    for (const text of HOSTILE) {
      const label = JSON.stringify(text.slice(0, 30))
      const res = await client.post('/compte/profil', { ...form, interests: ['pets', text] })
      assert.equal(res.statusCode, 400, label)
      const p = page(res.body)
      // Past the form's own limit, the request itself is refused before the page reads it.
      if (p.h1() !== 'Demande incorrecte') {
        assert.equal(p.h1(), 'Modifier mon profil', label)
        assert.deepEqual(
          p.errorSummary(),
          [{ text: 'Choisissez vos centres d’intérêt dans la liste', href: '#interests' }],
          label,
        )
      }
      assert.doesNotMatch(res.body, /<script>alert|<img src=x/, label)
      const api = await client.request({
        method: 'PATCH',
        url: '/api/v1/me',
        headers: { 'x-csrf-token': client.csrfToken() },
        payload: { interests: [text] },
      })
      assert.equal(api.statusCode, 400, label)
    }
    assert.deepEqual(await reload(account.id), row)
  })
})
