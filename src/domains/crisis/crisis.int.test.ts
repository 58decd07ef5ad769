import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { makeActor } from '../../../test/helpers/actors.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { campaignRow, entryRows, registerForCalls, settleEntries } from '../../../test/helpers/calls.ts'
import { auditActions, type CrisisWorld, crisisWorld, periodsOf } from '../../../test/helpers/crisis.ts'
import { page } from '../../../test/helpers/html.ts'
import { makeListing } from '../../../test/helpers/listings.ts'
import { startCallCampaign } from '../calls/index.ts'
import { listCategories, setCategoriesActive } from '../categories/index.ts'
import { CrisisService } from './crisis.service.ts'

const CANICULE = /Canicule : prenez des nouvelles de vos voisins âgés/

/** An administrator switches a crisis on and off; everyone sees what it changes. */
describe('crisis mode: the switch, the banner, the crisis categories and the history', () => {
  let t: TestApp
  let w: CrisisWorld
  before(async () => {
    t = await buildTestApp()
    w = await crisisWorld(t)
  })
  after(() => t.close())

  const active = async (slug: string) =>
    (await listCategories(t.db.db, w.calvados.id, { activeOnly: false })).find((c) => c.slug === slug)!.active

  it('lets neither a coordinator nor another territory’s administrator switch it on, and changes nothing', async () => {
    const coordinator = await w.staff(w.coordinator)
    assert.equal((await coordinator.get('/administration/crise')).statusCode, 403)
    const refused = await coordinator.post('/administration/crise/activer', {
      kind: 'canicule',
      reason: 'Essai',
    })
    assert.equal(refused.statusCode, 403)
    // The Manche administrator's session does not open the Calvados platform, and holds no role there.
    const manche = await new Client(t, w.host).signInDirectly(w.mancheAdmin, {
      secondFactor: true,
      staff: true,
    })
    const other = await manche.post('/administration/crise/activer', { kind: 'canicule', reason: 'Essai' })
    assert.ok([401, 403].includes(other.statusCode), String(other.statusCode))
    // Without the second factor, the administrator is sent to give it, nothing switched.
    const noFactor = await new Client(t, w.host).signInDirectly(w.admin, { staff: true })
    const res = await noFactor.post('/administration/crise/activer', { kind: 'canicule', reason: 'Essai' })
    assert.notEqual(res.statusCode, 303)
    assert.deepEqual(await periodsOf(t, w.calvados.id), [])
    const home = page((await w.visitor().get('/')).body)
    assert.equal(home.document.querySelector('.banner-crisis'), null)
  })

  it('asks for a reason and a kind of crisis, in French, before switching anything', async () => {
    const admin = await w.staff(w.admin)
    const res = await admin.post('/administration/crise/activer', { kind: 'sécheresse', reason: '   ' })
    assert.equal(res.statusCode, 400)
    assert.deepEqual(
      page(res.body)
        .errorSummary()
        .map((e) => e.text),
      ['Choisissez le type de crise', 'Indiquez la raison, en quelques mots'],
    )
    assert.deepEqual(await periodsOf(t, w.calvados.id), [])
  })

  it('switches « canicule » on: its categories open, the banner shows everywhere with the phone line', async () => {
    // An administrator had closed transport: the heatwave opens it again.
    await setCategoriesActive(t.db.db, w.calvados.id, [w.bySlug('transport').id], false, t.clock.now())
    t.app.services.categoryCache.forget()
    const admin = await w.staff(w.admin)
    const form = page((await admin.get('/administration/crise')).body)
    assert.equal(form.h1(), 'Mode crise')
    assert.ok(form.field('Raison du déclenchement'))
    const res = await admin.post('/administration/crise/activer', {
      kind: 'canicule',
      reason: 'Alerte canicule de niveau 3 de la préfecture',
    })
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, '/administration/crise?fait=active')
    const done = page((await admin.get(res.headers.location!)).body)
    assert.match(done.text('.success'), /La crise est déclenchée/)
    assert.match(done.text('main'), /Crise en cours : Canicule/)
    assert.equal(await active('transport'), true)

    const author = await makeAccount(t, w.calvados)
    const listing = await makeListing(t, w.calvados, author, {
      categoryId: w.bySlug('groceries-medicines').id,
    })
    for (const path of ['/', '/annonces', `/annonces/${listing.id}`]) {
      const p = page((await w.visitor().get(path)).body)
      const banner = p.document.querySelector('section[aria-label="Alerte de crise"]')
      assert.ok(banner, `${path}: the banner is a named region`)
      assert.match(banner.textContent ?? '', CANICULE, path)
      assert.match(
        banner.textContent ?? '',
        /Accueil téléphonique : 02 61 91 00 02 \(du lundi au vendredi/,
        path,
      )
      assert.equal(banner.querySelector('a')?.getAttribute('href'), 'tel:+33261910002')
    }
    // The crisis's advice comes first on its categories' listings; the category's own stays.
    const advice = page((await w.visitor().get(`/annonces/${listing.id}`)).body)
    assert.match(advice.text('.crisis-guidance'), /^Pendant la canicule : passez aux heures fraîches/)
    assert.match(advice.text('main'), /Ne donnez jamais d’argent/)
    const everyday = await makeListing(t, w.calvados, author, { categoryId: w.bySlug('gardening').id })
    const plain = page((await w.visitor().get(`/annonces/${everyday.id}`)).body)
    assert.equal(plain.document.querySelector('.crisis-guidance'), null)

    const home = page((await w.visitor().get('/')).body)
    assert.equal(home.text('#crise-categories'), 'Canicule : on a besoin de vous')
    const featured = home.all('.crisis-category-list h3')
    assert.deepEqual(
      featured.sort(),
      [
        'Contact téléphonique et écoute',
        'Courses de première nécessité et médicaments',
        'Transport et accompagnement',
      ].sort(),
    )
    assert.match(home.text('.crisis-categories'), /appelez le 15/)
    assert.ok(home.link('Demander de l’aide : Transport et accompagnement'))
  })

  it('refuses a second crisis while one is on', async () => {
    const admin = await w.staff(w.admin)
    const res = await admin.post('/administration/crise/activer', {
      kind: 'tempete',
      reason: 'Tempête annoncée',
    })
    // The page offers no switch-on form while a crisis runs; a form posted anyway is refused in words.
    assert.equal(res.statusCode, 400)
    assert.match(page(res.body).text('.error-summary'), /Une crise est déjà en cours/)
    assert.equal((await periodsOf(t, w.calvados.id)).length, 1)
  })

  it('switches it off: crisis categories close to new posts, their listings stay readable, the figures are kept', async () => {
    const groceries = w.bySlug('groceries-medicines')
    t.clock.advance('48h')
    const author = await makeAccount(t, w.calvados)
    const during = await makeListing(t, w.calvados, author, {
      categoryId: groceries.id,
      title: 'Eau pour Mme R.',
    })
    const admin = await w.staff(w.admin)
    const missing = await admin.post('/administration/crise/desactiver', { endReason: '' })
    assert.equal(missing.statusCode, 400)
    assert.match(page(missing.body).text('.error-summary'), /Indiquez la raison/)
    t.clock.advance('72h')
    const res = await (await w.staff(w.admin)).post('/administration/crise/desactiver', {
      endReason: 'Fin de l’alerte préfectorale',
    })
    assert.equal(res.statusCode, 303)
    const done = page((await (await w.staff(w.admin)).get(res.headers.location!)).body)
    assert.match(done.text('.success'), /La crise est arrêtée/)
    assert.match(done.text('main'), /Fin de l’alerte préfectorale/)
    assert.match(done.text('main'), /Annonces publiées : 2/)

    const [period] = await periodsOf(t, w.calvados.id)
    assert.deepEqual(period!.counts, {
      listings: 2,
      responses: 0,
      asksFulfilled: 0,
      callouts: 0,
      reached: 0,
      peopleCalled: 0,
      concerns: 0,
    })
    // The heatwave opened everyday categories only: they stay open; crisis-only ones stay closed.
    assert.equal(await active('groceries-medicines'), true)
    assert.equal(await active('phone-contact'), true)
    assert.equal(await active('transport'), true)
    assert.equal(await active('masks-equipment'), false)

    const visitor = w.visitor()
    const home = page((await visitor.get('/')).body)
    assert.equal(home.document.querySelector('.banner-crisis'), null)
    assert.equal(home.document.querySelector('#crise-categories'), null)
    const readable = await visitor.get(`/annonces/${during.id}`)
    assert.equal(readable.statusCode, 200)
    assert.match(page(readable.body).h1(), /Eau pour Mme R\./)
    assert.equal(page(readable.body).document.querySelector('.crisis-guidance'), null)

    const resident = await new Client(t, w.host).signInDirectly(author)
    const refused = await resident.post('/annonces/nouvelle', {
      kind: 'ask',
      categoryId: w.bySlug('masks-equipment').id,
      title: 'Courses pour ma voisine',
      description: 'Elle ne peut plus porter ses sacs.',
      commune: 'Bayeux (14400)',
      whenKind: 'flexible',
      urgency: 'week',
      forWhom: 'self',
      charter: 'oui',
    })
    assert.equal(refused.statusCode, 400)
    assert.match(
      page(refused.body).text('.error-summary'),
      /Cette catégorie ne reçoit plus de nouvelles annonces/,
    )
  })

  it('writes each step to the journal', async () => {
    const actions = await auditActions(t, w.calvados.id)
    assert.ok(actions.includes('crisis.started'))
    assert.ok(actions.includes('crisis.ended'))
  })

  it('lets an administrator edit a template: categories ticked, two texts, and refuses a category of nowhere', async () => {
    const admin = await w.staff(w.admin)
    const form = page((await admin.get('/administration/crise/modeles/grand-froid')).body)
    assert.equal(form.h1(), 'Modèle « Grand froid »')
    const bad = await admin.post('/administration/crise/modeles/grand-froid', {
      categories: ['phone-contact', 'inconnue'],
      homeMessage: '',
      guidance: 'Vérifiez le chauffage.',
    })
    assert.equal(bad.statusCode, 400)
    assert.deepEqual(
      page(bad.body)
        .errorSummary()
        .map((e) => e.href),
      ['#homeMessage', '#categories'],
    )
    const res = await admin.post('/administration/crise/modeles/grand-froid', {
      categories: ['phone-contact', 'transport'],
      homeMessage: 'Grand froid : appelez le 115 pour une personne à la rue.',
      guidance: 'Vérifiez le chauffage.',
    })
    assert.equal(res.statusCode, 303)
    const again = page((await admin.get('/administration/crise/modeles/grand-froid')).body)
    assert.match(again.text('#homeMessage'), /appelez le 115/)
    assert.ok((await auditActions(t, w.calvados.id)).includes('crisis.template-changed'))
    assert.equal((await admin.get('/administration/crise/modeles/secheresse')).statusCode, 404)
  })

  it('launches a call campaign over the register after the switch commits, and keeps its id', async () => {
    const admin = makeActor({ accountId: w.admin.id, roles: ['administrator'], secondFactor: true })
    // Two people registered for calls in the Calvados, one in the Manche: the campaign takes the two.
    for (const [territory, firstName] of [
      [w.calvados, 'Simone'],
      [w.calvados, 'Marcel'],
      [w.manche, 'Odette'],
    ] as const)
      await registerForCalls(t, territory, firstName)
    const crisis = new CrisisService(t.app.services, { launchCallCampaign: startCallCampaign })
    const started = await crisis.start(admin, w.calvados, {
      kind: 'epidemie',
      reason: 'Épidémie déclarée',
      launchCampaign: true,
    })
    assert.equal(started.kind, 'started')
    assert.equal(started.kind === 'started' && started.campaign, 'launched')
    const open = (await periodsOf(t, w.calvados.id)).find((p) => !p.endedAt)!
    const campaign = await campaignRow(t, open.callCampaignId!)
    assert.equal(campaign?.title, 'Épidémie – 21 mars 2026')
    assert.equal(campaign?.reason, 'epidemie')
    assert.equal(campaign?.territoryId, w.calvados.id)
    assert.equal((await entryRows(t, campaign!.id)).length, 2)
    // Its figures go into the crisis' record when it ends: both reached, one with a concern.
    await settleEntries(t, campaign!.id, ['reached', 'concern'])
    await crisis.end(admin, w.calvados, { reason: 'Fin' })
    const ended = (await periodsOf(t, w.calvados.id)).find((p) => p.id === open.id)!
    assert.equal(ended.counts?.peopleCalled, 2)
    assert.equal(ended.counts?.concerns, 1)

    // A campaign that fails to start leaves the crisis on, and the administrator is told.
    const failing = new CrisisService(t.app.services, {
      launchCallCampaign: async () => {
        throw new Error('calls unavailable')
      },
    })
    const res = await failing.start(admin, w.calvados, {
      kind: 'tempete',
      reason: 'Tempête',
      launchCampaign: true,
    })
    assert.equal(res.kind === 'started' && res.campaign, 'failed')
    assert.equal((await periodsOf(t, w.calvados.id)).filter((p) => !p.endedAt).length, 1)
    await failing.end(admin, w.calvados, { reason: 'Fin' })
  })
})
