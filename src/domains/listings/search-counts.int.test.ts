import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'
import { makeCategory, makeListing } from '../../../test/helpers/listings.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'

/**
 * A search learns how many listings have its words from counts the triggers keep by lexeme, not
 * by counting listings, and ranks them from a side table of vectors. Whatever happens to
 * listings, the counts must stay those of a recount and the side table a copy of the published.
 */
describe('search: the counts of words and the vectors', () => {
  let t: TestApp
  let calvados: Territory
  let category: string
  const rows = async (query: ReturnType<typeof sql>) =>
    ((await t.db.db.execute(query)) as unknown as { rows: { lexeme: string; n: number }[] }).rows
      .map((r) => `${r.lexeme}:${r.n}`)
      .sort()
  const kept = () =>
    rows(sql`select lexeme, listings as n from listing_lexemes
      where territory_id = ${calvados.id} and listings <> 0`)
  const recount = () =>
    rows(sql`select x as lexeme, count(*)::int as n
      from listings, unnest(tsvector_to_array(search_vector)) x
      where territory_id = ${calvados.id} and status = 'published' group by x`)
  // The side table of vectors holds exactly the published listings, with their current columns.
  const columns =
    'id, kind, category_id, commune_insee, latitude, longitude, urgency, published_at, search_vector'
  const vectors = async () => {
    const read = async (from: string, only = '') =>
      JSON.stringify(
        (
          (await t.db.db.execute(
            sql.raw(
              `select ${columns} from ${from} where territory_id = '${calvados.id}' ${only} order by id`,
            ),
          )) as unknown as { rows: unknown[] }
        ).rows,
      )
    assert.equal(await read('listing_vectors'), await read('listings', `and status = 'published'`))
  }
  const titles = async (words: string) => {
    const res = await new Client(t, calvados.hostnames[0]!).get(
      `/annonces?words=${encodeURIComponent(words)}`,
    )
    return page(res.body).all('.results h3').sort()
  }

  before(async () => {
    t = await buildTestApp()
    calvados = await makeTerritory(t.app.services)
    category = (await makeCategory(t, calvados)).id
  })
  after(() => t.close())

  it('follow publication, edits, holds, closures and deletions, one row or many at a time', async () => {
    const author = await makeAccount(t, calvados)
    const add = (title: string, status: 'published' | 'held' = 'published') =>
      makeListing(t, calvados, author, { categoryId: category, title, description: 'Merci.', status })
    const drill = await add('Prêter une perceuse')
    const bike = await add('Réparer un vélo')
    const held = await add('Tondre la pelouse', 'held')
    await add('Réparer une perceuse')
    assert.deepEqual(await kept(), await recount())
    await vectors()

    await t.db.db.execute(sql`update listings set title = 'Prêter une visseuse' where id = ${drill.id}`)
    await t.db.db.execute(sql`update listings set status = 'published' where id = ${held.id}`)
    await t.db.db.execute(sql`update listings set status = 'closed' where id = ${bike.id}`)
    assert.deepEqual(await kept(), await recount())
    await vectors()
    assert.deepEqual(await titles('vélo'), [])
    assert.deepEqual(await titles('perceuse'), ['Réparer une perceuse'])

    await t.db.db.execute(sql`update listings set status = 'published', updated_at = now()
      where territory_id = ${calvados.id}`)
    assert.deepEqual(await kept(), await recount())
    await vectors()
    assert.deepEqual(await titles('vélo'), ['Réparer un vélo'])

    await t.db.db.execute(sql`delete from listings where id in (${drill.id}, ${held.id})`)
    assert.deepEqual(await kept(), await recount())
    await vectors()
    assert.deepEqual(await titles('pelouse'), [])
    assert.deepEqual(await titles('perceuse'), ['Réparer une perceuse'])
  })
})
