import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq, sql } from 'drizzle-orm'
import {
  auditOf,
  type DispatchWorld,
  dispatchWorld,
  LIST,
  matchesOf,
  notificationsOf,
  proposalRows,
} from '../../../test/helpers/dispatch.ts'
import { page } from '../../../test/helpers/html.ts'
import { makeListing } from '../../../test/helpers/listings.ts'
import { buildCountingTestApp, type CountingTestApp } from '../../../test/helpers/statements.ts'
import { blocks } from '../../../test/helpers/tables.ts'

/**
 * Statements of one acceptance as PostgreSQL counts them, begin and commit included, with two
 * other volunteers to tell: the session, the header's count and the proposal (3), then one
 * transaction (20): the ask's lock, the proposal, the listing, the response's category, the
 * response, its bilan event, the daily limit, the author's notification (the account, the row, its mail job), the
 * others taken, each one's notification (three statements each), the audit. Telling the others
 * is the part that grows: three statements per volunteer who also had the ask.
 */
const CEILING = 23

/** Every row an acceptance writes somewhere, counted: equal before and after means nothing changed. */
async function footprint(t: CountingTestApp) {
  const result = await t.db.db.execute(sql`select
    (select count(*) from matches)::int as matches,
    (select count(*) from messages)::int as messages,
    (select count(*) from notifications)::int as notifications,
    (select count(*) from jobs)::int as jobs,
    (select count(*) from audit_log)::int as audit,
    (select coalesce(sum(count), 0) from rate_limits)::int as hits`)
  return (result as unknown as { rows: Record<string, number>[] }).rows[0]
}

/** Accepting a proposal is one transaction: the response, the others taken and told, the audit, or nothing. */
describe('dispatch: accepting a proposal, all or nothing', () => {
  let t: CountingTestApp
  let w: DispatchWorld
  before(async () => {
    t = await buildCountingTestApp()
    w = await dispatchWorld(t)
  })
  after(() => t.close())

  const ask = (title: string) =>
    makeListing(t, w.calvados, w.author, {
      title,
      categoryId: w.groceries.id,
      publishedAt: new Date(t.clock.now().getTime() - 72 * 3_600_000),
    })
  /** The ask proposed to these volunteers, and each one's proposal id. */
  async function proposed(title: string, volunteers: { id: string }[]) {
    const listing = await ask(title)
    const res = await (await w.staff(w.coordinator)).post(`${LIST}/${listing.id}/propositions`, {
      volunteers: volunteers.map((v) => v.id),
    })
    assert.equal(res.statusCode, 303)
    const rows = await proposalRows(t, listing.id)
    const of = (v: { id: string }) => rows.find((r) => r.volunteerId === v.id)!.id
    return { listing, of }
  }
  const statuses = async (listingId: string) => (await proposalRows(t, listingId)).map((r) => r.status).sort()

  it('leaves the proposal pending and nothing else changed when the author blocked the volunteer a moment before', async () => {
    const { listing, of } = await proposed('Courses du jeudi', [w.amina, w.bruno])
    await t.db.db.insert(blocks).values({
      blockerId: w.author.id,
      blockedId: w.amina.id,
      territoryId: w.calvados.id,
      createdAt: t.clock.now(),
    })
    const amina = await w.resident(w.amina)
    const before = await footprint(t)
    const refused = await amina.post(`/mes-propositions/${of(w.amina)}/accepter`, { message: 'Je peux.' })
    assert.equal(refused.statusCode, 409)
    const p = page(refused.body)
    assert.match(p.text('.error-summary'), /Il n’est pas possible de répondre à cette annonce/)
    assert.doesNotMatch(p.text('main'), /bloqu/i, 'the block itself is not told')
    assert.deepEqual(await footprint(t), before)
    assert.deepEqual(await statuses(listing.id), ['pending', 'pending'])
    assert.equal((await matchesOf(t, listing.id)).length, 0)

    // Bruno, who was not blocked, still can: the ask was never taken from him.
    const bruno = await w.resident(w.bruno)
    assert.equal((await bruno.post(`/mes-propositions/${of(w.bruno)}/accepter`, {})).statusCode, 303)
    assert.deepEqual(await statuses(listing.id), ['accepted', 'taken'])
    assert.equal((await notificationsOf(t, w.amina.id, 'dispatch.taken')).length, 1)
    await t.db.db.delete(blocks).where(eq(blocks.blockerId, w.author.id))
  })

  it('takes the response back with the acceptance when the daily limit refuses it', async () => {
    const { listing, of } = await proposed('Courses de trop', [w.celine, w.bruno])
    // Céline answered twenty listings today: the key and limit are matches' own.
    for (let i = 0; i < 20; i++)
      await t.app.services.rateLimiter.hit(`match:respond:${w.celine.id}`, { max: 20, windowMs: 86_400_000 })
    const celine = await w.resident(w.celine)
    const before = await footprint(t)
    const refused = await celine.post(`/mes-propositions/${of(w.celine)}/accepter`, { message: 'Je peux.' })
    assert.equal(refused.statusCode, 429)
    assert.deepEqual(await footprint(t), before, 'no response, no notification, no job, no audit')
    assert.deepEqual(await statuses(listing.id), ['pending', 'pending'])
    await t.app.services.rateLimiter.reset(`match:respond:${w.celine.id}`)
  })

  it('gives one winner of three volunteers accepting at once, the others thanked once each', async () => {
    const volunteers = [w.amina, w.bruno, w.celine]
    const { listing, of } = await proposed('Courses très demandées', volunteers)
    const clients = await Promise.all(volunteers.map((v) => w.resident(v)))
    const answers = await Promise.all(
      clients.map((c, i) => c.post(`/mes-propositions/${of(volunteers[i]!)}/accepter`, { message: 'Moi !' })),
    )
    assert.deepEqual(answers.map((a) => a.statusCode).sort(), [303, 409, 409])
    const [match] = await matchesOf(t, listing.id)
    assert.equal((await matchesOf(t, listing.id)).length, 1)
    assert.deepEqual(await statuses(listing.id), ['accepted', 'taken', 'taken'])
    for (const v of volunteers.filter((v) => v.id !== match!.responderId)) {
      const told = (await notificationsOf(t, v.id, 'dispatch.taken')).filter(
        (n) => n.params.title === 'Courses très demandées',
      )
      assert.equal(told.length, 1)
    }
    const audit = (await auditOf(t, 'dispatch.accepted')).filter((a) => a.targetId === listing.id)
    assert.equal(audit.length, 1)
    assert.equal(audit[0]?.actorId, match!.responderId)
  })

  it(`accepts in at most ${CEILING} statements, in one transaction`, async () => {
    const { listing, of } = await proposed('Courses comptées', [w.amina, w.bruno, w.celine])
    const amina = await w.resident(w.amina)
    await amina.get('/')
    const counted = await t.count(() =>
      amina.post(`/mes-propositions/${of(w.amina)}/accepter`, { message: 'Je peux.' }),
    )
    assert.equal(counted.result.statusCode, 303)
    assert.ok(counted.count <= CEILING, `${counted.count} statements:\n${counted.statements.join('\n')}`)
    const begins = counted.statements.filter((s) => /^begin/i.test(s)).length
    assert.ok(begins <= 1, 'one transaction at most (PGlite runs it out of sight)')
    assert.equal((await matchesOf(t, listing.id)).length, 1)
  })
})
