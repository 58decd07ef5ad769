import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'
import { ValidationError } from '../../platform/validation.ts'

describe('territories: one platform per host', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp()
    await makeTerritory(t.app.services, {
      platformName: 'Entraide Calvados',
      slug: 'calvados',
      hostnames: ['entraide.calvados.test'],
      primaryColor: '#1f4e8c',
    })
    await makeTerritory(t.app.services, {
      platformName: 'Lozère Entraidons-nous',
      officialName: 'Département de la Lozère',
      slug: 'lozere',
      departements: ['48'],
      hostnames: ['entraide.lozere.test', 'www.entraide.lozere.test'],
      primaryColor: '#7a1f5c',
      contactEmail: 'entraide@lozere.test',
      charter: { fr: 'Notre charte lozérienne.\n\nDeuxième paragraphe.' },
    })
  })
  after(() => t.close())

  it('serves each territory its own home page, by host, whatever the case and port', async () => {
    const calvados = await t.app.inject({ url: '/', headers: { host: 'entraide.calvados.test' } })
    assert.equal(calvados.statusCode, 200)
    assert.equal(page(calvados.body).h1(), 'Entraide Calvados')
    const lozere = page(
      (await t.app.inject({ url: '/', headers: { host: 'WWW.Entraide.Lozere.test:8080' } })).body,
    )
    assert.equal(lozere.h1(), 'Lozère Entraidons-nous')
    assert.equal(lozere.link('J’ai besoin d’aide'), '/besoin-d-aide')
    assert.equal(lozere.link('Je veux aider'), '/je-veux-aider')
    assert.match(lozere.text('footer'), /Département de la Lozère/)
  })

  it('answers an unknown host with a clear 404 page, and the API with problem JSON', async () => {
    const res = await t.app.inject({ url: '/', headers: { host: 'inconnu.example' } })
    assert.equal(res.statusCode, 404)
    const p = page(res.body)
    assert.equal(p.h1(), 'Plateforme introuvable')
    assert.match(p.text('main'), /inconnu\.example/)
    const api = await t.app.inject({ url: '/api/v1/communes?q=caen', headers: { host: 'inconnu.example' } })
    assert.equal(api.statusCode, 404)
    assert.match(api.headers['content-type'] as string, /application\/problem\+json/)
    assert.equal(api.json().status, 404)
  })

  it('describes the platform of the host in the API, and nothing of the other one', async () => {
    const res = await t.app.inject({
      url: '/api/v1/territory',
      headers: { host: 'entraide.lozere.test', 'accept-language': 'en' },
    })
    assert.equal(res.statusCode, 200)
    const body = res.json()
    assert.equal(body.platformName, 'Lozère Entraidons-nous')
    assert.deepEqual(body.departements, ['48'])
    assert.doesNotMatch(res.body, /Calvados/)
  })

  it('still answers health checks on any host', async () => {
    const res = await t.app.inject({ url: '/healthz', headers: { host: '10.0.0.5' } })
    assert.equal(res.statusCode, 200)
    const ready = await t.app.inject({ url: '/readyz', headers: { host: '10.0.0.5' } })
    assert.deepEqual(ready.json(), { status: 'ok', database: t.db.kind })
  })

  it("serves the territory's colour as a stylesheet, since inline styles are forbidden", async () => {
    const css = await t.app.inject({ url: '/theme.css', headers: { host: 'entraide.lozere.test' } })
    assert.match(css.body, /--primary:#7a1f5c/)
    assert.match(css.headers['content-type'] as string, /text\/css/)
  })

  it('shows the footer pages with the territory text or the default one', async () => {
    const host = { host: 'entraide.lozere.test' }
    const charter = page((await t.app.inject({ url: '/charte', headers: host })).body)
    assert.equal(charter.h1(), 'Charte de l’entraide')
    assert.deepEqual(charter.all('main p'), ['Notre charte lozérienne.', 'Deuxième paragraphe.'])
    const home = page((await t.app.inject({ url: '/', headers: host })).body)
    for (const [name, path] of [
      ['Mentions légales', '/mentions-legales'],
      ['Données personnelles', '/donnees-personnelles'],
      ['Accessibilité : non conforme', '/accessibilite'],
      ['Charte de l’entraide', '/charte'],
      ['Contact', '/contact'],
    ]) {
      assert.equal(home.link(name!), path)
      const res = await t.app.inject({ url: path!, headers: host })
      assert.equal(res.statusCode, 200, path)
    }
    const contact = page((await t.app.inject({ url: '/contact', headers: host })).body)
    assert.match(contact.text('main'), /entraide@lozere\.test/)
  })

  it('refuses a primary colour too pale for white text, and writes nothing', async () => {
    const before = await t.app.services.territories.count()
    await assert.rejects(
      makeTerritory(t.app.services, { primaryColor: '#ffd700', hostnames: ['pale.test'] }),
      (e: unknown) =>
        e instanceof ValidationError && e.issues.some((i) => i.key === 'territory.error.colourContrast'),
    )
    await assert.rejects(
      makeTerritory(t.app.services, { hostnames: ['entraide.calvados.test'] }),
      (e: unknown) =>
        e instanceof ValidationError && e.issues.some((i) => i.key === 'territory.error.hostTaken'),
    )
    await assert.rejects(
      makeTerritory(t.app.services, { departements: ['99', 'XX'] }),
      (e: unknown) =>
        e instanceof ValidationError &&
        e.issues.filter((i) => i.key === 'territory.error.departement').length === 2,
    )
    assert.equal(await t.app.services.territories.count(), before)
    const res = await t.app.inject({ url: '/', headers: { host: 'pale.test' } })
    assert.equal(res.statusCode, 404)
  })
})

