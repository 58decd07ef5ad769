import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { expectAccessible } from './helpers/axe.ts'
import { CLAIRE, JEANNE } from './helpers/campaign-cast.ts'
import { type JourneyWithMail, startJourneyWithMail } from './helpers/journey.ts'
import { h1, main } from './helpers/page.ts'
import { expectNoHorizontalScroll } from './helpers/reflow.ts'
import { signInEnrollingSecondFactor } from './helpers/staff.ts'

const MESSAGE = /Canicule : prenez des nouvelles de vos voisins âgés/
const SUBJECT = 'Canicule : nous avons besoin de bénévoles'

/**
 * Issue 13's crisis journey: Claire, the administrator, switches « canicule » on with a reason; a
 * visitor sees the banner with its message and the phone line on the home page and the search,
 * and the crisis categories featured; a mass call is counted and sent, reaches Jeanne with its
 * unsubscribe link, and she stops the calls in one click; Claire switches the crisis off and finds
 * it in the history.
 */
describe('crisis mode: « canicule » switched on, a mass call for volunteers, switched off', () => {
  let journey: JourneyWithMail
  let claire: Page

  before(async () => {
    journey = await startJourneyWithMail()
    claire = await journey.newPage()
    await signInEnrollingSecondFactor(claire, CLAIRE)
  })
  after(async () => {
    await journey?.close()
  })

  it('Claire switches « canicule » on from the administration, with a reason', async () => {
    await claire.goto('/administration')
    await main(claire).getByRole('link', { name: 'Mode crise' }).click()
    assert.equal(await h1(claire), 'Mode crise')
    await expectAccessible(claire, 'the crisis page')
    const form = main(claire).locator('form', {
      has: claire.getByRole('button', { name: 'Déclencher la crise' }),
    })
    // Without a reason: said at the top and beside the field, nothing switched.
    await form.getByLabel('Canicule').check()
    await form.getByRole('button', { name: 'Déclencher la crise' }).click()
    assert.match(await main(claire).locator('.error-summary').innerText(), /Indiquez la raison/)
    await expectAccessible(claire, 'the crisis page with an error')
    const again = main(claire).locator('form', {
      has: claire.getByRole('button', { name: 'Déclencher la crise' }),
    })
    await again.getByLabel('Raison du déclenchement').fill('Alerte canicule de niveau 3 de la préfecture')
    await again.getByLabel('Écrire ensuite un appel aux bénévoles').check()
    await again.getByRole('button', { name: 'Déclencher la crise' }).click()
    await claire.waitForURL((url) => url.pathname === '/administration/crise/appels/nouveau')
    assert.match(await main(claire).innerText(), /La crise est déclenchée/)
  })

  it('a visitor sees the banner with the message and the phone line, and the crisis categories first', async () => {
    const visitor = await journey.newPage()
    for (const path of ['/', '/annonces']) {
      await visitor.goto(path)
      const banner = visitor.getByRole('region', { name: 'Alerte de crise' })
      const text = await banner.innerText()
      assert.match(text, MESSAGE, path)
      assert.match(text, /Accueil téléphonique : 02 31 00 00 02/, path)
      assert.equal(await banner.getByRole('link').getAttribute('href'), 'tel:+33231000002')
      await expectAccessible(visitor, `${path} during the crisis`)
    }
    await visitor.goto('/')
    const featured = visitor.getByRole('region', { name: 'Canicule : on a besoin de vous' })
    const names = await featured.getByRole('heading', { level: 3 }).allInnerTexts()
    assert.ok(names.includes('Contact téléphonique et écoute'), names.join(', '))
    assert.ok(names.includes('Courses de première nécessité et médicaments'), names.join(', '))
    await expectNoHorizontalScroll(visitor, 'the home page with the crisis banner')
    await featured.getByRole('link', { name: 'Voir les demandes : Contact téléphonique et écoute' }).click()
    await visitor.waitForURL((url) => url.pathname === '/annonces')
  })

  it('Claire counts a mass call’s recipients, then sends it', async () => {
    await expectAccessible(claire, 'the prefilled call form')
    const form = main(claire).locator('form')
    assert.equal(await form.getByLabel('Objet').inputValue(), SUBJECT)
    assert.ok(await form.getByLabel('Contact téléphonique et écoute').isChecked())
    await form.getByRole('button', { name: 'Compter les destinataires' }).click()
    await claire.waitForURL((url) => /^\/administration\/crise\/appels\/[0-9a-f-]{36}$/.test(url.pathname))
    const text = await main(claire).innerText()
    assert.match(text, /rien n’est envoyé/)
    const reach = Number(/Cet appel joindra (\d+) personnes/.exec(text)?.[1])
    assert.ok(reach >= 1, text)
    await expectAccessible(claire, 'the draft call')
    await main(claire).getByLabel(`Je confirme l’envoi à ${reach} personnes`).check()
    await main(claire)
      .getByRole('button', { name: `Envoyer à ${reach} personnes` })
      .click()
    await claire.waitForURL((url) => url.searchParams.get('fait') === 'envoye')
    assert.match(await main(claire).innerText(), /L’appel part/)
    await expectAccessible(claire, 'the call being sent')
    // The worker mails it in batches; the page shows how far it got.
    for (let i = 0; i < 50; i++) {
      await claire.reload()
      if (/Envoyé\s/.test(await main(claire).locator('dl').innerText())) break
      await claire.waitForTimeout(200)
    }
    assert.match(await main(claire).locator('dl').innerText(), new RegExp(`${reach} sur ${reach}`))
  })

  it('Jeanne receives it with its unsubscribe link, and stops the calls in one click', async () => {
    const mail = await journey.smtp.waitFor(
      (m) => m.to.includes(JEANNE.email) && m.subject === SUBJECT,
      15_000,
    )
    assert.match(mail.text, /Canicule : prenez des nouvelles/)
    const header = mail.headers.get('list-unsubscribe') ?? ''
    assert.equal(mail.headers.get('list-unsubscribe-post'), 'List-Unsubscribe=One-Click')
    const link = new URL(/<([^>]+)>/.exec(header)![1]!)
    const jeanne = await journey.newPage()
    await jeanne.goto(`${link.pathname}${link.search}`)
    assert.equal(await h1(jeanne), 'Ne plus recevoir les appels aux bénévoles')
    await expectAccessible(jeanne, 'the unsubscribe page')
    await main(jeanne).getByRole('button', { name: 'Ne plus recevoir ces appels' }).click()
    assert.match(await main(jeanne).innerText(), /C’est fait : vous ne recevrez plus/)
    await expectAccessible(jeanne, 'the unsubscribe confirmation')
  })

  it('Claire switches the crisis off and finds it in the history', async () => {
    await claire.goto('/administration/crise')
    const form = main(claire).locator('form', {
      has: claire.getByRole('button', { name: 'Arrêter la crise' }),
    })
    await form.getByLabel('Raison de l’arrêt').fill('Fin de l’alerte préfectorale')
    await form.getByRole('button', { name: 'Arrêter la crise' }).click()
    await claire.waitForURL((url) => url.searchParams.get('fait') === 'terminee')
    assert.match(await main(claire).innerText(), /La crise est arrêtée/)
    const history = main(claire).getByRole('region', { name: 'Historique des crises' })
    const text = await history.innerText()
    assert.match(text, /Canicule/)
    assert.match(text, /Alerte canicule de niveau 3 de la préfecture/)
    assert.match(text, /Appels aux bénévoles : 1/)
    await expectAccessible(claire, 'the crisis page with its history')
    const visitor = await journey.newPage()
    await visitor.goto('/')
    assert.equal(await visitor.getByRole('region', { name: 'Alerte de crise' }).count(), 0)
    // The one 400 is the switch sent without a reason, on purpose.
    assert.deepEqual(journey.pageProblems(/status of 400/), [])
  })
})
