import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { postAskStepByStep } from './helpers/ask.ts'
import { expectAccessible } from './helpers/axe.ts'
import { KARIM } from './helpers/campaign-cast.ts'
import { type Journey, startJourney } from './helpers/journey.ts'
import { h1, main } from './helpers/page.ts'
import { expectNoHorizontalScroll } from './helpers/reflow.ts'
import { signIn } from './helpers/session.ts'

const PHONE = {
  viewport: { width: 360, height: 740 },
  javaScriptEnabled: false,
  isMobile: true,
  hasTouch: true,
}
const TITLE = 'Courses à la pharmacie pour ma voisine'
/** A day a month ahead, as a person types it: « 7 », « 1 », « 2027 ». */
const ahead = new Date(Date.now() + 30 * 86_400_000)
const DAY = {
  day: String(ahead.getUTCDate()),
  month: String(ahead.getUTCMonth() + 1),
  year: String(ahead.getUTCFullYear()),
}

/**
 * A relative of an 80-year-old neighbour, on a small phone with JavaScript off, asks for help one
 * question per page: every page has its question as h1, passes axe and fits 360 px; a wrong date
 * says so at the top; « Retour » keeps the answers; « Modifier » comes back to the check page.
 */
describe('an ask one question per page on a 360 px phone without JavaScript', () => {
  let journey: Journey
  let phone: Page
  /** the same session with JavaScript on, where axe can run: each page is audited there as the phone got it */
  let auditor: Page
  async function audit(page: Page, label: string, html?: string) {
    if (html === undefined) await auditor.goto(page.url())
    else await auditor.setContent(html)
    await expectAccessible(auditor, label)
    await expectNoHorizontalScroll(auditor, label)
  }

  before(async () => {
    journey = await startJourney()
    phone = await journey.newPage(PHONE)
    await signIn(phone, KARIM)
    auditor = await journey.newPage({
      ...PHONE,
      javaScriptEnabled: true,
      storageState: await phone.context().storageState(),
    })
  })
  after(async () => {
    await journey?.close()
  })

  it('finds the phone line from the home page, before signing in', async () => {
    const visitor = await journey.newPage(PHONE)
    await visitor.goto('/')
    const block = visitor.getByRole('region', { name: 'Pas d’internet ?' })
    const call = block.getByRole('link', { name: '02 61 91 00 00' })
    assert.equal(await call.getAttribute('href'), 'tel:+33261910000')
    assert.match(await block.innerText(), /Appelez/)
    await audit(visitor, 'the home page, signed out', await visitor.content())
    await visitor.close()
  })

  it('posts the ask page by page, each page accessible and without sideways scrolling', async () => {
    const seen: string[] = []
    await postAskStepByStep(
      phone,
      {
        category: 'Courses de première nécessité et médicaments',
        title: TITLE,
        description: 'Odette, 84 ans, attend ses médicaments à la pharmacie du centre.',
        commune: 'Bayeux',
        when: 'Un jour précis',
        date: DAY,
        urgency: 'Cette semaine',
        forOther: { name: 'Odette', relation: 'ma voisine' },
      },
      async (page, label) => {
        seen.push(label)
        await audit(page, label)
      },
    )
    assert.equal(seen.length, 10, seen.join(' → '))
    assert.equal(await h1(phone), TITLE)
    const text = await main(phone).innerText()
    assert.match(text, /Pour Odette \(ma voisine\)/)
    assert.match(text, /Commune : Bayeux/)
    await audit(phone, 'the ask just posted')
  })

  it('says what is wrong with a date at the top, keeps answers on « Retour », and « Modifier » returns to the check', async () => {
    await phone.goto('/annonces/nouvelle/demande')
    const form = main(phone).locator('form')
    await form.getByLabel('Petites réparations et bricolage').check()
    await form.getByRole('button', { name: 'Continuer' }).click()
    await phone.waitForURL((url) => url.pathname.endsWith('/description'))
    const draft = new URL(phone.url()).pathname.replace(/\/description$/, '')
    await form.getByLabel('Titre').fill('Une étagère à fixer')
    await form.getByLabel('Description').fill('Une étagère de 80 cm au-dessus de l’évier.')
    await form.getByRole('button', { name: 'Continuer' }).click()
    await phone.waitForURL((url) => url.pathname === `${draft}/commune`)
    await form.getByLabel('Commune', { exact: true }).fill('Bayeux')
    await form.getByRole('button', { name: 'Continuer' }).click()
    await phone.waitForURL((url) => url.pathname === `${draft}/quand`)

    // « Retour » twice: the answers are there as given.
    await main(phone).getByRole('link', { name: 'Retour' }).click()
    await phone.waitForURL((url) => url.pathname === `${draft}/commune`)
    assert.equal(await form.getByLabel('Commune', { exact: true }).inputValue(), 'Bayeux (14400)')
    await main(phone).getByRole('link', { name: 'Retour' }).click()
    await phone.waitForURL((url) => url.pathname === `${draft}/description`)
    assert.equal(await form.getByLabel('Titre').inputValue(), 'Une étagère à fixer')

    await phone.goto(`${draft}/quand`)
    await form.getByLabel('Un jour précis').check()
    await form.getByRole('button', { name: 'Continuer' }).click()
    await phone.waitForURL((url) => url.pathname === `${draft}/date`)
    await form.getByLabel('Jour').fill('31')
    await form.getByLabel('Mois').fill('2')
    await form.getByLabel('Année').fill(DAY.year)
    await form.getByRole('button', { name: 'Continuer' }).click()
    await phone.locator('.error-summary').waitFor()
    assert.match(await phone.locator('.error-summary').innerText(), /Cette date n’existe pas/)
    assert.match(await phone.title(), /^Il y a un problème/)
    assert.equal(await form.getByLabel('Jour').inputValue(), '31', 'kept as typed')
    await audit(phone, 'a date that does not exist', await phone.content())
    await form.getByLabel('Jour').fill(DAY.day)
    await form.getByLabel('Mois').fill(DAY.month)
    await form.getByRole('button', { name: 'Continuer' }).click()
    await phone.waitForURL((url) => url.pathname === `${draft}/urgence`)
    await form.getByLabel('Pas pressé').check()
    await form.getByRole('button', { name: 'Continuer' }).click()
    await phone.waitForURL((url) => url.pathname === `${draft}/pour-qui`)
    await form.getByLabel('Pour moi').check()
    await form.getByRole('button', { name: 'Continuer' }).click()
    await phone.waitForURL((url) => url.pathname === `${draft}/verifier`)

    await main(phone).getByRole('link', { name: 'Modifier le titre' }).click()
    await phone.waitForURL((url) => url.pathname === `${draft}/description`)
    await form.getByLabel('Titre').fill('Une étagère de cuisine à fixer')
    await form.getByRole('button', { name: 'Continuer' }).click()
    await phone.waitForURL((url) => url.pathname === `${draft}/verifier`)
    assert.match(await main(phone).innerText(), /Une étagère de cuisine à fixer/)
    await audit(phone, 'check your ask, after « Modifier »')
  })

  it('raised no script error, blocked resource or server error on the way', () => {
    // The one 400 is the page that said the date does not exist, as it should.
    assert.deepEqual(journey.pageProblems(/status of 400 \(Bad Request\)/), [])
  })
})