describe('territories: operators change branding, texts, hosts and crisis mode', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp()
    await makeTerritory(t.app.services, { slug: 'calvados', hostnames: ['entraide.calvados.test'] })
  })
  after(() => t.close())

  it('turns crisis mode on, with its banner and barrier-gesture advice', async () => {
    await t.app.services.territories.update('calvados', { crisisMode: true })
    const home = page((await t.app.inject({ url: '/', headers: { host: 'entraide.calvados.test' } })).body)
    assert.match(home.text('body'), /Mode crise activé/)
    const door = page(
      (await t.app.inject({ url: '/besoin-d-aide', headers: { host: 'entraide.calvados.test' } })).body,
    )
    assert.match(door.text('main'), /gestes barrières/)
  })

  it('moves the platform to a new host name and writes its legal notice', async () => {
    await t.app.services.territories.update('14', {
      addHosts: ['entraide.calvados.fr'],
      removeHosts: ['entraide.calvados.test'],
      legalNotice: { fr: 'Directeur de la publication : le Président du Département.' },
    })
    const old = await t.app.inject({ url: '/', headers: { host: 'entraide.calvados.test' } })
    assert.equal(old.statusCode, 404)
    const legal = page(
      (await t.app.inject({ url: '/mentions-legales', headers: { host: 'entraide.calvados.fr' } })).body,
    )
    // The operator's own text follows the template, under its own heading.
    assert.equal(legal.all('main h2').at(-1), 'Informations complémentaires')
    assert.equal(legal.all('main p').at(-1), 'Directeur de la publication : le Président du Département.')
  })

  it('refuses a pale colour or a bad logo address, and changes nothing', async () => {
    await assert.rejects(
      t.app.services.territories.update('calvados', {
        primaryColor: '#eeeeee',
        logoUrl: 'javascript:alert(1)',
        platformName: 'Nouveau nom',
      }),
      (e: unknown) =>
        e instanceof ValidationError &&
        e.issues
          .map((i) => i.key)
          .sort()
          .join() === 'territory.error.colourContrast,territory.error.logo',
    )
    const after = await t.app.services.territories.find('calvados')
    assert.equal(after?.primaryColor, '#1f4e8c')
    assert.equal(after?.platformName, 'Entraide Calvados')
  })
})

describe('territories: default territory for unknown hosts', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp({ DEFAULT_TERRITORY: 'calvados' })
    await makeTerritory(t.app.services, { slug: 'calvados', hostnames: ['entraide.calvados.test'] })
  })
  after(() => t.close())

  it('serves the configured default territory on any other host', async () => {
    const res = await t.app.inject({ url: '/', headers: { host: 'autre.example' } })
    assert.equal(res.statusCode, 200)
    assert.equal(page(res.body).h1(), 'Entraide Calvados')
  })
})
