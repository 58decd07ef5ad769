import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { page } from '../../../test/helpers/html.ts'
import { matchesOnTheWeb } from '../../../test/helpers/match-web.ts'
import { makeMatch } from '../../../test/helpers/matches.ts'
import { territories } from '../tenancy/territory.schema.ts'

type World = Awaited<ReturnType<typeof matchesOnTheWeb>>

/** Every number a page shows reads the French way; `tel:` links keep the stored E.164 form. */
function assertNationalNumbers(html: string, expected: string, e164: string) {
  const p = page(html)
  const text = p.text('body')
  assert.ok(text.includes(expected), `« ${expected} » is shown`)
  assert.doesNotMatch(text, /\+33\s?\d/, 'no number is shown in its stored form')
  const links = [...p.document.querySelectorAll('a[href^="tel:"]')].map((a) => a.getAttribute('href'))
  assert.ok(links.includes(`tel:${e164}`), `a tel: link dials ${e164}`)
}

/** Issue 16, problem 10: « +33261910002 » nowhere, « 02 61 91 00 02 » everywhere. */
describe('phone numbers as people read them', () => {
  let w: World
  before(async () => {
    w = await matchesOnTheWeb()
    await w.t.db.db
      .update(territories)
      .set({ helplinePhone: '+33261910000', helplineHours: { fr: 'du lundi au vendredi', en: 'weekdays' } })
      .where(eq(territories.id, w.calvados.id))
    w.t.app.services.tenancy.forget()
  })
  after(async () => {
    await w?.t.close()
  })

  it('the phone line on the home page, « J’ai besoin d’aide » and the contact page', async () => {
    const visitor = await w.person()
    for (const path of ['/', '/besoin-d-aide', '/contact']) {
      const res = await visitor.client.get(path)
      assert.equal(res.statusCode, 200, path)
      assertNationalNumbers(res.body, '02 61 91 00 00', '+33261910000')
    }
  })

  it('a helper’s number once both agree, and one’s own number in the profile form', async () => {
    const jeanne = await w.person({ displayName: 'Jeanne' })
    const karim = await w.person({ displayName: 'Karim', phone: '+33261910002' })
    const listing = await w.listingOf(jeanne.account)
    const match = await makeMatch(w.t, w.calvados, listing, karim.account, {
      status: 'accepted',
      responderShares: ['phone'],
    })
    const res = await jeanne.client.get(`/mises-en-relation/${match.id}`)
    assertNationalNumbers(res.body, '02 61 91 00 02', '+33261910002')
    const form = page((await karim.client.get('/compte/profil')).body)
    assert.equal(form.field('Téléphone')?.getAttribute('value'), '02 61 91 00 02')
  })
})
