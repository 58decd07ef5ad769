import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { clearHomeHighlight, homeHighlight, setHomeHighlight } from './index.ts'

/** What staff put forward in a crisis shows on the home page of that territory only, one at a time. */
describe('the home page highlight', () => {
  let t: TestApp
  let calvados: Territory
  const home = async (host: string) => {
    // The public page copy lives a second: past it, the next request renders again.
    t.clock.advance(2_000)
    return page((await t.app.inject({ url: '/', headers: { host } })).body)
  }
  before(async () => {
    t = await buildTestApp()
    calvados = await makeTerritory(t.app.services, { hostnames: ['une.calvados.test'] })
    await makeTerritory(t.app.services, { hostnames: ['une.manche.test'], departements: ['50'] })
  })
  after(() => t.close())

  it('shows nothing until staff put something forward', async () => {
    assert.doesNotMatch((await home('une.calvados.test')).text('main'), /À la une/)
  })

  it('shows the subject with its link under « À la une », on its own territory only', async () => {
    const db = t.app.services.database.db
    await setHomeHighlight(db, calvados.id, {
      source: 'campaign:1',
      title: 'Masques en tissu pour les aidants',
      text: 'Vous cousez ? Vous avez besoin de masques ? Tout se passe ici.',
      href: '/collectes/1',
      setBy: null,
      setAt: t.clock.now(),
    })
    const shown = await home('une.calvados.test')
    assert.match(shown.text('main'), /À la une/)
    assert.match(shown.text('main'), /Vous cousez \?/)
    assert.equal(shown.link('Masques en tissu pour les aidants'), '/collectes/1')
    assert.doesNotMatch((await home('une.manche.test')).text('main'), /À la une|Masques en tissu/)
  })

  it('replaces one subject by another, and only the one that set it takes it down', async () => {
    const db = t.app.services.database.db
    await setHomeHighlight(db, calvados.id, {
      source: 'producers',
      title: 'Nos producteurs locaux',
      text: 'Achetez près de chez vous.',
      href: '/producteurs',
      setBy: null,
      setAt: t.clock.now(),
    })
    assert.equal(await clearHomeHighlight(db, calvados.id, 'campaign:1'), false)
    assert.match((await home('une.calvados.test')).text('main'), /Nos producteurs locaux/)
    assert.equal(await clearHomeHighlight(db, calvados.id, 'producers'), true)
    assert.equal(await homeHighlight(db, calvados.id), null)
    assert.doesNotMatch((await home('une.calvados.test')).text('main'), /À la une/)
  })

  it('links only to a page of the territory’s own site', async () => {
    const db = t.app.services.database.db
    for (const href of ['https://example.org/', '//example.org/', 'javascript:alert(1)']) {
      await assert.rejects(
        setHomeHighlight(db, calvados.id, {
          source: 'producers',
          title: 'x',
          text: 'x',
          href,
          setBy: null,
          setAt: t.clock.now(),
        }),
      )
    }
    assert.equal(await homeHighlight(db, calvados.id), null)
  })
})
