import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { page } from '../../../test/helpers/html.ts'
import { organisationWorld } from '../../../test/helpers/organisations.ts'
import { outboxMails } from '../../../test/helpers/outbox.ts'
import { auditLog } from '../../platform/audit/audit.schema.ts'
import { seedOrganisation } from './organisation-seed.ts'

const _HOSTILE: string[] = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/hostile-inputs.json', import.meta.url), 'utf8'),
)

describe('organisations: decisions of staff and partners, and the history', () => {
  let t: TestApp
  let w: Awaited<ReturnType<typeof organisationWorld>>
  before(async () => {
    t = await buildTestApp()
    w = await organisationWorld(t, 'organisation-checks')
  })
  after(() => t.close())

  it('staff verify with the badge and a mail; refuse needs a reason; a second decision is refused; history is audited', async () => {
    const { account: manager } = await w.signedIn()
    const id = await seedOrganisation(t.db.db, {
      territoryId: w.calvados.id,
      name: 'CCAS de Bayeux',
      kind: 'aid-structure',
      aidType: 'ccas',
      communeInsee: '14047',
      managerId: manager.id,
      status: 'pending',
    })
    const { client: resident } = await w.signedIn()
    assert.equal((await resident.get('/administration/organisations')).statusCode, 403)
    const { client: elsewhere } = await w.staff(w.manche)
    assert.equal(
      (await elsewhere.post(`/administration/organisations/${id}/decision`, { decision: 'verify' }))
        .statusCode,
      404,
    )
    const { client: mod } = await w.staff()
    const list = page((await mod.get('/administration/organisations')).body)
    assert.equal(list.h1(), 'Organisations')
    assert.ok(list.link('CCAS de Bayeux'))
    const refuse = await mod.post(`/administration/organisations/${id}/decision`, {
      decision: 'refuse',
      reason: '',
    })
    assert.equal(refuse.statusCode, 400)
    assert.match(page(refuse.body).text(), /Choisissez un motif/)
    assert.equal((await w.row(id)).status, 'pending')
    const [v1, v2] = await Promise.all([
      mod.post(`/administration/organisations/${id}/decision`, { decision: 'verify' }),
      (await w.staff()).client.post(`/administration/organisations/${id}/decision`, { decision: 'verify' }),
    ])
    assert.deepEqual([v1.statusCode, v2.statusCode].sort(), [303, 409])
    const verified = await w.row(id)
    assert.equal(verified.status, 'verified')
    assert.ok(verified.verifiedAt)
    const publicPage = page((await w.visitor().get(`/organisations/${id}`)).body)
    assert.match(publicPage.text(), /Vérifiée par le Département le \d+ \S+ \d{4}/)
    const mails = await outboxMails(t, manager.email)
    assert.match(mails[0]!.text, /CCAS de Bayeux est vérifiée/)
    t.clock.advance('1 minute')
    const suspend = await mod.post(`/administration/organisations/${id}/decision`, {
      decision: 'suspend',
      reason: 'other',
      reasonText: 'Plaintes répétées',
    })
    assert.equal(suspend.statusCode, 303)
    assert.equal((await w.row(id)).statusReason, 'Autre motif : Plaintes répétées')
    assert.equal((await w.visitor().get(`/organisations/${id}`)).statusCode, 404)
    t.clock.advance('1 minute')
    const history = page((await mod.get(`/administration/organisations/${id}`)).body)
    // Every page of the organisation staff open writes a reading of its history (the refused
    // decisions above showed it again too); the decisions stand in order between them.
    const events = history.all('table tbody tr td:nth-child(2)')
    assert.equal(events[0], 'Historique d’une organisation consulté')
    assert.deepEqual(
      events.filter((e) => !e.startsWith('Historique')),
      ['Organisation suspendue (Autre motif)', 'Organisation vérifiée'],
    )
    const read = await t.db.db.select().from(auditLog).where(eq(auditLog.action, 'organisation.history-read'))
    assert.ok(read.some((r) => r.targetId === id))
  })

  it('lets a partner verify the delegated kinds only, not suspend', async () => {
    const { account: pm, client: partnerClient } = await w.signedIn()
    const partner = await seedOrganisation(t.db.db, {
      territoryId: w.calvados.id,
      name: 'Chambre d’agriculture',
      kind: 'partner',
      communeInsee: '14118',
      managerId: pm.id,
    })
    const { account: o } = await w.signedIn()
    const farm = await seedOrganisation(t.db.db, {
      territoryId: w.calvados.id,
      name: 'Ferme du Val',
      kind: 'producer',
      communeInsee: '14047',
      managerId: o.id,
      status: 'pending',
    })
    const club = await seedOrganisation(t.db.db, {
      territoryId: w.calvados.id,
      name: 'Club de foot',
      kind: 'association',
      communeInsee: '14047',
      managerId: o.id,
      status: 'pending',
    })
    assert.equal((await partnerClient.get(`/organisations/${partner}/verifications`)).statusCode, 404)
    const { client: admin } = await w.staff(w.calvados, 'administrator')
    assert.equal(
      (await admin.post(`/administration/organisations/${partner}/delegation`, { kinds: ['producer'] }))
        .statusCode,
      303,
    )
    const queue = page((await partnerClient.get(`/organisations/${partner}/verifications`)).body)
    assert.deepEqual(queue.all('section h2'), ['Ferme du Val'])
    assert.equal(
      (await partnerClient.post(`/organisations/${partner}/verifications/${club}`, { decision: 'verify' }))
        .statusCode,
      404,
    )
    assert.equal(
      (
        await partnerClient.post(`/organisations/${partner}/verifications/${farm}`, {
          decision: 'suspend',
          reason: 'other',
          reasonText: 'x',
        })
      ).statusCode,
      404,
    )
    assert.equal(
      (await partnerClient.post(`/organisations/${partner}/verifications/${farm}`, { decision: 'verify' }))
        .statusCode,
      303,
    )
    assert.equal((await w.row(farm)).status, 'verified')
    assert.equal((await w.row(club)).status, 'pending')
  })
})
