import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Locator, Page } from 'playwright-core'
import { expectAccessible } from './helpers/axe.ts'
import { type JourneyWithMail, startJourneyWithMail } from './helpers/journey.ts'
import { h1, main } from './helpers/page.ts'
import { signIn } from './helpers/session.ts'
import { signUpAndConfirm } from './helpers/signup.ts'
import { signInEnrollingSecondFactor } from './helpers/staff.ts'

/** The demonstration's people: Jeanne runs the association, Karim helps, Claire administers. */
const JEANNE = { email: 'jeanne.demo@entraide.localhost', password: 'jeanne cultive des tomates à Bayeux' }
const KARIM = {
  email: 'karim.demo@entraide.localhost',
  password: 'karim répare les vélos du quartier à Caen',
}
const CLAIRE = {
  email: 'claire.admin@entraide.localhost',
  password: 'démo entraide calvados administratrice',
}
const ASSOCIATION = 'Les Repas du Bessin'
const MISSION = 'Distribution de colis alimentaires'
const NEED = 'Repas pour la distribution du samedi'

/** The commune field: a text box, or a combo box once its script has enhanced it. */
const communeField = (form: Locator) =>
  form.getByRole('combobox', { name: 'Commune' }).or(form.getByRole('textbox', { name: 'Commune' }))

/** The next two Saturdays after tomorrow, as a date field takes them (yyyy-mm-dd). */
function nextSaturdays(): [string, string] {
  const day = new Date()
  day.setUTCDate(day.getUTCDate() + 2)
  while (day.getUTCDay() !== 6) day.setUTCDate(day.getUTCDate() + 1)
  const first = day.toISOString().slice(0, 10)
  day.setUTCDate(day.getUTCDate() + 7)
  return [first, day.toISOString().slice(0, 10)]
}

/**
 * Issue 11's journey: an association is created and verified by staff; it posts a mission with two
 * Saturday slots of 3 places and a need of 100 meals; residents sign up until a slot is full and
 * says so; one pledges 40 meals; the association confirms them received and sees who is coming.
 */
