import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { buildTestApp, type TestApp } from '../test/helpers/app.ts'
import { page } from '../test/helpers/html.ts'
import { seedDemo } from './demo.ts'
import { modules } from './modules.ts'
import { reviewItems } from './platform/review/review.schema.ts'
import { territories } from './platform/tenancy/territory.schema.ts'

describe('the demonstration territory', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp()
  })
  after(() => t.close())

  it('is created once on an empty database, with people and listings a visitor can find', async () => {
    const demo = await seedDemo(t.app.services, modules)
    assert.equal(demo?.territory.platformName, 'Entraide Calvados (démo)')
    assert.deepEqual(
      demo.accounts.map((a) => [a.email, a.role]),
      [
        ['jeanne.demo@entraide.localhost', undefined],
        ['karim.demo@entraide.localhost', undefined],
        ['claire.admin@entraide.localhost', 'administratrice'],
        ['sophie.agent@entraide.localhost', 'agente de l’accueil téléphonique'],
        ['marc.moderateur@entraide.localhost', 'modération'],
        ['ines.moderatrice@entraide.localhost', 'modération'],
        ['julie.coordinatrice@entraide.localhost', 'coordinatrice'],
        ['paul.chambre.demo@entraide.localhost', 'Chambre d’agriculture'],
      ],
    )
    assert.equal(await seedDemo(t.app.services, modules), null, 'never twice')
    const results = page(
      (await t.app.inject({ url: '/annonces?words=velo', headers: { host: 'localhost' } })).body,
    )
    assert.ok(results.all('main a').includes('Petites réparations de vélos'), 'found without the accent')
    assert.ok(!results.all('main a').includes('Aide aux devoirs en mathématiques'))
    const login = await t.app.inject({ url: '/connexion', headers: { host: 'localhost' } })
    assert.equal(login.statusCode, 200)
  })

  it('gives the moderators a queue to read at first start: held wording, a report, an organisation to verify', async () => {
    const territory = (
      await t.db.db.select().from(territories).where(eq(territories.slug, 'calvados-demo'))
    )[0]!
    const items = await t.db.db
      .select()
      .from(reviewItems)
      .where(and(eq(reviewItems.territoryId, territory.id), eq(reviewItems.status, 'open')))
    assert.deepEqual(items.map((i) => `${i.subjectKind} ${i.cause} ${i.label}`).sort(), [
      'listing money-wording Cours de guitare pour débutants',
      'listing report Prêt d’une perceuse',
      'organisation verification Jardins partagés de la Guérinière',
    ])
  })
})
