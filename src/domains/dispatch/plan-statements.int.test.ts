import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { makeAccount } from '../../../test/helpers/accounts.ts'
import { type DispatchWorld, dispatchWorld, LIST } from '../../../test/helpers/dispatch.ts'
import { makeListing } from '../../../test/helpers/listings.ts'
import { makeMatch } from '../../../test/helpers/matches.ts'
import { buildCountingTestApp, type Counted, type CountingTestApp } from '../../../test/helpers/statements.ts'
import { blocks } from '../../../test/helpers/tables.ts'
import { verifyDemoVolunteer } from '../volunteers/index.ts'

/**
 * Building a plan and ranking one ask's suggestions read each kind of fact (candidates,
 * verification, blocks, open matches, how people answer, pending proposals) in one query,
 * whatever the number of volunteers and asks: the statements are counted with a few, then with
 * ten times as many, and must be the same.
 */
describe('dispatch: reads in batches, whatever the number of candidates', () => {
  let t: CountingTestApp
  let w: DispatchWorld
  const old = () => new Date(t.clock.now().getTime() - 72 * 3_600_000)
  before(async () => {
    t = await buildCountingTestApp()
    w = await dispatchWorld(t)
  })
  after(() => t.close())

  /**
   * `n` more volunteers in Caen, every third verified, every fourth blocked by an ask's author,
   * every fifth busy with a response elsewhere; and `n` more asks of their own authors, groceries
   * and childcare (which needs a verified volunteer) in turn.
   */
  async function grow(n: number, round: string) {
    const elsewhere = await makeListing(t, w.calvados, w.author, { kind: 'offer', title: `Offre ${round}` })
    for (let i = 0; i < n; i++) {
      const volunteer = await makeAccount(t, w.calvados, {
        displayName: `Bénévole ${round}${i}`,
        communeInsee: '14118',
        interests: ['groceries-medicines', 'childcare'],
        radiusKm: 20,
        availability: ['tue-am', 'sat-pm'],
      })
      const author = await makeAccount(t, w.calvados, {
        displayName: `Demandeur ${round}${i}`,
        acceptsProposals: false,
      })
      await makeListing(t, w.calvados, author, {
        title: `Demande ${round}${i}`,
        categoryId: i % 2 === 0 ? w.groceries.id : w.childcare.id,
        publishedAt: old(),
      })
      if (i % 3 === 0) await verifyDemoVolunteer(t.app.services, w.calvados, volunteer.email)
      if (i % 4 === 1)
        await t.db.db.insert(blocks).values({
          blockerId: author.id,
          blockedId: volunteer.id,
          territoryId: w.calvados.id,
          createdAt: t.clock.now(),
        })
      if (i % 5 === 2) await makeMatch(t, w.calvados, elsewhere, volunteer)
    }
  }

  async function counted(fn: () => Promise<{ statusCode: number }>, status: number) {
    const c = await t.count(fn)
    assert.equal(c.result.statusCode, status)
    return c
  }
  const same = (few: Counted<unknown>, many: Counted<unknown>) =>
    assert.equal(
      many.count,
      few.count,
      `few: ${few.count}, many: ${many.count}\n${many.statements.map((s) => s.slice(0, 160)).join('\n')}`,
    )

  it('builds a plan, and ranks one ask, in as many statements for 33 volunteers as for 6', async () => {
    const coordinator = await w.staff(w.coordinator)
    await coordinator.get(LIST)
    const childcare = await makeListing(t, w.calvados, w.author, {
      title: 'Garder Léo samedi',
      categoryId: w.childcare.id,
      publishedAt: old(),
    })
    await grow(3, 'a')
    const planFew = await counted(() => coordinator.post(`${LIST}/repartition`, {}), 303)
    const askFew = await counted(() => coordinator.get(`${LIST}/${childcare.id}`), 200)
    await grow(27, 'b')
    const planMany = await counted(() => coordinator.post(`${LIST}/repartition`, {}), 303)
    const askMany = await counted(() => coordinator.get(`${LIST}/${childcare.id}`), 200)
    same(planFew, planMany)
    same(askFew, askMany)
  })
})
