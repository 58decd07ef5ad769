import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { postAskStepByStep } from './helpers/ask.ts'
import { expectAccessible } from './helpers/axe.ts'
import { CLAIRE } from './helpers/campaign-cast.ts'
import { type JourneyWithMail, startJourneyWithMail } from './helpers/journey.ts'
import { chooseListingKind, searchListings } from './helpers/listings.ts'
import { linkIn } from './helpers/mail.ts'
import { h1, main } from './helpers/page.ts'
import { expectNoHorizontalScroll } from './helpers/reflow.ts'
import { signInEnrollingSecondFactor } from './helpers/staff.ts'

const RESIDENT = {
  name: 'Lucie Marie',
  email: 'lucie.marie@exemple.test',
  password: 'les pommiers fleurissent au bord de la Drôme',
}
const ASK_TITLE = 'Courses à l’épicerie pour ma voisine'
const HELD_TITLE = 'Tonte de pelouse le samedi'
/** The address of a listing's page, which the form's own address (/annonces/nouvelle) is not. */
const LISTING_PAGE = /^\/annonces\/[0-9a-f]{8}-[0-9a-f-]{27}$/

/**
 * A resident of Bayeux asks for help on behalf of a neighbour; a visitor finds the ask by a word
 * typed without accents around a commune 8.5 km from Bayeux, and not around Caen (26 km away);
 * a listing that asks 20 € an hour is held and its author is told why.
 */
