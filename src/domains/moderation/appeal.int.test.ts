import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { page } from '../../../test/helpers/html.ts'
import {
  appealCount,
  appealItems,
  appealRows,
  auditRows,
  makeSanction,
  type SanctionWorld,
  sanctionWorld,
} from '../../../test/helpers/sanctions.ts'

describe('contesting a decision from the mailed link and from the account', () => {
  let t: TestApp
  let w: SanctionWorld
  before(async () => {
    t = await buildTestApp()
    w = await sanctionWorld(t)
  })
  after(() => t.close())
  // Each test starts in a fresh window of the link's rate limit.
  beforeEach(() => t.clock.advance('11 minutes'))

  it('opens the decision from the link without signing in: what, why, in whose words, until when', async () => {
    const person = await w.newPerson()
    const { token } = await makeSanction(t, w.territory, {
      accountId: person.id,
      kind: 'suspend',
      decidedBy: w.judge.id,
    })
    const res = await (await w.client()).get(`/recours/${token}`)
    assert.equal(res.statusCode, 200)
    const p = page(res.body)
    assert.equal(p.h1(), 'La décision de modération vous concernant')
    const main = p.text('main')
    assert.match(main, /Compte suspendu jusqu’au \d+ \w+ \d{4}/)
    assert.match(main, /Demande d’argent ou de paiement/)
    assert.match(main, /Vous avez demandé 20 € pour un service\./)
    assert.match(main, /État : en cours/)
    assert.ok(p.field('Pourquoi contestez-vous cette décision ?'), 'the statement is labelled')
    assert.equal(p.all('h2').includes('Contester cette décision'), true)
    assert.doesNotMatch(main, /Jules Juge/, 'the moderator is not named to the person')
  })

  it('answers an unknown link, or another territory’s, with a plain page and 404', async () => {
    const { id, token } = await makeSanction(t, w.territory, {
      accountId: w.bystander.id,
      kind: 'warn',
      decidedBy: w.judge.id,
    })
    for (const [host, path] of [
      [w.host, '/recours/ceci-n-est-pas-un-jeton-valable-du-tout-0123'],
      [w.host, `/recours/${token.slice(0, -2)}xx`],
      [w.other.hostnames[0]!, `/recours/${token}`],
    ] as const) {
      const res = await t.app.inject({ url: path, headers: { host } })
      assert.equal(res.statusCode, 404, path)
      assert.equal(page(res.body).h1(), 'Ce lien ne permet pas de contester une décision')
    }
    const post = await (await w.client()).post(`/recours/${token}x`, { statement: 'Je conteste.' })
    assert.equal(post.statusCode, 404)
    assert.equal((await appealRows(t, id)).length, 0)
  })

  it('files one appeal, queues it for another moderator, and says what happens next', async () => {
    const person = await w.newPerson()
    const { id, token } = await makeSanction(t, w.territory, {
      accountId: person.id,
      kind: 'suspend',
      decidedBy: w.judge.id,
    })
    const client = await w.client()
    const before = await appealCount(t)
    const empty = await client.post(`/recours/${token}`, { statement: '   ' })
    assert.equal(empty.statusCode, 400)
    assert.deepEqual(page(empty.body).errorSummary(), [
      { text: 'Expliquez pourquoi vous contestez cette décision', href: '#statement' },
    ])
    const long = await client.post(`/recours/${token}`, { statement: 'a'.repeat(2001) })
    assert.equal(long.statusCode, 400)
    assert.match(page(long.body).text('main'), /2000 caractères au plus/)
    assert.equal(page(long.body).field('Pourquoi')?.textContent?.length, 2001, 'the text is kept')
    const forged = await client.post(
      `/recours/${token}`,
      { statement: 'Sans jeton CSRF' },
      { withoutCsrf: true },
    )
    assert.equal(forged.statusCode, 403)
    assert.equal(await appealCount(t), before, 'nothing written')

    const res = await client.post(`/recours/${token}`, {
      statement: 'Je demandais le remboursement des courses,\npas un paiement.',
    })
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, `/recours/${token}`)
    const shown = page((await client.get(`/recours/${token}`)).body)
    assert.match(shown.text('main'), /Votre recours est en cours d’examen\./)
    assert.match(
      shown.text('main'),
      /Un autre modérateur relira la décision ; vous recevrez sa réponse par courriel\./,
    )
    assert.match(shown.text('main'), /pas un paiement/)
    assert.equal(shown.field('Pourquoi'), null, 'no second form')

    const [appeal] = await appealRows(t, id)
    assert.equal(appeal?.status, 'open')
    assert.equal(appeal?.accountId, person.id)
    assert.equal(appeal?.statement, 'Je demandais le remboursement des courses,\npas un paiement.')
    const [item] = await appealItems(t, appeal!.id)
    assert.equal(item?.status, 'open')
    assert.equal(item?.cause, 'appeal')
    assert.equal(item?.priority, 1)
    assert.equal(item?.accountId, person.id)
    const audits = await auditRows(t, 'appeal.filed', appeal!.id)
    assert.equal(audits.length, 1)
    assert.equal(audits[0]!.actorId, person.id)

    // Again, from the same link: already under review, nothing new.
    const again = await client.post(`/recours/${token}`, { statement: 'Une deuxième fois' })
    assert.equal(again.statusCode, 303)
    assert.equal((await appealRows(t, id)).length, 1)
    assert.equal((await appealItems(t, appeal!.id)).length, 1)
    assert.match(page((await client.get(`/recours/${token}`)).body).text('main'), /en cours d’examen/)
  })

  it('lists a signed-in person’s decisions, newest first, and files an appeal per decision', async () => {
    const person = w.person
    const warned = await makeSanction(t, w.territory, {
      accountId: person.id,
      kind: 'warn',
      decidedBy: w.judge.id,
    })
    t.clock.advance('1 hour')
    const rejected = await makeSanction(t, w.territory, {
      accountId: person.id,
      kind: 'reject',
      reason: 'commerce',
      decidedBy: w.judge.id,
    })
    const client = await w.client(person)
    const account = page((await client.get('/compte')).body)
    assert.equal(
      account.link('Décisions de modération me concernant, et mes recours'),
      '/mon-compte/decisions',
    )
    const res = await client.get('/mon-compte/decisions')
    assert.equal(res.statusCode, 200)
    const p = page(res.body)
    assert.equal(p.h1(), 'Décisions de modération')
    const headings = p.all('main h2')
    assert.ok(headings.indexOf('Publication refusée') < headings.indexOf('Avertissement'), 'newest first')
    assert.match(p.text('main'), /Vente ou activité commerciale/)
    assert.match(p.text('main'), /État : décidée/)

    const field = `#statement-${warned.id}`
    const empty = await client.post(`/mon-compte/decisions/${warned.id}/recours`, { statement: '' })
    assert.equal(empty.statusCode, 400)
    assert.deepEqual(page(empty.body).errorSummary(), [
      { text: 'Expliquez pourquoi vous contestez cette décision', href: field },
    ])
    assert.equal((await appealRows(t, warned.id)).length, 0)

    const filed = await client.post(`/mon-compte/decisions/${warned.id}/recours`, {
      statement: 'Je ne demandais rien.',
    })
    assert.equal(filed.statusCode, 303)
    assert.equal(filed.headers.location, '/mon-compte/decisions?fait=recours')
    const after = page((await client.get(filed.headers.location as string)).body)
    assert.match(after.text('.success'), /Un autre modérateur relira la décision/)
    assert.match(after.text('main'), /contestée : votre recours est en cours d’examen/)
    assert.equal(after.document.getElementById(`statement-${warned.id}`), null, 'no second form for it')
    assert.ok(after.document.getElementById(`statement-${rejected.id}`), 'the other can still be contested')
    const again = await client.post(`/mon-compte/decisions/${warned.id}/recours`, { statement: 'Encore' })
    assert.equal(again.headers.location, '/mon-compte/decisions?fait=deja')
    assert.match(
      page((await client.get('/mon-compte/decisions?fait=deja')).body).text('.success'),
      /déjà contestée/,
    )
    assert.equal((await appealRows(t, warned.id)).length, 1)
  })

  it('keeps a person’s decisions from everyone else: not listed, not contestable (404)', async () => {
    const { id } = await makeSanction(t, w.territory, {
      accountId: w.person.id,
      kind: 'warn',
      decidedBy: w.judge.id,
    })
    const bystander = await w.client(await w.newPerson('Bernard Voisin'))
    assert.doesNotMatch(
      page((await bystander.get('/mon-compte/decisions')).body).text('main'),
      /Avertissement/,
    )
    const res = await bystander.post(`/mon-compte/decisions/${id}/recours`, {
      statement: 'Je conteste pour elle',
    })
    assert.equal(res.statusCode, 404)
    const foreign = await w.client(w.foreignModerator)
    assert.equal(
      (await foreign.post(`/mon-compte/decisions/${id}/recours`, { statement: 'x' })).statusCode,
      404,
    )
    const visitor = await w.client()
    const anonymous = await visitor.post(`/mon-compte/decisions/${id}/recours`, { statement: 'x' })
    assert.equal(anonymous.statusCode, 401)
    const list = await visitor.get('/mon-compte/decisions')
    assert.match(String(list.headers.location), /^\/connexion/, 'a visitor is sent to sign in')
    assert.equal((await appealRows(t, id)).length, 0)
    const none = page((await (await w.client(w.reviewer)).get('/mon-compte/decisions')).body)
    assert.match(none.text('main'), /Aucune décision de modération ne vous concerne/)
  })

  it('limits how often one address opens appeal links', async () => {
    const { token } = await makeSanction(t, w.territory, {
      accountId: w.bystander.id,
      kind: 'warn',
      decidedBy: w.judge.id,
    })
    const statuses: number[] = []
    for (let i = 0; i < 32; i++) {
      const res = await t.app.inject({
        url: `/recours/${token}`,
        headers: { host: w.host },
        remoteAddress: '10.1.2.3',
      })
      statuses.push(res.statusCode)
    }
    assert.equal(statuses.filter((s) => s === 200).length, 30)
    assert.equal(statuses.at(-1), 429)
    const other = await t.app.inject({
      url: `/recours/${token}`,
      headers: { host: w.host },
      remoteAddress: '10.1.2.4',
    })
    assert.equal(other.statusCode, 200, 'another address is not held back')
  })
})
