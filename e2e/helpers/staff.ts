import { Secret, TOTP } from 'otpauth'
import type { Page } from 'playwright-core'
import { type Credentials, signIn } from './session.ts'

/**
 * Signs in a staff member whose second factor is not set up yet, as the demo's administrator is
 * at her first visit: the platform sends her to enrol it; she reads the key the page shows (as
 * she would type it into her app), answers with the current code, and goes on past her recovery
 * codes. Returns the code generator, for the next time the platform asks.
 */
export async function signInEnrollingSecondFactor(page: Page, credentials: Credentials): Promise<TOTP> {
  await signIn(page, credentials)
  await page.waitForURL((url) => url.pathname === '/compte/securite')
  const key = (await page.locator('code.totp-key').innerText()).replace(/\s+/g, '')
  const totp = new TOTP({ secret: Secret.fromBase32(key) })
  await page.getByLabel('Code à 6 chiffres').fill(totp.generate())
  await page.getByRole('button', { name: 'Activer la double authentification' }).click()
  await page.getByRole('link', { name: 'J’ai noté mes codes, continuer' }).click()
  await page.waitForLoadState()
  return totp
}
