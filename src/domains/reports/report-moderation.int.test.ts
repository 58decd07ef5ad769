import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeMatch } from '../../../test/helpers/conversations.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'
import { makeListing } from '../../../test/helpers/listings.ts'
import { messages } from '../../../test/helpers/tables.ts'
import { auditLog } from '../../platform/audit/audit.schema.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { reports } from './report.schema.ts'

type Account = Awaited<ReturnType<typeof makeAccount>>

describe('reports: the list moderators handle', () => {
  let t: TestApp
  let calvados: Territory
  let manche: Territory
  let author: Account
  let stranger: Account
  let client: Client
  const host = () => calvados.hostnames[0]!
  const signedIn = (account: Account) => new Client(t, host()).signInDirectly(account)
  const staff = (account: Account) =>
    new Client(t, host()).signInDirectly(account, { staff: true, secondFactor: true })

  /** A pending match between a listing's author and a responder, with one message from the author. */
  async function conversation(listingAuthor: Account, responder: Account, body: string) {
    const match = await makeMatch(t, calvados, { author: listingAuthor, responder }, { status: 'pending' })
    const messageId = t.app.services.ids()
    await t.db.db.insert(messages).values({
      id: messageId,
      territoryId: calvados.id,
      matchId: match.id,
      senderId: listingAuthor.id,
      body,
      createdAt: t.clock.now(),
    })
    return { matchId: match.id, messageId }
  }

  let moderator: Account
  let mod: Client
  let messageId: string
  before(async () => {
    t = await buildTestApp()
    calvados = await makeTerritory(t.app.services, { platformName: 'Entraide Calvados' })
    manche = await makeTerritory(t.app.services, { platformName: 'Entraide Manche', departements: ['50'] })
    author = await makeAccount(t, calvados, { displayName: 'Annie Auteur' })
    const reporter = await makeAccount(t, calvados, { displayName: 'Rémi Rapporteur' })
    stranger = await makeAccount(t, calvados, { displayName: 'Sam Inconnu' })
    client = await signedIn(reporter)
    // What residents reported before the moderator looks: a listing and a profile.
    const listing = await makeListing(t, calvados, author, { title: 'Vends des courses' })
    const reported = [
      await client.post('/signaler', { cible: 'listing', id: listing.id, reason: 'commerce' }),
      await client.post('/signaler', {
        cible: 'account',
        id: stranger.id,
        reason: 'abuse',
        comment: '<script>alert(1)</script> m’insulte',
      }),
    ]
    for (const res of reported) assert.equal(res.statusCode, 303)
    t.clock.advance('1 second')
    moderator = await makeAccount(t, calvados, { roles: ['moderator'], displayName: 'Mona Modératrice' })
    mod = await staff(moderator)
    ;({ messageId } = await conversation(author, stranger, 'Envoie-moi un mandat cash'))
    const them = await signedIn(stranger)
    await them.post('/signaler', {
      cible: 'message',
      id: messageId,
      reason: 'scam',
      comment: '<i>Arnaque</i> évidente',
    })
  })

  /** The headings of every page of the list, following « Signalements plus anciens ». */
  async function everyPage() {
    const headings: string[] = []
    const ids: string[] = []
    const links = new Map<string, string>()
    let url: string | null = '/administration/signalements'
    let pages = 0
    while (url) {
      const res = await mod.get(url)
      assert.equal(res.statusCode, 200)
      const list = page(res.body)
      headings.push(...list.all('main h2'))
      for (const article of list.document.querySelectorAll('main article h2[id]')) ids.push(article.id)
      for (const a of list.document.querySelectorAll('main article h2 a'))
        links.set(a.textContent ?? '', a.getAttribute('href') ?? '')
      url = list.link('Signalements plus anciens') ?? null
      pages += 1
    }
    return { headings, ids, links, pages }
  }

  it('is refused to residents and shown to moderators, with the reported message’s text', async () => {
    assert.equal((await client.get('/administration/signalements')).statusCode, 403)
    const coordinator = await staff(await makeAccount(t, calvados, { roles: ['coordinator'] }))
    assert.equal((await coordinator.get('/administration/signalements')).statusCode, 403)

    const home = page((await mod.get('/administration')).body)
    assert.equal(home.link('Signalements'), '/administration/signalements')
    const res = await mod.get('/administration/signalements')
    assert.equal(res.statusCode, 200)
    const list = page(res.body)
    assert.equal(list.h1(), 'Signalements')
    const headings = list.all('main h2')
    // Newest first: the message reported just now comes before the older reports.
    assert.equal(headings[0], 'Message écrit par Annie Auteur')
    const first = list.document.querySelector('main article')!
    assert.match(first.textContent ?? '', /Envoie-moi un mandat cash/)
    assert.match(first.textContent ?? '', /Arnaque/)
    assert.match(first.textContent ?? '', /Sam Inconnu/)
    assert.doesNotMatch(res.body, /<i>Arnaque<\/i>/)
    assert.match(list.text('main'), /<i>Arnaque<\/i> évidente/)
    assert.doesNotMatch(res.body, /<script>alert/)
    // Reading a reported message is the audited staff access to a conversation.
    const reads = await t.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'report.message-read'), eq(auditLog.targetId, messageId)))
    assert.equal(reads.length, 1)
    assert.equal(reads[0]?.actorId, moderator.id)
    // Older reports are on the next pages.
    const all = await everyPage()
    assert.ok(all.headings.includes('Annonce « Vends des courses »'))
    assert.ok(all.headings.includes('Profil : Sam Inconnu'))
    assert.match(all.links.get('Annonce « Vends des courses »') ?? '', /^\/annonces\/[0-9a-f-]{36}$/)
  })

  it('marks a report handled or dismissed, with who, when and an audit entry', async () => {
    const [open] = await t.db.db.select().from(reports).where(eq(reports.targetId, messageId))
    const refused = await client.post(`/administration/signalements/${open!.id}/traite`, {})
    assert.equal(refused.statusCode, 403)
    const noCsrf = await mod.post(
      `/administration/signalements/${open!.id}/traite`,
      {},
      { withoutCsrf: true },
    )
    assert.equal(noCsrf.statusCode, 403)
    assert.equal((await t.db.db.select().from(reports).where(eq(reports.id, open!.id)))[0]?.status, 'open')

    const done = await mod.post(`/administration/signalements/${open!.id}/traite`, {})
    assert.equal(done.statusCode, 303)
    assert.equal(done.headers.location, '/administration/signalements?fait=traite')
    const after = page((await mod.get(done.headers.location as string)).body)
    assert.match(after.text('.success'), /Le signalement est marqué traité/)
    assert.equal(after.document.querySelector(`[aria-labelledby="report-${open!.id}"]`), null)
    const [row] = await t.db.db.select().from(reports).where(eq(reports.id, open!.id))
    assert.equal(row?.status, 'handled')
    assert.equal(row?.handledBy, moderator.id)
    assert.equal(row?.handledAt?.getTime(), t.clock.now().getTime())
    const audit = await t.db.db.select().from(auditLog).where(eq(auditLog.targetId, open!.id))
    assert.deepEqual(
      audit.map((a) => [a.action, a.actorId, a.details]),
      [['report.handled', moderator.id, { target: 'message', reason: 'scam' }]],
    )
    const twice = await mod.post(`/administration/signalements/${open!.id}/sans-suite`, {})
    assert.equal(twice.statusCode, 409)

    const [profile] = await t.db.db.select().from(reports).where(eq(reports.targetId, stranger.id))
    const dismissed = await mod.post(`/administration/signalements/${profile!.id}/sans-suite`, {})
    assert.equal(dismissed.headers.location, '/administration/signalements?fait=sans-suite')
    const [closed] = await t.db.db.select().from(reports).where(eq(reports.id, profile!.id))
    assert.equal(closed?.status, 'dismissed')
    const journal = page(
      (
        await staff(await makeAccount(t, calvados, { roles: ['administrator'] })).then((c) =>
          c.get('/administration/journal'),
        )
      ).body,
    )
    assert.match(journal.text('main'), /Signalement classé sans suite/)
  })

  it('does not find another territory’s report, and leaves it unchanged', async () => {
    const mancheReporter = await makeAccount(t, manche)
    const mancheListing = await makeListing(t, manche, await makeAccount(t, manche))
    const id = t.app.services.ids()
    await t.db.db.insert(reports).values({
      id,
      territoryId: manche.id,
      reporterId: mancheReporter.id,
      targetKind: 'listing',
      targetId: mancheListing.id,
      reason: 'scam',
      createdAt: t.clock.now(),
    })
    assert.equal((await mod.post(`/administration/signalements/${id}/traite`, {})).statusCode, 404)
    assert.equal((await mod.post('/administration/signalements/pas-un-id/traite', {})).statusCode, 404)
    const [row] = await t.db.db.select().from(reports).where(eq(reports.id, id))
    assert.equal(row?.status, 'open')
    assert.equal(row?.handledBy, null)
    const list = page((await mod.get('/administration/signalements')).body)
    assert.ok(!list.all('main h2').some((h) => h.includes(mancheListing.title)))
  })

  it('pages the list 25 at a time, newest first, each report on exactly one page', async () => {
    const busy = await makeAccount(t, calvados)
    for (let i = 0; i < 30; i++) {
      // Seconds apart: a staff session ends after 30 idle minutes.
      t.clock.advance('1 second')
      await t.db.db.insert(reports).values({
        id: t.app.services.ids(),
        territoryId: calvados.id,
        reporterId: busy.id,
        targetKind: 'account',
        targetId: (await makeAccount(t, calvados, { displayName: `Personne ${i}` })).id,
        reason: 'abuse',
        createdAt: t.clock.now(),
      })
    }
    const { headings: seen, ids, pages } = await everyPage()
    assert.ok(pages >= 2)
    const open = await t.db.db
      .select()
      .from(reports)
      .where(and(eq(reports.territoryId, calvados.id), eq(reports.status, 'open')))
    assert.equal(ids.length, open.length)
    assert.equal(new Set(ids).size, ids.length)
    assert.equal(seen[0], 'Profil : Personne 29')
    assert.ok(seen.includes('Profil : Personne 0'))
    const bad = await mod.get('/administration/signalements?apres=hier')
    assert.equal(bad.statusCode, 400)
  })
  after(() => t.close())
})
