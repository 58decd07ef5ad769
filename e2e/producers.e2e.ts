import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Locator, Page } from 'playwright-core'
import { expectAccessible } from './helpers/axe.ts'
import { type JourneyWithMail, startJourneyWithMail } from './helpers/journey.ts'
import { h1, main } from './helpers/page.ts'
import { expectNoHorizontalScroll } from './helpers/reflow.ts'
import { signIn } from './helpers/session.ts'
import { signUpAndConfirm } from './helpers/signup.ts'

/** The demonstration's adviser of the Chambre d'agriculture, a partner manager (not staff). */
const PAUL = { email: 'paul.chambre.demo@entraide.localhost', password: 'paul visite les fermes du Bessin' }
const FARM = 'La Ferme des Quatre Vents'

const communeField = (form: Locator, name = 'Commune') =>
  form.getByRole('combobox', { name }).or(form.getByRole('textbox', { name }))

/** Today's weekday in Paris as the hours' form names it (« lundi »…), by the machine's clock like the server's. */
const todayInParis = () =>
  new Intl.DateTimeFormat('fr-FR', { weekday: 'long', timeZone: 'Europe/Paris' }).format(new Date())

/**
 * Issue 12's second journey: a resident registers a farm, fills its products and its farm shop's
 * hours for today; the Chambre d'agriculture's adviser verifies it; a visitor finds it by « œufs »
 * within 15 km of Port-en-Bessin with « ouvert aujourd'hui » ticked, and the list says it is open.
 */
