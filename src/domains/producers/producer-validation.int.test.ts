import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { page } from '../../../test/helpers/html.ts'
import { type ProducerWorld, producerWorld } from '../../../test/helpers/producers.ts'

const verify = { decision: 'verify', reason: '', reasonText: '' }

describe('producers validated by the Chambre d’agriculture', () => {
  let t: TestApp
  let w: ProducerWorld
  before(async () => {
    t = await buildTestApp()
    w = await producerWorld(t, 'validation')
  })
  after(() => t.close())

  it('lets the partner’s manager verify a pending farm, which then appears in the directory', async () => {
    const farmer = await w.client(w.farmer)
    await farmer.post(`/organisations/${w.farmId}/producteur`, { presentation: 'Poules en plein air.' })
    const chamber = await w.client(w.chamberManager)
    const queue = await chamber.get(`/organisations/${w.chamberId}/verifications`)
    assert.equal(queue.statusCode, 200)
    assert.match(page(queue.body).text('main'), /Ferme du Pré Vert/)
    assert.doesNotMatch((await w.visitor().get('/producteurs')).body, /Ferme du Pré Vert/)
    const res = await chamber.post(`/organisations/${w.chamberId}/verifications/${w.farmId}`, verify)
    assert.equal(res.statusCode, 303)
    assert.equal(await w.status(w.farmId), 'verified')
    assert.match((await w.visitor().get('/producteurs')).body, /Ferme du Pré Vert/)
    assert.equal((await w.visitor().get(`/producteurs/${w.farmId}`)).statusCode, 200)
  })

  it('never lets a partner decide on itself', async () => {
    const chamber = await w.client(w.chamberManager)
    const res = await chamber.post(`/organisations/${w.chamberId}/verifications/${w.chamberId}`, verify)
    assert.equal(res.statusCode, 404)
  })
})

describe('a producer never validates itself', () => {
  let t: TestApp
  let w: ProducerWorld
  before(async () => {
    t = await buildTestApp()
    w = await producerWorld(t, 'soi-meme')
  })
  after(() => t.close())

  it('refuses the decision of a person who manages both the partner and the farm, and changes nothing', async () => {
    await w.addMember(w.chamberId, w.farmer.id, 'manager')
    const both = await w.client(w.farmer)
    const res = await both.post(`/organisations/${w.chamberId}/verifications/${w.farmId}`, verify)
    assert.equal(res.statusCode, 400)
    assert.match(page(res.body).text('main'), /personne ne se vérifie soi-même/)
    assert.equal(await w.status(w.farmId), 'pending')
    assert.equal(await w.audits('organisation.verified'), 0)
    // The other manager of the partner still may.
    const chamber = await w.client(w.chamberManager)
    assert.equal(
      (await chamber.post(`/organisations/${w.chamberId}/verifications/${w.farmId}`, verify)).statusCode,
      303,
    )
    assert.equal(await w.status(w.farmId), 'verified')
  })

  it('refuses a staff member who belongs to the organisation too', async () => {
    const id = await w.producer('Ferme de la coordinatrice', w.calvados, {}, 'pending')
    await w.addMember(id, w.staff.id, 'member')
    const staff = await w.staffClient()
    const res = await staff.post(`/administration/organisations/${id}/decision`, verify)
    assert.equal(res.statusCode, 400)
    assert.equal(await w.status(id), 'pending')
  })
})

describe('the territory setting « only the partner validates »', () => {
  let t: TestApp
  let w: ProducerWorld
  before(async () => {
    t = await buildTestApp()
    w = await producerWorld(t, 'exclusif')
  })
  after(() => t.close())

  it('is set by an administrator on the delegation page, and then staff can no longer verify producers', async () => {
    const staff = await w.staffClient()
    const admin = await w.adminClient()
    const form = page((await admin.get(`/administration/organisations/${w.chamberId}`)).body)
    assert.ok(form.document.querySelector('input[name="exclusive"][value="producer"]'))
    const set = await admin.post(`/administration/organisations/${w.chamberId}/delegation`, {
      kinds: ['producer'],
      exclusive: ['producer'],
    })
    assert.equal(set.statusCode, 303)
    assert.ok(
      page((await admin.get(`/administration/organisations/${w.chamberId}`)).body).document.querySelector(
        'input[name="exclusive"][value="producer"][checked]',
      ),
    )

    const shown = page((await staff.get(`/administration/organisations/${w.farmId}`)).body)
    assert.match(shown.text('main'), /Seul Chambre d’agriculture du Calvados vérifie ou refuse/)
    assert.doesNotMatch(shown.text('main form'), /^Vérifier$/)
    for (const decision of ['verify', 'refuse']) {
      const res = await staff.post(`/administration/organisations/${w.farmId}/decision`, {
        decision,
        reason: decision === 'refuse' ? 'documents' : '',
        reasonText: '',
      })
      assert.equal(res.statusCode, 400, decision)
      assert.match(page(res.body).text('main'), /confié à Chambre d’agriculture du Calvados seul/)
    }
    assert.equal(await w.status(w.farmId), 'pending')

    // Other kinds are still the staff's; the partner verifies the farm.
    const association = await w.producer('Association voisine', w.calvados, {}, 'pending')
    void association
    const chamber = await w.client(w.chamberManager)
    assert.equal(
      (await chamber.post(`/organisations/${w.chamberId}/verifications/${w.farmId}`, verify)).statusCode,
      303,
    )
    assert.equal(await w.status(w.farmId), 'verified')
  })

  it('is lifted by the administrator, and staff verify producers again', async () => {
    const admin = await w.adminClient()
    await admin.post(`/administration/organisations/${w.chamberId}/delegation`, { kinds: ['producer'] })
    const id = await w.producer('Ferme tardive', w.calvados, {}, 'pending')
    const staff = await w.staffClient()
    assert.equal((await staff.post(`/administration/organisations/${id}/decision`, verify)).statusCode, 303)
    assert.equal(await w.status(id), 'verified')
  })
})
