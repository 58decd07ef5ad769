import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'
import { auditLog } from '../../platform/audit/audit.schema.ts'
import { territories } from '../../platform/tenancy/territory.schema.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'

const PATH = '/administration/moderation/relecture'
const HOSTILE: string[] = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/hostile-inputs.json', import.meta.url), 'utf8'),
)

describe('the review before publication’s setting', () => {
  let t: TestApp
  let calvados: Territory
  let manche: Territory
  let admin: Client
  const stored = async (id = calvados.id) =>
    (await t.db.db.select().from(territories).where(eq(territories.id, id)))[0]!.reviewPolicy
  const audits = async () =>
    t.db.db.select().from(auditLog).where(eq(auditLog.action, 'moderation.policy-changed'))
  const staff = async (territory: Territory, role: 'moderator' | 'coordinator' | 'administrator') => {
    const account = await makeAccount(t, territory, { roles: [role] })
    return new Client(t, territory.hostnames[0]!).signInDirectly(account, { staff: true, secondFactor: true })
  }

  before(async () => {
    t = await buildTestApp()
    calvados = await makeTerritory(t.app.services, { reviewPolicy: 'first-listings' })
    manche = await makeTerritory(t.app.services, { platformName: 'Entraide Manche', departements: ['50'] })
    admin = await staff(calvados, 'administrator')
  })
  after(() => t.close())

  it('explains the three choices in plain French, the recommended one checked by default', async () => {
    const res = await admin.get(PATH)
    assert.equal(res.statusCode, 200)
    const p = page(res.body)
    assert.equal(p.h1(), 'Relecture avant publication')
    const labels = p.all('label.choice')
    assert.equal(labels.length, 3)
    assert.match(labels[0]!, /^Toutes les annonces/)
    assert.match(labels[1]!, /^Les premières annonces des nouveaux comptes \(recommandé\)/)
    assert.match(labels[2]!, /^Aucune \(seules les annonces qui demandent de l’argent sont retenues\)/)
    const checked = p.document.querySelector('input[name="policy"]:checked')
    assert.equal(checked?.getAttribute('value'), 'first-listings')
    assert.match(p.text('main'), /Aucune annonce retenue n’a été relue ces 30 derniers jours/)
    assert.equal(p.all('button[type="submit"]').at(-1), 'Enregistrer le réglage')
  })

  it('saves a choice, says so, writes it to the audit log and applies it to the next request', async () => {
    const res = await admin.post(PATH, { policy: 'all' })
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, `${PATH}?fait=enregistre`)
    assert.equal(await stored(), 'all')
    const shown = page((await admin.get(res.headers.location as string)).body)
    assert.match(shown.text('main'), /Le réglage est enregistré/)
    assert.equal(shown.document.querySelector('input[name="policy"]:checked')?.getAttribute('value'), 'all')
    const [entry] = await audits()
    assert.equal(entry?.territoryId, calvados.id)
    assert.deepEqual(entry?.details, { from: 'first-listings', to: 'all' })
    assert.equal(await stored(manche.id), 'none', 'another territory keeps its own')
  })

  it('refuses moderators, coordinators and residents, and another territory’s administrator', async () => {
    const before = await stored()
    for (const role of ['moderator', 'coordinator'] as const) {
      const client = await staff(calvados, role)
      assert.equal((await client.get(PATH)).statusCode, 403, role)
      assert.equal((await client.post(PATH, { policy: 'none' })).statusCode, 403, role)
    }
    const resident = await new Client(t, calvados.hostnames[0]!).signInDirectly(
      await makeAccount(t, calvados),
    )
    assert.equal((await resident.post(PATH, { policy: 'none' })).statusCode, 403)
    const mancheAdmin = await makeAccount(t, manche, { roles: ['administrator'] })
    const elsewhere = await new Client(t, calvados.hostnames[0]!).signInDirectly(mancheAdmin, {
      staff: true,
      secondFactor: true,
    })
    // Signed in elsewhere is signed out here: the page sends to the sign-in, the form is refused.
    const shown = await elsewhere.get(PATH)
    assert.equal(shown.statusCode, 303)
    assert.match(shown.headers.location as string, /^\/connexion/)
    const crossed = (await elsewhere.post(PATH, { policy: 'none' })).statusCode
    assert.ok([401, 403].includes(crossed), `cross-territory: ${crossed}`)
    assert.equal(await stored(), before, 'nothing changed')
  })

  it('refuses a form without its CSRF token', async () => {
    const before = await stored()
    const res = await admin.post(PATH, { policy: 'none' }, { withoutCsrf: true })
    assert.equal(res.statusCode, 403)
    assert.equal(await stored(), before)
  })

  it('answers hostile values with a clear French error and changes nothing', async () => {
    const before = await stored()
    const count = (await audits()).length
    for (const text of [...HOSTILE, '', 'ALL', 'first_listings']) {
      const what = JSON.stringify(text.slice(0, 30))
      const res = await admin.post(PATH, { policy: text })
      assert.equal(res.statusCode, 400, what)
      assert.ok(!res.body.includes('<script>alert'), `${what}: escaped`)
      const p = page(res.body)
      assert.ok(
        p
          .errorSummary()
          .some((e) => e.text === 'Choisissez quelles annonces sont relues avant publication.') ||
          /Demande incorrecte|caractère/.test(p.text('main')),
        `${what}: says why`,
      )
      assert.equal(await stored(), before, `${what}: nothing written`)
    }
    for (const text of HOSTILE.slice(0, 20)) {
      const res = await admin.get(
        `${PATH}?fait=${encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '\ufffd'))}`,
      )
      assert.ok(res.statusCode === 200 || res.statusCode === 400, `fait=${JSON.stringify(text.slice(0, 20))}`)
      assert.ok(!res.body.includes('<script>alert'))
    }
    assert.equal((await audits()).length, count, 'no audit entry for a refused change')
  })
})