describe('producers: a farm validated by the Chambre d’agriculture and found open today', () => {
  let journey: JourneyWithMail
  let farmer: Page
  let farmPath = ''

  before(async () => {
    journey = await startJourneyWithMail()
    farmer = await journey.newPage()
    await signUpAndConfirm(farmer, journey.smtp, {
      name: 'Lucie Fermière',
      email: 'lucie.ferme@exemple.test',
      password: 'lucie élève des poules à Bayeux',
      commune: 'Bayeux',
    })
  })
  after(async () => {
    await journey?.close()
  })

  it('Lucie registers her farm as a producer', async () => {
    await farmer.goto('/organisations/nouvelle')
    const form = farmer.locator('main form')
    await form.getByLabel('Nom de l’organisation').fill(FARM)
    await form.getByRole('radio', { name: 'Producteur local' }).check()
    await communeField(form).fill('Bayeux')
    await form.getByLabel('Présentation publique').fill('Poules en plein air et légumes de saison.')
    await form.getByRole('radio', { name: 'Adresse électronique' }).check()
    await form.getByLabel('Contact public').fill('contact@quatre-vents.test')
    await form.getByRole('button', { name: 'Inscrire l’organisation' }).click()
    await farmer.waitForURL((url) => /^\/organisations\/[0-9a-f-]{36}$/.test(url.pathname))
    farmPath = new URL(farmer.url()).pathname
    assert.equal(await h1(farmer), FARM)
    await farmer.getByRole('link', { name: /Remplir la page producteur/ }).click()
    assert.equal(await h1(farmer), `Page producteur : ${FARM}`)
    await expectAccessible(farmer, 'the producer page, empty')
    await expectNoHorizontalScroll(farmer, 'the producer page')
  })

  it('she fills her presentation, her eggs and her farm shop open today', async () => {
    const profile = farmer.locator('main form').first()
    await profile.getByLabel('Présentation de l’exploitation').fill('300 poules dans le verger depuis 1987.')
    await profile.getByRole('checkbox', { name: 'Agriculture biologique (AB)' }).check()
    await profile.getByRole('button', { name: 'Enregistrer la présentation' }).click()
    await farmer.waitForLoadState()
    assert.match(await main(farmer).innerText(), /C’est enregistré/)

    await farmer.getByRole('link', { name: 'Ajouter un produit' }).click()
    assert.equal(await h1(farmer), 'Ajouter un produit')
    const product = farmer.locator('main form')
    await product.getByLabel('Famille').selectOption({ label: 'Œufs' })
    await product.getByLabel('Nom du produit').fill('Œufs de plein air')
    // Without a month first: the error is said at the top and beside the months.
    await product.getByRole('button', { name: 'Enregistrer le produit' }).click()
    await farmer.locator('.error-summary').waitFor()
    assert.match(await farmer.locator('.error-summary').innerText(), /au moins un mois/)
    await expectAccessible(farmer, 'the product form with an error')
    for (const month of [
      'janvier',
      'février',
      'mars',
      'avril',
      'mai',
      'juin',
      'juillet',
      'août',
      'septembre',
      'octobre',
      'novembre',
      'décembre',
    ])
      await farmer.locator('main form').getByRole('checkbox', { name: month, exact: true }).check()
    await farmer.locator('main form').getByRole('button', { name: 'Enregistrer le produit' }).click()
    await farmer.waitForLoadState()
    assert.match(await main(farmer).innerText(), /Œufs de plein air – Œufs, disponible toute l’année/)

    await farmer.getByRole('link', { name: 'Ajouter un lieu de vente' }).click()
    const place = farmer.locator('main form')
    await place.getByLabel('Mode de vente').selectOption({ label: 'Vente à la ferme' })
    await place.getByLabel('Nom du lieu').fill('La boutique de la ferme')
    await communeField(place).fill('Bayeux')
    await place.locator('#hours1Day').selectOption({ label: todayInParis() })
    await place.locator('#hours1Opens').fill('0h')
    await place.locator('#hours1Closes').fill('23h59')
    await expectAccessible(farmer, 'the sales place form')
    await expectNoHorizontalScroll(farmer, 'the sales place form')
    await place.getByRole('button', { name: 'Enregistrer le lieu' }).click()
    await farmer.waitForLoadState()
    assert.match(await main(farmer).innerText(), new RegExp(`${todayInParis()} : de 0 h à 23 h 59`))
    await expectAccessible(farmer, 'the producer page, filled')
  })

  it('the Chambre d’agriculture’s adviser verifies it; nobody sees it before', async () => {
    const visitor = await journey.newPage()
    assert.equal((await visitor.goto(`/producteurs/${farmPath.split('/')[2]}`))?.status(), 404)
    const paul = await journey.newPage()
    await signIn(paul, PAUL)
    await paul.goto('/mes-organisations')
    await paul.getByRole('link', { name: 'Chambre d’agriculture du Calvados' }).click()
    await paul.getByRole('link', { name: 'Organisations à vérifier' }).click()
    await expectAccessible(paul, 'the partner’s queue')
    const farm = paul.locator('section', { has: paul.getByRole('heading', { name: FARM }) })
    await farm.getByRole('button', { name: /^Vérifier/ }).click()
    await paul.waitForLoadState()
    assert.doesNotMatch(await main(paul).innerText(), new RegExp(FARM))
  })

  it('a visitor finds it by « œufs » within 15 km, open today, with the keyboard', async () => {
    const visitor = await journey.newPage()
    await visitor.goto('/producteurs')
    assert.equal(await h1(visitor), 'Producteurs locaux')
    await expectAccessible(visitor, '/producteurs')
    const form = visitor.locator('main form.search-form')
    await form.getByRole('textbox', { name: 'Produit', exact: true }).fill('œufs')
    await communeField(form, 'Près de la commune').fill('Port-en-Bessin-Huppain')
    await visitor.keyboard.press('Escape')
    await form.getByLabel('Dans un rayon de').selectOption('15')
    await form.getByLabel('Ouvert aujourd’hui').focus()
    await visitor.keyboard.press('Space')
    await form.getByRole('textbox', { name: 'Produit', exact: true }).press('Enter')
    await visitor.waitForURL((url) => url.searchParams.get('openToday') === 'oui')
    const result = visitor.locator('.producer-result', { has: visitor.getByRole('link', { name: FARM }) })
    assert.match(await result.innerText(), /Bayeux · à \d+,\d km/)
    assert.match(await result.innerText(), /Ouvert aujourd’hui jusqu’à 23 h 59/)
    await expectAccessible(visitor, 'the directory’s results')
    await expectNoHorizontalScroll(visitor, 'the directory’s results')
    await result.getByRole('link', { name: FARM }).click()
    assert.equal(await h1(visitor), FARM)
    assert.match(await main(visitor).innerText(), /Ouvert aujourd’hui jusqu’à 23 h 59/)
    await expectAccessible(visitor, 'the producer’s public page')
    await expectNoHorizontalScroll(visitor, 'the producer’s public page')
    await visitor.goto('/producteurs/donnees')
    await expectAccessible(visitor, '/producteurs/donnees')
    // The refused product form (400) and the farm before its verification (404) were meant.
    assert.deepEqual(journey.pageProblems(/status of 40[04]/), [])
  })
})
