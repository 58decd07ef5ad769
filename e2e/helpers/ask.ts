import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { expectAccessible } from './axe.ts'
import { h1, main } from './page.ts'

export interface AskAnswersE2e {
  category: string
  title: string
  description: string
  commune: string
  /** the label of « Quand ? »; a date is typed as day, month and year when given */
  when: string
  date?: { day: string; month: string; year: string }
  urgency: string
  /** for someone else: their first name and how they are related */
  forOther?: { name: string; relation: string }
}

/**
 * « Continuer » on one question page: checks its h1 and its accessibility first, then waits for
 * the next page (another address), as a person would see it change.
 */
async function answer(page: Page, question: string, fill: () => Promise<void>, check: Audit) {
  assert.equal(await h1(page), question)
  await check(page, question)
  const before = page.url()
  await fill()
  await main(page).getByRole('button', { name: 'Continuer' }).click()
  await page.waitForURL((url) => url.href !== before)
}

/**
 * What runs on every page before it is answered: axe by default. A page without JavaScript cannot
 * run axe itself (its promises never settle), so such a journey audits a copy elsewhere.
 */
export type Audit = (page: Page, label: string) => Promise<void>
const axeHere: Audit = (page, label) => expectAccessible(page, label)

/** Posts an ask one question per page, from « Publier une annonce » to the listing's page. */
export async function postAskStepByStep(
  page: Page,
  ask: AskAnswersE2e,
  check: Audit = axeHere,
): Promise<void> {
  await page.goto('/annonces/nouvelle')
  assert.equal(await h1(page), 'Publier une annonce')
  await check(page, '/annonces/nouvelle (ask or offer)')
  await main(page)
    .getByLabel(/^J’ai besoin d’aide/)
    .check()
  await main(page).getByRole('button', { name: 'Continuer' }).click()
  await page.waitForURL((url) => url.pathname === '/annonces/nouvelle/demande')
  const form = main(page).locator('form')
  await answer(page, 'De quelle aide avez-vous besoin ?', () => form.getByLabel(ask.category).check(), check)
  await answer(
    page,
    'Que faut-il faire ?',
    async () => {
      await form.getByLabel('Titre').fill(ask.title)
      await form.getByLabel('Description').fill(ask.description)
    },
    check,
  )
  await answer(
    page,
    'Dans quelle commune ?',
    () => form.getByLabel('Commune', { exact: true }).fill(ask.commune),
    check,
  )
  await answer(page, 'Quand avez-vous besoin d’aide ?', () => form.getByLabel(ask.when).check(), check)
  if (ask.date) {
    const { day, month, year } = ask.date
    await answer(
      page,
      'Quel jour ?',
      async () => {
        await form.getByLabel('Jour').fill(day)
        await form.getByLabel('Mois').fill(month)
        await form.getByLabel('Année').fill(year)
      },
      check,
    )
  }
  await answer(page, 'Est-ce urgent ?', () => form.getByLabel(ask.urgency).check(), check)
  const forOther = ask.forOther
  await answer(
    page,
    'Pour qui demandez-vous de l’aide ?',
    () => form.getByLabel(forOther ? 'Pour un proche ou un voisin' : 'Pour moi').check(),
    check,
  )
  if (forOther)
    await answer(
      page,
      'Qui est la personne que vous aidez ?',
      async () => {
        await form.getByLabel('Son prénom').fill(forOther.name)
        await form.getByLabel('Votre lien avec cette personne').fill(forOther.relation)
        await form.getByLabel('Cette personne est d’accord').check()
      },
      check,
    )
  assert.equal(await h1(page), 'Vérifiez votre demande')
  await check(page, 'check your ask')
  await main(page)
    .getByLabel(/^Je respecte la charte/)
    .check()
  await main(page).getByRole('button', { name: 'Publier la demande' }).click()
  await page.waitForURL((url) => /^\/annonces\/[0-9a-f-]{36}$/.test(url.pathname))
}
