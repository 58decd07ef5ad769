import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { desc, eq } from 'drizzle-orm'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'
import { makeCategory, makeListing } from '../../../test/helpers/listings.ts'
import { outboxMails } from '../../../test/helpers/outbox.ts'
import { phoneWorld, postAsk, recordPerson } from '../../../test/helpers/phone.ts'
import { reviewItemsOf } from '../../../test/helpers/review.ts'
import { reviewItems } from '../../platform/review/review.schema.ts'
import { setReviewPolicy } from '../../platform/tenancy/review-policy.repository.ts'
import type { ReviewPolicy, Territory } from '../../platform/tenancy/territory.ts'
import { listings } from './listing.schema.ts'

const HOUR = 3_600_000

describe('held listings in the moderation queue, and the review before publication', () => {
  let t: TestApp
  let calvados: Territory
  let categoryId: string
  const host = () => calvados.hostnames[0]!
  const setPolicy = async (policy: ReviewPolicy, territory = calvados) => {
    await setReviewPolicy(t.db.db, territory.id, policy, t.clock.now())
    t.app.services.tenancy.forget()
  }
  const form = (over: Record<string, string> = {}) => ({
    kind: 'ask',
    categoryId,
    title: 'Porter mes courses',
    description: 'Un coup de main le samedi matin pour monter les sacs.',
    commune: 'Caen (14000)',
    whenKind: 'flexible',
    urgency: 'week',
    forWhom: 'self',
    charter: 'oui',
    ...over,
  })
  const resident = async (overrides = {}) => {
    const account = await makeAccount(t, calvados, overrides)
    return { account, client: await new Client(t, host()).signInDirectly(account) }
  }
  /** Posts through the form; the listing row and the page the author lands on. */
  const post = async (client: Client, over: Record<string, string> = {}) => {
    const res = await client.post('/annonces/nouvelle', form(over))
    assert.equal(res.statusCode, 303, res.body.slice(0, 300))
    const id = /\/annonces\/([0-9a-f-]+)/.exec(res.headers.location as string)![1]!
    const [row] = await t.db.db.select().from(listings).where(eq(listings.id, id))
    return { row: row!, landing: page((await client.get(res.headers.location as string)).body) }
  }

  before(async () => {
    t = await buildTestApp()
    t.clock.set('2026-05-04T08:00:00Z')
    calvados = await makeTerritory(t.app.services, { reviewPolicy: 'first-listings' })
    categoryId = (await makeCategory(t, calvados)).id
  })
  after(() => t.close())

  it('« all »: holds a resident’s listing, queues it once and tells the author without a figure', async () => {
    await setPolicy('all')
    const { account, client } = await resident()
    const { row, landing } = await post(client)
    assert.equal(row.status, 'held')
    assert.deepEqual(row.holdReasons, ['review'])
    const items = await reviewItemsOf(t, row.id)
    assert.equal(items.length, 1)
    const [item] = items
    assert.equal(item!.cause, 'review-policy')
    assert.equal(item!.subjectKind, 'listing')
    assert.equal(item!.priority, 0)
    assert.equal(item!.label, 'Porter mes courses')
    assert.equal(item!.accountId, account.id)
    assert.equal(item!.status, 'open')
    const text = landing.text('main')
    assert.match(
      text,
      /Votre annonce est enregistrée\. Elle sera publiée après la relecture d’un modérateur\./,
    )
    assert.match(text, /Un modérateur la lit dès qu’il est disponible\./)
    assert.match(text, /Vous recevrez un courriel quand elle sera publiée, ou si elle ne peut pas l’être/)
    assert.doesNotMatch(text, /sous \d+ heures/)
    assert.doesNotMatch(text, /semble parler d’argent/)
  })

  it('says how long a reading usually takes: the median of the last 30 days', async () => {
    await setPolicy('all')
    const now = t.clock.now().getTime()
    // Three listings read in 2, 3 and 4 hours this month, one in 50 hours two months ago.
    for (const [hours, daysAgo] of [
      [2, 3],
      [3, 4],
      [4, 5],
      [50, 60],
    ] as const) {
      const created = new Date(now - daysAgo * 24 * HOUR)
      await t.db.db.insert(reviewItems).values({
        id: t.app.services.ids(),
        territoryId: calvados.id,
        subjectKind: 'listing',
        subjectId: t.app.services.ids(),
        cause: 'review-policy',
        status: 'decided',
        decision: 'published',
        createdAt: created,
        updatedAt: created,
        decidedAt: new Date(created.getTime() + hours * HOUR),
      })
    }
    const { client } = await resident()
    const { landing } = await post(client, { title: 'Arroser mes tomates' })
    assert.match(landing.text('main'), /Un modérateur la lit en général sous 3 heures\./)
  })

  it('« first listings »: holds a new account’s listings until two were published, then publishes', async () => {
    await setPolicy('first-listings')
    const { account, client } = await resident()
    assert.equal((await post(client)).row.status, 'held', 'no listing published yet')
    await makeListing(t, calvados, account, { categoryId })
    assert.equal((await post(client, { title: 'Tondre la pelouse' })).row.status, 'held', 'one published')
    await makeListing(t, calvados, account, { categoryId })
    const { row, landing } = await post(client, { title: 'Changer une ampoule' })
    assert.equal(row.status, 'published', 'two published: trusted')
    assert.deepEqual(await reviewItemsOf(t, row.id), [])
    assert.match(landing.text('main'), /Votre annonce est publiée\./)
  })

  it('« none »: publishes at once, and only money wording holds, as money wording', async () => {
    await setPolicy('none')
    const { account, client } = await resident()
    const plain = await post(client)
    assert.equal(plain.row.status, 'published')
    assert.deepEqual(await reviewItemsOf(t, plain.row.id), [])
    const money = await post(client, {
      title: 'Ménage',
      description: 'Je paie 15 € de l’heure, paiement par virement.',
    })
    assert.equal(money.row.status, 'held')
    const [item] = await reviewItemsOf(t, money.row.id)
    assert.equal(item!.cause, 'money-wording')
    assert.equal(item!.accountId, account.id)
    assert.deepEqual([...item!.details].sort(), [...money.row.holdReasons].sort())
    assert.match(money.landing.text('main'), /semble parler d’argent/)
  })

  it('money wording wins over the policy when both hold a listing', async () => {
    await setPolicy('all')
    const { client } = await resident()
    const { row } = await post(client, { description: 'Je vous donnerai 20 € pour la peine.' })
    assert.equal(row.status, 'held')
    assert.ok(row.holdReasons.includes('review'))
    const [item] = await reviewItemsOf(t, row.id)
    assert.equal(item!.cause, 'money-wording')
  })

  it('never holds a staff member’s own listing by the policy', async () => {
    await setPolicy('all')
    const moderator = await makeAccount(t, calvados, { roles: ['moderator'] })
    const client = await new Client(t, host()).signInDirectly(moderator, { staff: true, secondFactor: true })
    const { row } = await post(client)
    assert.equal(row.status, 'published')
    assert.deepEqual(await reviewItemsOf(t, row.id), [])
  })

  it('keeps an edited held listing held, refreshing its one item; closing it withdraws the item', async () => {
    await setPolicy('none')
    const { client } = await resident()
    const { row } = await post(client, { description: 'Je paie 20 € de l’heure.' })
    const edited = await client.post(
      `/mes-annonces/${row.id}/modifier`,
      form({ title: 'Porter mes sacs', description: 'Un coup de main pour porter des courses.' }),
    )
    assert.equal(edited.statusCode, 303)
    const [after] = await t.db.db.select().from(listings).where(eq(listings.id, row.id))
    assert.equal(after!.status, 'held', 'the moderator decides, not the edit')
    const items = await reviewItemsOf(t, row.id)
    assert.equal(items.length, 1)
    assert.equal(items[0]!.label, 'Porter mes sacs')
    assert.equal(items[0]!.version, 2)
    const closed = await client.post(`/mes-annonces/${row.id}/cloturer`, {})
    assert.equal(closed.statusCode, 303)
    const [withdrawn] = await reviewItemsOf(t, row.id)
    assert.equal(withdrawn!.status, 'withdrawn')
  })

  it('withdraws the item when a moderator decides from the held listings’ page, and mails the author', async () => {
    await setPolicy('all')
    const { account, client } = await resident()
    const { row } = await post(client)
    const { row: refused } = await post(client, {
      title: 'Vends mes meubles',
      description: 'À vendre, 50 €.',
    })
    const moderator = await makeAccount(t, calvados, { roles: ['moderator'] })
    const staff = await new Client(t, host()).signInDirectly(moderator, { staff: true, secondFactor: true })
    assert.equal(
      (await staff.post(`/administration/annonces-retenues/${row.id}/publier`, {})).statusCode,
      303,
    )
    assert.equal(
      (await staff.post(`/administration/annonces-retenues/${refused.id}/rejeter`, {})).statusCode,
      303,
    )
    assert.equal((await reviewItemsOf(t, row.id))[0]!.status, 'withdrawn')
    assert.equal((await reviewItemsOf(t, refused.id))[0]!.status, 'withdrawn')
    const mails = await outboxMails(t, account.email)
    const published = mails.find((m) => m.subject === 'Votre annonce « Porter mes courses » est publiée')
    assert.ok(published, mails.map((m) => m.subject).join(' | '))
    assert.match(published.text, new RegExp(`/annonces/${row.id}`))
    const rejected = mails.find((m) => m.subject === 'Votre annonce « Vends mes meubles » n’est pas publiée')
    assert.ok(rejected)
    assert.match(rejected.text, /l’aide est toujours gratuite/)
  })

  it('never holds a relayed ask by the policy; money wording in it still waits in the queue', async () => {
    const w = await phoneWorld(t)
    await setPolicy('all', w.calvados)
    const person = await recordPerson(w)
    await postAsk(w, person)
    const asks = () =>
      t.db.db
        .select()
        .from(listings)
        .where(eq(listings.authorId, w.agent.id))
        .orderBy(desc(listings.createdAt))
    const [relayed] = await asks()
    assert.equal(relayed!.status, 'published')
    assert.deepEqual(await reviewItemsOf(t, relayed!.id), [])
    const second = await recordPerson(w, { lastName: 'Durand', phone: '02 31 22 33 44' })
    await postAsk(w, second, {
      title: 'Courses payées',
      description: 'Elle paie 20 € de l’heure pour les courses.',
    })
    const money = (await asks()).find((l) => l.title === 'Courses payées')
    assert.equal(money!.status, 'held')
    const [item] = await reviewItemsOf(t, money!.id)
    assert.equal(item!.cause, 'money-wording')
  })
})
