import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'
import { makeListing } from '../../../test/helpers/listings.ts'
import { makeMatch } from '../../../test/helpers/matches.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { findMatch } from './match.repository.ts'
import { matches } from './match.schema.ts'

describe('matches: only the two parties, only this territory, text stays text', () => {
  let t: TestApp
  let calvados: Territory
  let lozere: Territory
  const host = () => calvados.hostnames[0]!
  before(async () => {
    t = await buildTestApp()
    calvados = await makeTerritory(t.app.services)
    lozere = await makeTerritory(t.app.services, { departements: ['48'], platformName: 'Lozère' })
  })
  after(() => t.close())

  async function person(where = calvados) {
    const account = await makeAccount(t, where, where === lozere ? { communeInsee: '48095' } : {})
    return { account, client: await new Client(t, where.hostnames[0]!).signInDirectly(account) }
  }
  const forms: Record<string, Record<string, string>> = {
    accepter: { shares: 'email' },
    decliner: { reason: 'non' },
    retirer: {},
    annuler: { reason: 'non' },
    'aide-realisee': {},
    confirmer: { thanks: 'merci' },
  }

  it('gives another person 404 on the match page and on every action, and changes nothing', async () => {
    const author = await person()
    const helper = await person()
    const listing = await makeListing(t, calvados, author.account)
    const pending = await makeMatch(t, calvados, listing, helper.account)
    const other = await person()
    const accepted = await makeMatch(t, calvados, listing, other.account, { status: 'accepted' })
    const stranger = await person()
    for (const match of [pending, accepted]) {
      assert.equal((await stranger.client.get(`/mises-en-relation/${match.id}`)).statusCode, 404)
      for (const [path, form] of Object.entries(forms)) {
        const res = await stranger.client.post(`/mises-en-relation/${match.id}/${path}`, form)
        assert.equal(res.statusCode, 404, path)
      }
      assert.deepEqual(await findMatch(t.db.db, calvados.id, match.id), match)
    }
    assert.doesNotMatch(page((await stranger.client.get('/mises-en-relation')).body).text('main'), /Annonce/)
    const visitor = new Client(t, host())
    const door = await visitor.get(`/mises-en-relation/${pending.id}`)
    assert.equal(door.statusCode, 303)
    assert.match(door.headers.location as string, /^\/connexion\?retour=/)
    assert.equal((await visitor.post(`/mises-en-relation/${pending.id}/accepter`, {})).statusCode, 401)
    assert.equal((await findMatch(t.db.db, calvados.id, pending.id))?.status, 'pending')
  })

  it('does not let the responder decide on their own response', async () => {
    const author = await person()
    const helper = await person()
    const listing = await makeListing(t, calvados, author.account)
    const match = await makeMatch(t, calvados, listing, helper.account)
    for (const path of ['accepter', 'decliner', 'confirmer']) {
      const res = await helper.client.post(`/mises-en-relation/${match.id}/${path}`, forms[path]!)
      assert.equal(res.statusCode, 403, path)
      assert.match(page(res.body).text('.error-summary'), /Seule la personne qui a publié l’annonce/)
    }
    const authorWithdraws = await author.client.post(`/mises-en-relation/${match.id}/retirer`, {})
    assert.equal(authorWithdraws.statusCode, 403)
    assert.deepEqual(await findMatch(t.db.db, calvados.id, match.id), match)
  })

  it('does not find a listing or a match of another territory', async () => {
    const author = await person(lozere)
    const helper = await person(lozere)
    const listing = await makeListing(t, lozere, author.account, { communeInsee: '48095' })
    const match = await makeMatch(t, lozere, listing, helper.account)
    const here = await person()
    assert.equal(
      (await here.client.post(`/annonces/${listing.id}/repondre`, { message: 'x' })).statusCode,
      404,
    )
    assert.equal((await here.client.get(`/mises-en-relation/${match.id}`)).statusCode, 404)
    assert.equal((await here.client.post(`/mises-en-relation/${match.id}/accepter`, {})).statusCode, 404)
    // The author themself, through the other platform's address, finds nothing either.
    const away = await new Client(t, host()).signInDirectly({
      id: author.account.id,
      territoryId: calvados.id,
    })
    assert.equal((await away.post(`/mises-en-relation/${match.id}/accepter`, {})).statusCode, 404)
    assert.deepEqual(await findMatch(t.db.db, lozere.id, match.id), match)
    assert.equal((await here.client.get('/mises-en-relation/pas-un-identifiant')).statusCode, 404)
  })

  it('ignores a status, an author, a responder or a territory sent in a form', async () => {
    const author = await person()
    const helper = await person()
    const listing = await makeListing(t, calvados, author.account)
    const forged = {
      status: 'done',
      authorId: helper.account.id,
      responderId: author.account.id,
      territoryId: lozere.id,
    }
    const res = await helper.client.post(`/annonces/${listing.id}/repondre`, {
      message: 'Bonjour',
      ...forged,
    })
    assert.equal(res.statusCode, 303)
    const [row] = await t.db.db.select().from(matches).where(eq(matches.listingId, listing.id))
    assert.equal(row?.status, 'pending')
    assert.equal(row?.authorId, author.account.id)
    assert.equal(row?.responderId, helper.account.id)
    assert.equal(row?.territoryId, calvados.id)
    await author.client.post(`/mises-en-relation/${row!.id}/accepter`, {
      ...forged,
      doneMarkedBy: helper.account.id,
    })
    const accepted = await findMatch(t.db.db, calvados.id, row!.id)
    assert.equal(accepted?.status, 'accepted')
    assert.equal(accepted?.doneMarkedBy, null)
  })

  it('refuses a form without its CSRF token', async () => {
    const author = await person()
    const helper = await person()
    const listing = await makeListing(t, calvados, author.account)
    const res = await helper.client.post(
      `/annonces/${listing.id}/repondre`,
      { message: 'Bonjour' },
      { withoutCsrf: true },
    )
    assert.equal(res.statusCode, 403)
    const match = await makeMatch(t, calvados, listing, helper.account)
    const accept = await author.client.post(
      `/mises-en-relation/${match.id}/accepter`,
      {},
      { withoutCsrf: true },
    )
    assert.equal(accept.statusCode, 403)
    assert.equal((await findMatch(t.db.db, calvados.id, match.id))?.status, 'pending')
  })

  it('shows HTML in a response or a reason as text, on every page', async () => {
    const author = await person()
    const helper = await person()
    const listing = await makeListing(t, calvados, author.account)
    const html = '<script>alert(1)</script><img src=x onerror=alert(2)>'
    const res = await helper.client.post(`/annonces/${listing.id}/repondre`, { message: `Bonjour ${html}` })
    const id = /mises-en-relation\/([\w-]+)/.exec(res.headers.location as string)![1]!
    for (const body of [
      (await author.client.get(`/annonces/${listing.id}`)).body,
      (await author.client.get(`/mises-en-relation/${id}`)).body,
    ]) {
      assert.doesNotMatch(body, /<script>alert|<img src=x/)
      assert.match(
        page(body).text('main'),
        /Bonjour <script>alert\(1\)<\/script><img src=x onerror=alert\(2\)>/,
      )
    }
    await author.client.post(`/mises-en-relation/${id}/decliner`, { reason: `<b>non</b>${html}` })
    const declined = (await helper.client.get(`/mises-en-relation/${id}`)).body
    assert.doesNotMatch(declined, /<b>non<\/b>|<script>alert/)
    assert.match(page(declined).text('main'), /Raison donnée : <b>non<\/b><script>/)
  })
})