describe('organisations: an association verified, its mission filled, its need met in part', () => {
  let journey: JourneyWithMail
  let jeanne: Page
  let organisationPath = ''
  let missionPath = ''
  let needPath = ''

  before(async () => {
    journey = await startJourneyWithMail()
    jeanne = await journey.newPage()
    await signIn(jeanne, JEANNE)
  })
  after(async () => {
    await journey?.close()
  })

  it('Jeanne registers her association, which waits for verification', async () => {
    await jeanne.goto('/organisations/nouvelle')
    assert.equal(await h1(jeanne), 'Inscrire une organisation')
    await expectAccessible(jeanne, '/organisations/nouvelle')
    const form = jeanne.locator('main form')
    await form.getByLabel('Nom de l’organisation').fill(ASSOCIATION)
    await form.getByRole('radio', { name: 'Association' }).check()
    await form.getByLabel('Numéro SIRET ou RNA (facultatif)').fill('W14 123 4567')
    await communeField(form).fill('Bayeux')
    await form
      .getByLabel('Présentation publique')
      .fill('Des repas chauds et des colis pour les familles du Bessin.')
    await form.getByRole('radio', { name: 'Adresse électronique' }).check()
    await form.getByLabel('Contact public').fill('contact@repas-bocage.test')
    // A wrong RNA first: said at the top and beside the field, nothing registered.
    await form.getByLabel('Numéro SIRET ou RNA (facultatif)').fill('W12')
    await form.getByRole('button', { name: 'Inscrire l’organisation' }).click()
    await jeanne.locator('.error-summary').waitFor()
    assert.match(await jeanne.locator('.error-summary').innerText(), /RNA/)
    await expectAccessible(jeanne, 'the organisation form with an error')
    await form.getByLabel('Numéro SIRET ou RNA (facultatif)').fill('W14 123 4567')
    await form.getByRole('button', { name: 'Inscrire l’organisation' }).click()
    await jeanne.waitForLoadState()
    await jeanne.waitForURL((url) => /^\/organisations\/[0-9a-f-]{36}$/.test(url.pathname))
    organisationPath = new URL(jeanne.url()).pathname
    assert.equal(await h1(jeanne), ASSOCIATION)
    assert.match(await main(jeanne).innerText(), /en attente de vérification/i)
    await expectAccessible(jeanne, 'the pending organisation, seen by its manager')
    // Nobody else sees it yet.
    const visitor = await journey.newPage()
    assert.equal((await visitor.goto(organisationPath))?.status(), 404)
  })

  it('Claire, administrator, verifies it with her second factor', async () => {
    const claire = await journey.newPage()
    await signInEnrollingSecondFactor(claire, CLAIRE)
    await claire.goto('/administration/organisations')
    assert.equal(await h1(claire), 'Organisations')
    await expectAccessible(claire, '/administration/organisations')
    await claire.getByRole('link', { name: ASSOCIATION }).click()
    assert.match(await h1(claire), new RegExp(ASSOCIATION))
    await expectAccessible(claire, 'an organisation seen by staff')
    await claire.getByRole('button', { name: 'Vérifier' }).click()
    await claire.waitForLoadState()
    assert.match(await main(claire).innerText(), /Vérifiée/)
    await expectAccessible(claire, 'the organisation just verified')
    const mail = await journey.smtp.waitFor(
      (m) => m.to.includes(JEANNE.email) && /vérifiée/.test(m.text),
      15_000,
    )
    assert.match(mail.text, new RegExp(ASSOCIATION))
    const visitor = await journey.newPage()
    await visitor.goto(organisationPath)
    assert.match(await main(visitor).innerText(), /Vérifiée par le Département le/)
    await expectAccessible(visitor, 'the verified organisation, seen by a visitor')
  })

  it('the association posts a mission with two Saturdays of 3 places', async () => {
    await jeanne.goto(organisationPath)
    await jeanne.getByRole('link', { name: 'Publier une mission' }).click()
    assert.equal(await h1(jeanne), 'Publier une mission pour des bénévoles')
    await expectAccessible(jeanne, 'the mission form')
    const form = jeanne.locator('main form')
    const [first, second] = nextSaturdays()
    await form.getByLabel('Titre').fill(MISSION)
    await form.getByLabel('Description').fill('Préparer et remettre les colis aux familles inscrites.')
    await form.getByLabel('Catégorie').selectOption({ label: 'Courses de première nécessité et médicaments' })
    await communeField(form).fill('Bayeux')
    await form.getByRole('radio', { name: 'Dates ponctuelles' }).check()
    for (const [n, date] of [
      [1, first],
      [2, second],
    ] as const) {
      const slot = form.getByRole('group', { name: `Créneau ${n}` })
      await slot.getByLabel('Date').fill(date)
      await slot.getByLabel('Début').fill('09:00')
      await slot.getByLabel('Fin').fill('12:00')
      await slot.getByLabel('Nombre de places').fill('3')
    }
    await form.getByRole('button', { name: 'Publier la mission' }).click()
    await jeanne.waitForURL((url) => /^\/missions\/[0-9a-f-]{36}$/.test(url.pathname))
    missionPath = new URL(jeanne.url()).pathname
    assert.equal(await h1(jeanne), MISSION)
    assert.equal((await main(jeanne).getByText('3 places sur 3 restantes').all()).length, 2)
    await expectAccessible(jeanne, 'the mission just posted')
  })

  it('a visitor finds the mission in the common search, by a word without accents', async () => {
    const visitor = await journey.newPage()
    await visitor.goto('/annonces')
    const form = visitor.locator('main form.search-form')
    await form.getByLabel('Mots', { exact: true }).fill('preparer colis')
    // The filters come after the results, folded: opened, their fields join the search form.
    const filters = visitor.locator('main details#filtres')
    await filters.locator('summary').click()
    await filters.getByLabel('Type', { exact: true }).selectOption({ label: 'Missions d’associations' })
    await filters.getByLabel('Autour de la commune').fill('Bayeux')
    await form.getByRole('button', { name: 'Chercher' }).click()
    await visitor.waitForURL((url) => url.searchParams.get('kind') === 'mission')
    await visitor.getByRole('link', { name: MISSION }).click()
    await visitor.waitForURL((url) => url.pathname === missionPath)
    assert.match(await main(visitor).innerText(), new RegExp(ASSOCIATION))
    await expectAccessible(visitor, 'a mission found by the search')
  })

  it('and a need of 100 meals with a drop-off point', async () => {
    await jeanne.goto(organisationPath)
    await jeanne.getByRole('link', { name: 'Publier un besoin de matériel' }).click()
    assert.equal(await h1(jeanne), 'Publier un besoin de matériel')
    await expectAccessible(jeanne, 'the need form')
    const form = jeanne.locator('main form')
    await form.getByLabel('Ce qui manque').fill(NEED)
    await form.getByLabel('Description').fill('Des repas préparés, en barquettes fermées.')
    await form.getByLabel('Quantité demandée', { exact: true }).fill('100')
    await form.getByLabel('Unité').fill('repas')
    const drop = form.getByRole('group', { name: 'Point de dépôt 1' })
    await drop.getByLabel('Nom du lieu').fill('Salle des fêtes')
    await drop.getByLabel('Commune').fill('Bayeux')
    await drop.getByLabel('Adresse').fill('2 place du Château')
    await drop.getByLabel('Horaires d’ouverture').fill('le vendredi, 14 h – 18 h')
    await form.getByRole('button', { name: 'Publier le besoin' }).click()
    await jeanne.waitForURL((url) => /^\/besoins\/[0-9a-f-]{36}$/.test(url.pathname))
    needPath = new URL(jeanne.url()).pathname
    assert.equal(await h1(jeanne), NEED)
    assert.match(await main(jeanne).innerText(), /0 reçus, 0 promis sur 100 repas/)
    await expectAccessible(jeanne, 'the need just posted')
  })

  async function signUpTo(page: Page, slots: number[]): Promise<void> {
    await page.goto(missionPath)
    const boxes = page
      .getByRole('group', { name: 'Choisissez un ou plusieurs créneaux' })
      .getByRole('checkbox')
    for (const n of slots) await boxes.nth(n).check()
    await page.getByRole('button', { name: 'M’inscrire' }).click()
    await page.waitForLoadState()
  }

  it('residents sign up until the first Saturday is full, and the page says so', async () => {
    const karim = await journey.newPage()
    await signIn(karim, KARIM)
    await signUpTo(karim, [0, 1])
    await expectAccessible(karim, 'the mission after signing up')
    const lucie = await journey.newPage()
    await signUpAndConfirm(lucie, journey.smtp, {
      name: 'Lucie Marie',
      email: 'lucie.marie@exemple.test',
      password: 'les pommiers fleurissent au bord de la Drôme',
      commune: 'Bayeux',
    })
    await signUpTo(lucie, [0])
    const paul = await journey.newPage()
    await signUpAndConfirm(paul, journey.smtp, {
      name: 'Paul Lenoir',
      email: 'paul.lenoir@exemple.test',
      password: 'un vélo bleu sur la route de Granville',
      commune: 'Bayeux',
    })
    await signUpTo(paul, [0])
    const visitor = await journey.newPage()
    await visitor.goto(missionPath)
    const text = await main(visitor).innerText()
    assert.match(text, /Complet/)
    assert.match(text, /2 places sur 3 restantes/)
    await expectAccessible(visitor, 'a mission with a full slot')
  })

  it('Karim pledges 40 meals; the association confirms them received', async () => {
    const karim = await journey.newPage()
    await signIn(karim, KARIM)
    await karim.goto(needPath)
    await karim.getByLabel('Quantité que vous apportez (repas)').fill('40')
    await karim.getByRole('radio', { name: /Salle des fêtes/ }).check()
    await karim.getByRole('button', { name: 'Promettre' }).click()
    await karim.waitForLoadState()
    assert.match(await main(karim).innerText(), /Votre promesse est enregistrée/)
    assert.match(await main(karim).innerText(), /0 reçus, 40 promis sur 100 repas/)
    await expectAccessible(karim, 'the need after a pledge')

    await jeanne.goto(`${needPath}/promesses`)
    await expectAccessible(jeanne, 'the pledges of the need')
    await jeanne.getByRole('button', { name: 'Confirmer la réception' }).click()
    await jeanne.waitForLoadState()
    await jeanne.goto(needPath)
    assert.match(await main(jeanne).innerText(), /40 reçus, 40 promis sur 100 repas/)
  })

  it('the association sees who is coming, slot by slot', async () => {
    await jeanne.goto(missionPath)
    await jeanne.getByRole('link', { name: 'Voir les inscrits' }).click()
    assert.equal(await h1(jeanne), `Inscrits : ${MISSION}`)
    const text = await main(jeanne).innerText()
    for (const name of ['Karim', 'Lucie Marie', 'Paul Lenoir']) assert.match(text, new RegExp(name))
    assert.ok(await jeanne.getByRole('link', { name: 'Télécharger la liste (CSV)' }).count())
    await expectAccessible(jeanne, 'the list of volunteers')
    // Expected: the form sent back with its error (400), the pending organisation hidden (404).
    assert.deepEqual(journey.pageProblems(/status of (400|404)/), [])
  })
})
