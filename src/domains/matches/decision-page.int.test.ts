import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { page } from '../../../test/helpers/html.ts'
import { matchesOnTheWeb } from '../../../test/helpers/match-web.ts'
import { makeMatch } from '../../../test/helpers/matches.ts'
import { verifyVolunteer } from '../../../test/helpers/missions.ts'

type World = Awaited<ReturnType<typeof matchesOnTheWeb>>

/** The order in which some texts first appear in a page's main region, as a reader meets them. */
function order(text: string, ...parts: string[]): number[] {
  return parts.map((p) => {
    const at = text.indexOf(p)
    assert.ok(at >= 0, `« ${p} » is on the page`)
    return at
  })
}

/**
 * Issue 16, problem 7: deciding on a response is reading the helper's words and who they are
 * before the buttons, in the person's words rather than the staff's.
 */
describe('the decision page: the helper’s message, who they are, then the buttons', () => {
  let w: World
  let jeanne: Awaited<ReturnType<World['person']>>
  let marie: Awaited<ReturnType<World['person']>>
  let matchId: string
  before(async () => {
    w = await matchesOnTheWeb()
    jeanne = await w.person({ displayName: 'Jeanne' })
    marie = await w.person({ displayName: 'Marie D.', createdAt: new Date('2025-03-10T10:00:00Z') })
    // Marie helped twice before (once on an ask, once with her own offer), and was helped once:
    // only the help she gave counts.
    const other = await w.person({ displayName: 'Paul' })
    const ask = await w.listingOf(other.account)
    await makeMatch(w.t, w.calvados, ask, marie.account, { status: 'done' })
    const offer = await w.listingOf(marie.account, { kind: 'offer' })
    await makeMatch(w.t, w.calvados, offer, other.account, { status: 'done' })
    const helpedHer = await w.listingOf(marie.account)
    await makeMatch(w.t, w.calvados, helpedHer, other.account, { status: 'done' })
    await verifyVolunteer(w.t, w.calvados, marie.account.id)
    const listing = await w.listingOf(jeanne.account, { title: 'Courses du samedi' })
    const match = await makeMatch(w.t, w.calvados, listing, marie.account, {
      message: 'Bonjour Jeanne, je fais mes courses au marché samedi matin.',
    })
    matchId = match.id
  })
  after(async () => {
    await w?.t.close()
  })

  it('says who offers help, then her message, who she is, and only then the buttons', async () => {
    const res = await jeanne.client.get(`/mises-en-relation/${matchId}`)
    assert.equal(res.statusCode, 200)
    const p = page(res.body)
    assert.equal(p.h1(), 'Marie D. propose de vous aider')
    const main = p.text('main')
    const [message, since, helped, verified, accept, decline] = order(
      main,
      'je fais mes courses au marché samedi matin',
      'Membre depuis mars 2025',
      'A déjà aidé 2 fois',
      'Bénévole vérifié par l’équipe',
      'Accepter',
      'Décliner',
    )
    assert.ok(message! < since! && since! < helped! && helped! < verified!, main)
    assert.ok(verified! < accept! && accept! < decline!, main)
    assert.doesNotMatch(main, /mise en relation|Statut :/i)
  })

  it('after accepting, says so plainly', async () => {
    const res = await jeanne.client.post(`/mises-en-relation/${matchId}/accepter`, { shares: 'email' })
    assert.equal(res.statusCode, 303)
    const p = page((await jeanne.client.get(res.headers.location as string)).body)
    const main = p.text('main')
    assert.match(main, /Vous avez accepté son aide/)
    assert.doesNotMatch(main, /mise en relation|Statut :/i)
  })

  it('a helper who never helped yet and is not verified is said to be new, without a badge', async () => {
    const bob = await w.person({ displayName: 'Bob' })
    const listing = await w.listingOf(jeanne.account)
    const match = await makeMatch(w.t, w.calvados, listing, bob.account)
    const main = page((await jeanne.client.get(`/mises-en-relation/${match.id}`)).body).text('main')
    assert.match(main, /N’a pas encore aidé par la plateforme/)
    assert.doesNotMatch(main, /vérifié/)
  })
})
