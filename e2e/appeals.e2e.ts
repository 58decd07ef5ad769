import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { eq, inArray } from 'drizzle-orm'
import type { Browser, Page } from 'playwright-core'
import { accounts } from '../src/domains/accounts/identity/account.schema.ts'
import { hideListingsOf } from '../src/domains/listings/index.ts'
import { insertSanction } from '../src/domains/moderation/sanction.repository.ts'
import { randomToken, sha256 } from '../src/platform/auth/secrets.ts'
import { openDatabase } from '../src/platform/db/client.ts'
import { expectAccessible } from './helpers/axe.ts'
import { launchBrowser, newContext, watchPage } from './helpers/browser.ts'
import { h1, main, pathOf } from './helpers/page.ts'
import { expectNoHorizontalScroll } from './helpers/reflow.ts'
import { type SpawnedServer, seedDemoDir, serverArgs, spawnServer } from './helpers/server.ts'
import { signIn } from './helpers/session.ts'
import { signInEnrollingSecondFactor } from './helpers/staff.ts'

const KARIM = {
  email: 'karim.demo@entraide.localhost',
  password: 'karim répare les vélos du quartier à Caen',
}
const JEANNE = { email: 'jeanne.demo@entraide.localhost', password: 'jeanne cultive des tomates à Bayeux' }
const CLAIRE = {
  email: 'claire.admin@entraide.localhost',
  password: 'démo entraide calvados administratrice',
}
const SOPHIE = 'sophie.agent@entraide.localhost'

/**
 * The demonstration, stopped once seeded so that the decisions the moderation queue would have
 * taken are written into its database (the queue's pages are another part), then started again.
 */
async function seededServer(dataDir: string, token: string): Promise<SpawnedServer> {
  const env = { NODE_ENV: 'development', SEED_DEMO: 'true', LOG_LEVEL: 'warn', PGLITE_DIR: dataDir }
  await seedDemoDir(dataDir)
  const database = await openDatabase({ kind: 'pglite', dir: dataDir })
  try {
    const rows = await database.db
      .select({ id: accounts.id, email: accounts.email, territoryId: accounts.territoryId })
      .from(accounts)
      .where(inArray(accounts.email, [KARIM.email, JEANNE.email, SOPHIE]))
    const by = (email: string) => rows.find((r) => r.email === email)!
    const now = new Date()
    await database.db.transaction(async (tx) => {
      const base = {
        territoryId: by(KARIM.email).territoryId,
        itemId: null,
        reason: 'money-request' as const,
        explanation: 'Vous avez demandé 30 € pour réparer un vélo.',
        decidedBy: by(SOPHIE).id,
        decidedAt: now,
      }
      await insertSanction(tx, {
        ...base,
        id: crypto.randomUUID(),
        accountId: by(KARIM.email).id,
        kind: 'suspend',
        endsAt: new Date(now.getTime() + 7 * 86_400_000),
        appealTokenHash: sha256(token),
      })
      await tx
        .update(accounts)
        .set({ status: 'suspended' })
        .where(eq(accounts.id, by(KARIM.email).id))
      await hideListingsOf(tx, base.territoryId, by(KARIM.email).id, now)
      await insertSanction(tx, {
        ...base,
        id: crypto.randomUUID(),
        accountId: by(JEANNE.email).id,
        kind: 'warn',
        reason: 'off-topic',
        explanation: 'Votre message parlait de politique.',
        endsAt: null,
        appealTokenHash: sha256(randomToken()),
      })
    })
  } finally {
    await database.close()
  }
  return spawnServer({ env: { ...env, SEED_DEMO: 'false' }, args: serverArgs() })
}

/**
 * A person suspended for asking money learns it at sign-in and contests from the mailed link; a
 * warned person contests from her account; the administrator, who did not decide, lifts the
 * suspension; the person signs in again. Every page passes axe and fits a 360 px screen.
 */
