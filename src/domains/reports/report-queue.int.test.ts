import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'
import { makeListing } from '../../../test/helpers/listings.ts'
import { makeOrganisation } from '../../../test/helpers/missions.ts'
import { reviewItemsOf } from '../../../test/helpers/review.ts'
import { matches, messages } from '../../../test/helpers/tables.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'

type Account = Awaited<ReturnType<typeof makeAccount>>
const HOUR = 3_600_000

describe('reports put their target in the moderation queue', () => {
  let t: TestApp
  let calvados: Territory
  const host = () => calvados.hostnames[0]!
  const person = (name: string) => makeAccount(t, calvados, { displayName: name })
  const signedIn = (account: Account) => new Client(t, host()).signInDirectly(account)
  const report = async (by: Account, cible: string, id: string, reason = 'commerce') => {
    const res = await (await signedIn(by)).post('/signaler', { cible, id, reason, comment: '' })
    assert.equal(res.statusCode, 303, res.body.slice(0, 300))
    return res.headers.location as string
  }
  /** A message `sender` wrote to `reader` in a conversation about one of sender's listings. */
  async function messageFrom(sender: Account, reader: Account, body: string) {
    const listing = await makeListing(t, calvados, sender)
    const now = t.clock.now()
    const matchId = t.app.services.ids()
    await t.db.db.insert(matches).values({
      id: matchId,
      territoryId: calvados.id,
      listingId: listing.id,
      authorId: sender.id,
      responderId: reader.id,
      status: 'pending',
      createdAt: now,
      updatedAt: now,
      lastActivityAt: now,
    })
    const id = t.app.services.ids()
    await t.db.db
      .insert(messages)
      .values({ id, territoryId: calvados.id, matchId, senderId: sender.id, body, createdAt: now })
    return id
  }

  before(async () => {
    t = await buildTestApp()
    t.clock.set('2026-05-04T08:00:00Z')
    calvados = await makeTerritory(t.app.services)
  })
  after(() => t.close())

  it('a listing: one item with the title and its author, counting each person once', async () => {
    const author = await person('Annie Auteur')
    const listing = await makeListing(t, calvados, author, { title: 'Vends des courses' })
    const first = await person('Rémi')
    await report(first, 'listing', listing.id)
    let [item] = await reviewItemsOf(t, listing.id)
    assert.equal(item!.subjectKind, 'listing')
    assert.equal(item!.cause, 'report')
    assert.equal(item!.priority, 1)
    assert.equal(item!.reportCount, 1)
    assert.equal(item!.label, 'Vends des courses')
    assert.equal(item!.accountId, author.id)
    assert.deepEqual(item!.details, ['commerce'])
    // The same person again: « déjà signalé », nothing counted twice.
    assert.equal(await report(first, 'listing', listing.id, 'scam'), '/signaler/merci?etat=deja')
    ;[item] = await reviewItemsOf(t, listing.id)
    assert.equal(item!.reportCount, 1)
    assert.equal(item!.priority, 1)
    // Another person, for a scam: the same item, one more report, a higher priority.
    await report(await person('Sarah'), 'listing', listing.id, 'scam')
    const items = await reviewItemsOf(t, listing.id)
    assert.equal(items.length, 1)
    assert.equal(items[0]!.reportCount, 2)
    assert.equal(items[0]!.priority, 2)
    assert.deepEqual(items[0]!.details, ['commerce', 'scam'])
  })

  it('a message: labelled with its sender’s name, never its text; danger comes at priority 2', async () => {
    const sender = await person('Bruno Brusque')
    const reader = await person('Léa')
    const id = await messageFrom(sender, reader, 'Envoyez-moi 50 € par virement avant samedi')
    await report(reader, 'message', id, 'danger')
    const [item] = await reviewItemsOf(t, id)
    assert.equal(item!.subjectKind, 'message')
    assert.equal(item!.label, 'Bruno Brusque')
    assert.equal(item!.accountId, sender.id)
    assert.equal(item!.priority, 2)
    assert.doesNotMatch(JSON.stringify(item), /virement/)
  })

  it('an account: labelled with the person’s name', async () => {
    const target = await person('Paul Pénible')
    await report(await person('Ines'), 'account', target.id, 'abuse')
    const [item] = await reviewItemsOf(t, target.id)
    assert.equal(item!.subjectKind, 'account')
    assert.equal(item!.cause, 'report')
    assert.equal(item!.priority, 1)
    assert.equal(item!.label, 'Paul Pénible')
    assert.equal(item!.accountId, target.id)
  })

  it('an organisation: a « Signaler » link on its page for others, an item with its name and no person', async () => {
    const org = await makeOrganisation(t, calvados, { name: 'Épicerie du Marais' })
    const reader = await person('Odile')
    const shown = page((await (await signedIn(reader)).get(`/organisations/${org.id}`)).body)
    const link = shown.document.querySelector('main a[href^="/signaler"]')
    assert.equal(link?.getAttribute('href'), `/signaler?cible=organisation&id=${org.id}`)
    assert.match(link?.textContent ?? '', /Signaler\s+cette organisation/)
    const own = page((await org.managerClient.get(`/organisations/${org.id}`)).body)
    assert.equal(own.document.querySelector('main a[href^="/signaler"]'), null, 'not to its own people')
    const visitor = page((await new Client(t, host()).get(`/organisations/${org.id}`)).body)
    assert.equal(visitor.document.querySelector('main a[href^="/signaler"]'), null, 'not to a visitor')

    const form = page((await (await signedIn(reader)).get(`/signaler?cible=organisation&id=${org.id}`)).body)
    assert.match(form.text('main'), /Vous signalez l’organisation « Épicerie du Marais »\./)
    await report(reader, 'organisation', org.id, 'scam')
    const [item] = await reviewItemsOf(t, org.id)
    assert.equal(item!.subjectKind, 'organisation')
    assert.equal(item!.label, 'Épicerie du Marais')
    assert.equal(item!.accountId, null)
    assert.equal(item!.priority, 2)
  })

  it('refuses to report an organisation of another territory or one not verified', async () => {
    const manche = await makeTerritory(t.app.services, {
      platformName: 'Entraide Manche',
      departements: ['50'],
    })
    const away = await makeOrganisation(t, manche)
    const pending = await makeOrganisation(t, calvados, { status: 'pending', name: 'En attente' })
    const client = await signedIn(await person('Yves'))
    for (const id of [away.id, pending.id]) {
      assert.equal((await client.get(`/signaler?cible=organisation&id=${id}`)).statusCode, 404)
      const res = await client.post('/signaler', { cible: 'organisation', id, reason: 'scam', comment: '' })
      assert.equal(res.statusCode, 404)
    }
    assert.equal((await reviewItemsOf(t, away.id)).length, 0)
  })

  it('three different people within 24 hours about one person: that person at priority 3', async () => {
    const target = await person('Victor Vendeur')
    const listing = await makeListing(t, calvados, target, { title: 'Vélo à vendre' })
    const [a, b, c] = [await person('A'), await person('B'), await person('C')]
    // Two people (one twice, on the listing and on the person): no item on the account for that.
    await report(a, 'listing', listing.id)
    t.clock.advance(2 * HOUR)
    await report(a, 'account', target.id)
    await report(b, 'message', await messageFrom(target, b, 'Payez d’abord'))
    const onAccount = await reviewItemsOf(t, target.id)
    assert.equal(onAccount.length, 1, 'the direct report of the account only')
    assert.equal(onAccount[0]!.cause, 'report')
    assert.equal(onAccount[0]!.priority, 1)
    // The third person, 20 hours after the first report.
    t.clock.advance(18 * HOUR)
    await report(c, 'listing', listing.id)
    const [item] = await reviewItemsOf(t, target.id)
    assert.equal(item!.subjectKind, 'account')
    assert.equal(item!.cause, 'repeated-reports')
    assert.equal(item!.priority, 3)
    assert.equal(item!.label, 'Victor Vendeur')
    assert.equal(item!.accountId, target.id)
  })

  it('three people over three days: no item for the person', async () => {
    const target = await person('Wanda Lente')
    const listing = await makeListing(t, calvados, target)
    for (const name of ['D', 'E', 'F']) {
      await report(await person(name), 'listing', listing.id)
      t.clock.advance(26 * HOUR)
    }
    assert.deepEqual(await reviewItemsOf(t, target.id), [])
    const [item] = await reviewItemsOf(t, listing.id)
    assert.equal(item!.reportCount, 3)
    assert.equal(item!.priority, 1)
  })

  it('closing the last open report from the reports’ list withdraws the item', async () => {
    const author = await person('Gaston')
    const listing = await makeListing(t, calvados, author)
    await report(await person('G'), 'listing', listing.id)
    await report(await person('H'), 'listing', listing.id)
    const moderator = await makeAccount(t, calvados, { roles: ['moderator'] })
    const staff = await new Client(t, host()).signInDirectly(moderator, { staff: true, secondFactor: true })
    const ids = [
      ...page((await staff.get('/administration/signalements')).body).document.querySelectorAll(
        'form[action$="/traite"]',
      ),
    ]
      .map((f) => /signalements\/([0-9a-f-]+)\//.exec(f.getAttribute('action') ?? '')?.[1])
      .filter(Boolean) as string[]
    // Newest first: the two just sent about this listing.
    const [first, second] = ids
    assert.ok(first && second)
    await staff.post(`/administration/signalements/${first}/traite`, {})
    assert.equal((await reviewItemsOf(t, listing.id))[0]!.status, 'open', 'one report still open')
    await staff.post(`/administration/signalements/${second}/sans-suite`, {})
    assert.equal((await reviewItemsOf(t, listing.id))[0]!.status, 'withdrawn')
  })
})
