import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Secret, TOTP } from 'otpauth'
import type { Page } from 'playwright-core'
import { expectAccessible } from './helpers/axe.ts'
import { CLAIRE, JEANNE, KARIM } from './helpers/campaign-cast.ts'
import { type JourneyWithMail, startJourneyWithMail } from './helpers/journey.ts'
import { linkIn } from './helpers/mail.ts'
import { h1, main } from './helpers/page.ts'
import { expectNoHorizontalScroll } from './helpers/reflow.ts'
import { signIn } from './helpers/session.ts'
import { signInEnrollingSecondFactor } from './helpers/staff.ts'

const MESSAGE = /Canicule : prenez des nouvelles de vos voisins âgés/
const SUBJECT = 'Canicule : nous avons besoin de bénévoles'

/**
 * Issue 13's crisis journey: Claire, the administrator, switches « canicule » on with a reason; a
 * visitor sees the banner with its message and the phone line on the home page and the search,
 * and the crisis categories featured; Karim, made coordinator, counts and sends a mass call that reaches Jeanne with its
 * unsubscribe link, and she stops the calls in one click; Claire switches the crisis off and finds
 * it in the history.
 */
describe('crisis mode: « canicule » switched on, a mass call for volunteers, switched off', () => {
  let journey: JourneyWithMail
  let claire: Page
  let karim: Page

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
      assert.match(text, /Accueil téléphonique : 02 61 91 00 00/, path)
      assert.equal(await banner.getByRole('link').getAttribute('href'), 'tel:+33261910000')
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

  it('Claire makes Karim a coordinator; he accepts and sets up his second factor', async () => {
    await claire.goto('/administration/equipe')
    const invite = main(claire).locator('form', {
      has: claire.getByRole('button', { name: 'Envoyer l’invitation' }),
    })
    await invite.getByLabel('Adresse électronique de la personne').fill(KARIM.email)
    await invite.getByLabel('Coordination', { exact: true }).check()
    await invite.getByRole('button', { name: 'Envoyer l’invitation' }).click()
    await claire.waitForURL((url) => url.searchParams.get('fait') === 'invitation')
    const mail = await journey.smtp.waitFor(
      (m) => m.to.includes(KARIM.email) && /Invitation/.test(m.subject),
      15_000,
    )
    karim = await journey.newPage()
    await signIn(karim, KARIM)
    await karim.goto(linkIn(mail.text))
    await main(karim).getByRole('button', { name: 'Accepter l’invitation' }).click()
    await karim.waitForURL((url) => url.pathname === '/compte/securite')
    const key = (await karim.locator('code.totp-key').innerText()).replace(/\s+/g, '')
    await karim.getByLabel('Code à 6 chiffres').fill(new TOTP({ secret: Secret.fromBase32(key) }).generate())
    await karim.getByRole('button', { name: 'Activer la double authentification' }).click()
    await karim.getByRole('link', { name: 'J’ai noté mes codes, continuer' }).click()
    await karim.waitForLoadState()
    // A coordinator calls volunteers but does not switch a crisis.
    await karim.goto('/administration')
    assert.equal(await main(karim).getByRole('link', { name: 'Mode crise' }).count(), 0)
  })

  it('Karim, coordinator, counts a mass call’s recipients, then sends it', async () => {
    await karim.goto('/administration')
    await main(karim).getByRole('link', { name: 'Appels aux bénévoles' }).click()
    assert.equal(await h1(karim), 'Appels aux bénévoles')
    await expectAccessible(karim, 'the calls for volunteers')
    await main(karim).getByRole('link', { name: 'Nouvel appel aux bénévoles' }).click()
    await expectAccessible(karim, 'the prefilled call form')
    const form = main(karim).locator('form')
    assert.equal(await form.getByLabel('Objet').inputValue(), SUBJECT)
    assert.ok(await form.getByLabel('Contact téléphonique et écoute').isChecked())
    await form.getByRole('button', { name: 'Compter les destinataires' }).click()
    await karim.waitForURL((url) => /^\/administration\/crise\/appels\/[0-9a-f-]{36}$/.test(url.pathname))
    const text = await main(karim).innerText()
    assert.match(text, /rien n’est envoyé/)
    const reach = Number(/Cet appel joindra (\d+) personnes/.exec(text)?.[1])
    assert.ok(reach >= 1, text)
    await expectAccessible(karim, 'the draft call')
    await main(karim).getByLabel(`Je confirme l’envoi à ${reach} personnes`).check()
    await main(karim)
      .getByRole('button', { name: `Envoyer à ${reach} personnes` })
      .click()
    await karim.waitForURL((url) => url.searchParams.get('fait') === 'envoye')
    assert.match(await main(karim).innerText(), /L’appel part/)
    await expectAccessible(karim, 'the call being sent')
    // The worker mails it in batches; the page shows how far it got.
    for (let i = 0; i < 50; i++) {
      await karim.reload()
      if (/Envoyé\s/.test(await main(karim).locator('dl').innerText())) break
      await karim.waitForTimeout(200)
    }
    assert.match(await main(karim).locator('dl').innerText(), new RegExp(`${reach} sur ${reach}`))
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
