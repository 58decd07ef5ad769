import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { expectAccessible } from './helpers/axe.ts'
import { type JourneyWithMail, startJourneyWithMail } from './helpers/journey.ts'
import { searchListings } from './helpers/listings.ts'
import { h1, main, pathOf } from './helpers/page.ts'
import { expectNoHorizontalScroll } from './helpers/reflow.ts'
import { isSignedIn, signIn } from './helpers/session.ts'
import { signInEnrollingSecondFactor } from './helpers/staff.ts'

const JEANNE = { email: 'jeanne.demo@entraide.localhost', password: 'jeanne cultive des tomates à Bayeux' }
const KARIM = {
  email: 'karim.demo@entraide.localhost',
  password: 'karim répare les vélos du quartier à Caen',
}
const MARC = {
  email: 'marc.moderateur@entraide.localhost',
  password: 'démo entraide calvados modération Marc',
}
const INES = {
  email: 'ines.moderatrice@entraide.localhost',
  password: 'démo entraide calvados modération Inès',
}

/** Jeanne's ask in the demonstration, and Karim's two offers, which a suspension hides. */
const ASK_TITLE = 'Courses du mardi pour ma voisine'
const KARIM_OFFERS = ['Petites réparations de vélos', 'Aide aux devoirs en mathématiques']
const RESPONSE = 'Je peux accompagner Madeleine au marché mardi matin.'
const MONEY = 'Pour les courses, envoyez-moi 20 € par Lydia avant'
const EXPLANATION = 'L’entraide est gratuite : demander de l’argent avant d’aider n’est pas permis.'
const STATEMENT = 'Les 20 € étaient pour les courses de Madeleine, pas pour moi : je rendais le ticket.'
const ANSWER = 'Avancer le prix des courses avec le ticket est permis ; la suspension est levée.'
const MATCH_PAGE = /^\/mises-en-relation\/[0-9a-f]{8}-[0-9a-f-]{27}$/

/** Every page the journey visits: WCAG 2.1 AA, and no horizontal scroll at 360 px nor at 200 %. */
async function checkPage(page: Page, label: string) {
  await expectAccessible(page, label)
  await expectNoHorizontalScroll(page, label)
}

/** The messages of a conversation, each as its text reads. */
const messages = (page: Page) => page.locator('#conversation ol.messages > li')

/**
 * Karim, volunteering for Jeanne's ask, asks her for money in their conversation; she reports the
 * message; Marc, moderator, reads it after saying why and suspends Karim for 7 days; Karim, signed
 * out at once, learns it at sign-in and contests from the mailed link; Marc may not review his own
 * decision; Inès lifts it with an answer; Karim signs in again and finds his listings back.
 * Four browser contexts, so four people on their own devices.
 */
