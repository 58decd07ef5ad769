import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { page } from '../../../test/helpers/html.ts'
import { organisationWorld } from '../../../test/helpers/organisations.ts'
import { firstLink, outboxMails } from '../../../test/helpers/outbox.ts'
import { organisationMembers, organisations } from './organisation.schema.ts'
import { seedOrganisation } from './organisation-seed.ts'

const HOSTILE: string[] = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/hostile-inputs.json', import.meta.url), 'utf8'),
)

describe('organisations: members and invitations', () => {
  let t: TestApp
  let w: Awaited<ReturnType<typeof organisationWorld>>
  before(async () => {
    t = await buildTestApp()
    w = await organisationWorld(t, 'organisation-members')
  })
  after(() => t.close())

  it('invites by email; the link admits once, then is gone; revoked and expired links too', async () => {
    const { account: manager, client } = await w.signedIn()
    const id = await seedOrganisation(t.db.db, {
      territoryId: w.calvados.id,
      name: 'Amis du Bessin',
      communeInsee: '14047',
      managerId: manager.id,
    })
    const { account: invited, client: invitedClient } = await w.signedIn()
    assert.equal(
      (await client.post(`/organisations/${id}/membres/inviter`, { email: invited.email, role: 'member' }))
        .statusCode,
      303,
    )
    const [mail] = await outboxMails(t, invited.email)
    const link = firstLink(mail!.text)
    assert.match(link.path, /^\/organisations\/invitation\?jeton=/)
    const { client: other } = await w.signedIn()
    assert.match(page((await other.get(link.path)).body).text(), /une autre adresse/)
    assert.equal((await other.post(link.path, {})).statusCode, 403)
    const visitor = page((await w.visitor().get(link.path)).body)
    assert.equal(visitor.h1(), 'Rejoindre Amis du Bessin')
    assert.ok(visitor.link('Se connecter pour accepter')?.startsWith('/connexion?retour='))
    assert.ok(visitor.link('Créer un compte pour accepter')?.startsWith('/inscription?retour='))
    const accepted = await invitedClient.post(link.path, {})
    assert.equal(accepted.statusCode, 303, String(accepted.headers.location))
    assert.ok((await w.members(id)).includes(`${invited.id}:member`))
    assert.equal((await invitedClient.post(link.path, {})).statusCode, 404)
    // revoked
    await client.post(`/organisations/${id}/membres/inviter`, {
      email: 'nouvelle@exemple.test',
      role: 'manager',
    })
    const [second] = await outboxMails(t, 'nouvelle@exemple.test')
    const membersPage = page((await client.get(`/organisations/${id}/membres`)).body)
    assert.match(membersPage.text(), /nouvelle@exemple\.test/)
    const revoke = membersPage.document.querySelector('form[action*="/annuler"]')!.getAttribute('action')!
    assert.equal((await client.post(revoke, {})).statusCode, 303)
    assert.equal((await w.visitor().get(firstLink(second!.text).path)).statusCode, 404)
    // expired
    await client.post(`/organisations/${id}/membres/inviter`, { email: 'tard@exemple.test', role: 'member' })
    const [third] = await outboxMails(t, 'tard@exemple.test')
    t.clock.advance('15 days')
    assert.equal((await w.visitor().get(firstLink(third!.text).path)).statusCode, 404)
  })

  it('keeps one manager: a member cannot promote himself, the last manager cannot leave, two leaving at once leave one', async () => {
    const { account: a, client: ca } = await w.signedIn()
    const { account: b, client: cb } = await w.signedIn()
    const { account: m, client: cm } = await w.signedIn()
    const id = await seedOrganisation(t.db.db, {
      territoryId: w.calvados.id,
      name: 'Épicerie solidaire',
      communeInsee: '14047',
      managerId: a.id,
      memberIds: [m.id],
    })
    assert.equal(
      (await cm.post(`/organisations/${id}/membres/${m.id}/role?role=manager`, {})).statusCode,
      404,
    )
    assert.ok((await w.members(id)).includes(`${m.id}:member`))
    const alone = await ca.post(`/organisations/${id}/membres/quitter`, {})
    assert.equal(alone.statusCode, 409)
    assert.match(page(alone.body).text(), /au moins une personne responsable/)
    assert.equal((await ca.post(`/organisations/${id}/membres/${a.id}/role?role=member`, {})).statusCode, 409)
    await t.db.db
      .insert(organisationMembers)
      .values({ organisationId: id, accountId: b.id, role: 'manager', joinedAt: t.clock.now() })
    const [ra, rb] = await Promise.all([
      ca.post(`/organisations/${id}/membres/quitter`, {}),
      cb.post(`/organisations/${id}/membres/quitter`, {}),
    ])
    assert.deepEqual([ra.statusCode, rb.statusCode].sort(), [303, 409])
    const left = await w.members(id)
    assert.equal(left.filter((x) => x.endsWith(':manager')).length, 1)
    const mine = page((await cm.get('/mes-organisations')).body)
    assert.match(mine.text(), /Épicerie solidaire.*Votre rôle : Membre/)
    assert.equal((await cm.post(`/organisations/${id}/avis`, { signupNotices: 'daily' })).statusCode, 303)
    assert.equal((await cm.post(`/organisations/${id}/avis`, { signupNotices: 'souvent' })).statusCode, 400)
  })

  it('answers hostile text in the members’ and the staff’s forms with a clear 4xx, changing nothing', async () => {
    const { account: manager, client } = await w.signedIn()
    const id = await seedOrganisation(t.db.db, {
      territoryId: w.calvados.id,
      name: 'Maison des jeunes',
      communeInsee: '14047',
      managerId: manager.id,
      status: 'pending',
    })
    const { client: mod } = await w.staff()
    for (const text of HOSTILE) {
      const label = JSON.stringify(text.slice(0, 30))
      const invite = await client.post(`/organisations/${id}/membres/inviter`, {
        email: text,
        role: 'member',
      })
      assert.ok([303, 400].includes(invite.statusCode), `email ${label}: ${invite.statusCode}`)
      const role = await client.post(`/organisations/${id}/membres/inviter`, {
        email: 'ok@exemple.test',
        role: text,
      })
      assert.equal(role.statusCode, 400, `role ${label}`)
      const notices = await client.post(`/organisations/${id}/avis`, { signupNotices: text })
      assert.equal(notices.statusCode, 400, `notices ${label}`)
      const decision = await mod.post(`/administration/organisations/${id}/decision`, {
        decision: 'refuse',
        reason: text,
        reasonText: text,
      })
      assert.ok([400, 404].includes(decision.statusCode), `reason ${label}: ${decision.statusCode}`)
      const reasonText = await mod.post(`/administration/organisations/${id}/decision`, {
        decision: 'refuse',
        reason: 'other',
        reasonText: text,
      })
      assert.ok([303, 400].includes(reasonText.statusCode), `reasonText ${label}: ${reasonText.statusCode}`)
      if (reasonText.statusCode === 303) {
        assert.equal((await w.row(id)).status, 'refused')
        const body = (await mod.get(`/administration/organisations/${id}`)).body
        assert.doesNotMatch(body, /<script>alert|<img src=x/, label)
        assert.match(page(body).text(), /Autre motif : /)
        await t.db.db
          .update(organisations)
          .set({ status: 'pending', statusReason: null })
          .where(eq(organisations.id, id))
      }
      const kind = await mod.get(
        `/administration/organisations?statut=${encodeURIComponent(text.replace(/[\ud800-\udfff]/g, ''))}`,
      )
      assert.ok([200, 400, 414].includes(kind.statusCode), `statut ${label}: ${kind.statusCode}`)
    }
    assert.equal((await w.row(id)).status, 'pending')
  })
})
