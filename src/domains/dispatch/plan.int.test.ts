import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import {
  auditOf,
  type DispatchWorld,
  dispatchWorld,
  LIST,
  proposalRows,
} from '../../../test/helpers/dispatch.ts'
import { page } from '../../../test/helpers/html.ts'
import { makeListing } from '../../../test/helpers/listings.ts'
import { greedyAssignment, optimalAssignment } from './assignment.ts'

/** « Proposer pour toutes »: the plan, its review page with table and map, sending once. */
describe('dispatch: bulk plans', () => {
  let t: TestApp
  let w: DispatchWorld
  before(async () => {
    t = await buildTestApp()
    w = await dispatchWorld(t)
  })
  after(() => t.close())

  it('beats greedy on a small hand-made case, exactly', async () => {
    // Ask 0 may go to volunteer 0 (10) or 1 (9); ask 1 only to volunteer 0 (8). Greedy takes 10
    // and leaves ask 1 alone; the optimum gives 9 + 8.
    const pairs = [
      { ask: 0, volunteer: 0, score: 10 },
      { ask: 0, volunteer: 1, score: 9 },
      { ask: 1, volunteer: 0, score: 8 },
    ]
    const one = () => 1
    assert.equal(greedyAssignment(pairs, one).totalScore, 10)
    const optimal = await optimalAssignment(pairs, one)
    assert.equal(optimal.totalScore, 17)
    assert.deepEqual(optimal.chosen, [1, 2])
  })

  it('builds a plan for every listed ask, shows table, map and asks without a volunteer, and sends once', async () => {
    const old = new Date(t.clock.now().getTime() - 72 * 3_600_000)
    const groceries = await makeListing(t, w.calvados, w.author, {
      title: 'Courses du lundi',
      categoryId: w.groceries.id,
      publishedAt: old,
    })
    const child = await makeListing(t, w.calvados, w.author, {
      title: 'Garder Léo mercredi',
      categoryId: w.childcare.id,
      publishedAt: old,
    })
    const lonely = await makeListing(t, w.calvados, w.author, {
      title: 'Courses à Honfleur',
      categoryId: w.groceries.id,
      communeInsee: '14333',
      publishedAt: old,
    })
    const coordinator = await w.staff(w.coordinator)
    const created = await coordinator.post(`${LIST}/repartition`, {})
    assert.equal(created.statusCode, 303)
    const planUrl = created.headers.location as string
    const p = page((await coordinator.get(planUrl)).body)
    assert.equal(p.h1(), 'Répartition proposée')
    const rows = [...p.document.querySelectorAll('tbody tr')].map((r) => [
      r.querySelector('th')?.textContent?.trim(),
      r.querySelector('td')?.textContent?.trim(),
    ])
    assert.deepEqual(
      rows.sort(),
      [
        ['Courses du lundi', 'Amina'],
        ['Garder Léo mercredi', 'Céline'],
      ],
      'Céline, the only verified volunteer, keeps the childcare ask; Amina the nearest groceries',
    )
    assert.ok(p.document.querySelector('figure.pairs-map svg[role=img] title'), 'a map with its name')
    assert.ok(
      p.all('main ul li a').includes('Courses à Honfleur'),
      'an ask with no plausible volunteer is listed',
    )
    assert.ok(p.field('Retirer la paire Courses du lundi – Amina'))
    assert.match(p.text('main'), /2 demandes sur 3 ont un bénévole/)

    const sent = await coordinator.post(`${planUrl}/envoyer`, { remove: [child.id] })
    assert.equal(sent.statusCode, 303)
    assert.match(
      page((await coordinator.get(sent.headers.location as string)).body).text('main'),
      /Les propositions sont envoyées \(1\)/,
    )
    assert.equal((await proposalRows(t, groceries.id)).length, 1)
    assert.equal((await proposalRows(t, child.id)).length, 0, 'a removed pair sends nothing')
    assert.equal((await proposalRows(t, groceries.id))[0]?.planId, planUrl.split('/').at(-1))
    assert.equal((await auditOf(t, 'dispatch.plan-sent')).length, 1)

    const again = await coordinator.post(`${planUrl}/envoyer`, {})
    assert.equal(again.statusCode, 400)
    assert.match(page(again.body).text('.error-summary'), /déjà envoyée/)
    assert.equal((await proposalRows(t, child.id)).length, 0, 'sent once')
    assert.equal((await proposalRows(t, lonely.id)).length, 0)
  })

  it('answers another territory’s plan, and an unknown one, with a 404; refuses a plan to other staff', async () => {
    const coordinator = await w.staff(w.coordinator)
    const planUrl = (await coordinator.post(`${LIST}/repartition`, {})).headers.location as string
    const manche = await w.staff(w.mancheCoordinator, w.manche.hostnames[0]!)
    assert.equal((await manche.get(planUrl)).statusCode, 404)
    assert.equal((await manche.post(`${planUrl}/envoyer`, {})).statusCode, 404)
    assert.equal(
      (await coordinator.get(`${LIST}/repartition/00000000-0000-4000-8000-999999999999`)).statusCode,
      404,
    )
    assert.equal((await (await w.staff(w.moderator)).get(planUrl)).statusCode, 403)
    assert.equal((await coordinator.post(`${planUrl}/envoyer`, {}, { withoutCsrf: true })).statusCode, 403)
  })
})
