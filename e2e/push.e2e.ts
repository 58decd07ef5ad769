import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import webpush from 'web-push'
import { expectAccessible } from './helpers/axe.ts'
import { type Journey, startJourney } from './helpers/journey.ts'
import { signIn } from './helpers/session.ts'

const JEANNE = { email: 'jeanne.demo@entraide.localhost', password: 'jeanne cultive des tomates à Bayeux' }
const PHONE = { viewport: { width: 360, height: 740 }, locale: 'fr-FR' }
const CANNOT = /Ce navigateur ne peut pas recevoir les notifications de la plateforme/

/**
 * « Notifications sur cet appareil » on a 360 px phone: with JavaScript and the Push API the button
 * is offered (and nothing is asked before it is pressed); without JavaScript the section says so in
 * words. Either way the page fits the screen, and it passes axe.
 */
describe('push notifications offered on « Mon compte »', () => {
  let journey: Journey
  const keys = webpush.generateVAPIDKeys()

  before(async () => {
    journey = await startJourney({
      VAPID_PUBLIC_KEY: keys.publicKey,
      VAPID_PRIVATE_KEY: keys.privateKey,
      VAPID_SUBJECT: 'mailto:contact@exemple.fr',
    })
  })
  after(async () => {
    await journey?.close()
  })

  it('offers the button where push works, asks nothing before it is pressed, and passes axe at 360 px', async () => {
    const page = await journey.newPage(PHONE)
    await signIn(page, JEANNE)
    await page.goto('/compte')
    const section = page.locator('#notifications-appareil')
    await section.getByRole('button', { name: 'Recevoir les notifications sur ce téléphone' }).waitFor()
    assert.doesNotMatch(await section.innerText(), CANNOT)
    assert.equal(await page.evaluate(() => Notification.permission), 'default', 'not asked on load')
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'fits 360 px')
    await expectAccessible(page, '/compte with push offered')
    assert.deepEqual(journey.pageProblems(), [])
  })

  it('says in words, without JavaScript, that this browser cannot receive them', async () => {
    const page = await journey.newPage({ ...PHONE, javaScriptEnabled: false })
    await signIn(page, JEANNE)
    await page.goto('/compte')
    const section = page.locator('#notifications-appareil')
    assert.match(await section.innerText(), CANNOT)
    assert.equal(
      await section.getByRole('button', { name: 'Recevoir les notifications sur ce téléphone' }).count(),
      0,
    )
  })
})
