import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { expectAccessible } from './helpers/axe.ts'
import { type Journey, startJourney } from './helpers/journey.ts'
import { h1, main, pathOf } from './helpers/page.ts'
import { expectNoHorizontalScroll } from './helpers/reflow.ts'
import { signIn } from './helpers/session.ts'
import { signInEnrollingSecondFactor } from './helpers/staff.ts'

/** The demonstration's phone line agent, who enrols her second factor at her first sign-in. */
const SOPHIE = {
  email: 'sophie.agent@entraide.localhost',
  password: 'démo entraide calvados accueil téléphonique',
}
const KARIM = {
  email: 'karim.demo@entraide.localhost',
  password: 'karim répare les vélos du quartier à Caen',
}
const LINE = '/administration/accueil-telephonique'
const TITLE = 'Courses de la semaine pour Mme Lefèvre'
const CASE_PAGE = /^\/administration\/accueil-telephonique\/dossiers\/[0-9a-f-]{36}$/

/**
 * Issue 13's first journey: Sophie, an agent, takes Mme Lefèvre's call (no account), reads her
 * the consent and records her, posts her grocery ask with the keyboard alone; Karim, a resident,
 * responds; the response waits on Sophie's queue; she calls Mme Lefèvre, notes it and accepts for
 * her; Karim receives the number Mme Lefèvre agreed to share (hers: the demonstration has no line
 * number); Sophie closes the case.
 */
