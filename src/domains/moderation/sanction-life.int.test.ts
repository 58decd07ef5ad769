import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import type { TestApp } from '../../../test/helpers/app.ts'
import { page } from '../../../test/helpers/html.ts'
import { makeListing } from '../../../test/helpers/listings.ts'
import {
  auditRows,
  makeSanction,
  type SanctionRun,
  type SanctionWorld,
  sanctionRow,
  startSanctionRun,
} from '../../../test/helpers/sanctions.ts'
import { SUSPENSIONS_END_JOB } from './sanction-life.jobs.ts'
import { endDueSuspensions } from './sanction-life.service.ts'

describe('the life of a sanction: signing in while suspended, the mail again, the end of a suspension', () => {
  let t: TestApp
  let w: SanctionWorld
  let run: SanctionRun
  before(async () => {
    run = await startSanctionRun()
    ;({ t, w } = run)
  })
  after(() => run.close())
  beforeEach(() => t.clock.advance('2 hours'))
  const signIn = async (email: string, password: string) =>
    (await w.client()).post('/connexion', { email, password })

  it('tells a suspended person with the right password until when, why, and to look in their mail', async () => {
    const person = await w.newPerson()
    await makeSanction(t, w.territory, { accountId: person.id, kind: 'suspend', decidedBy: w.judge.id })
    const res = await signIn(person.email, person.password)
    assert.equal(res.statusCode, 403)
    assert.ok(!res.cookies.some((c) => c.name === 'session' && c.value), 'not signed in')
    const p = page(res.body)
    assert.equal(p.h1(), 'Votre compte est suspendu')
    assert.match(p.text('main'), /La modération a suspendu votre compte jusqu’au \d+ \w+ \d{4} à \d\d:\d\d\./)
    assert.match(p.text('main'), /Motif : Demande d’argent ou de paiement\./)
    assert.match(
      p.text('main'),
      /Le courriel que vous avez reçu .* explique pourquoi, et comment la contester/,
    )
    assert.ok(p.all('button').includes('M’envoyer à nouveau le courriel'))

    // A wrong password on the same account hears what an unknown address hears.
    const wrong = await signIn(person.email, 'pas le bon mot de passe du tout')
    const unknown = await signIn('personne.inconnue@exemple.test', person.password)
    assert.equal(wrong.statusCode, 400)
    assert.equal(unknown.statusCode, 400)
    const said = (body: string, email: string) => page(body).text('main').replace(email, '…')
    assert.equal(said(wrong.body, person.email), said(unknown.body, 'personne.inconnue@exemple.test'))
    assert.doesNotMatch(wrong.body, /suspendu/)

    const banned = await w.newPerson()
    await makeSanction(t, w.territory, { accountId: banned.id, kind: 'ban', decidedBy: w.judge.id })
    const ban = page((await signIn(banned.email, banned.password)).body)
    assert.match(ban.text('main'), /La modération a fermé votre compte définitivement\./)
  })

  it('mails the decision again with a new link that replaces the old one, a few times an hour at most', async () => {
    const person = await w.newPerson()
    const { id, token } = await makeSanction(t, w.territory, {
      accountId: person.id,
      kind: 'suspend',
      decidedBy: w.judge.id,
    })
    const client = await w.client()
    const login = page(
      (await client.post('/connexion', { email: person.email, password: person.password })).body,
    )
    const sealed = login.document.querySelector('input[name=decision]')?.getAttribute('value') ?? ''
    assert.ok(sealed.length > 20)
    assert.doesNotMatch(sealed, new RegExp(id), 'the sanction is sealed, not named')

    const res = await client.post('/recours/renvoyer', { decision: sealed })
    assert.equal(res.statusCode, 200)
    assert.equal(page(res.body).h1(), 'Courriel envoyé à nouveau')
    const [mail] = await run.mailsTo(person.email)
    assert.equal(mail?.subject, 'La décision de modération vous concernant')
    assert.match(mail!.text, /Compte suspendu jusqu’au/)
    assert.match(mail!.text, /Motif : Demande d’argent ou de paiement\./)
    assert.match(mail!.text, /Vous avez demandé 20 € pour un service\./)
    const link = /https?:\/\/\S+\/recours\/([\w-]+)/.exec(mail!.text)
    assert.ok(link, 'the mail carries the appeal link')
    const fresh = link[1]!
    assert.notEqual(fresh, token)
    assert.equal((await client.get(`/recours/${token}`)).statusCode, 404, 'the old link is replaced')
    assert.equal((await client.get(`/recours/${fresh}`)).statusCode, 200)

    const tampered = await client.post('/recours/renvoyer', { decision: `${sealed.slice(0, -3)}abc` })
    assert.equal(tampered.statusCode, 400)
    assert.equal(page(tampered.body).h1(), 'Cette page a expiré')
    const forged = await client.post('/recours/renvoyer', { decision: sealed }, { withoutCsrf: true })
    assert.equal(forged.statusCode, 403)
    const statuses = []
    for (let i = 0; i < 3; i++)
      statuses.push((await client.post('/recours/renvoyer', { decision: sealed })).statusCode)
    assert.deepEqual(statuses, [200, 200, 429])
    assert.equal((await run.mailsTo(person.email)).length, 3)
    t.clock.advance('61 minutes')
    const expired = await client.post('/recours/renvoyer', { decision: sealed })
    assert.equal(expired.statusCode, 400, 'the sealed form lasts an hour')
    assert.ok((await sanctionRow(t, id))?.appealTokenHash)
  })

  it('ends suspensions whose time is up: account and listings back, the person told, once', async () => {
    const person = await w.newPerson()
    const listing = await makeListing(t, w.territory, person)
    const { id } = await makeSanction(t, w.territory, {
      accountId: person.id,
      kind: 'suspend',
      decidedBy: w.judge.id,
    })
    const banned = await w.newPerson()
    await makeSanction(t, w.territory, { accountId: banned.id, kind: 'ban', decidedBy: w.judge.id })
    assert.equal(await endDueSuspensions(t.app.services), 0, 'nothing is due yet')
    assert.equal(await run.accountStatus(person.id), 'suspended')

    t.clock.advance('7 days')
    t.clock.advance('1 minute')
    // The recurring job, as the worker runs it.
    await t.app.services.jobs.enqueue(SUSPENSIONS_END_JOB, {})
    await t.app.services.worker.runDue()
    const lifted = await sanctionRow(t, id)
    assert.ok(lifted?.liftedAt)
    assert.equal(lifted?.liftedBy, null)
    assert.equal(await run.accountStatus(person.id), 'active')
    assert.equal(await run.listingStatus(listing.id), 'published')
    assert.equal(await run.accountStatus(banned.id), 'suspended', 'a ban has no end')
    const audits = await auditRows(t, 'sanction.lifted', person.id)
    assert.equal(audits.length, 1)
    assert.equal(audits[0]!.actorId, null)
    const mails = await run.mailsTo(person.email)
    assert.equal(mails.length, 1)
    assert.equal(mails[0]!.subject, 'Votre suspension est terminée')
    assert.match(mails[0]!.text, /vous pouvez vous connecter à nouveau/)
    assert.match(mails[0]!.text, /\/connexion/)

    assert.equal(await endDueSuspensions(t.app.services), 0, 'a second run finds nothing')
    assert.equal((await run.mailsTo(person.email)).length, 1)
    assert.equal((await auditRows(t, 'sanction.lifted', person.id)).length, 1)
    assert.equal((await signIn(person.email, person.password)).statusCode, 303)
  })

  it('lets a person sign in once the suspension is over, before the job has run', async () => {
    const person = await w.newPerson()
    const listing = await makeListing(t, w.territory, person)
    const { id } = await makeSanction(t, w.territory, {
      accountId: person.id,
      kind: 'suspend',
      decidedBy: w.judge.id,
      endsAt: new Date(t.clock.now().getTime() + 3_600_000),
    })
    assert.equal((await signIn(person.email, person.password)).statusCode, 403)
    t.clock.advance('61 minutes')
    const res = await signIn(person.email, person.password)
    assert.equal(res.statusCode, 303)
    assert.ok(res.cookies.some((c) => c.name === 'session' && c.value))
    assert.ok((await sanctionRow(t, id))?.liftedAt)
    assert.equal(await run.accountStatus(person.id), 'active')
    assert.equal(await run.listingStatus(listing.id), 'published')
    assert.equal((await auditRows(t, 'sanction.lifted', person.id)).length, 1)
    assert.equal(await endDueSuspensions(t.app.services), 0)
  })

  it('keeps an account suspended while another suspension still holds', async () => {
    const person = await w.newPerson()
    await makeSanction(t, w.territory, {
      accountId: person.id,
      kind: 'suspend',
      decidedBy: w.judge.id,
      endsAt: new Date(t.clock.now().getTime() + 3_600_000),
    })
    await makeSanction(t, w.other, {
      accountId: person.id,
      kind: 'suspend',
      decidedBy: w.foreignModerator.id,
      endsAt: new Date(t.clock.now().getTime() + 30 * 86_400_000),
    })
    t.clock.advance('61 minutes')
    await endDueSuspensions(t.app.services)
    assert.equal(await run.accountStatus(person.id), 'suspended')
    const res = await signIn(person.email, person.password)
    assert.equal(res.statusCode, 403)
    assert.match(page(res.body).text('main'), /jusqu’au/)
  })
})
