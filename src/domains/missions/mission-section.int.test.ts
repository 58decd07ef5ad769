import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { renderToString } from 'preact-render-to-string'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'
import { makeOrganisation, postMission } from '../../../test/helpers/missions.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { organisationIn } from '../organisations/index.ts'
import { missionsSection } from './index.ts'

const row = (date: string) => ({ date, start: '09:00', end: '12:00', places: '3' })

describe('the missions section of an organisation’s page', () => {
  let t: TestApp
  let calvados: Territory
  let org: Awaited<ReturnType<typeof makeOrganisation>>
  const render = async (manages: boolean) => {
    const organisation = (await organisationIn(t.db.db, calvados.id, org.id))!
    const node = await missionsSection(t.app.services)({ organisation, actor: null, locale: 'fr', manages })
    return node ? page(`<!doctype html><html><body>${renderToString(node)}</body></html>`) : null
  }

  before(async () => {
    t = await buildTestApp()
    t.clock.set('2026-03-16T09:00:00Z')
    calvados = await makeTerritory(t.app.services)
    org = await makeOrganisation(t, calvados)
  })
  after(() => t.close())

  it('shows nothing to visitors while there is no open mission, and an invitation to its managers', async () => {
    assert.equal(await render(false), null)
    const own = (await render(true))!
    assert.match(own.text(), /Aucune mission ouverte pour le moment/)
    assert.equal(own.link('Publier une mission'), `/organisations/${org.id}/missions/nouvelle`)
  })

  it('lists the open missions with their next slot, and not the held ones', async () => {
    const { mission } = await postMission(t, calvados, org, [row('2026-04-11'), row('2026-04-04')], {
      title: 'Épicerie solidaire',
    })
    await postMission(t, calvados, org, [row('2026-04-04')], { title: 'Vente de gâteaux à 2 €' })
    const shown = (await render(false))!
    assert.equal(shown.text('h2'), 'Missions pour des bénévoles')
    assert.deepEqual(shown.all('li'), ['Épicerie solidaire – Prochain créneau : samedi 4 avril 2026 à 09:00'])
    assert.equal(shown.link('Épicerie solidaire'), `/missions/${mission.id}`)
    assert.equal(shown.link('Publier une mission'), undefined)
  })
})