describe('phone line: Mme Lefèvre’s groceries, asked and accepted by phone', () => {
  let journey: Journey
  let sophie: Page
  let karim: Page
  let listingPath = ''
  let casePath = ''

  before(async () => {
    journey = await startJourney()
    sophie = await journey.newPage()
    karim = await journey.newPage()
  })
  after(async () => {
    await journey?.close()
  })

  it('Sophie reaches the line’s queue from the staff home', async () => {
    await signInEnrollingSecondFactor(sophie, SOPHIE)
    await sophie.goto('/administration')
    await main(sophie).getByRole('link', { name: 'Accueil téléphonique' }).click()
    assert.equal(pathOf(sophie), LINE)
    assert.equal(await h1(sophie), 'Accueil téléphonique')
    assert.match(await main(sophie).innerText(), /Odette Marie/, 'the demonstration’s open case')
    await expectAccessible(sophie, 'the queue')
    await expectNoHorizontalScroll(sophie, 'the queue')
  })

  it('records Mme Lefèvre with the consent read to her', async () => {
    await main(sophie).getByRole('link', { name: 'Enregistrer une personne' }).click()
    assert.equal(await h1(sophie), 'Enregistrer une personne')
    await expectAccessible(sophie, 'the person form')
    const form = main(sophie).locator('form')
    assert.match(await form.getByLabel('Consentement lu à la personne').inputValue(), /Êtes-vous d’accord/)
    // The consent emptied first: refused in French, nothing recorded.
    await form.getByLabel('Consentement lu à la personne').fill('')
    await form.getByLabel('Prénom').fill('Jeanne')
    await form.getByLabel('Nom', { exact: true }).fill('Lefèvre')
    await form.getByLabel('Téléphone').fill('02.31.92.00.01')
    await form.getByLabel('Commune').fill('Bayeux')
    await form.getByLabel('Quand l’appeler').fill('le matin, pas avant 9 h')
    // The line has a number; she would rather the volunteer call her directly.
    await form.getByRole('radio', { name: 'Son propre numéro' }).check()
    await form.getByRole('button', { name: 'Enregistrer la personne' }).click()
    assert.match(
      await main(sophie).locator('.error-summary').innerText(),
      /sans son accord, rien n’est enregistré/,
    )
    await expectAccessible(sophie, 'the person form with an error')
    await main(sophie)
      .locator('form')
      .getByLabel('Consentement lu à la personne')
      .fill('Nous gardons votre nom et votre numéro pour vous trouver de l’aide. D’accord ? – Oui.')
    await main(sophie).getByRole('button', { name: 'Enregistrer la personne' }).click()
    assert.equal(await h1(sophie), 'Jeanne Lefèvre')
    const record = await main(sophie).innerText()
    assert.match(record, /La personne est enregistrée, avec son consentement/)
    assert.match(record, /02 31 92 00 01/)
    assert.match(record, /Son propre numéro/, 'what she agreed to share')
    await expectAccessible(sophie, 'the person’s record')
  })

  it('posts her grocery ask with the keyboard alone', async () => {
    await main(sophie).getByRole('link', { name: 'Nouvelle demande' }).click()
    assert.equal(await h1(sophie), 'Nouvelle demande pour Jeanne Lefèvre')
    await expectAccessible(sophie, 'the ask form')
    await sophie.locator('#categoryId').focus()
    await sophie.keyboard.type('Cou')
    assert.match(
      await sophie.locator('#categoryId option:checked').innerText(),
      /^Courses/,
      'a few letters pick the category',
    )
    await sophie.keyboard.press('Tab')
    await sophie.keyboard.type(TITLE)
    await sophie.keyboard.press('Tab')
    await sophie.keyboard.type('Légumes, pain et lait au marché de Bayeux, une fois par semaine.')
    await sophie.keyboard.press('Tab')
    await sophie.keyboard.press('Space')
    assert.equal(await sophie.locator('#urgency').isChecked(), true, 'Aujourd’hui, the first urgency')
    await sophie.keyboard.press('ArrowDown')
    assert.equal(await sophie.locator('#urgency-week').isChecked(), true, 'Cette semaine')
    assert.equal(await sophie.locator('#commune').inputValue(), 'Bayeux (14400)', 'her commune by default')
    await sophie.locator('#commune').focus()
    await sophie.keyboard.press('Enter')
    await sophie.waitForURL((url) => CASE_PAGE.test(url.pathname))
    casePath = pathOf(sophie)
    assert.equal(await h1(sophie), 'Dossier de Jeanne Lefèvre')
    assert.match(await main(sophie).innerText(), /La demande est publiée/)
    listingPath =
      (await main(sophie)
        .getByRole('link', { name: /La demande publiée/ })
        .getAttribute('href')) ?? ''
    await expectAccessible(sophie, 'the case page')
    await expectNoHorizontalScroll(sophie, 'the case page')
  })

  it('Karim reads an ask passed on by the line, without the agent’s name, and responds', async () => {
    await signIn(karim, KARIM)
    await karim.goto(listingPath)
    assert.equal(await h1(karim), TITLE)
    const text = await main(karim).innerText()
    assert.match(text, /Demande transmise par l’accueil téléphonique du Département/)
    assert.doesNotMatch(text, /Sophie/)
    await expectAccessible(karim, 'the relayed ask (Karim)')
    const form = main(karim).locator('form[action$="/repondre"]')
    await form
      .getByLabel('Votre message')
      .fill('Je fais le marché de Bayeux le samedi : je peux prendre ses courses.')
    await form.getByRole('button', { name: 'Envoyer ma réponse' }).click()
    assert.match(await main(karim).innerText(), /Votre réponse est envoyée|réponse/i)
  })

  it('Sophie sees it on her queue, calls Mme Lefèvre, notes it, and accepts for her', async () => {
    await sophie.goto(LINE)
    assert.match(await main(sophie).innerText(), /Réponses à décider avec la personne \(1\)/)
    await main(sophie).getByRole('link', { name: 'Jeanne Lefèvre' }).click()
    assert.equal(pathOf(sophie), casePath)
    assert.match(await main(sophie).innerText(), /je peux prendre ses courses/)
    const call = main(sophie).locator(`form[action="${casePath}/appel"]`)
    await call.getByLabel('Personne jointe').check()
    await call.getByLabel('Ce qui a été dit (facultatif)').fill('Elle est d’accord pour Karim, samedi matin.')
    await call.getByRole('button', { name: 'Noter l’appel' }).click()
    assert.match(await main(sophie).innerText(), /L’appel est noté/)
    await main(sophie)
      .getByRole('button', { name: /^Accepter pour Jeanne L\./ })
      .click()
    assert.match(await main(sophie).innerText(), /La réponse est acceptée/)
    await expectAccessible(sophie, 'the case after the acceptance')
  })

  it('Karim receives the number Mme Lefèvre agreed to share, and nothing of Sophie', async () => {
    await karim.goto('/mises-en-relation')
    await main(karim).getByRole('link', { name: TITLE }).click()
    const text = await main(karim).innerText()
    assert.match(text, /Téléphone de Jeanne L\./)
    assert.match(text, /02 31 92 00 01/)
    assert.doesNotMatch(text, /Sophie|sophie\.agent/)
    await expectAccessible(karim, 'the accepted match (Karim)')
  })

  it('Sophie closes the case with its outcome', async () => {
    await sophie.goto(casePath)
    const close = main(sophie).locator(`form[action="${casePath}/cloture"]`)
    await close.getByLabel('Issue').selectOption({ label: 'la personne a été aidée' })
    await close.getByRole('button', { name: 'Clore le dossier' }).click()
    const text = await main(sophie).innerText()
    assert.match(text, /Le dossier est clos/)
    assert.match(text, /clos : la personne a été aidée/)
    await expectAccessible(sophie, 'the closed case')
    // The one 400 is the form sent with its consent emptied, on purpose.
    assert.deepEqual(journey.pageProblems(/status of 400/), [])
  })
})
