import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { expectAccessible } from './helpers/axe.ts'
import { CLAIRE, JEANNE, KARIM } from './helpers/campaign-cast.ts'
import { type JourneyWithMail, startJourneyWithMail } from './helpers/journey.ts'
import { h1, main, pathOf } from './helpers/page.ts'
import { expectNoHorizontalScroll } from './helpers/reflow.ts'
import { signIn } from './helpers/session.ts'
import { signInEnrollingSecondFactor } from './helpers/staff.ts'

/** Two more people Claire registers by phone, beside the demonstration's three. */
const BY_PHONE = [
  { firstName: 'Germaine', lastName: 'Vautier', phone: '02 61 91 20 01', commune: 'Caen' },
  { firstName: 'Henri', lastName: 'D’Harcourt', phone: '06 12 34 56 78', commune: 'Bayeux' },
]
/** the campaign a crisis launches is named after it and its day: « Canicule – 16 mars 2026 » */
const TITLE = /^Canicule – \d{1,2} \p{L}+ \d{4}$/u

/**
 * Issue 13's second journey: Claire (an administrator, so also coordinator and agent) registers two
 * people by phone, then switches crisis mode « canicule » on, which launches a call campaign over
 * the five registered; a visitor sees the banner; Karim and Jeanne, verified volunteers and
 * callers, work the campaign at the same time in their own browsers; Jeanne's « Inquiétude »
 * reaches the agents by email and on their queue; the campaign ends with each person called once,
 * as its figures say.
 */
