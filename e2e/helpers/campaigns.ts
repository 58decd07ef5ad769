import assert from 'node:assert/strict'
import type { Locator, Page } from 'playwright-core'
import { expectAccessible } from './axe.ts'
import { h1, main } from './page.ts'

export interface CampaignPoint {
  name: string
  commune: string
  address: string
  hours: string
}

/** The day in Paris `offset` days from now, as a date field takes it (yyyy-mm-dd): the platform's days are Paris days. */
export function parisDay(offset = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date())
  const day = new Date(`${today}T12:00:00Z`)
  day.setUTCDate(day.getUTCDate() + offset)
  return day.toISOString().slice(0, 10)
}

/** The commune field: a text box, or a combo box once its script has enhanced it. */
export const communeField = (form: Locator, name: string) =>
  form.getByRole('combobox', { name }).or(form.getByRole('textbox', { name }))

/** Adds a point from the campaign's « Points » page, as staff fill its form; the point serves both ways. */
export async function addPoint(page: Page, point: CampaignPoint): Promise<void> {
  const form = main(page).locator('form')
  await form.getByLabel('Point', { exact: true }).fill(point.name)
  await form.getByRole('radio', { name: 'Collecte et distribution' }).check()
  await communeField(form, 'Commune').fill(point.commune)
  await form.getByLabel('Adresse', { exact: true }).fill(point.address)
  await form.getByLabel('Horaires d’ouverture').fill(point.hours)
  await form.getByRole('button', { name: 'Ajouter le point' }).click()
  await page.waitForURL((url) => url.searchParams.get('fait') === 'point')
}

/** A maker's « J’ai déposé un lot », once their capacity is declared; lands on « Mes collectes ». */
export async function recordBatch(
  page: Page,
  { quantity, point, day }: { quantity: number; point: CampaignPoint; day: string },
): Promise<void> {
  const form = main(page).locator('form', { has: page.getByRole('button', { name: 'Enregistrer le lot' }) })
  await form.getByLabel('Quantité déposée (masques)').fill(String(quantity))
  await form
    .getByLabel('Point de collecte')
    .selectOption({ label: `${point.name} – ${point.address} (${point.hours})` })
  await form.getByLabel('Date du dépôt').fill(day)
  await form.getByRole('button', { name: 'Enregistrer le lot' }).click()
  await page.waitForLoadState()
}

export interface Requester {
  name: string
  email: string
  password: string
  commune: string
  /** how the form's radio starts, and how the allocation's table names it */
  priority: string
  quantity: number
  point: CampaignPoint
}

/** Asks an open campaign for masks from its public page, as a resident fills « J’ai besoin de masques ». */
export async function askForMasks(page: Page, campaignPath: string, r: Requester, quantity = r.quantity) {
  await page.goto(campaignPath)
  await main(page).getByRole('link', { name: 'J’ai besoin de masques' }).click()
  await page.waitForURL((url) => url.pathname === `${campaignPath}/demander`)
  assert.match(await h1(page), /^Demander : /)
  const form = main(page).locator('form')
  await form.getByLabel('Nombre de masques').fill(String(quantity))
  await form
    .getByRole('group', { name: 'Vous demandez pour' })
    .getByRole('radio', { name: 'Particulier', exact: true })
    .check()
  await form
    .getByRole('group', { name: /^Pour qui est-ce/ })
    .getByRole('radio', { name: new RegExp(`^${r.priority.replace(/[()]/g, '\\$&')}`) })
    .check()
  await form.getByRole('radio', { name: `${r.point.name} – ${r.point.address} – ${r.point.hours}` }).check()
  await communeField(form, 'Votre commune').fill(r.commune)
  await form.getByRole('button', { name: 'Envoyer la demande' }).click()
  await page.waitForLoadState()
}

/** Sends a form that is expected back with its error: status 400, the summary naming `message`, axe clean. */
export async function expectFormError(
  page: Page,
  submit: () => Promise<unknown>,
  message: RegExp,
  label: string,
) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    submit(),
  ])
  assert.equal(response.status(), 400, `${label}: the form should come back with 400`)
  await page.waitForLoadState()
  assert.match(await page.locator('.error-summary').innerText(), message)
  await expectAccessible(page, label)
}
