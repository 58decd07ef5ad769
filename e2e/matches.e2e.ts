import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { postAskStepByStep } from './helpers/ask.ts'
import { expectAccessible } from './helpers/axe.ts'
import { type JourneyWithMail, startJourneyWithMail } from './helpers/journey.ts'
import { searchListings } from './helpers/listings.ts'
import { h1, main, pathOf, tabTo } from './helpers/page.ts'
import { expectNoHorizontalScroll } from './helpers/reflow.ts'
import { isSignedIn, signIn } from './helpers/session.ts'

/** The two residents of the demonstration: verified addresses and a phone number each. */
const JEANNE = {
  name: 'Jeanne Martin',
  email: 'jeanne.demo@entraide.localhost',
  password: 'jeanne cultive des tomates à Bayeux',
  phone: '+33261910001',
  /** the number as pages show it */
  shownPhone: '02 61 91 00 01',
}
const KARIM = {
  name: 'Karim Benali',
  email: 'karim.demo@entraide.localhost',
  password: 'karim répare les vélos du quartier à Caen',
  phone: '+33261910002',
  shownPhone: '02 61 91 00 02',
}
type Person = typeof JEANNE

const ASK_TITLE = 'Fixer une étagère dans ma cuisine'
const RESPONSE = 'Je peux aider : j’ai une perceuse et des chevilles, je passe quand vous voulez.'
const FROM_KARIM = 'Je passe samedi à 10 h, cela vous convient ?'
const FROM_JEANNE = 'Parfait, à samedi 10 h. Merci beaucoup !'
const THANKS = 'Merci Karim, l’étagère tient parfaitement et la cuisine est rangée.'
const LISTING_PAGE = /^\/annonces\/[0-9a-f]{8}-[0-9a-f-]{27}$/
const MATCH_PAGE = /^\/mises-en-relation\/[0-9a-f]{8}-[0-9a-f-]{27}$/

/** Every way a person's contact details could be written in a page or a mail. */
function contactTraces(person: Person): string[] {
  const national = person.phone.replace(/^\+33/, '0')
  return [
    person.email,
    person.phone,
    national,
    national.replace(/(\d{2})(?=\d)/g, '$1 '),
    national.replace(/(\d{2})(?=\d)/g, '$1.'),
  ]
}

function assertNoContacts(text: string, person: Person, where: string) {
  for (const trace of contactTraces(person)) {
    assert.ok(!text.includes(trace), `${where} shows ${person.name}’s contact detail ${trace}`)
  }
}

/**
 * Jeanne asks for help; Karim finds the ask by search and answers « Je peux aider »; Jeanne is
 * told by email and accepts; each then sees the contact details the other chose to share, which
 * were hidden until then; they write to each other; Karim says the help was given, Jeanne confirms
 * and thanks him publicly, and the ask shows as fulfilled with the thanks.
 * Two browser contexts, so two separate sets of cookies, as two people on two devices.
 */
