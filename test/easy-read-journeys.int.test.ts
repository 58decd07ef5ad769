import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Client } from './helpers/accounts.ts'
import { fillAsk } from './helpers/ask-pages.ts'
import { page } from './helpers/html.ts'
import { matchesOnTheWeb } from './helpers/match-web.ts'
import { makeMatch } from './helpers/matches.ts'

type World = Awaited<ReturnType<typeof matchesOnTheWeb>>
type Person = Awaited<ReturnType<World['person']>>

/**
 * The main journeys in easy-to-read words: each page read once in easy reading (the easy words
 * there, the usual ones gone) and once as usual (the other way round), so that neither assertion
 * can pass on a page that simply lacks both.
 */
describe('easy reading along the main journeys: home, ask, respond, decide, messages', () => {
  let w: World
  let jeanne: Person
  let marie: Person
  let listingId: string
  let matchId: string
  before(async () => {
    w = await matchesOnTheWeb()
    // Jeanne chose easy reading in her profile; the others read with the switch's cookie.
    jeanne = await w.person({ displayName: 'Jeanne', easyRead: true })
    marie = await w.person({ displayName: 'Marie' })
    const listing = await w.listingOf(jeanne.account, { title: 'Courses du samedi' })
    listingId = listing.id
    matchId = (await makeMatch(w.t, w.calvados, listing, marie.account)).id
  })
  after(async () => {
    await w?.t.close()
  })

  /** The page's main text, read by a client in easy reading and by the same person as usual. */
  async function bothWays(client: Client, url: string) {
    const easy = await client.request({ method: 'GET', url, cookies: { lecture: 'facile' } })
    const usual = await client.request({ method: 'GET', url, cookies: { lecture: 'habituelle' } })
    assert.equal(easy.statusCode, 200, url)
    assert.equal(usual.statusCode, 200, url)
    return { easy: page(easy.body), usual: page(usual.body) }
  }

  function saysInstead(
    pages: { easy: ReturnType<typeof page>; usual: ReturnType<typeof page> },
    easy: string,
    usual: string,
  ) {
    const e = pages.easy.text('main')
    const u = pages.usual.text('main')
    assert.ok(e.includes(easy), `easy page says « ${easy} »: ${e.slice(0, 400)}`)
    assert.ok(!e.includes(usual), `easy page no longer says « ${usual} »`)
    assert.ok(u.includes(usual), `usual page says « ${usual} »`)
    assert.ok(!u.includes(easy), `usual page does not say « ${easy} »`)
  }

  it('home page and « J’ai besoin d’aide », for a visitor', async () => {
    const visitor = new Client(w.t, w.host())
    const home = await bothWays(visitor, '/')
    saysInstead(home, 'Ici, des voisins s’aident. L’aide est gratuite.', 'Entre voisins, on se rend service')
    saysInstead(home, 'Vous êtes d’accord tous les 2 ?', 'Vous échangez vos coordonnées seulement')
    assert.equal(home.easy.document.body.getAttribute('class'), 'easy-read')
    const door = await bothWays(visitor, '/besoin-d-aide')
    saysInstead(door, 'Sur internet, il y a 2 étapes.', 'En ligne : créez un compte')
  })

  it('asking for help, one question per page, as the profile chose', async () => {
    const first = page((await jeanne.client.get('/annonces/nouvelle/demande')).body)
    assert.equal(first.h1(), 'Quelle aide voulez-vous ?')
    assert.match(first.text('main'), /Choisissez 1 seule aide\./)
    const steps = await bothWays(jeanne.client, '/annonces/nouvelle/demande')
    saysInstead(steps, 'Quelle aide voulez-vous ?', 'De quelle aide avez-vous besoin ?')

    const start = await jeanne.client.post('/annonces/demande', { categoryId: w.category.id })
    assert.equal(start.statusCode, 303)
    const description = await bothWays(jeanne.client, start.headers.location as string)
    saysInstead(description, 'Que faut-il faire pour vous ?', 'Que faut-il faire ?')
    saysInstead(description, 'Le titre de votre annonce', 'Titre')
    // An error in easy words too, on the same page.
    const empty = await jeanne.client.post(start.headers.location as string, { title: '', description: '' })
    assert.equal(empty.statusCode, 400)
    assert.deepEqual(
      page(empty.body)
        .errorSummary()
        .map((e) => e.text),
      ['Écrivez un titre', 'Expliquez l’aide en quelques mots'],
    )

    const draft = await fillAsk(jeanne.client, w.category.id)
    const check = await bothWays(jeanne.client, `/annonces/demande/${draft}/verifier`)
    saysInstead(check, 'Relisez votre demande', 'Vérifiez votre demande')
    saysInstead(
      check,
      'Votre adresse et votre téléphone restent cachés.',
      'jamais votre adresse ni votre téléphone',
    )
  })

  it('answering a listing', async () => {
    // Marie answered already; Paul, another neighbour, reads the form.
    const paul = await w.person({ displayName: 'Paul' })
    const respond = await bothWays(paul.client, `/annonces/${listingId}`)
    saysInstead(
      respond,
      'Écrivez un message à Jeanne. Le message passe par le site.',
      'Écrivez quelques mots à Jeanne',
    )
    saysInstead(respond, 'Dites qui vous êtes.', 'Présentez-vous')
  })

  it('deciding on an answer: yes or no, the phone or the email', async () => {
    const decide = await bothWays(jeanne.client, `/mises-en-relation/${matchId}`)
    saysInstead(decide, 'Votre choix : oui ou non ?', 'Votre décision')
    saysInstead(
      decide,
      'Marie veut vous aider. Vous pouvez dire oui ou non.',
      'Marie a répondu à votre annonce',
    )
    const buttons = (p: ReturnType<typeof page>) => p.all('main button').join(' | ')
    assert.match(buttons(decide.easy), /Oui, j’accepte/)
    assert.match(buttons(decide.easy), /Non merci/)
    assert.doesNotMatch(buttons(decide.easy), /Décliner/)
    assert.match(buttons(decide.usual), /Décliner/)
  })

  it('the messages of an answer', async () => {
    const messages = await bothWays(marie.client, `/mises-en-relation/${matchId}/messages`)
    assert.equal(messages.easy.h1(), 'Vos messages avec Jeanne')
    assert.equal(messages.usual.h1(), 'Conversation avec Jeanne')
    saysInstead(
      messages,
      'Gardez votre argent et votre carte bancaire pour vous.',
      'Ne donnez jamais d’argent',
    )
  })
})
