import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { expectAccessible } from './helpers/axe.ts'
import { type JourneyWithMail, startJourneyWithMail } from './helpers/journey.ts'
import { linkIn } from './helpers/mail.ts'
import { h1 } from './helpers/page.ts'
import { isSignedIn, signIn } from './helpers/session.ts'

const PASSWORD = 'les mouettes chantent sur le port de Honfleur'
const NEW_PASSWORD = 'un nouveau jardin partagé derrière la mairie'
const KARIM = {
  email: 'karim.demo@entraide.localhost',
  password: 'karim répare les vélos du quartier à Caen',
}

describe('accounts: sign up, verify, sign out and in; forgotten password', () => {
  let journey: JourneyWithMail

  before(async () => {
    journey = await startJourneyWithMail()
  })

  after(async () => {
    await journey?.close()
  })

  it('signs up, is not signed in until the link received by SMTP confirms, signs out and back in', async () => {
    const page = await journey.newPage()
    const email = 'zoe.martin@exemple.test'
    await page.goto('/inscription')
    assert.equal(await h1(page), 'Créer un compte')
    await expectAccessible(page, '/inscription')

    // First without ticking anything: every problem is listed and the page stays accessible.
    await page.getByRole('button', { name: 'Créer mon compte' }).click()
    await page.locator('.error-summary').waitFor()
    await expectAccessible(page, '/inscription with errors')

    const form = page.locator('main form')
    await form.getByLabel('Votre nom').fill('Zoé Martin')
    await form.getByLabel('Adresse électronique').fill(email)
    await form.getByLabel('Mot de passe').fill(PASSWORD)
    await form.getByLabel('Votre commune').fill('14400')
    await form.getByLabel('J’accepte la charte').check()
    await form.getByLabel('J’ai pris connaissance').check()
    await form.getByRole('button', { name: 'Créer mon compte' }).click()
    // A postcode shared by several communes: the page asks which one, keeping the rest but the password.
    await page.locator('.error-summary').waitFor()
    await expectAccessible(page, '/inscription choosing a commune')
    await form.getByLabel('Bayeux (14400)').check()
    await form.getByLabel('Mot de passe').fill(PASSWORD)
    await form.getByRole('button', { name: 'Créer mon compte' }).click()
    await page.waitForURL((url) => url.pathname === '/verification')
    assert.equal(await h1(page), 'Vérifiez votre boîte mail')
    assert.match(await page.locator('main').innerText(), /zoe\.martin@exemple\.test/)
    await expectAccessible(page, '/verification (check your mailbox)')
    assert.equal(await isSignedIn(page), false, 'sign-up does not sign in')

    // The password alone does not sign in before the address is confirmed: the page says so.
    await signIn(page, { email, password: PASSWORD })
    assert.equal(await h1(page), 'Confirmez d’abord votre adresse électronique')
    assert.equal(await isSignedIn(page), false)
    await expectAccessible(page, '/connexion, address not confirmed')

    const mail = await journey.smtp.waitFor((m) => m.to.includes(email), 15_000)
    assert.equal(mail.subject, 'Confirmez votre adresse électronique')
    await page.goto(linkIn(mail.text))
    assert.equal(await h1(page), 'Confirmer votre adresse électronique')
    await expectAccessible(page, '/verification?jeton=…')
    await page.getByRole('button', { name: 'Confirmer mon adresse' }).click()
    await page.waitForURL((url) => url.pathname === '/verification/confirmee')
    assert.equal(await h1(page), 'Adresse confirmée')
    assert.ok(await isSignedIn(page), 'the link signs in')
    await expectAccessible(page, 'address confirmed')

    await page.locator('header').getByRole('button', { name: 'Se déconnecter' }).click()
    await page.waitForURL((url) => url.pathname === '/deconnexion')
    assert.equal(await h1(page), 'Vous êtes déconnecté')
    await expectAccessible(page, '/deconnexion')

    await signIn(page, { email, password: 'pas le bon mot de passe' })
    assert.match(
      await page.locator('.error-summary').innerText(),
      /Adresse électronique ou mot de passe incorrect/,
    )
    await expectAccessible(page, '/connexion with an error')
    await signIn(page, { email, password: PASSWORD })
    assert.equal(new URL(page.url()).pathname, '/')
    assert.ok(await isSignedIn(page))
    await expectAccessible(page, 'home, signed in')
  })

  it('resets a forgotten password: the old one fails and the old sessions are gone', async () => {
    const before = await journey.newPage()
    await signIn(before, KARIM)
    assert.ok(await isSignedIn(before))

    const page = await journey.newPage()
    await page.goto('/connexion')
    await expectAccessible(page, '/connexion')
    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click()
    await page.waitForURL((url) => url.pathname === '/mot-de-passe-oublie')
    await expectAccessible(page, '/mot-de-passe-oublie')
    await page.locator('main form').getByLabel('Adresse électronique').fill(KARIM.email)
    await page.getByRole('button', { name: 'Recevoir un lien' }).click()
    await page.waitForLoadState()
    assert.equal(await h1(page), 'Vérifiez votre boîte mail')
    await expectAccessible(page, 'reset link sent')

    const mail = await journey.smtp.waitFor((m) => m.to.includes(KARIM.email), 15_000)
    assert.equal(mail.subject, 'Choisir un nouveau mot de passe')
    await page.goto(linkIn(mail.text))
    assert.equal(await h1(page), 'Choisir un nouveau mot de passe')
    await expectAccessible(page, '/mot-de-passe/nouveau')
    await page.locator('main form').getByLabel('Nouveau mot de passe').fill(NEW_PASSWORD)
    await page.getByRole('button', { name: 'Enregistrer mon mot de passe' }).click()
    await page.waitForLoadState()
    assert.equal(await h1(page), 'Mot de passe changé')
    await expectAccessible(page, 'password changed')

    // The browser that was signed in before the reset is signed out.
    await before.goto('/compte')
    assert.equal(new URL(before.url()).pathname, '/connexion')

    await signIn(page, KARIM)
    assert.equal(new URL(page.url()).pathname, '/connexion', 'the old password fails')
    await signIn(page, { email: KARIM.email, password: NEW_PASSWORD })
    assert.equal(new URL(page.url()).pathname, '/')
  })

  it(
    'signs up without JavaScript, choosing among the communes of a postcode',
    { timeout: 60_000 },
    async () => {
      const page = await journey.newPage({ javaScriptEnabled: false })
      await page.goto('/inscription')
      const form = page.locator('main form')
      await form.getByLabel('Votre nom').fill('Jean-Éric N’Diaye')
      await form.getByLabel('Adresse électronique').fill('jean-eric@exemple.test')
      await form.getByLabel('Mot de passe').fill(PASSWORD)
      await form.getByLabel('Votre commune').fill('14400')
      await form.getByLabel('J’accepte la charte').check()
      await form.getByLabel('J’ai pris connaissance').check()
      await form.getByRole('button', { name: 'Créer mon compte' }).click()
      // No axe here: it runs inside the page, which this context forbids; the journey above checks these pages.
      await page.locator('.error-summary').waitFor()
      await form.getByLabel('Bayeux (14400)').check()
      await form.getByLabel('Mot de passe').fill(PASSWORD)
      await form.getByRole('button', { name: 'Créer mon compte' }).click()
      await page.waitForURL((url) => url.pathname === '/verification')
      assert.equal(await h1(page), 'Vérifiez votre boîte mail')
    },
  )

  it('raised no script error, blocked resource or server error on the way', () => {
    // A form sent back with errors answers 400 on purpose (GOV.UK pattern), a sign-in before the
    // address is confirmed 403, and Chromium logs every 4xx document as a console error; anything
    // else is a real problem.
    const expected =
      /^console: Failed to load resource: the server responded with a status of (400 \(Bad Request\)|403 \(Forbidden\))$/
    assert.deepEqual(journey.pageProblems(expected), [])
  })
})
