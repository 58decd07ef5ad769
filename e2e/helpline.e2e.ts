import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { expectAccessible } from './helpers/axe.ts'
import { CLAIRE } from './helpers/campaign-cast.ts'
import { type Journey, startJourney } from './helpers/journey.ts'
import { h1, main, pathOf } from './helpers/page.ts'
import { expectNoHorizontalScroll } from './helpers/reflow.ts'
import { signInEnrollingSecondFactor } from './helpers/staff.ts'

/** A small phone: staff use one too, and the people the line is for most of all. */
const PHONE = { viewport: { width: 360, height: 740 } }
const NEW_POINT = 'Épicerie solidaire de Lisieux'

/**
 * Issue 13, part 4: Claire, the administrator, gives the line a new number and adds a help point
 * from her phone; a visitor without an account finds both from the home page.
 */
describe('the phone line and help points: set by an administrator, found by a visitor', () => {
  let journey: Journey
  let claire: Page
  before(async () => {
    journey = await startJourney()
    claire = await journey.newPage(PHONE)
    await signInEnrollingSecondFactor(claire, CLAIRE)
  })
  after(async () => {
    await journey?.close()
  })

  it('Claire changes the line’s number and hours, typed the way she writes them', async () => {
    await claire.goto('/administration')
    await main(claire).getByRole('link', { name: 'Ligne téléphonique' }).click()
    assert.equal(await h1(claire), 'Ligne téléphonique')
    await expectAccessible(claire, 'the phone line’s form')
    const form = main(claire).locator('form')
    // Half a number first: said at the top and beside the field, nothing saved.
    await form.getByLabel('Numéro de la ligne').fill('02 31 45')
    await form.getByRole('button', { name: 'Enregistrer la ligne' }).click()
    assert.match(
      await main(claire).locator('.error-summary').innerText(),
      /Saisissez un numéro de téléphone complet/,
    )
    await expectAccessible(claire, 'the phone line’s form, with an error')
    await form.getByLabel('Numéro de la ligne').fill('02.31.45.67.89')
    await form.getByLabel('Horaires (en français)').fill('du lundi au samedi, de 8 h à 18 h')
    await form.getByRole('button', { name: 'Enregistrer la ligne' }).click()
    assert.match(await main(claire).innerText(), /Ligne téléphonique enregistrée/)
    assert.equal(await form.getByLabel('Numéro de la ligne').inputValue(), '02 31 45 67 89')
    await expectAccessible(claire, 'the phone line, saved')
    await expectNoHorizontalScroll(claire, 'the phone line’s form')
  })

  it('Claire adds a help point in Lisieux and puts it first', async () => {
    await main(claire)
      .getByRole('link', { name: /Gérer les points d’aide/ })
      .click()
    assert.equal(await h1(claire), 'Points d’aide')
    assert.equal(await main(claire).locator('.help-points-admin > li').count(), 3)
    await expectAccessible(claire, 'the help points')
    await main(claire).getByRole('link', { name: 'Ajouter un point d’aide' }).click()
    assert.equal(await h1(claire), 'Ajouter un point d’aide')
    const form = main(claire).locator('form')
    await form.getByLabel('Association').check()
    await form.getByLabel('Nom du lieu').fill(NEW_POINT)
    await form.getByLabel('Adresse', { exact: true }).fill('12 rue Henry Chéron')
    await form.getByLabel('Commune').fill('Lisieux')
    await form.getByLabel('Horaires d’accueil').fill('le mercredi, de 14 h à 17 h')
    await form.getByLabel('Téléphone (facultatif)').fill('02 61 91 00 20')
    await expectAccessible(claire, 'the help point’s form')
    await form.getByRole('button', { name: 'Ajouter le point d’aide' }).click()
    assert.equal(pathOf(claire), '/administration/points-d-aide')
    assert.match(await main(claire).innerText(), /Point d’aide ajouté/)
    for (let i = 0; i < 3; i++)
      await main(claire)
        .getByRole('button', { name: `Monter ${NEW_POINT}` })
        .click()
    assert.match(await main(claire).innerText(), /Ordre des points d’aide enregistré/)
    assert.equal(await main(claire).locator('.help-points-admin > li strong').first().innerText(), NEW_POINT)
    await expectAccessible(claire, 'the help points, reordered')
    await expectNoHorizontalScroll(claire, 'the help points')
  })

  it('a visitor on a phone finds the number and the new help point from the home page', async () => {
    const visitor = await journey.newPage(PHONE)
    await visitor.goto('/')
    const block = main(visitor).locator('section.helpline')
    assert.match(await block.innerText(), /Pas d’internet \?/)
    assert.match(await block.innerText(), /Appelez le 02 31 45 67 89 \(du lundi au samedi, de 8 h à 18 h\)/)
    assert.equal(
      await block.getByRole('link', { name: '02 31 45 67 89' }).getAttribute('href'),
      'tel:+33231456789',
    )
    await expectAccessible(visitor, 'home, with the line')
    await expectNoHorizontalScroll(visitor, 'home')
    await block.getByRole('link', { name: 'Se faire aider près de chez soi' }).click()
    assert.equal(pathOf(visitor), '/besoin-d-aide')
    const points = main(visitor).locator('section', { has: visitor.locator('#points-d-aide') })
    assert.ok(await points.getByRole('heading', { name: 'Lisieux', level: 3 }).isVisible())
    assert.match(
      await points.innerText(),
      new RegExp(`${NEW_POINT}[\\s\\S]*12 rue Henry Chéron[\\s\\S]*le mercredi`),
    )
    assert.equal(
      await points.getByRole('link', { name: '02 61 91 00 20' }).getAttribute('href'),
      'tel:+33261910020',
    )
    assert.equal(
      await main(visitor).getByRole('link', { name: '02 31 45 67 89' }).getAttribute('href'),
      'tel:+33231456789',
    )
    await expectAccessible(visitor, 'besoin d’aide, with the help points')
    await expectNoHorizontalScroll(visitor, 'besoin d’aide')
    await visitor.goto('/contact')
    assert.match(await main(visitor).innerText(), /Par téléphone : 02 31 45 67 89/)
    await expectAccessible(visitor, 'contact')
    // The one 400 is the half number Claire typed first, answered with its error.
    assert.deepEqual(journey.pageProblems(/status of 400/), [])
  })
})