describe('matches: respond, accept, contacts revealed, messages, help given and thanks', () => {
  let journey: JourneyWithMail
  let jeanne: Page
  let karim: Page
  let askPath = ''
  let matchPath = ''

  before(async () => {
    // Jobs run by the server process itself, so that the mails leave without a separate worker.
    journey = await startJourneyWithMail({ JOBS_ENABLED: 'true' })
  })

  after(async () => {
    await journey?.close()
  })

  /** The contacts section of a match page (its heading changes once contacts are revealed). */
  const contacts = (page: Page) => page.locator('section[aria-labelledby="contacts-title"]')

  /** Sends a message from the conversation at the bottom of the match page. */
  async function write(page: Page, text: string) {
    const form = page.locator('#conversation form')
    await form.getByLabel('Votre message').fill(text)
    await form.getByRole('button', { name: 'Envoyer' }).click()
    await page.waitForURL((url) => url.pathname === matchPath && url.hash === '#conversation')
  }

  /** The messages of the conversation, each as its text reads (sender, time, words, « Vu »). */
  const messages = (page: Page) => page.locator('#conversation ol.messages > li').allInnerTexts()

  it('Jeanne and Karim sign in, each in a browser of their own', async () => {
    jeanne = await journey.newPage()
    karim = await journey.newPage()
    for (const [page, person] of [
      [jeanne, JEANNE],
      [karim, KARIM],
    ] as const) {
      await signIn(page, person)
      assert.equal(pathOf(page), '/')
      assert.ok(await isSignedIn(page), `${person.name} is signed in`)
      await expectAccessible(page, `home, signed in (${person.name})`)
    }
  })

  it('Jeanne posts an ask', async () => {
    await postAskStepByStep(jeanne, {
      category: 'Petites réparations et bricolage',
      title: ASK_TITLE,
      description: 'Une étagère de 80 cm à fixer au mur, au-dessus de l’évier.',
      commune: 'Bayeux',
      when: 'Quand cela vous arrange (flexible)',
      urgency: 'Pas pressé',
    })
    await jeanne.waitForURL((url) => LISTING_PAGE.test(url.pathname))
    askPath = pathOf(jeanne)
    assert.equal(await h1(jeanne), ASK_TITLE)
    assert.match(await main(jeanne).innerText(), /État : Publiée/)
    assert.match(await main(jeanne).innerText(), /Réponses à votre annonce \(0\)/)
    await expectAccessible(jeanne, 'the ask just published (Jeanne)')
  })

  it('Karim finds it by search and sees no contact detail of Jeanne', async () => {
    // No commune: the whole territory is searched.
    await searchListings(karim, { words: 'etagere', commune: '' })
    const results = karim.locator('.results > li')
    assert.deepEqual(await results.locator('h3').allInnerTexts(), [ASK_TITLE])
    assertNoContacts(await karim.content(), JEANNE, 'the search results')
    await expectAccessible(karim, '/annonces?words=etagere (Karim)')

    await results.first().getByRole('link', { name: ASK_TITLE }).click()
    await karim.waitForURL((url) => url.pathname === askPath)
    assert.equal(await h1(karim), ASK_TITLE)
    assert.match(await main(karim).innerText(), /Publiée par Jeanne Martin/)
    assert.equal(await karim.getByRole('heading', { name: 'Je peux aider' }).count(), 1)
    assertNoContacts(await karim.content(), JEANNE, 'the ask seen by Karim before he responds')
    await expectAccessible(karim, 'the ask (Karim, before responding)')
  })

  it('Karim responds « Je peux aider », sharing his phone, with the keyboard only', async () => {
    const form = karim.locator('#repondre form')
    await form.getByLabel('Votre message').focus()
    await karim.keyboard.type(RESPONSE)
    await karim.keyboard.press('Tab')
    await tabTo(karim, '#repondre input[value="phone"]')
    await karim.keyboard.press('Space')
    assert.ok(await form.getByLabel('Mon numéro de téléphone').isChecked())
    assert.ok(!(await form.getByLabel('Mon adresse de courriel').isChecked()))
    await tabTo(karim, '#repondre button[type="submit"]')
    await karim.keyboard.press('Enter')
    await karim.waitForURL((url) => MATCH_PAGE.test(url.pathname))
    matchPath = pathOf(karim)

    const text = await main(karim).innerText()
    assert.match(text, /Votre réponse est envoyée/)
    assert.match(text, /Jeanne Martin n’a pas encore décidé/)
    assert.match(text, /Si votre réponse est acceptée, Jeanne Martin verra votre numéro de téléphone\./)
    assert.match(await contacts(karim).innerText(), /ne sont montrées qu’une fois la réponse acceptée/)
    assert.ok((await messages(karim)).some((m) => m.includes(RESPONSE)))
    assertNoContacts(await karim.content(), JEANNE, 'the match page of Karim, pending')
    await expectAccessible(karim, 'the match, pending (Karim)')
  })

  it('Jeanne gets the email at the SMTP receiver, without Karim’s details, and follows it', async () => {
    const mail = await journey.smtp.waitFor(
      (m) => m.to.includes(JEANNE.email) && m.subject.includes('a répondu à votre annonce'),
      15_000,
    )
    assert.equal(mail.subject, `${KARIM.name} a répondu à votre annonce « ${ASK_TITLE} »`)
    assert.match(mail.text, new RegExp(`${KARIM.name} a répondu à votre annonce « ${ASK_TITLE} »`))
    assertNoContacts(mail.raw, KARIM, 'the email telling Jeanne of the response')
    assert.ok(!mail.raw.includes(RESPONSE), 'the email carries no message text')
    assert.equal(mail.headers.get('list-unsubscribe-post'), 'List-Unsubscribe=One-Click')

    // In the app too: the header counts it before she opens anything (with the tips the
    // demonstration's older asks already brought her).
    await jeanne.goto('/')
    const bell = jeanne.locator('header').getByRole('link', { name: /^Notifications/ })
    assert.match((await bell.textContent()) ?? '', /Notifications \([1-9]\d*\)/)
    await expectAccessible(jeanne, 'home with an unread notification (Jeanne)')

    const link = /https?:\/\/\S+?(\/mises-en-relation\/[0-9a-f-]{36})/.exec(mail.text)
    assert.ok(link, `the email links to the match:\n${mail.text}`)
    assert.equal(link[1], matchPath)
    await jeanne.goto(link[1]!)
    assert.equal(await h1(jeanne), `${KARIM.name} propose de vous aider`)
    const text = await main(jeanne).innerText()
    assert.match(text, /Karim Benali a répondu à votre annonce\. Acceptez/)
    assert.ok(
      (await messages(jeanne)).some((m) => m.includes(RESPONSE)),
      'she reads his message',
    )
    assert.match(text, /Pour votre sécurité/)
    assert.match(await contacts(jeanne).innerText(), /ne sont montrées qu’une fois la réponse acceptée/)
    assertNoContacts(await jeanne.content(), KARIM, 'the match page of Jeanne, pending')
    await expectAccessible(jeanne, 'the match, pending (Jeanne)')
  })

  it('Jeanne accepts, sharing her phone and her email; each now sees the other’s chosen details', async () => {
    const form = jeanne.locator('main form', { has: jeanne.getByRole('button', { name: /^Accepter/ }) })
    await form.getByLabel('Mon numéro de téléphone').check()
    await form.getByLabel('Mon adresse de courriel').check()
    await form.getByRole('button', { name: /^Accepter/ }).click()
    await jeanne.waitForURL(
      (url) => url.pathname === matchPath && url.searchParams.get('fait') === 'acceptee',
    )

    const mine = await main(jeanne).innerText()
    assert.match(mine, /Réponse acceptée/)
    assert.match(mine, /Vous avez accepté son aide/)
    const shown = contacts(jeanne)
    assert.match(await shown.innerText(), /Coordonnées partagées par Karim Benali/)
    assert.equal(
      await shown.getByRole('link', { name: KARIM.shownPhone }).getAttribute('href'),
      `tel:${KARIM.phone}`,
    )
    assert.ok(!(await jeanne.content()).includes(KARIM.email), 'Karim did not share his email')
    assert.match(
      await shown.innerText(),
      /Karim Benali voit votre numéro de téléphone, votre adresse de courriel\./,
    )
    await expectAccessible(jeanne, 'the match, accepted (Jeanne)')
    await expectNoHorizontalScroll(jeanne, 'the match page (Jeanne)')

    await karim.goto(matchPath)
    const his = contacts(karim)
    assert.match(await his.innerText(), /Coordonnées partagées par Jeanne Martin/)
    assert.equal(
      await his.getByRole('link', { name: JEANNE.shownPhone }).getAttribute('href'),
      `tel:${JEANNE.phone}`,
    )
    assert.equal(
      await his.getByRole('link', { name: JEANNE.email }).getAttribute('href'),
      `mailto:${JEANNE.email}`,
    )
    assert.match(await his.innerText(), /Jeanne Martin voit votre numéro de téléphone\./)
    await expectAccessible(karim, 'the match, accepted (Karim)')
    await expectNoHorizontalScroll(karim, 'the match page (Karim)')
  })

  it('they write to each other, and Karim sees « Vu » once Jeanne has read him', async () => {
    await write(karim, FROM_KARIM)
    let his = await messages(karim)
    const sent = his.find((m) => m.includes(FROM_KARIM))
    assert.ok(sent, 'his message is in the conversation')
    assert.match(sent, /^Vous/)
    assert.doesNotMatch(sent, /\bVu\b/, 'not seen before Jeanne opens the page')
    // His first message was seen when Jeanne opened the match from her email.
    assert.match(his.find((m) => m.includes(RESPONSE)) ?? '', /\bVu\b/)

    await jeanne.goto(matchPath)
    const hers = await messages(jeanne)
    assert.match(hers.find((m) => m.includes(FROM_KARIM)) ?? '', /^Karim Benali/)
    await write(jeanne, FROM_JEANNE)
    assert.ok((await messages(jeanne)).some((m) => m.includes(FROM_JEANNE)))
    await expectAccessible(jeanne, 'the conversation after writing (Jeanne)')

    await karim.goto(matchPath)
    his = await messages(karim)
    assert.match(his.find((m) => m.includes(FROM_JEANNE)) ?? '', /^Jeanne Martin/)
    assert.match(his.find((m) => m.includes(FROM_KARIM)) ?? '', /\bVu\b/)
    await expectAccessible(karim, 'the conversation with an answer (Karim)')
  })

  it('both find it in « Mes échanges » and in their notifications', async () => {
    for (const [page, who, other, line] of [
      [karim, 'Karim', JEANNE.name, /Vous avez répondu à l’annonce publiée par Jeanne Martin/],
      [jeanne, 'Jeanne', KARIM.name, /Karim Benali a répondu à votre annonce/],
    ] as const) {
      await page.goto('/mises-en-relation')
      assert.equal(await h1(page), 'Mes échanges')
      const item = page.locator('.listing-list > li', { has: page.getByRole('link', { name: ASK_TITLE }) })
      assert.match(await item.innerText(), line)
      assert.match(await item.innerText(), /Acceptée/)
      await expectAccessible(page, `/mises-en-relation (${who})`)

      await page.goto('/notifications')
      assert.equal(await h1(page), 'Notifications')
      assert.ok((await main(page).innerText()).includes(other), `${who}’s notifications name ${other}`)
      await expectAccessible(page, `/notifications (${who})`)
    }
    assert.match(await main(karim).innerText(), /Jeanne Martin a accepté votre réponse à « Fixer une étagère/)
  })

  it('Karim marks the help given; Jeanne confirms and thanks him publicly', async () => {
    await karim.goto(matchPath)
    await karim.getByRole('button', { name: 'Aide réalisée' }).click()
    await karim.waitForURL((url) => url.pathname === matchPath && url.searchParams.get('fait') === 'realisee')
    assert.match(
      await main(karim).innerText(),
      /Vous avez indiqué que l’aide a été réalisée : Jeanne Martin doit le confirmer\./,
    )
    await expectAccessible(karim, 'the match, help marked given (Karim)')

    await jeanne.goto(matchPath)
    assert.match(await main(jeanne).innerText(), /Karim Benali indique que l’aide a été réalisée/)
    await expectAccessible(jeanne, 'the match, to confirm (Jeanne)')
    const form = jeanne.locator('main form', {
      has: jeanne.getByRole('button', { name: 'Confirmer que l’aide a été réalisée' }),
    })
    await form.getByLabel('Un mot de remerciement (facultatif)').fill(THANKS)
    await form.getByLabel(/^Rendre ce remerciement public/).check()
    await form.getByRole('button', { name: 'Confirmer que l’aide a été réalisée' }).click()
    await jeanne.waitForURL(
      (url) => url.pathname === matchPath && url.searchParams.get('fait') === 'confirmee',
    )
    const text = await main(jeanne).innerText()
    assert.match(text, /Merci ! L’aide est confirmée\./)
    assert.match(text, /L’aide a été réalisée\. Merci à vous deux/)
    assert.match(text, /Ce remerciement est public/)
    await expectAccessible(jeanne, 'the match, done (Jeanne)')
  })

  it('the ask shows as fulfilled, with the public thanks, to anyone', async () => {
    const visitor = await journey.newPage()
    for (const [page, who] of [
      [jeanne, 'Jeanne'],
      [karim, 'Karim'],
      [visitor, 'a visitor'],
    ] as const) {
      await page.goto(askPath)
      assert.equal(await h1(page), ASK_TITLE)
      const text = await main(page).innerText()
      assert.match(text, /État : Aide trouvée/, `${who} sees the ask fulfilled`)
      const thanks = page.getByRole('region', { name: 'Remerciements' })
      assert.match(await thanks.innerText(), /Jeanne Martin remercie Karim Benali :/)
      assert.ok((await thanks.innerText()).includes(THANKS))
      await expectAccessible(page, `the fulfilled ask (${who})`)
    }
    // Contacts stay between the two of them: the public page shows none.
    const html = await visitor.content()
    assertNoContacts(html, JEANNE, 'the fulfilled ask seen by a visitor')
    assertNoContacts(html, KARIM, 'the fulfilled ask seen by a visitor')
  })

  it('raised no script error, blocked resource or server error on the way', () => {
    assert.deepEqual(journey.pageProblems(), [])
  })
})
