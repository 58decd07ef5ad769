import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import {
  auditRows,
  type CallsWorld,
  callsWorld,
  caseRows,
  entryRows,
  registrationRow,
} from '../../../test/helpers/calls.ts'
import { page } from '../../../test/helpers/html.ts'
import { outboxMails } from '../../../test/helpers/outbox.ts'
import { CampaignService } from './campaign.service.ts'
import { startCallCampaign } from './index.ts'

describe('call campaigns: the shared queue, leases, retries, progress', () => {
  let t: TestApp
  let w: CallsWorld
  const people: { id: string; personId: string }[] = []
  before(async () => {
    t = await buildTestApp()
    w = await callsWorld(t)
    for (const [i, commune] of ['Caen', 'Caen', 'Bayeux', 'Caen', 'Bayeux', 'Caen'].entries())
      people.push(await w.registerByAgent({ firstName: `Personne${'abcdef'[i]}`, commune }))
  })
  after(() => t.close())

  const start = async (form: Record<string, string>) => {
    const res = await w.clients.coordinator.post('/administration/appels/campagnes', form)
    assert.equal(res.statusCode, 303, res.body.slice(0, 200))
    return (res.headers.location as string).split('/')[3]!.split('?')[0]!
  }
  const base = (id: string) => `/appels-de-convivialite/campagnes/${id}`
  const next = async (who: 'karim' | 'lea', id: string) => {
    const res = await w.clients[who].post(`${base(id)}/suivante`, {})
    assert.equal(res.statusCode, 303)
    const location = res.headers.location as string
    return location.includes('/appels/') ? location.split('/appels/')[1]! : null
  }
  const outcome = (who: 'karim' | 'lea', id: string, entry: string, value: string, note = '') =>
    w.clients[who].post(`${base(id)}/appels/${entry}`, { outcome: value, note })

  it('starts over one commune, the queue written with the campaign; only coordinators may', async () => {
    for (const who of ['resident', 'karim', 'agent'] as const) {
      const res = await w.clients[who].post('/administration/appels/campagnes', {
        title: 'X',
        reason: 'canicule',
      })
      assert.equal(res.statusCode, 403, who)
    }
    const id = await start({ title: 'Canicule à Bayeux', reason: 'canicule', commune: 'Bayeux' })
    assert.equal((await entryRows(t, id)).length, 2)
    assert.equal((await auditRows(t, 'calls.campaign-started', id)).length, 1)
    const view = await w.clients.coordinator.get(base(id))
    assert.equal(view.statusCode, 200)
    const p = page(view.body)
    assert.equal(p.h1(), 'Canicule à Bayeux')
    assert.match(p.text('[data-campaign-figures]'), /0 personnes appelées sur 2/)
    assert.equal(p.document.querySelector('[data-campaign-figures]')?.getAttribute('aria-live'), 'polite')
    assert.ok(p.link('Actualiser les chiffres'))
    for (const who of ['resident', 'unverified', 'foreign'] as const)
      assert.ok([403, 404].includes((await w.clients[who].get(base(id))).statusCode), who)
  })

  it('gives two callers claiming at the same instant two different people, round after round', async () => {
    const id = await start({ title: 'Tempête', reason: 'tempete', commune: '' })
    const campaigns = new CampaignService(t.app.services)
    const actor = (a: typeof w.accounts.karim) => ({
      accountId: a.id,
      displayName: a.displayName,
      email: a.email,
      verified: true,
      status: 'active' as const,
      locale: 'fr' as const,
      easyRead: false,
      roles: [],
      secondFactor: false,
      hasTotp: false,
      via: { kind: 'session' as const, idHash: 'x' },
    })
    const seen = new Set<string>()
    for (let round = 0; round < 3; round++) {
      const [a, b] = await Promise.all([
        campaigns.next(actor(w.accounts.karim), w.territory, id),
        campaigns.next(actor(w.accounts.lea), w.territory, id),
      ])
      assert.ok(a && b)
      assert.notEqual(a.registrationId, b.registrationId, `round ${round}`)
      assert.ok(!seen.has(a.registrationId) && !seen.has(b.registrationId), 'nobody handed out twice')
      seen.add(a.registrationId)
      seen.add(b.registrationId)
      await Promise.all([
        campaigns.outcome(actor(w.accounts.karim), w.territory, id, a.id, { outcome: 'ok' }),
        campaigns.outcome(actor(w.accounts.lea), w.territory, id, b.id, { outcome: 'ok' }),
      ])
    }
    assert.equal(seen.size, 6)
    assert.equal(await campaigns.next(actor(w.accounts.karim), w.territory, id), null)
    const rows = await entryRows(t, id)
    assert.ok(rows.every((e) => e.status === 'reached' && e.attempts === 1))
  })

  it('shows the person’s phone to the caller holding them, audited, and returns them when the lease runs out', async () => {
    const id = await start({ title: 'Grand froid', reason: 'grand-froid', commune: 'Bayeux' })
    const entry = (await next('karim', id))!
    const card = await w.clients.karim.get(`${base(id)}/appels/${entry}`)
    assert.equal(card.statusCode, 200)
    const p = page(card.body)
    assert.match(p.h1(), /^Appeler Personne[ce] Lefèvre$/)
    assert.equal(p.link('02 61 91 10 01'), 'tel:+33261911001')
    const held = (await entryRows(t, id)).find((e) => e.id === entry)!
    const audits = await auditRows(
      t,
      'calls.phone-revealed',
      (await registrationRow(t, held.registrationId)).personId,
    )
    assert.ok(audits.some((a) => a.details.why === 'campagne' && a.details.campaignId === id))
    // Léa cannot open Karim's person, nor log for them.
    assert.equal((await w.clients.lea.get(`${base(id)}/appels/${entry}`)).statusCode, 404)
    assert.equal((await outcome('lea', id, entry, 'ok')).statusCode, 303)
    assert.equal((await entryRows(t, id)).find((e) => e.id === entry)!.status, 'claimed')
    // « Personne suivante » again gives Karim the same person while he holds them.
    assert.equal(await next('karim', id), entry)
    const other = (await next('lea', id))!
    assert.notEqual(other, entry)
    await outcome('lea', id, other, 'ok')
    assert.equal(await next('lea', id), null, 'the only one left is held')
    t.clock.advance('16 minutes')
    await w.signInAgain()
    assert.equal(await next('lea', id), entry, 'the lease ran out: back in the queue')
    const late = await outcome('karim', id, entry, 'ok')
    assert.match(late.headers.location as string, /fait=reprise_autre/)
    assert.equal((await entryRows(t, id)).find((e) => e.id === entry)!.claimedBy, w.accounts.lea.id)
    assert.equal((await outcome('lea', id, entry, 'ok')).statusCode, 303)
    const rows = await entryRows(t, id)
    assert.deepEqual(
      rows.map((r) => [r.status, r.attempts]),
      [
        ['reached', 1],
        ['reached', 1],
      ],
    )
  })

  it('retries an unanswered person after 30 minutes, and after the last attempt hands them to the agents', async () => {
    const id = await start({ title: 'Épidémie', reason: 'epidemie', commune: 'Bayeux' })
    const entries = await entryRows(t, id)
    const reachOther = async (entry: string) => {
      const e = entries.find((x) => x.id !== entry)!
      return e.id
    }
    const first = (await next('karim', id))!
    const otherId = await reachOther(first)
    const res = await outcome('karim', id, first, 'no-answer')
    assert.match(res.headers.location as string, /fait=waiting/)
    // The other person comes next; the unanswered one waits for its time.
    assert.equal(await next('karim', id), otherId)
    await outcome('karim', id, otherId, 'concern', 'Elle ne va pas bien')
    assert.equal(await next('karim', id), null)
    const view = page((await w.clients.karim.get(base(id))).body)
    assert.match(view.text('main'), /seront à rappeler à partir du/)
    for (let attempt = 2; attempt <= 3; attempt++) {
      t.clock.advance('31 minutes')
      await w.signInAgain()
      assert.equal(await next('karim', id), first, `attempt ${attempt}`)
      await outcome('karim', id, first, 'no-answer')
    }
    const rows = await entryRows(t, id)
    const unreachable = rows.find((r) => r.id === first)!
    assert.equal(unreachable.status, 'unreachable')
    assert.equal(unreachable.attempts, 3)
    const registration = await registrationRow(t, unreachable.registrationId)
    const cases = await caseRows(t, registration.personId)
    assert.ok(
      cases.some((c) => c.origin === 'unanswered' && /3 appels de suite sans réponse/.test(c.summary)),
    )
    const mails = await outboxMails(t, w.accounts.agent.email)
    assert.ok(mails.some((m) => /ne répond plus/.test(m.text)))
    assert.ok(mails.some((m) => /s’inquiète/.test(m.text)))
    const figures = page((await w.clients.coordinator.get(base(id))).body).text('[data-campaign-figures]')
    assert.match(figures, /2 personnes appelées sur 2/)
    assert.match(figures, /Inquiétudes\s*1/)
    assert.match(figures, /Injoignables \(agents prévenus\)\s*1/)
  })

  it('lets a coordinator finish a campaign; callers can then take nobody', async () => {
    const id = await start({ title: 'Inondation', reason: 'inondation', commune: '' })
    assert.equal(
      (await w.clients.karim.post(`/administration/appels/campagnes/${id}/terminer`, {})).statusCode,
      403,
    )
    assert.equal(
      (await w.clients.foreign.post(`/administration/appels/campagnes/${id}/terminer`, {})).statusCode,
      404,
    )
    const res = await w.clients.coordinator.post(`/administration/appels/campagnes/${id}/terminer`, {})
    assert.equal(res.statusCode, 303)
    assert.match(
      page((await w.clients.coordinator.get(res.headers.location as string)).body).text('main'),
      /Terminée/,
    )
    assert.equal((await w.clients.karim.post(`${base(id)}/suivante`, {})).statusCode, 409)
    assert.equal((await auditRows(t, 'calls.campaign-ended', id)).length, 1)
  })

  it('is started by crisis mode through startCallCampaign, with the same checks', async () => {
    const coordinator = {
      accountId: w.accounts.coordinator.id,
      displayName: 'Coralie',
      email: w.accounts.coordinator.email,
      verified: true,
      status: 'active' as const,
      locale: 'fr' as const,
      easyRead: false,
      roles: ['coordinator' as const],
      secondFactor: true,
      hasTotp: true,
      via: { kind: 'session' as const, idHash: 'x' },
    }
    const started = await startCallCampaign(t.app.services, coordinator, w.territory, {
      title: 'Canicule – plan départemental',
      reason: 'canicule',
      communeInsee: null,
    })
    assert.equal(started.people, 6)
    assert.equal((await entryRows(t, started.id)).length, 6)
    await assert.rejects(
      startCallCampaign(t.app.services, { ...coordinator, roles: [] }, w.territory, {
        title: 'x',
        reason: 'canicule',
        communeInsee: null,
      }),
    )
  })
})
