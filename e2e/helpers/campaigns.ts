import assert from 'node:assert/strict'
import type { Locator, Page } from 'playwright-core'
import type { SmtpReceiver } from '../../test/helpers/smtp.ts'
import { expectAccessible } from './axe.ts'
import { h1, main } from './page.ts'
import { count, tableAfter, tableRows } from './table.ts'

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

/**
 * The ledger's page read per point: what its entries add up to (batches received, handed out,
 * reserved) beside the totals it shows, which the database keeps as the sum of those entries.
 */
export async function ledgerByPoint(page: Page) {
  const totals = await tableRows(page.getByRole('table', { name: /^La somme des entrées de chaque point/ }))
  const entries = await tableRows(page.getByRole('table', { name: /^Les entrées du registre/ }))
  const sum = (at: string, movement: string, column: string) =>
    entries
      .filter((e) => e.Point === at && e.Mouvement === movement)
      .reduce((s, e) => s + count(e[column]), 0)
  return new Map(
    totals.map((t) => [
      t.Point!,
      {
        received: sum(t.Point!, 'Lot reçu', 'En stock'),
        handedOut: 0 - sum(t.Point!, 'Remis', 'En stock'),
        reservedEntries: entries.filter((e) => e.Point === t.Point).reduce((s, e) => s + count(e.Réservé), 0),
        onHand: count(t['En stock']),
        reserved: count(t.Réservé),
      },
    ]),
  )
}

export interface AllocationRow {
  /** as the table names it, which is the requester's priority */
  priority: string
  point: string
  quantity: number
}

/** The proposal on the allocation page, from its three tables: the rows, served by priority, given by point. */
export async function readProposal(page: Page) {
  const rows = await tableRows(tableAfter(page, 'Lignes de la répartition'))
  const byPriority = await tableRows(tableAfter(page, 'Servi par priorité'))
  const byPoint = await tableRows(tableAfter(page, 'Donné par point, face au stock disponible'))
  return {
    rows: rows.map(
      (r): AllocationRow => ({ priority: r.Priorité!, point: r.Point!, quantity: count(r.Quantité) }),
    ),
    byPriority: new Map(byPriority.map((p) => [p.Priorité!, count(p['Unités servies'])])),
    byPoint: new Map(
      byPoint.map((p) => [p.Point!, { given: count(p.Donné), available: count(p.Disponible) }]),
    ),
  }
}

/**
 * A requester whose request was served is told, in a mail and on « mes demandes de matériel »,
 * how many to collect, at which point, its address and its hours, for each row that serves it.
 */
export async function expectToldWhereToCollect(
  page: Page,
  smtp: SmtpReceiver,
  requester: Requester,
  rows: AllocationRow[],
  points: CampaignPoint[],
): Promise<void> {
  const mail = await smtp.waitFor(
    (m) => m.to.includes(requester.email) && /pour vous .* à retirer à/s.test(m.text),
    15_000,
  )
  const words = mail.text.replace(/\s+/g, ' ')
  await page.goto('/mes-demandes-de-materiel')
  const mine = (await main(page).innerText()).replace(/\s+/g, ' ')
  assert.match(mine, /Attribuée/)
  for (const row of rows) {
    const point = points.find((p) => p.name === row.point)!
    const where = `${row.quantity} masques à retirer à ${point.name}, ${point.address}, ${point.hours}`
    assert.ok(words.includes(`${row.quantity} masques pour vous`), words)
    assert.ok(words.includes(`à retirer à ${point.name}, ${point.address}, ${point.hours}`), words)
    assert.ok(mine.includes(`${where}, à partir du`), mine)
  }
}

/** Fills « Ouvrir une collecte » for masks, in preparation, from today to `endsOn`; the caller sends it. */
export async function fillMaskCampaign(form: Locator, title: string, endsOn: string): Promise<void> {
  await form.getByLabel('Objet collecté').selectOption({ label: 'Masques' })
  await form.getByLabel('Titre').fill(title)
  await form
    .getByLabel('Cahier des charges')
    .fill('Masque en tissu de coton, deux couches, lavable à 60 °C, selon la norme AFNOR Spec S76-001.')
  await form.getByLabel('Objectif').fill('500')
  await form.getByLabel('Unité').fill('masques')
  await form.getByLabel('Début').fill(parisDay(0))
  await form.getByLabel('Fin').fill(endsOn)
  await form.getByRole('radio', { name: 'En préparation (invisible du public)' }).check()
}
