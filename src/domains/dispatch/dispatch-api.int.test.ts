import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { callApi, makeAccessToken } from '../../../test/helpers/api.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import {
  type DispatchWorld,
  dispatchWorld,
  LIST,
  matchesOf,
  proposalRows,
} from '../../../test/helpers/dispatch.ts'
import { page } from '../../../test/helpers/html.ts'
import { makeListing } from '../../../test/helpers/listings.ts'

const HOSTILE: string[] = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/hostile-inputs.json', import.meta.url), 'utf8'),
)
const inPath = (text: string) => encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '\ufffd'))

/** The JSON API of dispatch, and hostile text in every field and parameter. */
describe('dispatch: the API and hostile inputs', () => {
  let t: TestApp
  let w: DispatchWorld
  before(async () => {
    t = await buildTestApp()
    w = await dispatchWorld(t)
  })
  after(() => t.close())

  const ask = (title: string) =>
    makeListing(t, w.calvados, w.author, {
      title,
      categoryId: w.groceries.id,
      publishedAt: new Date(t.clock.now().getTime() - 72 * 3_600_000),
    })

  it('lets a coordinator list, suggest and propose; a volunteer with a token lists and accepts', async () => {
    const listing = await ask('Courses par l’API')
    const staff = await w.staff(w.coordinator)
    const json = (method: 'GET' | 'POST', url: string, payload?: object) =>
      staff.request({
        method,
        url,
        headers: { 'x-csrf-token': staff.csrfToken() },
        ...(payload ? { payload } : {}),
      })
    const asks = (await json('GET', '/api/v1/dispatch/asks')).json()
    assert.ok(asks.some((a: { title: string }) => a.title === 'Courses par l’API'))
    const suggestions = (await json('GET', `/api/v1/dispatch/asks/${listing.id}/suggestions`)).json()
    assert.equal(suggestions[0].displayName, 'Amina')
    assert.equal(suggestions[0].email, undefined)
    const sent = await json('POST', `/api/v1/dispatch/asks/${listing.id}/proposals`, {
      volunteerIds: [w.amina.id],
    })
    assert.deepEqual(sent.json(), { sent: 1 })
    const refused = await json('POST', `/api/v1/dispatch/asks/${listing.id}/proposals`, {
      volunteerIds: [w.optedOut.id],
    })
    assert.equal(refused.statusCode, 400)

    const token = await makeAccessToken(t, w.calvados, w.amina.id, ['dispatch:read', 'dispatch:write'])
    const api = { host: w.host, token }
    const mine = (await callApi(t, api, 'GET', '/api/v1/me/proposals')).json()
    assert.equal(mine[0].title, 'Courses par l’API')
    assert.deepEqual(Object.keys(mine[0]).sort(), ['expiresAt', 'id', 'listingId', 'status', 'title'])
    const accepted = await callApi(t, api, 'POST', `/api/v1/me/proposals/${mine[0].id}/accept`, {})
    assert.equal(accepted.statusCode, 200, accepted.body)
    assert.equal((await matchesOf(t, listing.id))[0]?.id, accepted.json().matchId)
    const twice = await callApi(t, api, 'POST', `/api/v1/me/proposals/${mine[0].id}/decline`)
    assert.equal(twice.statusCode, 409)
    // Staff powers never travel with a token.
    const staffToken = await makeAccessToken(t, w.calvados, w.coordinator.id, ['dispatch:read'])
    assert.equal(
      (await callApi(t, { host: w.host, token: staffToken }, 'GET', '/api/v1/dispatch/asks')).statusCode,
      403,
    )
  })

  it('refuses every hostile string in the delay, the volunteers, the message, the filters and the addresses', async () => {
    const listing = await ask('Courses hostiles')
    const coordinator = await w.staff(w.coordinator)
    await coordinator.post(`${LIST}/${listing.id}/propositions`, { volunteers: [w.amina.id] })
    const [proposal] = await proposalRows(t, listing.id)
    const amina = await w.resident(w.amina)
    const delayBefore = w.calvados.dispatchDelayHours
    for (const text of HOSTILE) {
      const what = JSON.stringify(text.slice(0, 30))
      const delay = await coordinator.post(`${LIST}/delai`, { delay: text })
      assert.ok([400].includes(delay.statusCode), `delay ${what}: ${delay.statusCode}`)
      const propose = await coordinator.post(`${LIST}/${listing.id}/propositions`, { volunteers: [text] })
      assert.equal(propose.statusCode, 400, `volunteers ${what}`)
      const filtered = await coordinator.get(`${LIST}?categorie=${inPath(text)}&commune=${inPath(text)}`)
      assert.ok(
        filtered.statusCode === 200 || filtered.statusCode === 400,
        `filters ${what}: ${filtered.statusCode}`,
      )
      for (const url of [
        `${LIST}/${inPath(text)}`,
        `${LIST}/repartition/${inPath(text)}`,
        `/mes-propositions/${inPath(text)}`,
      ]) {
        const res = url.startsWith('/mes') ? await amina.get(url) : await coordinator.get(url)
        assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${url}: ${res.statusCode}`)
      }
      for (const body of [filtered.body, delay.body]) assert.doesNotMatch(body, /<script>alert|<img src=x/)
    }
    const long = await amina.post(`/mes-propositions/${proposal!.id}/accepter`, { message: 'a'.repeat(1001) })
    assert.equal(long.statusCode, 400)
    assert.match(page(long.body).text('.error-summary'), /plus de 1000 caractères/)
    assert.equal((await proposalRows(t, listing.id))[0]?.status, 'pending', 'nothing written')
    assert.equal((await t.app.services.tenancy.resolveHost(w.host))?.dispatchDelayHours, delayBefore)
    const markup = HOSTILE.find((h) => h.includes('<script')) ?? '<script>alert(1)</script>'
    const ok = await amina.post(`/mes-propositions/${proposal!.id}/accepter`, { message: markup })
    assert.equal(ok.statusCode, 303)
  })
})
