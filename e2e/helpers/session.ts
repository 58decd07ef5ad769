import type { Page } from 'playwright-core'

export interface Credentials {
  email: string
  password: string
}

/** Fills and sends the sign-in form; where it lands (home, or the form with an error) is the caller's to check. */
export async function signIn(page: Page, { email, password }: Credentials): Promise<void> {
  await page.goto('/connexion')
  const form = page.locator('main form')
  await form.getByLabel('Adresse électronique').fill(email)
  await form.getByLabel('Mot de passe').fill(password)
  await form.getByRole('button', { name: 'Se connecter' }).click()
  await page.waitForLoadState()
}

/** Whether the header offers « Mon compte », which it does only to someone signed in. */
export async function isSignedIn(page: Page): Promise<boolean> {
  return (await page.locator('header').getByRole('link', { name: 'Mon compte' }).count()) === 1
}
