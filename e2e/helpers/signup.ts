import type { Page } from 'playwright-core'
import type { SmtpReceiver } from '../../test/helpers/smtp.ts'
import { linkIn } from './mail.ts'

export interface NewResident {
  name: string
  email: string
  password: string
  commune: string
}

/** Signs a new resident up and confirms the address from the mail, as a person does; they end signed in. */
export async function signUpAndConfirm(page: Page, smtp: SmtpReceiver, person: NewResident): Promise<void> {
  await page.goto('/inscription')
  const form = page.locator('main form')
  await form.getByLabel('Votre nom').fill(person.name)
  await form.getByLabel('Adresse électronique').fill(person.email)
  await form.getByLabel('Mot de passe').fill(person.password)
  await form.getByLabel('Votre commune').fill(person.commune)
  await form.getByLabel('J’accepte la charte').check()
  await form.getByLabel('J’ai pris connaissance').check()
  await form.getByRole('button', { name: 'Créer mon compte' }).click()
  await page.waitForURL((url) => url.pathname === '/verification')
  const mail = await smtp.waitFor((m) => m.to.includes(person.email), 15_000)
  await page.goto(linkIn(mail.text))
  await page.getByRole('button', { name: 'Confirmer mon adresse' }).click()
  await page.waitForURL((url) => url.pathname === '/verification/confirmee')
}
