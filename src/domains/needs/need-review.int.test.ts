import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { type NeedsWorld, needForm, needRow, needsWorld, postNeed } from '../../../test/helpers/needs.ts'
import { reviewItemsOf } from '../../../test/helpers/review.ts'

const MONEY = { description: 'Des repas à 5 € pièce, paiement par virement.' }

describe('material needs held for money wording wait in the moderation queue', () => {
  let t: TestApp
  let w: NeedsWorld
  before(async () => {
    t = await buildTestApp()
    w = await needsWorld(t)
  })
  after(() => t.close())

  it('queues a held need with its title and its poster; an edit that releases it withdraws the item', async () => {
    const id = await postNeed(w, MONEY)
    assert.equal((await needRow(t, id))!.status, 'held')
    const [item] = await reviewItemsOf(t, id)
    assert.equal(item!.subjectKind, 'need')
    assert.equal(item!.cause, 'money-wording')
    assert.equal(item!.label, 'Repas pour la distribution du samedi')
    assert.equal(item!.accountId, w.manager.id)
    const edited = await (await w.client(w.manager)).post(`/besoins/${id}/modifier`, needForm())
    assert.equal(edited.statusCode, 303)
    assert.equal((await needRow(t, id))!.status, 'open')
    const items = await reviewItemsOf(t, id)
    assert.equal(items.length, 1)
    assert.equal(items[0]!.status, 'withdrawn')
  })

  it('withdraws the item when a moderator decides from the held needs’ page', async () => {
    const id = await postNeed(w, MONEY)
    const moderator = await new Client(t, w.calvados.hostnames[0]!).signInDirectly(
      await makeAccount(t, w.calvados, { roles: ['moderator'] }),
      { staff: true, secondFactor: true },
    )
    const res = await moderator.post(`/administration/besoins-retenus/${id}/retirer`, {})
    assert.equal(res.statusCode, 303)
    assert.equal((await reviewItemsOf(t, id))[0]!.status, 'withdrawn')
  })
})