describe('asks and offers: post for a neighbour, find by words and distance, money held', () => {
  let journey: JourneyWithMail
  let resident: Page
  let askPath = ''

  before(async () => {
    journey = await startJourneyWithMail()
  })

  after(async () => {
    await journey?.close()
  })

  it('a resident of Bayeux signs up and confirms the address', async () => {
    resident = await journey.newPage()
    await resident.goto('/inscription')
    await expectAccessible(resident, '/inscription')
    const form = resident.locator('main form')
    await form.getByLabel('Votre nom').fill(RESIDENT.name)
    await form.getByLabel('Adresse électronique').fill(RESIDENT.email)
    await form.getByLabel('Mot de passe').fill(RESIDENT.password)
    await form.getByLabel('Votre commune').fill('Bayeux')
    await form.getByLabel('J’accepte la charte').check()
    await form.getByLabel('J’ai pris connaissance').check()
    await form.getByRole('button', { name: 'Créer mon compte' }).click()
    await resident.waitForURL((url) => url.pathname === '/verification')
    await expectAccessible(resident, '/verification (check your mailbox)')

    const mail = await journey.smtp.waitFor((m) => m.to.includes(RESIDENT.email), 15_000)
    await resident.goto(linkIn(mail.text))
    await expectAccessible(resident, '/verification?jeton=…')
    await resident.getByRole('button', { name: 'Confirmer mon adresse' }).click()
    await resident.waitForURL((url) => url.pathname === '/verification/confirmee')
    assert.equal(await h1(resident), 'Adresse confirmée')
    await expectAccessible(resident, 'address confirmed')
  })

  // The demonstration reads new accounts' first listings before publication (the default); this
  // journey is about posting and finding, so Claire turns the reading off first, from her page.
  it('Claire, the administrator, chooses that no listing is read before publication', async () => {
    const claire = await journey.newPage()
    await signInEnrollingSecondFactor(claire, CLAIRE)
    await claire.goto('/administration')
    await main(claire).getByRole('link', { name: 'Relecture avant publication' }).click()
    assert.equal(await h1(claire), 'Relecture avant publication')
    assert.ok(
      await main(claire)
        .getByLabel(/^Les premières annonces des nouveaux comptes \(recommandé\)/)
        .isChecked(),
    )
    await expectAccessible(claire, '/administration/moderation/relecture')
    await expectNoHorizontalScroll(claire, '/administration/moderation/relecture')
    await main(claire)
      .getByLabel(/^Aucune \(seules les annonces qui demandent de l’argent sont retenues\)/)
      .check()
    await main(claire).getByRole('button', { name: 'Enregistrer le réglage' }).click()
    await claire.waitForURL((url) => url.searchParams.get('fait') === 'enregistre')
    assert.match(await main(claire).innerText(), /Le réglage est enregistré/)
    await expectAccessible(claire, 'the review setting, saved')
  })

  it('posts an ask on behalf of a neighbour, one question per page', async () => {
    await postAskStepByStep(resident, {
      category: 'Courses de première nécessité et médicaments',
      title: ASK_TITLE,
      description:
        'Odette, 84 ans, ne peut plus porter ses sacs.\nUne fois par semaine, à l’épicerie du centre.',
      commune: 'Bayeux',
      when: 'Quand cela vous arrange (flexible)',
      urgency: 'Cette semaine',
      forOther: { name: 'Odette', relation: 'ma voisine' },
    })

    askPath = new URL(resident.url()).pathname
    assert.equal(await h1(resident), ASK_TITLE)
    const text = await main(resident).innerText()
    assert.match(text, /Votre annonce est publiée\./)
    assert.match(text, /Pour Odette \(ma voisine\)/)
    assert.match(text, /Commune : Bayeux/)
    assert.match(text, /Ne donnez jamais d’argent/i, 'the category’s safety guidance is shown')
    await expectAccessible(resident, 'the ask just published')
  })

  it('a visitor finds it by a word without accents within the radius, not outside', async () => {
    const visitor = await journey.newPage()
    await visitor.goto('/annonces')
    assert.equal(await h1(visitor), 'Les annonces')
    await expectAccessible(visitor, '/annonces')

    // Port-en-Bessin-Huppain is 8.5 km from Bayeux: within 10 km.
    await searchListings(visitor, {
      words: 'epicerie',
      commune: 'Port-en-Bessin-Huppain',
      radius: 'moins de 10 km',
    })
    const results = visitor.locator('.results > li')
    assert.deepEqual(await results.locator('h3').allInnerTexts(), [ASK_TITLE])
    // Text as a screen reader reads it in one go, whatever the line boxes of the tags.
    const meta = (await results.first().textContent())!.replace(/\s+/g, ' ')
    assert.match(meta, /Demande · Courses de première nécessité et médicaments · Bayeux · à 8,\d km/)
    assert.match(meta, /par Lucie Marie/)
    assert.doesNotMatch(meta, /lucie\.marie@/, 'no email in a result')
    await expectAccessible(visitor, '/annonces?words=epicerie around Port-en-Bessin-Huppain')
    await expectNoHorizontalScroll(visitor, 'search results')

    await results.first().getByRole('link', { name: ASK_TITLE }).click()
    await visitor.waitForURL((url) => url.pathname === askPath)
    const page = await main(visitor).innerText()
    assert.match(page, /Publiée par Lucie Marie, membre depuis/)
    assert.doesNotMatch(page, /Modifier|Clôturer/, 'a visitor has no author action')
    await expectAccessible(visitor, 'the ask, seen by a visitor')

    // Caen is 26 km from Bayeux: outside 20 km, and the page says what to try.
    await searchListings(visitor, { words: 'epicerie', commune: 'Caen', radius: 'moins de 20 km' })
    assert.equal(await visitor.locator('.results > li').count(), 0)
    assert.match(await main(visitor).innerText(), /Aucune annonce ne correspond/)
    await expectAccessible(visitor, '/annonces?words=epicerie around Caen')
    await expectNoHorizontalScroll(visitor, 'search without result')
  })

  it('an offer at « 20 € de l’heure » is held, and its author reads why', async () => {
    await chooseListingKind(resident, /^Je propose mon aide/)
    assert.equal(await h1(resident), 'Proposer mon aide')
    const form = resident.locator('main form')
    await form.getByLabel('Catégorie').selectOption({ label: 'Jardinage' })
    await form.getByLabel('Titre').fill(HELD_TITLE)
    await form.getByLabel('Description').fill('Je tonds votre pelouse le samedi matin, 20 € de l’heure.')
    await form.getByLabel('Commune', { exact: true }).fill('Bayeux')
    await form.getByLabel('Régulièrement').check()
    // The follow-up questions of « Quand ? » are folded until one opens them.
    await form.getByText('Les dates, ou le rythme').click()
    await form.getByLabel('À quel rythme ?').fill('le samedi matin')
    await form.getByLabel('Pour moi').check()
    await form.locator('#charter').check()
    await form.getByRole('button', { name: 'Publier l’annonce' }).focus()
    await resident.keyboard.press('Enter')
    await resident.waitForURL((url) => LISTING_PAGE.test(url.pathname) && url.pathname !== askPath)

    const heldPath = new URL(resident.url()).pathname
    assert.equal(await h1(resident), HELD_TITLE)
    const notice = resident.getByRole('region', { name: 'Votre annonce attend une vérification' })
    const why = await notice.innerText()
    assert.match(why, /L’entraide est gratuite/)
    assert.match(why, /Votre annonce parle d’argent ou de prix/)
    assert.match(why, /Votre annonce parle d’un travail payé/)
    assert.doesNotMatch(await main(resident).innerText(), /Votre annonce est publiée/)
    assert.match(await main(resident).innerText(), /État : En attente de vérification/)
    await expectAccessible(resident, 'the held offer, seen by its author')

    await resident.goto('/mes-annonces')
    assert.equal(await h1(resident), 'Mes annonces')
    const item = resident.locator('.listing-list > li', {
      has: resident.getByRole('link', { name: HELD_TITLE }),
    })
    const mine = await item.innerText()
    assert.match(mine, /État : En attente de vérification/)
    assert.match(mine, /Votre annonce parle d’un travail payé/)
    const ask = resident.locator('.listing-list > li', {
      has: resident.getByRole('link', { name: ASK_TITLE }),
    })
    assert.match(await ask.innerText(), /État : Publiée/)
    assert.doesNotMatch(await ask.innerText(), /vérification/)
    await expectAccessible(resident, '/mes-annonces with a held offer')
    await expectNoHorizontalScroll(resident, '/mes-annonces')

    // Nobody else sees it, in search or at its address.
    const visitor = await journey.newPage()
    await searchListings(visitor, { words: 'pelouse', commune: '', radius: 'moins de 10 km' })
    assert.equal(await visitor.locator('.results > li').count(), 0)
    const response = await visitor.goto(heldPath)
    assert.equal(response?.status(), 404)
  })

  it('raised no script error, blocked resource or server error on the way', () => {
    // A form sent back with errors answers 400 on purpose, and so does the held listing's address
    // for a visitor (404); Chromium logs every 4xx document as a console error.
    const expected =
      /^console: Failed to load resource: the server responded with a status of (400 \(Bad Request\)|404 \(Not Found\))$/
    assert.deepEqual(journey.pageProblems(expected), [])
  })
})
