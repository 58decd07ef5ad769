import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { organisationForm, organisationWorld } from '../../../test/helpers/organisations.ts'
import { reviewItemsOf } from '../../../test/helpers/review.ts'

describe('organisations awaiting verification wait in the moderation queue', () => {
  let t: TestApp
  let w: Awaited<ReturnType<typeof organisationWorld>>
  before(async () => {
    t = await buildTestApp()
    w = await organisationWorld(t, 'verif-queue')
  })
  after(() => t.close())

  const register = async (name: string, registration: string) => {
    const { client } = await w.signedIn()
    const res = await client.post('/organisations/nouvelle', organisationForm({ name, registration }))
    assert.equal(res.statusCode, 303)
    return /\/organisations\/([\w-]+)\?fait=creee/.exec(res.headers.location as string)![1]!
  }

  it('queues a new organisation with its name and no person; verifying it withdraws the item', async () => {
    const id = await register('Amicale des Jardins', 'W141111111')
    const [item] = await reviewItemsOf(t, id)
    assert.equal(item!.subjectKind, 'organisation')
    assert.equal(item!.cause, 'verification')
    assert.equal(item!.label, 'Amicale des Jardins')
    assert.equal(item!.accountId, null)
    assert.equal(item!.status, 'open')
    const { client: mod } = await w.staff()
    const res = await mod.post(`/administration/organisations/${id}/decision`, { decision: 'verify' })
    assert.equal(res.statusCode, 303)
    assert.equal((await reviewItemsOf(t, id))[0]!.status, 'withdrawn')
  })

  it('refusing it withdraws the item too', async () => {
    const id = await register('Club fantôme', 'W142222222')
    const { client: mod } = await w.staff()
    const res = await mod.post(`/administration/organisations/${id}/decision`, {
      decision: 'refuse',
      reason: 'unknown-register',
      reasonText: '',
    })
    assert.equal(res.statusCode, 303, res.body.slice(0, 200))
    const items = await reviewItemsOf(t, id)
    assert.equal(items.length, 1)
    assert.equal(items[0]!.status, 'withdrawn')
  })
})
