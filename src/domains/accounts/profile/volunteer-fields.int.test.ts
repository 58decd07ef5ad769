import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { Client, makeAccount } from '../../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { makeTerritory } from '../../../../test/helpers/factories.ts'
import { page } from '../../../../test/helpers/html.ts'
import type { Territory } from '../../../platform/tenancy/territory.ts'
import { findAccountById } from '../identity/account.repository.ts'

const HOSTILE: string[] = JSON.parse(
  readFileSync(new URL('../../../../test/fixtures/hostile-inputs.json', import.meta.url), 'utf8'),
)

const form = {
  displayName: 'Karim',
  commune: 'Caen (14000)',
  phone: '',
  radiusKm: '10',
  'notify-matches': 'immediate',
  'notify-messages': 'immediate',
  'notify-savedSearches': 'daily',
  locale: 'fr',
}

/** The volunteer's fields of the profile: availability by half-days, languages, proposals opt-out. */
describe('profile: when I am free, the languages I speak, and proposals from the team', () => {
  let t: TestApp
  let calvados: Territory
  const host = () => calvados.hostnames[0]!
  before(async () => {
    t = await buildTestApp()
    calvados = await makeTerritory(t.app.services)
  })
  after(() => t.close())

  const signedIn = async () => {
    const account = await makeAccount(t, calvados)
    return { account, client: await new Client(t, host()).signInDirectly(account) }
  }

  it('shows fourteen labelled half-days, the languages and the opt-out ticked by default', async () => {
    const { client } = await signedIn()
    const p = page((await client.get('/compte/profil')).body)
    const boxes = p.document.querySelectorAll('input[name=availability]')
    assert.equal(boxes.length, 14)
    assert.ok(p.field('Mardi matin'), 'each half-day has its own label')
    assert.ok(p.field('Dimanche après-midi'))
    assert.match(p.text('main'), /Quand êtes-vous disponible \?/)
    const choice = (text: string) =>
      [...p.document.querySelectorAll('label.choice')].find((l) => l.textContent?.trim() === text)
    assert.equal(choice('Français')?.querySelector('input')?.hasAttribute('checked'), true)
    assert.equal(choice('Autre')?.querySelector('input')?.hasAttribute('checked'), false)
    const optIn = choice('Recevoir des propositions de la part de l’équipe du Département')
    assert.equal(optIn?.querySelector('input')?.hasAttribute('checked'), true)
  })

  it('saves the half-days in the order of the week, the languages, and the opt-out', async () => {
    const { account, client } = await signedIn()
    const res = await client.post('/compte/profil', {
      ...form,
      availability: ['sat-pm', 'tue-am'],
      languages: ['ar', 'fr'],
    })
    assert.equal(res.statusCode, 303)
    const row = (await findAccountById(t.db.db, account.id))!
    assert.deepEqual(row.availability, ['tue-am', 'sat-pm'])
    assert.deepEqual(row.languages, ['fr', 'ar'])
    assert.equal(row.acceptsProposals, false, 'the box was not ticked')
    const p = page((await client.get('/compte/profil')).body)
    assert.equal(p.field('Mardi matin')?.hasAttribute('checked'), true)
    assert.equal(p.field('Lundi matin')?.hasAttribute('checked'), false)
  })

  it('refuses an unknown half-day or language in French, writes nothing, and keeps what was ticked', async () => {
    const { account, client } = await signedIn()
    const res = await client.post('/compte/profil', {
      ...form,
      acceptsProposals: '1',
      availability: ['mon-am', 'lun-matin'],
      languages: ['fr', 'klingon'],
    })
    assert.equal(res.statusCode, 400)
    const p = page(res.body)
    assert.deepEqual(p.errorSummary(), [
      { text: 'Choisissez des demi-journées dans le tableau', href: '#availability' },
      { text: 'Choisissez vos langues dans la liste', href: '#languages' },
    ])
    assert.equal(p.field('Lundi matin')?.hasAttribute('checked'), true)
    const row = (await findAccountById(t.db.db, account.id))!
    assert.deepEqual(row.availability, [])
    assert.deepEqual(row.languages, ['fr'])
  })

  it('refuses every hostile string in the three fields, by the form and by the API, with nothing written', async () => {
    const { account, client } = await signedIn()
    for (const text of HOSTILE) {
      for (const field of ['availability', 'languages']) {
        const res = await client.post('/compte/profil', { ...form, [field]: [text] })
        assert.equal(res.statusCode, 400, `${field} = ${JSON.stringify(text.slice(0, 30))}`)
        assert.doesNotMatch(res.body, /<script>alert/)
      }
      const api = await client.request({
        method: 'PATCH',
        url: '/api/v1/me',
        headers: { 'x-csrf-token': client.csrfToken() },
        payload: { availability: [text], languages: [text], acceptsProposals: text },
      })
      assert.equal(api.statusCode, 400, JSON.stringify(text.slice(0, 30)))
    }
    const row = (await findAccountById(t.db.db, account.id))!
    assert.deepEqual([row.availability, row.languages, row.acceptsProposals], [[], ['fr'], true])
  })

  it('reads and changes the fields through the profile API', async () => {
    const { account, client } = await signedIn()
    const res = await client.request({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { 'x-csrf-token': client.csrfToken() },
      payload: { availability: ['wed-pm'], languages: ['uk'], acceptsProposals: false },
    })
    assert.equal(res.statusCode, 200)
    const body = res.json()
    assert.deepEqual([body.availability, body.languages, body.acceptsProposals], [['wed-pm'], ['uk'], false])
    const refused = await client.request({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { 'x-csrf-token': client.csrfToken() },
      payload: { availability: ['someday'] },
    })
    assert.equal(refused.statusCode, 400)
    assert.match(refused.body, /Choisissez des demi-journées dans le tableau/)
    assert.deepEqual((await findAccountById(t.db.db, account.id))!.availability, ['wed-pm'])
  })
})
