import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { findCategory, listCategories } from './category.repository.ts'
import { CategoryService, ensureDefaultCategories } from './category.service.ts'
import { defaultCategories } from './defaults.ts'

const form = (overrides: Record<string, string> = {}) => ({
  nameFr: 'Covoiturage solidaire',
  nameEn: 'Shared rides',
  descriptionFr: 'Partager un trajet avec une personne sans voiture.',
  descriptionEn: 'Sharing a ride with someone without a car.',
  guidanceFr: 'Ne donnez jamais d’argent ni vos coordonnées bancaires.',
  guidanceEn: 'Never give money or bank details.',
  icon: 'car',
  crisis: 'oui',
  ...overrides,
})

describe('categories: the defaults of every territory, and their administration', () => {
  let t: TestApp
  let calvados: Territory
  let manche: Territory
  let admin: Client
  const db = () => t.db.db

  before(async () => {
    t = await buildTestApp()
    calvados = await makeTerritory(t.app.services, { platformName: 'Entraide Calvados' })
    manche = await makeTerritory(t.app.services, { platformName: 'Entraide Manche', departements: ['50'] })
    const alice = await makeAccount(t, calvados, { roles: ['administrator'] })
    admin = await new Client(t, calvados.hostnames[0]!).signInDirectly(alice, {
      staff: true,
      secondFactor: true,
    })
  })
  after(() => t.close())

  const api = (territory: Territory, lang = 'fr') =>
    t.app.inject({
      url: '/api/v1/categories',
      headers: { host: territory.hostnames[0]!, 'accept-language': lang },
    })

  it('gives a new territory the 14 defaults in order, named in French and English', async () => {
    const list = await listCategories(db(), manche.id, { activeOnly: false })
    assert.deepEqual(
      list.map((c) => c.slug),
      defaultCategories.map((d) => d.slug),
    )
    assert.equal(list.length, 14)
    assert.deepEqual(
      list.filter((c) => c.crisis).map((c) => c.slug),
      ['front-line-workers', 'carer-lodging', 'masks-equipment'],
    )
    assert.deepEqual(
      list.filter((c) => c.needsVerifiedVolunteer).map((c) => c.slug),
      ['carer-lodging', 'childcare'],
    )
    for (const c of list) {
      assert.ok(c.name.fr && c.name.en && c.description.en && c.guidance.en, c.slug)
      assert.match(c.guidance.fr, /Ne donnez jamais d’argent ni vos coordonnées bancaires/)
      assert.doesNotMatch(c.guidance.fr, /gestes barrières|masque/)
    }
  })

  it('seeds a territory that has none, once', async () => {
    const { categories } = await import('./category.schema.ts')
    const { eq } = await import('drizzle-orm')
    const orne = await makeTerritory(t.app.services, { platformName: 'Entraide Orne', departements: ['61'] })
    await db().delete(categories).where(eq(categories.territoryId, orne.id))
    assert.equal(await ensureDefaultCategories(t.app.services), 1)
    assert.equal((await listCategories(db(), orne.id, { activeOnly: false })).length, 14)
    assert.equal(await ensureDefaultCategories(t.app.services), 0)
  })

  it('lists the active categories in the reader’s language', async () => {
    const fr = await api(calvados)
    assert.equal(fr.statusCode, 200)
    const body = fr.json() as { name: string; slug: string; guidance: string; crisis: boolean }[]
    assert.equal(body.length, 11)
    assert.equal(body[0]!.name, 'Courses de première nécessité et médicaments')
    assert.equal(body[0]!.crisis, false)
    const en = (await api(calvados, 'en')).json() as { name: string; guidance: string }[]
    assert.equal(en[0]!.name, 'Essential groceries and medicines')
    assert.match(en[0]!.guidance, /Never give money/)
  })

  it('lets an administrator add, edit, reorder and deactivate a category', async () => {
    const list = page((await admin.get('/administration/categories')).body)
    assert.equal(list.h1(), 'Catégories')
    assert.equal(list.all('tbody tr').length, 14)
    assert.equal(list.all('thead th[scope=col]').length, 5)
    assert.equal((await admin.get('/administration/categories/nouvelle')).statusCode, 200)

    const added = await admin.post('/administration/categories', form())
    assert.equal(added.statusCode, 303)
    const all = await listCategories(db(), calvados.id, { activeOnly: false })
    const ride = all.at(-1)!
    assert.equal(ride.slug, 'covoiturage-solidaire')
    assert.equal(ride.position, 14)
    assert.equal(ride.crisis, true)
    assert.equal(ride.needsVerifiedVolunteer, false)

    const editPage = page((await admin.get(`/administration/categories/${ride.id}`)).body)
    assert.equal(
      (editPage.field('Nom en anglais') as HTMLInputElement | null)?.getAttribute('value'),
      'Shared rides',
    )
    const edited = await admin.post(
      `/administration/categories/${ride.id}`,
      form({ nameEn: 'Ride sharing', icon: 'heart', needsVerifiedVolunteer: 'oui', crisis: '' }),
    )
    assert.equal(edited.statusCode, 303)
    const after = (await findCategory(db(), calvados.id, ride.id))!
    assert.deepEqual(
      [after.name.en, after.icon, after.crisis, after.needsVerifiedVolunteer, after.slug],
      ['Ride sharing', 'heart', false, true, 'covoiturage-solidaire'],
    )

    assert.equal((await admin.post(`/administration/categories/${ride.id}/monter`, {})).statusCode, 303)
    let order = (await listCategories(db(), calvados.id, { activeOnly: false })).map((c) => c.slug)
    assert.deepEqual(order.slice(-2), ['covoiturage-solidaire', 'gardening'])
    // The first one cannot go higher: nothing moves.
    const first = (await listCategories(db(), calvados.id, { activeOnly: false }))[0]!
    await admin.post(`/administration/categories/${first.id}/monter`, {})
    await admin.post(`/administration/categories/${ride.id}/descendre`, {})
    order = (await listCategories(db(), calvados.id, { activeOnly: false })).map((c) => c.slug)
    assert.deepEqual(
      [order[0], ...order.slice(-2)],
      ['front-line-workers', 'gardening', 'covoiturage-solidaire'],
    )

    assert.equal((await admin.post(`/administration/categories/${ride.id}/desactiver`, {})).statusCode, 303)
    const fromApi = (await api(calvados)).json() as { slug: string }[]
    assert.ok(!fromApi.some((c) => c.slug === 'covoiturage-solidaire'))
    assert.equal((await findCategory(db(), calvados.id, ride.id))?.active, false)
    assert.equal(
      (await new CategoryService(t.app.services).find(calvados, ride.id))?.slug,
      'covoiturage-solidaire',
    )
    assert.match(page((await admin.get('/administration/categories')).body).text('tbody'), /Désactivée/)
    await admin.post(`/administration/categories/${ride.id}/activer`, {})
    assert.equal((await findCategory(db(), calvados.id, ride.id))?.active, true)
  })

  it('keeps the values and says what is wrong, in French, with status 400', async () => {
    const res = await admin.post('/administration/categories', form({ nameFr: 'A', icon: 'rocket' }))
    assert.equal(res.statusCode, 400)
    const p = page(res.body)
    assert.deepEqual(p.errorSummary(), [
      { text: 'Saisissez un nom de 2 à 60 caractères', href: '#nameFr' },
      { text: 'Choisissez une icône dans la liste', href: '#icon' },
    ])
    assert.equal(
      (p.field('Nom en anglais') as HTMLInputElement | null)?.getAttribute('value'),
      'Shared rides',
    )
    assert.equal((await listCategories(db(), calvados.id, { activeOnly: false })).length, 15)
  })

  it('refuses residents, unenrolled staff, forms without CSRF, and another territory’s categories', async () => {
    const someone = await makeAccount(t, calvados)
    const resident = await new Client(t, calvados.hostnames[0]!).signInDirectly(someone)
    assert.equal((await resident.get('/administration/categories')).statusCode, 403)
    assert.equal((await resident.post('/administration/categories', form())).statusCode, 403)

    const newcomer = await makeAccount(t, calvados, { roles: ['administrator'] })
    const unenrolled = await new Client(t, calvados.hostnames[0]!).signInDirectly(newcomer, { staff: true })
    const res = await unenrolled.get('/administration/categories')
    assert.equal(res.statusCode, 303)
    assert.match(res.headers.location ?? '', /^\/compte\/securite/)

    const before = await listCategories(db(), calvados.id, { activeOnly: false })
    assert.equal(
      (await admin.post('/administration/categories', form(), { withoutCsrf: true })).statusCode,
      403,
    )

    const foreign = (await listCategories(db(), manche.id, { activeOnly: false }))[3]!
    assert.equal((await admin.get(`/administration/categories/${foreign.id}`)).statusCode, 404)
    for (const action of ['', '/desactiver', '/monter', '/descendre']) {
      const r = await admin.post(`/administration/categories/${foreign.id}${action}`, form())
      assert.equal(r.statusCode, 404, action)
    }
    assert.deepEqual(await findCategory(db(), manche.id, foreign.id), foreign)
    assert.deepEqual(await listCategories(db(), calvados.id, { activeOnly: false }), before)
    assert.equal((await admin.get('/administration/categories/pas-un-id')).statusCode, 404)
  })
})
