import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { h } from 'preact'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'
import { firstLink, outboxMails } from '../../../test/helpers/outbox.ts'
import { auditLog } from '../../platform/audit/audit.schema.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { organisationMembers, organisations } from './organisation.schema.ts'
import { seedOrganisation } from './organisation-seed.ts'
import { organisationsModule } from './organisations.module.ts'

const HOSTILE: string[] = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/hostile-inputs.json', import.meta.url), 'utf8'),
)
const HOST = 'organisations.entraide.test'
const OTHER = 'organisations-manche.entraide.test'
const form = (over: Record<string, string> = {}) => ({
  name: 'Les Restos du cœur de Bayeux',
  kind: 'association',
  registration: 'W141234567',
  commune: 'Bayeux',
  description: 'Repas chauds et colis.',
  contactKind: 'email',
  contactValue: 'contact@restos-bayeux.fr',
  ...over,
})

describe('organisations: creation, page, members, staff decisions', () => {
  let t: TestApp
  let calvados: Territory
  let manche: Territory
  const row = async (id: string) =>
    (await t.db.db.select().from(organisations).where(eq(organisations.id, id)))[0]!
  const members = async (id: string) =>
    (await t.db.db.select().from(organisationMembers).where(eq(organisationMembers.organisationId, id)))
      .map((m) => `${m.accountId}:${m.role}`)
      .sort()

  before(async () => {
    // The module as the app's assembly would give it two sections, served under /essai.
    const withSections = organisationsModule({
      sections: [
        () =>
          async ({ organisation }) =>
            h('section', null, h('h2', null, `Missions de ${organisation.name}`)),
        () =>
          async ({ organisation }) =>
            h('section', null, h('h2', null, `Besoins de ${organisation.name}`)),
        () => async () => null,
      ],
    })
    t = await buildTestApp({}, (app) => {
      app.register(withSections.routes[0]!, { ...app.services, prefix: '/essai' } as never)
    })
    calvados = await makeTerritory(t.app.services, { hostnames: [HOST] })
    manche = await makeTerritory(t.app.services, { hostnames: [OTHER], departements: ['50'] })
  })
  after(() => t.close())

  const signedIn = async (territory = calvados, over: Parameters<typeof makeAccount>[2] = {}) => {
    const account = await makeAccount(t, territory, over)
    const client = await new Client(t, territory === calvados ? HOST : OTHER).signInDirectly(account)
    return { account, client }
  }
  const staff = async (territory = calvados, role: 'moderator' | 'administrator' = 'moderator') => {
    const account = await makeAccount(t, territory, { roles: [role] })
    const client = await new Client(t, territory === calvados ? HOST : OTHER).signInDirectly(account, {
      secondFactor: true,
      staff: true,
    })
    return { account, client }
  }

  it('creates a pending organisation whose creator is its first manager, and shows it to him only', async () => {
    const { account, client } = await signedIn()
    const empty = page((await client.get('/organisations/nouvelle')).body)
    assert.equal(empty.h1(), 'Inscrire une organisation')
    assert.ok(empty.field('Nom de l’organisation'))
    const res = await client.post('/organisations/nouvelle', form())
    assert.equal(res.statusCode, 303)
    const id = /\/organisations\/([\w-]+)\?fait=creee/.exec(res.headers.location as string)![1]!
    assert.equal((await row(id)).status, 'pending')
    assert.deepEqual(await members(id), [`${account.id}:manager`])
    const shown = page((await client.get(`/organisations/${id}`)).body)
    assert.equal(shown.h1(), 'Les Restos du cœur de Bayeux')
    assert.match(shown.text(), /En attente de vérification/)
    assert.equal(shown.link('Modifier l’organisation'), `/organisations/${id}/modifier`)
    assert.equal(shown.link('Changer le logo'), `/organisations/${id}/logo`)
    const { client: stranger } = await signedIn()
    assert.equal((await stranger.get(`/organisations/${id}`)).statusCode, 404)
    assert.equal((await new Client(t, HOST).get(`/organisations/${id}`)).statusCode, 404)
    const audit = await t.db.db.select().from(auditLog).where(eq(auditLog.targetId, id))
    assert.deepEqual(
      audit.map((a) => a.action),
      ['organisation.created'],
    )
  })

  it('refuses an unconfirmed address, bad numbers and a duplicate, in French, writing nothing', async () => {
    const { client: unverified } = await signedIn(calvados, { emailVerifiedAt: null })
    assert.equal(
      (await unverified.post('/organisations/nouvelle', form({ registration: '' }))).statusCode,
      403,
    )
    const { client } = await signedIn()
    const before = (await t.db.db.select().from(organisations)).length
    const cases: [string, string][] = [
      ['1234', 'Le numéro SIRET doit compter 14 chiffres'],
      ['552 100 554 00014', 'clé de contrôle'],
      ['W12', 'W suivi de 9 chiffres'],
      ['W141234567', 'déjà ce numéro'],
    ]
    for (const [registration, message] of cases) {
      const res = await client.post('/organisations/nouvelle', form({ registration }))
      assert.equal(res.statusCode, 400, registration)
      const summary = page(res.body).errorSummary()
      assert.ok(
        summary.some((e) => e.text.includes(message) && e.href === '#registration'),
        registration,
      )
    }
    const bad = await client.post(
      '/organisations/nouvelle',
      form({ registration: '', contactKind: 'website', contactValue: 'javascript:alert(1)' }),
    )
    assert.equal(bad.statusCode, 400)
    assert.equal((await t.db.db.select().from(organisations)).length, before)
  })

  it('lets managers only edit; others get 404 and nothing changes', async () => {
    const { account, client } = await signedIn()
    const { account: member, client: memberClient } = await signedIn()
    const id = await seedOrganisation(t.db.db, {
      territoryId: calvados.id,
      name: 'Atelier couture',
      kind: 'workshop',
      communeInsee: '14047',
      managerId: account.id,
      memberIds: [member.id],
    })
    const edit = page((await client.get(`/organisations/${id}/modifier`)).body)
    assert.equal(edit.h1(), 'Modifier Atelier couture')
    assert.equal((await memberClient.get(`/organisations/${id}/modifier`)).statusCode, 404)
    assert.equal(
      (await memberClient.post(`/organisations/${id}/modifier`, form({ registration: '' }))).statusCode,
      404,
    )
    const { client: mancheClient } = await signedIn(manche)
    assert.equal((await mancheClient.get(`/organisations/${id}`)).statusCode, 404)
    assert.equal((await row(id)).name, 'Atelier couture')
    const saved = await client.post(
      `/organisations/${id}/modifier`,
      form({ name: 'Atelier couture de Bayeux', kind: 'workshop', registration: '' }),
    )
    assert.equal(saved.statusCode, 303)
    assert.equal((await row(id)).name, 'Atelier couture de Bayeux')
  })

  it('invites by email; the link admits once, then is gone; revoked and expired links too', async () => {
    const { account: manager, client } = await signedIn()
    const id = await seedOrganisation(t.db.db, {
      territoryId: calvados.id,
      name: 'Amis du Bessin',
      communeInsee: '14047',
      managerId: manager.id,
    })
    const { account: invited, client: invitedClient } = await signedIn()
    assert.equal(
      (await client.post(`/organisations/${id}/membres/inviter`, { email: invited.email, role: 'member' }))
        .statusCode,
      303,
    )
    const [mail] = await outboxMails(t, invited.email)
    const link = firstLink(mail!.text)
    assert.match(link.path, /^\/organisations\/invitation\?jeton=/)
    const { client: other } = await signedIn()
    assert.match(page((await other.get(link.path)).body).text(), /une autre adresse/)
    assert.equal((await other.post(link.path, {})).statusCode, 403)
    const visitor = page((await new Client(t, HOST).get(link.path)).body)
    assert.equal(visitor.h1(), 'Rejoindre Amis du Bessin')
    assert.ok(visitor.link('Se connecter pour accepter')?.startsWith('/connexion?retour='))
    assert.ok(visitor.link('Créer un compte pour accepter')?.startsWith('/inscription?retour='))
    const accepted = await invitedClient.post(link.path, {})
    assert.equal(accepted.statusCode, 303, String(accepted.headers.location))
    assert.ok((await members(id)).includes(`${invited.id}:member`))
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
    assert.equal((await new Client(t, HOST).get(firstLink(second!.text).path)).statusCode, 404)
    // expired
    await client.post(`/organisations/${id}/membres/inviter`, { email: 'tard@exemple.test', role: 'member' })
    const [third] = await outboxMails(t, 'tard@exemple.test')
    t.clock.advance('15 days')
    assert.equal((await new Client(t, HOST).get(firstLink(third!.text).path)).statusCode, 404)
  })

  it('keeps one manager: a member cannot promote himself, the last manager cannot leave, two leaving at once leave one', async () => {
    const { account: a, client: ca } = await signedIn()
    const { account: b, client: cb } = await signedIn()
    const { account: m, client: cm } = await signedIn()
    const id = await seedOrganisation(t.db.db, {
      territoryId: calvados.id,
      name: 'Épicerie solidaire',
      communeInsee: '14047',
      managerId: a.id,
      memberIds: [m.id],
    })
    assert.equal(
      (await cm.post(`/organisations/${id}/membres/${m.id}/role?role=manager`, {})).statusCode,
      404,
    )
    assert.ok((await members(id)).includes(`${m.id}:member`))
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
    const left = await members(id)
    assert.equal(left.filter((x) => x.endsWith(':manager')).length, 1)
    const mine = page((await cm.get('/mes-organisations')).body)
    assert.match(mine.text(), /Épicerie solidaire.*Votre rôle : Membre/)
    assert.equal((await cm.post(`/organisations/${id}/avis`, { signupNotices: 'daily' })).statusCode, 303)
    assert.equal((await cm.post(`/organisations/${id}/avis`, { signupNotices: 'souvent' })).statusCode, 400)
  })

  it('staff verify with the badge and a mail; refuse needs a reason; a second decision is refused; history is audited', async () => {
    const { account: manager } = await signedIn()
    const id = await seedOrganisation(t.db.db, {
      territoryId: calvados.id,
      name: 'CCAS de Bayeux',
      kind: 'aid-structure',
      aidType: 'ccas',
      communeInsee: '14047',
      managerId: manager.id,
      status: 'pending',
    })
    const { client: resident } = await signedIn()
    assert.equal((await resident.get('/administration/organisations')).statusCode, 403)
    const { client: elsewhere } = await staff(manche)
    assert.equal(
      (await elsewhere.post(`/administration/organisations/${id}/decision`, { decision: 'verify' }))
        .statusCode,
      404,
    )
    const { client: mod } = await staff()
    const list = page((await mod.get('/administration/organisations')).body)
    assert.equal(list.h1(), 'Organisations')
    assert.ok(list.link('CCAS de Bayeux'))
    const refuse = await mod.post(`/administration/organisations/${id}/decision`, {
      decision: 'refuse',
      reason: '',
    })
    assert.equal(refuse.statusCode, 400)
    assert.match(page(refuse.body).text(), /Choisissez un motif/)
    assert.equal((await row(id)).status, 'pending')
    const [v1, v2] = await Promise.all([
      mod.post(`/administration/organisations/${id}/decision`, { decision: 'verify' }),
      (await staff()).client.post(`/administration/organisations/${id}/decision`, { decision: 'verify' }),
    ])
    assert.deepEqual([v1.statusCode, v2.statusCode].sort(), [303, 409])
    const verified = await row(id)
    assert.equal(verified.status, 'verified')
    assert.ok(verified.verifiedAt)
    const publicPage = page((await new Client(t, HOST).get(`/organisations/${id}`)).body)
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
    assert.equal((await row(id)).statusReason, 'Autre motif : Plaintes répétées')
    assert.equal((await new Client(t, HOST).get(`/organisations/${id}`)).statusCode, 404)
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
    const { account: pm, client: partnerClient } = await signedIn()
    const partner = await seedOrganisation(t.db.db, {
      territoryId: calvados.id,
      name: 'Chambre d’agriculture',
      kind: 'partner',
      communeInsee: '14118',
      managerId: pm.id,
    })
    const { account: o } = await signedIn()
    const farm = await seedOrganisation(t.db.db, {
      territoryId: calvados.id,
      name: 'Ferme du Val',
      kind: 'producer',
      communeInsee: '14047',
      managerId: o.id,
      status: 'pending',
    })
    const club = await seedOrganisation(t.db.db, {
      territoryId: calvados.id,
      name: 'Club de foot',
      kind: 'association',
      communeInsee: '14047',
      managerId: o.id,
      status: 'pending',
    })
    assert.equal((await partnerClient.get(`/organisations/${partner}/verifications`)).statusCode, 404)
    const { client: admin } = await staff(calvados, 'administrator')
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
    assert.equal((await row(farm)).status, 'verified')
    assert.equal((await row(club)).status, 'pending')
  })

  it('renders the sections handed in, in order, after the page’s own', async () => {
    const { account } = await signedIn()
    const id = await seedOrganisation(t.db.db, {
      territoryId: calvados.id,
      name: 'Jardin partagé',
      communeInsee: '14047',
      managerId: account.id,
    })
    const res = await new Client(t, HOST).get(`/essai/organisations/${id}`)
    assert.equal(res.statusCode, 200)
    const shown = page(res.body)
    assert.deepEqual(shown.all('h2').slice(-2), ['Missions de Jardin partagé', 'Besoins de Jardin partagé'])
    assert.equal(shown.text('.results li'), 'Commune : Bayeux')
  })

  it('answers hostile text in the members’ and the staff’s forms with a clear 4xx, changing nothing', async () => {
    const { account: manager, client } = await signedIn()
    const id = await seedOrganisation(t.db.db, {
      territoryId: calvados.id,
      name: 'Maison des jeunes',
      communeInsee: '14047',
      managerId: manager.id,
      status: 'pending',
    })
    const { client: mod } = await staff()
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
        assert.equal((await row(id)).status, 'refused')
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
    assert.equal((await row(id)).status, 'pending')
  })
})