describe('calls: a heatwave campaign worked by two callers', () => {
  let journey: JourneyWithMail
  let claire: Page
  const callers = new Map<string, Page>()
  let campaignPath = ''

  before(async () => {
    journey = await startJourneyWithMail()
    claire = await journey.newPage()
    await signInEnrollingSecondFactor(claire, CLAIRE)
    for (const [name, who] of [
      ['Karim', KARIM],
      ['Jeanne', JEANNE],
    ] as const) {
      const page = await journey.newPage()
      await signIn(page, who)
      callers.set(name, page)
    }
  })
  after(async () => {
    await journey?.close()
  })

  it('Claire registers two people by phone, the consent read to them recorded', async () => {
    await claire.goto('/administration')
    await expectAccessible(claire, 'the staff home')
    await main(claire).getByRole('link', { name: 'Inscrire une personne au téléphone' }).click()
    assert.equal(await h1(claire), 'Inscrire une personne au téléphone')
    await expectAccessible(claire, 'the phone registration form')
    const form = main(claire).locator('form')
    // Without a consent text: said at the top and beside the field, nothing saved.
    await form.getByLabel('Texte du consentement lu à la personne').fill('')
    await form.getByRole('button', { name: 'Enregistrer l’inscription' }).click()
    assert.match(await main(claire).locator('.error-summary').innerText(), /consentement/)
    await expectAccessible(claire, 'the phone registration form with errors')
    for (const person of BY_PHONE) {
      await claire.goto('/administration/appels/inscription')
      const f = main(claire).locator('form')
      await f.getByLabel('Prénom').fill(person.firstName)
      await f.getByLabel('Nom', { exact: true }).fill(person.lastName)
      await f.getByLabel('Numéro de téléphone').fill(person.phone)
      await f.getByLabel('Commune').fill(person.commune)
      await f.getByLabel('À quel rythme ?').selectOption('weekly')
      await f.getByRole('button', { name: 'Enregistrer l’inscription' }).click()
      assert.match(await main(claire).locator('.success').innerText(), /L’inscription est enregistrée/)
    }
  })

  it('Claire switches « canicule » on, which launches the campaign over the five registered', async () => {
    await claire.goto('/administration/crise')
    assert.equal(await h1(claire), 'Mode crise')
    const form = main(claire).locator('form', {
      has: claire.getByRole('button', { name: 'Déclencher la crise' }),
    })
    await form.getByLabel('Canicule').check()
    await form.getByLabel('Raison du déclenchement').fill('Alerte canicule de niveau 3 de la préfecture')
    await form.getByLabel('Lancer aussi une campagne d’appels aux personnes isolées inscrites').check()
    await form.getByRole('button', { name: 'Déclencher la crise' }).click()
    assert.match(await main(claire).locator('.success').innerText(), /la campagne d’appels est lancée/)
    await expectAccessible(claire, 'the crisis page, crisis on')

    // A visitor, signed in nowhere, sees the banner and the number to call.
    const visitor = await journey.newPage()
    await visitor.goto('/')
    const banner = visitor.getByRole('region', { name: 'Alerte de crise' })
    assert.match(await banner.innerText(), /Canicule/)
    assert.match(await banner.innerText(), /Accueil téléphonique : 02 61 91 00 00/)
    await expectAccessible(visitor, 'the home page during the heatwave')

    await main(claire).getByRole('link', { name: 'Suivre la campagne d’appels lancée avec la crise' }).click()
    assert.match(await h1(claire), TITLE)
    campaignPath = pathOf(claire)
    assert.match(
      await main(claire).locator('[data-campaign-figures]').innerText(),
      /0 personnes appelées sur 5/,
    )
    await expectAccessible(claire, 'the campaign page')
    await expectNoHorizontalScroll(claire, 'the campaign page')
  })

  it('Karim and Jeanne work it at the same time; Jeanne’s concern mails the agents', async () => {
    const karim = callers.get('Karim')!
    await karim.goto('/appels-de-convivialite')
    await expectAccessible(karim, 'my friendly calls')
    await main(karim)
      .getByRole('link', { name: /Devenir appelant/ })
      .click()
    await expectAccessible(karim, 'the caller page')
    await main(karim).getByRole('link', { name: TITLE }).click()
    assert.equal(pathOf(karim), campaignPath)
    await karim.setViewportSize({ width: 360, height: 800 })
    await expectAccessible(karim, 'the campaign page at 360 px')
    await expectNoHorizontalScroll(karim, 'the campaign page')

    const jeanne = callers.get('Jeanne')!
    await jeanne.goto(campaignPath)
    const called: string[] = []
    let concernSent = false
    // Each takes the next person and taps an outcome, both at once, until nobody is left.
    const work = async (page: Page, who: string) => {
      for (;;) {
        await page.goto(campaignPath)
        const next = main(page).getByRole('button', { name: 'Personne suivante' })
        if ((await next.count()) === 0) return
        await next.click()
        if (!pathOf(page).includes('/appels/')) continue
        const name = (await h1(page)).replace(/^Appeler /, '')
        called.push(name)
        if (called.length === 1) {
          await expectAccessible(page, 'the call page')
          await expectNoHorizontalScroll(page, 'the call page')
          assert.match(
            (await main(page)
              .getByRole('link', { name: /^0\d( \d\d){4}$/ })
              .getAttribute('href')) ?? '',
            /^tel:\+33/,
          )
        }
        if (who === 'Jeanne' && !concernSent) {
          concernSent = true
          await main(page)
            .getByLabel('Note pour « Inquiétude » (facultative)')
            .fill('Elle a très chaud, voix faible')
          await main(page)
            .getByRole('button', { name: /^Inquiétude/ })
            .click()
          assert.match(await main(page).locator('.success').innerText(), /agents de la ligne sont prévenus/)
        } else {
          await main(page)
            .getByRole('button', { name: /^Tout va bien/ })
            .click()
          assert.match(await main(page).locator('.success').innerText(), /tout va bien/)
        }
      }
    }
    await Promise.all([work(karim, 'Karim'), work(jeanne, 'Jeanne')])
    assert.equal(called.length, 5, `five calls: ${called.join(', ')}`)
    assert.equal(new Set(called).size, 5, 'each person called once')
    assert.match(await main(karim).innerText(), /Tout le monde a été appelé/)

    const mail = await journey.smtp.waitFor(
      (m) => m.to.includes(CLAIRE.email) && /s’inquiète/.test(m.text),
      15_000,
    )
    assert.match(mail.subject, /une personne à rappeler/)
    assert.doesNotMatch(mail.text, /très chaud/, 'the caller’s note stays on the platform')
  })

  it('the figures say each person was called once; Claire finishes the campaign', async () => {
    // Claire's page was left open: its figures caught up without a reload.
    await claire
      .locator('[data-campaign-figures]', { hasText: '5 personnes appelées sur 5' })
      .waitFor({ timeout: 15_000 })
    await claire.reload()
    const figures = await main(claire).locator('[data-campaign-figures]').innerText()
    assert.match(figures, /5 personnes appelées sur 5/)
    assert.match(figures, /Jointes, tout va bien\s*4/)
    assert.match(figures, /Inquiétudes\s*1/)
    assert.match(figures, /Pas encore appelées\s*0/)
    await main(claire).getByRole('button', { name: 'Terminer la campagne' }).click()
    assert.match(await main(claire).locator('.success').innerText(), /La campagne est terminée/)
    await expectAccessible(claire, 'the finished campaign')
  })

  it('the concern waits first on the agents’ queue, with the caller’s words on its case', async () => {
    await claire.goto('/administration/accueil-telephonique')
    const alerts = main(claire)
      .getByRole('region', { name: /^Alertes des appelants \(1\)/ })
      .first()
    assert.match(await alerts.innerText(), /Inquiétude signalée par un appelant bénévole/)
    await expectAccessible(claire, 'the agents’ queue with the concern')
    await expectNoHorizontalScroll(claire, 'the agents’ queue')
    await alerts.getByRole('link').first().click()
    assert.match(await main(claire).innerText(), /très chaud/)
    await expectAccessible(claire, 'the concern’s case')
    // the one 400 is the registration sent without its consent text
    assert.deepEqual(journey.pageProblems(/status of 400/), [])
  })
})
