import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import type { Account as AccountRow } from '../../../test/helpers/accounts.ts'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'
import { makeCategory, makeListing } from '../../../test/helpers/listings.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { scheduleListingJobs } from './listing.jobs.ts'
import { writtenWalk } from './search-match.repository.ts'

/**
 * A misspelt word is corrected against the words of the territory's published listings, kept by
 * triggers on the listings table, and the page says which close words it searched.
 */
describe('search: misspelt words', () => {
  let t: TestApp
  let calvados: Territory
  let lozere: Territory
  let author: AccountRow
  let category: string
  const visitor = (territory = calvados) => new Client(t, territory.hostnames[0]!)
  const add = (title: string, description = 'Merci d’avance.') =>
    makeListing(t, calvados, author, { categoryId: category, title, description })
  const search = async (words: string, territory = calvados) => {
    const res = await visitor(territory).get(`/annonces?words=${encodeURIComponent(words)}`)
    assert.equal(res.statusCode, 200)
    const p = page(res.body)
    return { titles: p.all('.results h3').sort(), text: p.text('main') }
  }

  before(async () => {
    t = await buildTestApp()
    calvados = await makeTerritory(t.app.services)
    lozere = await makeTerritory(t.app.services, { departements: ['48'], platformName: 'Lozère' })
    author = await makeAccount(t, calvados)
    category = (await makeCategory(t, calvados)).id
    await add('Réparer un ordinateur portable')
    await add('Ordinateur de bureau très lent')
    await add('Courses pour ma voisine', 'Elle ne peut plus porter les bouteilles.')
    const lozereAuthor = await makeAccount(t, lozere, { communeInsee: '48095' })
    await makeListing(t, lozere, lozereAuthor, { title: 'Prêter une trottinette', communeInsee: '48095' })
  })
  after(() => t.close())

  it('finds « ordinatuer » as « ordinateur », and says which close words it searched', async () => {
    const found = await search('ordinatuer')
    assert.deepEqual(found.titles, ['Ordinateur de bureau très lent', 'Réparer un ordinateur portable'])
    assert.match(
      found.text,
      /Aucune annonce ne contient « ordinatuer »\. Annonces avec des mots proches : .*ordinateur/,
    )
    const exact = await search('ordinateur')
    assert.equal(exact.titles.length, 2)
    assert.doesNotMatch(exact.text, /mots proches/)
  })

  it('corrects one word among several and still requires the others', async () => {
    assert.deepEqual((await search('ordinatuer portable')).titles, ['Réparer un ordinateur portable'])
    assert.deepEqual((await search('portabel ordinateur')).titles, ['Réparer un ordinateur portable'])
    assert.deepEqual((await search('ordinatuer voisine')).titles, [])
  })

  it('finds nothing, and names no word, when a word is close to none', async () => {
    const found = await search('xylophonique')
    assert.deepEqual(found.titles, [])
    assert.doesNotMatch(found.text, /mots proches/)
    assert.match(found.text, /Aucune annonce ne correspond/)
  })

  it('learns the words of a held listing only once it is published', async () => {
    const held = await makeListing(t, calvados, author, {
      categoryId: category,
      title: 'Tondeuse à gazon prêtée',
      status: 'held',
      holdReasons: ['price'],
    })
    const before = await search('tondeuze')
    assert.deepEqual(before.titles, [])
    assert.doesNotMatch(before.text, /tondeuse/)

    const admin = await makeAccount(t, calvados, { roles: ['administrator'] })
    const staff = await visitor().signInDirectly(admin, { secondFactor: true, staff: true })
    const published = await staff.post(`/administration/annonces-retenues/${held.id}/publier`, {})
    assert.equal(published.statusCode, 303)
    assert.deepEqual((await search('tondeuze')).titles, ['Tondeuse à gazon prêtée'])
  })

  it('learns the words of an edited listing', async () => {
    const client = await visitor().signInDirectly(author)
    const listing = await makeListing(t, calvados, author, { categoryId: category, title: 'Un coup de main' })
    const edited = await client.post(`/mes-annonces/${listing.id}/modifier`, {
      categoryId: category,
      title: 'Un coup de main pour la bibliothèque',
      description: 'Ranger des livres',
      commune: 'Caen (14000)',
      whenKind: 'flexible',
      urgency: 'week',
      forWhom: 'self',
      charter: 'oui',
    })
    assert.equal(edited.statusCode, 303)
    assert.deepEqual((await search('bibliotheqeu')).titles, ['Un coup de main pour la bibliothèque'])
  })

  it('never names a word that no published listing has any more, and prunes it once a day', async () => {
    const client = await visitor().signInDirectly(author)
    await makeListing(t, calvados, author, { categoryId: category, title: 'Ranger la bibliothèque' })
    const gone = await makeListing(t, calvados, author, {
      categoryId: category,
      title: 'La bibliothécaire du quartier',
    })
    const lexicon = async () =>
      (
        (await t.db.db.execute(
          sql`select word from listing_words where territory_id = ${calvados.id} and word like 'biblioth%' order by word`,
        )) as unknown as { rows: { word: string }[] }
      ).rows.map((r) => r.word)
    const before = await search('bibliotheqeu')
    // Named as the listings write them, accents included.
    assert.match(before.text, /mots proches : bibliothèque, bibliothécaire\./)

    assert.equal((await client.post(`/mes-annonces/${gone.id}/cloturer`, {})).statusCode, 303)
    const after = await search('bibliotheqeu')
    assert.ok(after.titles.includes('Ranger la bibliothèque'), String(after.titles))
    assert.ok(!after.titles.includes('La bibliothécaire du quartier'))
    assert.match(after.text, /mots proches : bibliothèque\./)
    assert.doesNotMatch(after.text, /biblioth[eé]caire/)
    assert.deepEqual(await lexicon(), ['bibliothecaire', 'bibliotheque'])

    await scheduleListingJobs(t.app.services)
    t.clock.advance('1 days')
    await t.app.services.worker.runDue()
    assert.deepEqual(await lexicon(), ['bibliotheque'])
  })

  describe('a close word common enough to be looked for among the newest listings (from 1 listing)', () => {
    const kept = { ...writtenWalk }
    before(() => Object.assign(writtenWalk, { from: 1 }))
    after(() => Object.assign(writtenWalk, kept))

    it('names it as the newest listings write it, or as the index finds it when the walk does not meet it', async () => {
      await add('Réviser les mathématiques')
      assert.match((await search('mathematiqeus')).text, /mots proches : mathématiques\./)
      // Newer listings without the word: a walk of the newest one meets none, the index still finds it.
      await add('Arroser les tomates')
      writtenWalk.rows = 1
      assert.match((await search('mathematiqeus')).text, /mots proches : mathématiques\./)
    })
  })

  it('never corrects with the words of another territory', async () => {
    const here = await search('trotinette')
    assert.deepEqual(here.titles, [])
    assert.doesNotMatch(here.text, /trottinette/)
    assert.deepEqual((await search('trotinette', lozere)).titles, ['Prêter une trottinette'])
  })

  it('gives the close words in the API too', async () => {
    const res = await visitor().get('/api/v1/listings/search?words=ordinatuer')
    assert.equal(res.statusCode, 200)
    const body = res.json() as { results: { title: string }[]; correctedWords: string[] | null }
    assert.equal(body.results.length, 2)
    assert.ok(body.correctedWords?.includes('ordinateur'), String(body.correctedWords))
    const exact = (await visitor().get('/api/v1/listings/search?words=ordinateur')).json() as {
      correctedWords: unknown
    }
    assert.equal(exact.correctedWords, null)
  })
})