describe('appeals: contesting a suspension and a warning, and lifting on review', () => {
  const token = randomToken()
  let dataDir = ''
  let server: SpawnedServer
  let browser: Browser
  const problems: string[][] = []
  const pageFor = async () => {
    const context = await newContext(browser, { baseURL: server.url })
    context.setDefaultTimeout(10_000)
    const page = await context.newPage()
    problems.push(watchPage(page, server.url))
    return page
  }
  let karim: Page
  let jeanne: Page
  let claire: Page

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'entraide-e2e-'))
    server = await seededServer(dataDir, token)
    browser = await launchBrowser()
    karim = await pageFor()
    jeanne = await pageFor()
    claire = await pageFor()
  })
  after(async () => {
    await browser?.close()
    await server?.stop()
    await rm(dataDir, { recursive: true, force: true })
  })

  it('tells Karim at sign-in that his account is suspended, and where the reasons are', async () => {
    await signIn(karim, KARIM)
    assert.equal(await h1(karim), 'Votre compte est suspendu')
    assert.match(await main(karim).innerText(), /jusqu’au .* explique pourquoi/s)
    await expectAccessible(karim, 'the suspended sign-in')
    await expectNoHorizontalScroll(karim, 'the suspended sign-in')
  })

  it('lets Karim contest from the mailed link, with the keyboard', async () => {
    await karim.goto(`/recours/${token}`)
    assert.equal(await h1(karim), 'La décision de modération vous concernant')
    assert.match(await main(karim).innerText(), /Vous avez demandé 30 € pour réparer un vélo\./)
    await expectAccessible(karim, 'the appeal page')
    await expectNoHorizontalScroll(karim, 'the appeal page')
    await main(karim).getByRole('button', { name: 'Envoyer mon recours' }).click()
    assert.match(await main(karim).locator('.error-summary').innerText(), /Expliquez pourquoi/)
    await expectAccessible(karim, 'the appeal page with an error')
    await main(karim)
      .getByLabel('Pourquoi contestez-vous cette décision ?')
      .fill('Je demandais le prix des pièces, pas un paiement.')
    await main(karim).getByLabel('Pourquoi contestez-vous cette décision ?').press('Tab')
    await karim.keyboard.press('Enter')
    // The form posts and a new page comes: wait for its words, not for the old page's load state.
    await main(karim)
      .getByText(/Un autre modérateur relira la décision/)
      .waitFor()
    assert.match(
      await main(karim).innerText(),
      /Un autre modérateur relira la décision ; vous recevrez sa réponse par courriel\./,
    )
    await expectAccessible(karim, 'the appeal under review')
  })

  it('lets Jeanne, warned, contest from her account', async () => {
    await signIn(jeanne, JEANNE)
    await jeanne.goto('/compte')
    await main(jeanne)
      .getByRole('link', { name: 'Décisions de modération me concernant, et mes recours' })
      .click()
    assert.equal(pathOf(jeanne), '/mon-compte/decisions')
    assert.match(await main(jeanne).innerText(), /Avertissement/)
    await expectAccessible(jeanne, 'my decisions')
    await expectNoHorizontalScroll(jeanne, 'my decisions')
    await main(jeanne)
      .getByLabel('Pourquoi contestez-vous cette décision ?')
      .fill('Je parlais du bureau de vote de la mairie.')
    await main(jeanne)
      .getByRole('button', { name: /^Contester/ })
      .click()
    assert.match(await main(jeanne).locator('.success').innerText(), /Votre recours est envoyé/)
    await expectAccessible(jeanne, 'my decisions after the appeal')
  })

  it('lets Claire, who did not decide, lift Karim’s suspension with an answer', async () => {
    await signInEnrollingSecondFactor(claire, CLAIRE)
    await claire.goto('/administration')
    await main(claire).getByRole('link', { name: 'Recours à relire' }).click()
    assert.equal(await h1(claire), 'Recours à relire')
    await expectAccessible(claire, 'the appeals list')
    await expectNoHorizontalScroll(claire, 'the appeals list')
    await main(claire)
      .getByRole('link', { name: /Karim .* conteste : Compte suspendu/ })
      .click()
    assert.match(await h1(claire), /^Recours de Karim/)
    await expectAccessible(claire, 'the appeal review')
    await expectNoHorizontalScroll(claire, 'the appeal review')
    await main(claire).getByRole('radio', { name: 'Lever la sanction' }).check()
    await main(claire)
      .getByLabel('Réponse envoyée à la personne')
      .fill('Demander le prix des pièces est permis.')
    await main(claire).getByRole('button', { name: 'Enregistrer la réponse' }).click()
    assert.match(await main(claire).locator('.success').innerText(), /La sanction est levée/)
    await expectAccessible(claire, 'the appeal answered')
  })

  it('lets Karim sign in again', async () => {
    await signIn(karim, KARIM)
    assert.notEqual(pathOf(karim), '/connexion')
    assert.equal(await karim.locator('header').getByRole('link', { name: 'Mon compte' }).count(), 1)
    const unexpected = problems.flat().filter((p) => !/status of 40[0-4]/.test(p))
    assert.deepEqual(unexpected, [])
  })
})
