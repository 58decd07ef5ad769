import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { page } from '../../../test/helpers/html.ts'
import {
  dropPointRows,
  type NeedsWorld,
  needRow,
  needsWorld,
  pledgeRows,
  postNeed,
  setOrganisationStatus,
} from '../../../test/helpers/needs.ts'
import { outboxMails } from '../../../test/helpers/outbox.ts'

describe('pledges: people promise within what remains, the organisation confirms what arrived', () => {
  let t: TestApp
  let w: NeedsWorld
  before(async () => {
    t = await buildTestApp()
    w = await needsWorld(t)
  })
  after(() => t.close())

  async function pledge(
    who: Parameters<NeedsWorld['client']>[0],
    needId: string,
    quantity: string,
    extra = {},
  ) {
    const [point] = await dropPointRows(t, needId)
    return (await w.client(who)).post(`/besoins/${needId}/promesses`, {
      quantity,
      dropPointId: point!.id,
      ...extra,
    })
  }

  it('shows the progress in words and as a progress bar, and takes a pledge', async () => {
    const id = await postNeed(w)
    const res = await pledge(w.stranger, id, '40')
    assert.equal(res.headers.location, `/besoins/${id}?fait=promis`)
    const shown = page((await (await w.client(w.stranger)).get(res.headers.location as string)).body)
    assert.match(shown.text('main'), /Merci ! Votre promesse est enregistrée/)
    assert.match(shown.text('main'), /0 reçus, 40 promis sur 100 repas/)
    assert.match(shown.text('main'), /Il reste 60 repas à promettre/)
    const bar = shown.document.querySelector('progress')!
    assert.equal(bar.getAttribute('max'), '100')
    assert.equal(
      shown.document.getElementById(bar.getAttribute('aria-labelledby')!)?.textContent,
      '0 reçus, 40 promis sur 100 repas',
    )
    assert.equal(shown.link('Besoin de Banque alimentaire du Bessin'), `/organisations/${w.orgId}`)
    assert.equal((await needRow(t, id))?.pledged, 40)
  })

  it('refuses more than remains, naming what remains, and writes nothing', async () => {
    const id = await postNeed(w)
    await pledge(w.stranger, id, '80')
    const res = await pledge(w.member, id, '30')
    assert.equal(res.statusCode, 400)
    assert.deepEqual(page(res.body).errorSummary(), [
      { text: 'Il reste 20 repas à promettre', href: '#quantity' },
    ])
    assert.equal((await needRow(t, id))?.pledged, 80)
    assert.equal((await pledgeRows(t, id)).length, 1)
  })

  it('gives the last units to one of many people pledging at once, never more than asked', async () => {
    const id = await postNeed(w, { quantity: '10' })
    const people = await Promise.all(Array.from({ length: 12 }, () => makeAccount(t, w.calvados)))
    const answers = await Promise.all(people.map((p) => pledge(p, id, '3')))
    const won = answers.filter((r) => r.statusCode === 303).length
    assert.equal(won, 3)
    assert.equal(answers.filter((r) => r.statusCode === 400).length, 9)
    const row = await needRow(t, id)
    assert.equal(row?.pledged, 9)
    assert.equal(
      (await pledgeRows(t, id)).reduce((sum, p) => sum + p.quantity, 0),
      9,
    )
    // The last unit: one of two taking it at once.
    const last = await Promise.all([pledge(w.stranger, id, '1'), pledge(w.member, id, '1')])
    assert.deepEqual(last.map((r) => r.statusCode).sort(), [303, 400])
    assert.equal((await needRow(t, id))?.pledged, 10)
  })

  it('takes more than asked when the organisation allows it', async () => {
    const id = await postNeed(w, { quantity: '10', allowOverPledge: 'oui' })
    assert.equal((await pledge(w.stranger, id, '8')).statusCode, 303)
    assert.equal((await pledge(w.member, id, '8')).statusCode, 303)
    assert.equal((await needRow(t, id))?.pledged, 16)
  })

  it('tells a visitor to sign in and an unconfirmed account to confirm, and refuses their pledge', async () => {
    const id = await postNeed(w)
    assert.match(
      page((await (await w.client(null)).get(`/besoins/${id}`)).body).text('main'),
      /Connectez-vous pour promettre/,
    )
    const unverified = page((await (await w.client(w.unverified)).get(`/besoins/${id}`)).body)
    assert.match(unverified.text('main'), /Confirmez d’abord votre adresse électronique/)
    assert.equal(unverified.field('Quantité que vous apportez'), null)
    const refused = await pledge(w.unverified, id, '5')
    assert.equal(refused.statusCode, 403)
    assert.match(page(refused.body).text('main'), /adresse/i)
    assert.equal((await pledgeRows(t, id)).length, 0)
    assert.equal((await needRow(t, id))?.pledged, 0)
  })

  it('pledges on behalf of one’s organisation only, and tells its managers by mail', async () => {
    const id = await postNeed(w)
    const foreign = await pledge(w.member, id, '5', { organisationId: w.otherOrgId })
    assert.equal(foreign.statusCode, 400)
    assert.deepEqual(
      page(foreign.body)
        .errorSummary()
        .map((e) => e.text),
      ['Choisissez une organisation dont vous êtes membre'],
    )
    assert.equal((await pledge(w.stranger, id, '5', { organisationId: w.otherOrgId })).statusCode, 303)
    const [row] = await pledgeRows(t, id)
    assert.equal(row?.organisationId, w.otherOrgId)
    const [mail] = await outboxMails(t, w.manager.email)
    assert.equal(mail?.subject, 'Nouvelle promesse : Repas pour la distribution du samedi')
    assert.match(mail!.text, /Sam Passant \(Les Jardins de Caen\) promet 5 repas/)
    assert.match(mail!.text, new RegExp(`/besoins/${id}/promesses`))
    const list = page((await (await w.client(w.member)).get(`/besoins/${id}/promesses`)).body)
    assert.match(list.text('main'), /Sam Passant, au nom de Les Jardins de Caen/)
  })

  it('cancels one’s own pledge, giving its quantity back; another person’s is not found', async () => {
    const id = await postNeed(w)
    await pledge(w.stranger, id, '30')
    const [row] = await pledgeRows(t, id)
    const mine = page((await (await w.client(w.stranger)).get('/mes-promesses')).body)
    assert.match(
      mine.text('main'),
      /30 repas pour « Repas pour la distribution du samedi » \(Banque alimentaire du Bessin\)/,
    )
    assert.equal(
      (await (await w.client(w.member)).post(`/mes-promesses/${row!.id}/annuler`, {})).statusCode,
      404,
    )
    const res = await (await w.client(w.stranger)).post(`/mes-promesses/${row!.id}/annuler`, {})
    assert.equal(res.headers.location, '/mes-promesses?fait=annulee')
    assert.equal((await needRow(t, id))?.pledged, 0)
    assert.equal((await pledgeRows(t, id))[0]?.status, 'cancelled')
  })

  it('confirms a partial receipt, gives the rest back, and becomes met once all is received', async () => {
    const id = await postNeed(w, { quantity: '50' })
    await pledge(w.stranger, id, '40')
    await pledge(w.otherManager, id, '10')
    const rows = await pledgeRows(t, id)
    const first = rows.find((p) => p.quantity === 40)
    const second = rows.find((p) => p.quantity === 10)
    const member = await w.client(w.member)
    const list = page((await member.get(`/besoins/${id}/promesses`)).body)
    assert.match(list.text('main'), /Sam Passant/)
    const partial = await member.post(`/promesses/${first!.id}/reception`, { received: '30' })
    assert.equal(partial.headers.location, `/besoins/${id}/promesses?fait=recu`)
    let row = await needRow(t, id)
    assert.deepEqual([row?.received, row?.pledged, row?.status], [30, 40, 'open'])
    const [mail] = await outboxMails(t, w.stranger.email)
    assert.equal(mail?.subject, 'Votre don est bien arrivé : Repas pour la distribution du samedi')
    assert.match(mail!.text, /30 repas reçus/)
    const tooMuch = await member.post(`/promesses/${second!.id}/reception`, { received: '11' })
    assert.equal(tooMuch.statusCode, 400)
    assert.deepEqual(page(tooMuch.body).errorSummary(), [
      { text: 'La quantité ne peut pas dépasser 10', href: '#received' },
    ])
    assert.equal(
      (await member.post(`/promesses/${second!.id}/reception`, { received: '10' })).statusCode,
      303,
    )
    assert.equal((await pledge(w.member, id, '10')).statusCode, 303)
    await member.post(
      `/promesses/${(await pledgeRows(t, id)).find((p) => p.status === 'pledged')!.id}/reception`,
      {},
    )
    row = await needRow(t, id)
    assert.deepEqual([row?.received, row?.pledged, row?.status], [50, 50, 'met'])
    const shown = page((await (await w.client(null)).get(`/besoins/${id}`)).body)
    assert.match(shown.text('main'), /Besoin couvert/)
    assert.match(shown.text('main'), /Ce besoin ne reçoit plus de promesses/)
    const late = await pledge(w.member, id, '1')
    assert.equal(late.statusCode, 400)
    assert.equal((await needRow(t, id))?.pledged, 50)
  })

  it('shows the pledges to the organisation’s people only, lets no one else confirm, and is not found elsewhere', async () => {
    const id = await postNeed(w)
    await pledge(w.member, id, '5')
    const [row] = await pledgeRows(t, id)
    for (const who of [w.otherManager, w.stranger]) {
      const client = await w.client(who)
      assert.equal((await client.get(`/besoins/${id}/promesses`)).statusCode, 404)
      assert.equal((await client.post(`/promesses/${row!.id}/reception`, {})).statusCode, 404)
    }
    // From another territory's platform, the need and its pledges do not exist.
    const manche = await new Client(t, w.manche.hostnames[0]!).signInDirectly(w.mancheManager)
    const [point] = await dropPointRows(t, id)
    assert.equal(
      (await manche.post(`/besoins/${id}/promesses`, { quantity: '1', dropPointId: point!.id })).statusCode,
      404,
    )
    assert.equal((await manche.post(`/mes-promesses/${row!.id}/annuler`, {})).statusCode, 404)
    assert.equal((await pledgeRows(t, id)).length, 1)
    assert.equal((await pledgeRows(t, id))[0]?.status, 'pledged')
    assert.deepEqual([(await needRow(t, id))?.received, (await needRow(t, id))?.pledged], [0, 5])
  })

  it('hides the needs of a suspended organisation from everyone but its people, and takes no pledge', async () => {
    const id = await postNeed(w)
    await setOrganisationStatus(t, w.orgId, 'suspended')
    try {
      assert.equal((await (await w.client(null)).get(`/besoins/${id}`)).statusCode, 404)
      assert.equal((await pledge(w.stranger, id, '1')).statusCode, 404)
      assert.equal((await (await w.client(w.member)).get(`/besoins/${id}`)).statusCode, 200)
      assert.equal((await needRow(t, id))?.pledged, 0)
    } finally {
      await setOrganisationStatus(t, w.orgId, 'verified')
    }
  })
})
