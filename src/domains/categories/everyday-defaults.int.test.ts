import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { eq, sql } from 'drizzle-orm'
import { makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'
import { makeListing } from '../../../test/helpers/listings.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { listCategories } from './category.repository.ts'
import { categories } from './category.schema.ts'

/** The texts a territory started with before the everyday defaults, as 0021 finds them. */
const OLD_GROCERIES_GUIDANCE = {
  fr: 'Respectez les gestes barrières : lavage des mains, distance d’un mètre, masque, pas de contact direct. La personne aidée règle ses achats elle-même, au commerçant ou à la pharmacie ; gardez le ticket. Ne donnez jamais d’argent ni vos coordonnées bancaires : l’aide est toujours gratuite.',
  en: 'Keep to barrier gestures: wash your hands, keep one metre apart, wear a mask, no direct contact. The person helped pays the shop or pharmacy directly; keep the receipt. Never give money or your bank details: help is always free.',
}

describe('everyday defaults: a territory on an ordinary day speaks of no lockdown', () => {
  let t: TestApp
  let calvados: Territory

  before(async () => {
    t = await buildTestApp()
    calvados = await makeTerritory(t.app.services)
  })
  after(() => t.close())

  const visitor = (path: string) => t.app.inject({ url: path, headers: { host: calvados.hostnames[0]! } })

  it('opens a new territory with everyday categories only; the crisis ones wait, closed', async () => {
    const all = await listCategories(t.db.db, calvados.id, { activeOnly: false })
    const active = all.filter((c) => c.active)
    assert.deepEqual(
      active.filter((c) => c.crisis),
      [],
    )
    assert.ok(!active.some((c) => /soignants|masques/i.test(c.name.fr)))
    assert.deepEqual(
      all.filter((c) => !c.active).map((c) => c.name.fr),
      [
        'Aide aux soignants et travailleurs en première ligne',
        'Hébergement des soignants',
        'Fabrication et don de masques et d’équipements de protection',
      ],
    )
    const offered = page((await visitor('/annonces')).body).text('main')
    assert.doesNotMatch(offered, /Hébergement des soignants|Fabrication et don de masques/)
  })

  it('gives an ordinary shopping ask its everyday advice, with no mask', async () => {
    const groceries = (await listCategories(t.db.db, calvados.id, { activeOnly: true })).find(
      (c) => c.slug === 'groceries-medicines',
    )!
    const author = await makeAccount(t, calvados)
    const listing = await makeListing(t, calvados, author, { categoryId: groceries.id })
    const main = page((await visitor(`/annonces/${listing.id}`)).body).text('main')
    assert.match(main, /La personne aidée règle ses achats elle-même/)
    assert.doesNotMatch(main, /masque|gestes barrières/i)
  })

  it('keeps the charter to everyday safety', async () => {
    const charter = page((await visitor('/charte')).body).text('main')
    assert.match(charter, /On se rencontre en sécurité/)
    assert.doesNotMatch(charter, /sanitaires/)
  })

  it('moves an existing territory off the old defaults, and leaves what its administrators wrote', async () => {
    const orne = await makeTerritory(t.app.services, { platformName: 'Entraide Orne', departements: ['61'] })
    const manche = await makeTerritory(t.app.services, {
      platformName: 'Entraide Manche',
      departements: ['50'],
    })
    const own = { fr: 'Notre propre conseil pour les courses.', en: 'Our own advice.' }
    // As 0020 left them: the old guidance, crisis categories open, groceries flagged « crise ».
    for (const [territory, guidance] of [
      [orne, OLD_GROCERIES_GUIDANCE],
      [manche, own],
    ] as const) {
      await t.db.db
        .update(categories)
        .set({ guidance, crisis: true })
        .where(
          sql`${categories.territoryId} = ${territory.id} and ${categories.slug} = 'groceries-medicines'`,
        )
      await t.db.db
        .update(categories)
        .set({ active: true })
        .where(sql`${categories.territoryId} = ${territory.id} and ${categories.crisis}`)
    }
    const renamed = { fr: 'Aide aux aides à domicile', en: 'Help for home carers' }
    await t.db.db
      .update(categories)
      .set({ name: renamed })
      .where(sql`${categories.territoryId} = ${manche.id} and ${categories.slug} = 'front-line-workers'`)

    const migration = readFileSync(
      new URL('../../../migrations/0022_everyday_defaults.sql', import.meta.url),
      'utf8',
    )
    for (const statement of migration.split('--> statement-breakpoint'))
      await t.db.db.execute(sql.raw(statement))

    const of = async (territory: Territory, slug: string) =>
      (await t.db.db.select().from(categories).where(eq(categories.territoryId, territory.id))).find(
        (c) => c.slug === slug,
      )!
    const orneGroceries = await of(orne, 'groceries-medicines')
    assert.doesNotMatch(orneGroceries.guidance.fr, /masque/)
    assert.match(orneGroceries.guidance.fr, /^La personne aidée règle ses achats elle-même/)
    assert.equal(orneGroceries.crisis, false)
    assert.equal((await of(orne, 'masks-equipment')).active, false)
    assert.equal((await of(orne, 'front-line-workers')).active, false)

    assert.deepEqual((await of(manche, 'groceries-medicines')).guidance, own)
    const kept = await of(manche, 'front-line-workers')
    assert.deepEqual([kept.name, kept.active], [renamed, true])
  })
})
