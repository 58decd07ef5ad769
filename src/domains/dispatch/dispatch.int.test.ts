import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { changeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
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
import { changeListing, makeListing } from '../../../test/helpers/listings.ts'
import { sweepProposals } from './dispatch.jobs.ts'

/** The asks nobody answered, one ask's suggestions, proposals and the volunteer's answers. */
describe('dispatch: asks without answer, suggestions and proposals', () => {
  let t: TestApp
  let w: DispatchWorld
  before(async () => {
    t = await buildTestApp()
    w = await dispatchWorld(t)
  })
  after(() => t.close())

  // Published three days ago: past the list's delay.
  const ask = (title: string, overrides: Parameters<typeof makeListing>[3] = {}) =>
    makeListing(t, w.calvados, w.author, {
      title,
      categoryId: w.groceries.id,
      publishedAt: new Date(t.clock.now().getTime() - 72 * 3_600_000),
      ...overrides,
    })
  const propose = async (listingId: string, volunteers: string[]) =>
    (await w.staff(w.coordinator)).post(`${LIST}/${listingId}/propositions`, { volunteers })

  it('refuses the staff pages to residents, moderators and agents, and another territory’s coordinator sees nothing', async () => {
    const listing = await ask('Pour les refus')
    for (const client of [await w.resident(w.author), await w.staff(w.moderator), await w.staff(w.agent)]) {
      assert.equal((await client.get(LIST)).statusCode, 403)
      assert.equal((await client.get(`${LIST}/${listing.id}`)).statusCode, 403)
      assert.equal(
        (await client.post(`${LIST}/${listing.id}/propositions`, { volunteers: [w.amina.id] })).statusCode,
        403,
      )
      assert.equal((await client.post(`${LIST}/repartition`, {})).statusCode, 403)
    }
    const manche = await w.staff(w.mancheCoordinator, w.manche.hostnames[0]!)
    assert.equal((await manche.get(`${LIST}/${listing.id}`)).statusCode, 404)
  })

  it('lists asks after the delay and relayed asks at once, urgent first, then oldest, with filters', async () => {
    const old = await ask('Ancienne', { publishedAt: t.clock.now() })
    t.clock.advance('24 hours')
    const urgent = await ask('Urgente', { urgency: 'today', publishedAt: t.clock.now() })
    const relayed = await ask('Par téléphone', { relayed: true, publishedAt: t.clock.now() })
    const fresh = await ask('Toute fraîche', { publishedAt: t.clock.now() })
    t.clock.advance('25 hours')
    const coordinator = await w.staff(w.coordinator)
    const p = page((await coordinator.get(LIST)).body)
    assert.equal(p.h1(), 'Demandes sans réponse')
    const titles = p.all('tbody th[scope=row] a')
    assert.ok(titles.indexOf('Urgente') < titles.indexOf('Ancienne'), 'urgent first')
    assert.ok(titles.indexOf('Ancienne') < titles.indexOf('Par téléphone'), 'then the oldest')
    assert.ok(!titles.includes('Toute fraîche'), 'not before the delay')
    assert.ok(titles.includes('Par téléphone'), 'a relayed ask at once')
    const row = [...p.document.querySelectorAll('tbody tr')].find((r) => r.textContent?.includes('Ancienne'))!
    assert.deepEqual(
      [...row.querySelectorAll('td')].map((c) => c.textContent?.trim()),
      ['Courses de première nécessité et médicaments', 'Caen', '2 j', 'aucune'],
    )
    const filtered = page((await coordinator.get(`${LIST}?categorie=${w.childcare.id}`)).body)
    assert.equal(filtered.all('tbody th[scope=row] a').length, 0)
    assert.match(filtered.text('main'), /Aucune demande n’attend/)
    const byCommune = page((await coordinator.get(`${LIST}?commune=14047`)).body)
    assert.equal(byCommune.all('tbody th[scope=row] a').length, 0)
    for (const l of [old, urgent, relayed, fresh])
      await changeListing(
        t.db.db,
        { territoryId: w.calvados.id, id: l.id, statuses: ['published'] },
        { status: 'closed' },
      )
  })

  it('ranks volunteers with why in words, and leaves out those who cannot receive it', async () => {
    const tuesday = new Date('2026-03-17T08:00:00Z')
    const listing = await ask('Courses mardi', { whenKind: 'date', whenStart: tuesday })
    const p = page((await (await w.staff(w.coordinator)).get(`${LIST}/${listing.id}`)).body)
    const names = p.all('ol.suggestions li strong')
    assert.deepEqual(names, ['Amina', 'Céline', 'Bruno'])
    const why = p.all('ol.suggestions li p.why')
    assert.match(
      why[0]!,
      /^\d+ km · aide en « Courses de première nécessité et médicaments » · libre mardi matin · aucun échange en cours/,
    )
    assert.match(why[2]!, /^0 km · aucun échange en cours · aucune proposition reçue/)
    for (const absent of ['Olivier', 'Sylvain', 'Ursule', 'Fabien', 'Odette'])
      assert.ok(!p.text('main').includes(absent), `${absent} is not suggested`)
    assert.doesNotMatch(p.text('main'), /@exemple\.test/)
  })

  it('suggests only verified volunteers for a category that needs it', async () => {
    const listing = await ask('Garder Léo', { categoryId: w.childcare.id })
    const names = page((await (await w.staff(w.coordinator)).get(`${LIST}/${listing.id}`)).body).all(
      'ol.suggestions li strong',
    )
    assert.deepEqual(names, ['Céline'])
  })

  it('proposes, tells the volunteers by job, and the first to accept gets the response; the others are thanked', async () => {
    const listing = await ask('Courses à trois')
    const res = await propose(listing.id, [w.amina.id, w.bruno.id, w.celine.id])
    assert.equal(res.statusCode, 303)
    const back = page((await (await w.staff(w.coordinator)).get(res.headers.location as string)).body)
    assert.match(back.text('main'), /La demande est proposée à 3 bénévoles/)
    assert.equal((await proposalRows(t, listing.id)).length, 3)
    assert.equal((await auditOf(t, 'dispatch.proposed')).filter((a) => a.targetId === listing.id).length, 1)
    await t.app.services.worker.runDue()
    const told = await notificationsOf(t, w.amina.id, 'dispatch.proposed')
    const proposalOf = async (id: string) =>
      (await proposalRows(t, listing.id)).find((p) => p.volunteerId === id)!
    const mine = await proposalOf(w.amina.id)
    assert.ok(told.some((n) => n.link === `/mes-propositions/${mine.id}`))
    const list = page((await (await w.staff(w.coordinator)).get(LIST)).body)
    const row = [...list.document.querySelectorAll('tbody tr')].find((r) =>
      r.textContent?.includes('Courses à trois'),
    )!
    assert.match(row.textContent ?? '', /proposée à 3 bénévoles/)

    const amina = await w.resident(w.amina)
    const view = page((await amina.get(`/mes-propositions/${mine.id}`)).body)
    assert.match(view.h1(), /Courses à trois/)
    for (const other of ['Bruno', 'Céline', 'odette@exemple.test'])
      assert.ok(!view.text('body').includes(other))
    const accepted = await amina.post(`/mes-propositions/${mine.id}/accepter`, { message: '' })
    assert.equal(accepted.statusCode, 303, accepted.body.slice(0, 2000))
    assert.match(
      page((await amina.get(accepted.headers.location as string)).body).text('main'),
      /Merci ! Votre réponse est envoyée/,
    )
    const [match] = await matchesOf(t, listing.id)
    assert.equal(match?.responderId, w.amina.id)
    assert.equal(match?.status, 'pending', 'the author confirms as usual')
    assert.equal((await proposalOf(w.bruno.id)).status, 'taken')
    assert.equal((await notificationsOf(t, w.bruno.id, 'dispatch.taken')).length, 1)
    const bruno = await w.resident(w.bruno)
    const late = await bruno.post(`/mes-propositions/${(await proposalOf(w.bruno.id)).id}/accepter`, {
      message: 'Moi !',
    })
    assert.equal(late.statusCode, 409)
    assert.match(page(late.body).text('main'), /Une autre personne s’est proposée, merci/)
    assert.ok(
      !page((await (await w.staff(w.coordinator)).get(LIST)).body)
        .all('tbody a')
        .includes('Courses à trois'),
    )
  })

  it('lets exactly one of two volunteers accepting at once win', async () => {
    const listing = await ask('Courses disputées')
    await propose(listing.id, [w.amina.id, w.celine.id])
    const rows = await proposalRows(t, listing.id)
    const clients = await Promise.all([w.resident(w.amina), w.resident(w.celine)])
    const answers = await Promise.all(
      clients.map((c, i) => {
        const proposal = rows.find((r) => r.volunteerId === [w.amina.id, w.celine.id][i])!
        return c.post(`/mes-propositions/${proposal.id}/accepter`, { message: 'Je peux.' })
      }),
    )
    assert.deepEqual(answers.map((a) => a.statusCode).sort(), [303, 409])
    assert.equal((await matchesOf(t, listing.id)).length, 1)
    const statuses = (await proposalRows(t, listing.id)).map((r) => r.status).sort()
    assert.deepEqual(statuses, ['accepted', 'taken'])
  })

  it('keeps a declined or expired ask in the list, and withdraws proposals of a closed ask', async () => {
    const listing = await ask('Courses refusées')
    await propose(listing.id, [w.amina.id, w.bruno.id])
    const rows = await proposalRows(t, listing.id)
    const amina = await w.resident(w.amina)
    const declined = await amina.post(
      `/mes-propositions/${rows.find((r) => r.volunteerId === w.amina.id)!.id}/refuser`,
      {},
    )
    assert.equal(declined.statusCode, 303)
    t.clock.advance('49 hours')
    await sweepProposals(t.app.services)
    const after = await proposalRows(t, listing.id)
    assert.deepEqual(after.map((r) => r.status).sort(), ['declined', 'expired'])
    assert.ok(after.find((r) => r.status === 'declined')!.answeredAt, 'a decline records its time')
    const list = page((await (await w.staff(w.coordinator)).get(LIST)).body)
    assert.ok(list.all('tbody a').includes('Courses refusées'), 'the ask is back')

    await propose(listing.id, [w.celine.id])
    await changeListing(
      t.db.db,
      { territoryId: w.calvados.id, id: listing.id, statuses: ['published'] },
      { status: 'closed' },
    )
    await sweepProposals(t.app.services)
    assert.equal(
      (await proposalRows(t, listing.id)).find((r) => r.volunteerId === w.celine.id)?.status,
      'withdrawn',
    )
  })

  it('sends nothing to someone who opted out, at proposing and again at the job', async () => {
    const listing = await ask('Courses sans Olivier')
    const refused = await propose(listing.id, [w.optedOut.id])
    assert.equal(refused.statusCode, 400)
    assert.match(page(refused.body).text('.error-summary'), /ne peut plus recevoir de proposition/)
    await propose(listing.id, [w.bruno.id])
    await changeAccount(t.db.db, w.bruno.id, { acceptsProposals: false })
    await t.app.services.worker.runDue()
    assert.equal(
      (await notificationsOf(t, w.bruno.id, 'dispatch.proposed')).filter(
        (n) => n.params.title === 'Courses sans Olivier',
      ).length,
      0,
    )
    assert.equal((await proposalRows(t, listing.id))[0]?.status, 'withdrawn')
    await changeAccount(t.db.db, w.bruno.id, { acceptsProposals: true })
  })

  it('shows a volunteer only their own proposals: another’s or another territory’s is a 404', async () => {
    const listing = await ask('Courses privées')
    await propose(listing.id, [w.amina.id])
    const [proposal] = await proposalRows(t, listing.id)
    const bruno = await w.resident(w.bruno)
    assert.equal((await bruno.get(`/mes-propositions/${proposal!.id}`)).statusCode, 404)
    assert.equal(
      (await bruno.post(`/mes-propositions/${proposal!.id}/accepter`, { message: '' })).statusCode,
      404,
    )
    assert.ok(
      !page((await bruno.get('/mes-propositions')).body)
        .text('main')
        .includes('Courses privées'),
    )
    const amina = await w.resident(w.amina)
    assert.ok(
      page((await amina.get('/mes-propositions')).body)
        .all('main li a')
        .includes('Courses privées'),
    )
    assert.equal(
      (await amina.post(`/mes-propositions/${proposal!.id}/refuser`, {}, { withoutCsrf: true })).statusCode,
      403,
    )
  })

  it('saves the delay between 1 and 720 hours, audited, and refuses anything else in French', async () => {
    const coordinator = await w.staff(w.coordinator)
    for (const bad of ['0', '721', '2,5', 'douze', '', '-3'])
      assert.equal((await coordinator.post(`${LIST}/delai`, { delay: bad })).statusCode, 400, bad)
    const refused = page((await coordinator.post(`${LIST}/delai`, { delay: '0' })).body)
    assert.deepEqual(refused.errorSummary(), [
      { text: 'Indiquez un nombre d’heures entier entre 1 et 720', href: '#delay' },
    ])
    const saved = await coordinator.post(`${LIST}/delai`, { delay: '72' })
    assert.equal(saved.statusCode, 303)
    assert.match(
      page((await coordinator.get(saved.headers.location as string)).body).text('main'),
      /plus de 72 h/,
    )
    assert.equal((await auditOf(t, 'dispatch.settings-changed')).at(-1)?.details.to, 72)
    await coordinator.post(`${LIST}/delai`, { delay: '48' })
  })
})