describe('moderation: a reported message, a suspension, its appeal and its lifting', () => {
  let journey: JourneyWithMail
  let jeanne: Page
  let karim: Page
  let marc: Page
  let ines: Page
  let matchPath = ''
  let appealPath = ''
  let suspendedUntil = ''

  before(async () => {
    // Jobs run by the server itself, so that the decision's mails leave without a separate worker.
    journey = await startJourneyWithMail({ JOBS_ENABLED: 'true' })
    jeanne = await journey.newPage()
    karim = await journey.newPage()
    marc = await journey.newPage()
    ines = await journey.newPage()
  })

  after(async () => {
    await journey?.close()
  })

  it('Karim responds to Jeanne’s ask and she accepts', async () => {
    await signIn(karim, KARIM)
    await searchListings(karim, { words: 'courses voisine', commune: '' })
    await main(karim).getByRole('link', { name: ASK_TITLE }).click()
    assert.equal(await h1(karim), ASK_TITLE)
    const respond = karim.locator('#repondre form')
    await respond.getByLabel('Votre message').fill(RESPONSE)
    await respond.getByRole('button', { name: 'Envoyer ma réponse' }).click()
    await karim.waitForURL((url) => MATCH_PAGE.test(url.pathname))
    matchPath = pathOf(karim)
    assert.match(await main(karim).innerText(), /Votre réponse est envoyée/)

    await signIn(jeanne, JEANNE)
    await jeanne.goto(matchPath)
    const accept = jeanne.locator('main form', { has: jeanne.getByRole('button', { name: /^Accepter/ }) })
    await accept.getByRole('button', { name: /^Accepter/ }).click()
    await jeanne.waitForURL((url) => url.pathname === matchPath)
    assert.match(await main(jeanne).innerText(), /Vous avez accepté son aide/)
  })

  it('Karim asks for money in the conversation, and Jeanne reports the message', async () => {
    await karim.goto(matchPath)
    const form = karim.locator('#conversation form')
    await form.getByLabel('Votre message').fill(MONEY)
    await form.getByRole('button', { name: 'Envoyer' }).click()
    await karim.waitForURL((url) => url.pathname === matchPath && url.hash === '#conversation')
    assert.equal(await messages(karim).filter({ hasText: MONEY }).count(), 1)

    await jeanne.goto(matchPath)
    const message = messages(jeanne).filter({ hasText: MONEY })
    await message.getByRole('link', { name: 'Signaler ce message' }).click()
    assert.equal(await h1(jeanne), 'Signaler un problème')
    assert.match(await main(jeanne).innerText(), /Vous signalez ce message, écrit par Karim Benali/)
    await checkPage(jeanne, 'the report form (a message)')
    await main(jeanne).getByRole('button', { name: 'Envoyer le signalement' }).click()
    assert.match(
      await main(jeanne).locator('.error-summary').innerText(),
      /Choisissez le problème que vous signalez/,
    )
    await checkPage(jeanne, 'the report form with an error')
    await main(jeanne).getByLabel('Vente ou argent demandé').check()
    await main(jeanne)
      .getByLabel('Précisez ce qui ne va pas (facultatif)')
      .fill('Il demande de l’argent avant de venir.')
    await main(jeanne).getByRole('button', { name: 'Envoyer le signalement' }).click()
    assert.equal(await h1(jeanne), 'Merci pour votre signalement')
    assert.match(await main(jeanne).innerText(), /L’équipe de modération va l’examiner/)
    await checkPage(jeanne, 'the report sent')
  })

  it('Marc finds the report at the top of the queue and reads the message once he says why', async () => {
    await signInEnrollingSecondFactor(marc, MARC)
    const header = marc.locator('header').getByRole('link', { name: /^Modération/ })
    // The demonstration's queue already holds a few items, and Jeanne's report joined them; screen
    // readers hear « Modération, 4 éléments en attente ».
    assert.match(
      (await header.textContent())?.replace(/\s+/g, ' ') ?? '',
      /^Modération \((\d+)\), \1 éléments en attente$/,
    )
    await header.click()
    assert.equal(pathOf(marc), '/administration/moderation')
    assert.equal(await h1(marc), 'File de modération')
    await checkPage(marc, 'the moderation queue')

    // Reports come before held content; Jeanne's is the one about a message.
    const row = main(marc)
      .locator('tbody tr')
      .filter({ has: marc.getByRole('link', { name: /^Message/ }) })
    assert.match(await row.innerText(), /Signalement/)
    await row.getByRole('link', { name: /^Message/ }).click()
    assert.match(await h1(marc), /^Message/)
    const before = await main(marc).innerText()
    assert.ok(!before.includes(MONEY), 'the message is hidden until Marc says why he reads it')
    assert.match(before, /Vous avez pris en charge cet élément jusqu’à/)
    assert.match(before, /Karim Benali/)
    await checkPage(marc, 'the reported message, unread')

    await main(marc).getByRole('button', { name: 'Afficher le message' }).click()
    assert.match(
      await main(marc).locator('.error-summary').innerText(),
      /Choisissez pourquoi vous lisez ce message/,
    )
    await checkPage(marc, 'the reading form with an error')
    await main(marc)
      .getByLabel('Pourquoi lisez-vous ce message ?')
      .selectOption({ label: 'Examiner le signalement' })
    await main(marc).getByRole('button', { name: 'Afficher le message' }).click()
    const read = main(marc).locator('section[aria-labelledby="read-title"]')
    assert.match(await read.getByRole('heading').innerText(), /Échange entre .*Jeanne Martin|Karim Benali/)
    const shown = await read.innerText()
    assert.match(shown, new RegExp(MONEY))
    assert.match(shown, /message signalé/)
    assert.match(shown, new RegExp(RESPONSE), 'the messages around it are shown too')
    await checkPage(marc, 'the reported message, read')
  })

  it('Marc suspends Karim for 7 days, with a reason from the list and his words', async () => {
    const decide = main(marc).locator('section[aria-labelledby="decision-title"] form')
    await decide.getByRole('radio', { name: 'Suspendre le compte' }).check()
    await decide.getByRole('button', { name: 'Appliquer la décision' }).click()
    const summary = await main(marc).locator('.error-summary').innerText()
    assert.match(summary, /Choisissez le motif de la décision dans la liste/)
    assert.match(summary, /Écrivez votre explication à la personne/)
    assert.match(summary, /Choisissez la durée de la suspension/)
    await checkPage(marc, 'the decision form with errors')

    await decide.getByRole('radio', { name: 'Suspendre le compte' }).check()
    await decide.getByLabel('Motif', { exact: true }).selectOption({ label: 'Demande d’argent' })
    await decide.getByLabel('Votre explication à la personne').fill(EXPLANATION)
    await decide.getByLabel('Durée de la suspension').selectOption({ label: '7 jours' })
    await decide.getByRole('button', { name: 'Appliquer la décision' }).click()
    assert.match(
      await main(marc).innerText(),
      /Décision enregistrée : Suspendre le compte\. La personne concernée est prévenue par courriel\./,
    )
    await checkPage(marc, 'the queue after the decision')

    // Jeanne is told her exchange stops, without a word of why; Karim's offers are out of sight.
    const paused = await journey.smtp.waitFor(
      (m) => m.to.includes(JEANNE.email) && m.subject === 'Un de vos échanges est interrompu',
      15_000,
    )
    assert.doesNotMatch(paused.text, /suspen|argent|Demande/i)
    await searchListings(jeanne, { words: 'velos', commune: '' })
    assert.equal(await main(jeanne).getByRole('link', { name: KARIM_OFFERS[0] }).count(), 0)
  })

  it('Karim’s session is over; signing in he is told until when, and contests from the mailed link', async () => {
    await karim.goto(matchPath)
    assert.equal(pathOf(karim), '/connexion', 'his open page now asks him to sign in')
    assert.equal(await isSignedIn(karim), false)

    await signIn(karim, KARIM)
    assert.equal(await h1(karim), 'Votre compte est suspendu')
    const told = await main(karim).innerText()
    const until = /suspendu votre compte jusqu’au (.+?)\./.exec(told)
    assert.ok(until, `the page says until when:\n${told}`)
    suspendedUntil = until[1]!
    assert.match(told, /Motif : Demande d’argent ou de paiement\./)
    assert.match(told, /Le courriel que vous avez reçu au moment de la décision explique pourquoi/)
    await checkPage(karim, 'the suspended sign-in')

    const mail = await journey.smtp.waitFor(
      (m) => m.to.includes(KARIM.email) && m.subject === 'Une décision de modération vous concerne',
      15_000,
    )
    assert.match(mail.text, /a suspendu votre compte/)
    assert.match(mail.text, /Motif : Demande d’argent\./)
    assert.ok(mail.text.includes(EXPLANATION), 'the mail carries Marc’s words')
    assert.ok(!mail.text.includes('Marc'), 'the moderator is not named to the person')
    const link = /https?:\/\/\S+?(\/recours\/[\w-]+)/.exec(mail.text)
    assert.ok(link, `the mail links to the appeal:\n${mail.text}`)
    await karim.goto(link[1]!)
    assert.equal(await h1(karim), 'La décision de modération vous concernant')
    const decision = await main(karim).innerText()
    assert.match(decision, /Compte suspendu/)
    assert.match(decision, /Demande d’argent ou de paiement/)
    assert.ok(decision.includes(EXPLANATION))
    assert.ok(decision.includes(suspendedUntil), `the appeal page says until ${suspendedUntil}`)
    await checkPage(karim, 'the appeal page')

    await main(karim).getByLabel('Pourquoi contestez-vous cette décision ?').fill(STATEMENT)
    await main(karim).getByRole('button', { name: 'Envoyer mon recours' }).click()
    const after = await main(karim).innerText()
    assert.match(after, /Votre recours est en cours d’examen\./)
    assert.match(after, /Un autre modérateur relira la décision ; vous recevrez sa réponse par courriel\./)
    await checkPage(karim, 'the appeal under review')
  })

  it('Marc, opening the appeal, is told he cannot review his own decision', async () => {
    await marc.goto('/administration')
    await main(marc).getByRole('link', { name: 'Recours à relire' }).click()
    assert.equal(await h1(marc), 'Recours à relire')
    await checkPage(marc, 'the appeals list')
    await main(marc)
      .getByRole('link', { name: /Karim Benali conteste : Compte suspendu/ })
      .click()
    appealPath = pathOf(marc)
    assert.match(await h1(marc), /^Recours de Karim Benali/)
    assert.match(await main(marc).innerText(), /Vous avez pris cette décision, ou elle vous concerne/)
    assert.equal(await main(marc).getByRole('button', { name: 'Enregistrer la réponse' }).count(), 0)
    await checkPage(marc, 'the appeal, seen by its decider')
  })

  it('Inès opens the appeal from the queue, reads it and lifts the suspension with an answer', async () => {
    await signInEnrollingSecondFactor(ines, INES)
    await ines
      .locator('header')
      .getByRole('link', { name: /^Modération/ })
      .click()
    assert.equal(await h1(ines), 'File de modération')
    const row = main(ines).locator('tbody tr', { hasText: 'Recours' })
    assert.match(await row.innerText(), /Recours/)
    await row.getByRole('link', { name: /^Recours/ }).click()
    assert.match(await h1(ines), /^Recours/)
    await checkPage(ines, 'the appeal’s queue item')
    await main(ines).getByRole('link', { name: 'Examiner ce recours' }).click()
    assert.equal(pathOf(ines), appealPath)
    assert.match(await h1(ines), /^Recours de Karim Benali/)
    const page = await main(ines).innerText()
    assert.match(page, /Compte suspendu/)
    assert.ok(page.includes(EXPLANATION), 'Inès reads the decision')
    assert.ok(page.includes(STATEMENT), 'Inès reads Karim’s statement')
    await checkPage(ines, 'the appeal review')

    await main(ines).getByRole('button', { name: 'Enregistrer la réponse' }).click()
    assert.match(
      await main(ines).locator('.error-summary').innerText(),
      /Choisissez de lever la sanction ou de la maintenir/,
    )
    await checkPage(ines, 'the appeal review with errors')
    await main(ines).getByRole('radio', { name: 'Lever la sanction' }).check()
    await main(ines).getByLabel('Réponse envoyée à la personne').fill(ANSWER)
    await main(ines).getByRole('button', { name: 'Enregistrer la réponse' }).click()
    assert.match(
      await main(ines).locator('.success').innerText(),
      /La sanction est levée\. La personne a reçu votre réponse par courriel\./,
    )
    await checkPage(ines, 'the appeal answered')
  })

  it('Karim signs in again, finds his listings back and writes to Jeanne', async () => {
    const mail = await journey.smtp.waitFor(
      (m) => m.to.includes(KARIM.email) && m.text.includes(ANSWER),
      15_000,
    )
    assert.ok(!mail.text.includes('Inès'), 'the moderator is not named to the person')

    await signIn(karim, KARIM)
    assert.equal(pathOf(karim), '/')
    assert.ok(await isSignedIn(karim))
    await karim.goto('/mes-annonces')
    const mine = await main(karim).innerText()
    for (const title of KARIM_OFFERS) assert.ok(mine.includes(title), `${title} is among his listings`)
    await checkPage(karim, 'my listings, after the lifting')

    await searchListings(jeanne, { words: 'velos', commune: '' })
    await main(jeanne).getByRole('link', { name: KARIM_OFFERS[0] }).click()
    assert.equal(await h1(jeanne), KARIM_OFFERS[0])

    await karim.goto(matchPath)
    const form = karim.locator('#conversation form')
    await form.getByLabel('Votre message').fill('Je passe mardi à 9 h avec le ticket des courses.')
    await form.getByRole('button', { name: 'Envoyer' }).click()
    await karim.waitForURL((url) => url.pathname === matchPath && url.hash === '#conversation')
    assert.equal(await messages(karim).filter({ hasText: 'avec le ticket des courses' }).count(), 1)
    await checkPage(karim, 'the conversation, after the lifting')

    assert.deepEqual(journey.pageProblems(/status of 40[0-4]/), [])
  })
})
