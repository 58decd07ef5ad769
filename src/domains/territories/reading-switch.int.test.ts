import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'

const HOSTILE: string[] = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/hostile-inputs.json', import.meta.url), 'utf8'),
)
/** An unpaired surrogate cannot travel in an address: the browser sends U+FFFD instead. */
const inQuery = (text: string) => encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '\ufffd'))

const USUAL_INTRO = 'Entre voisins, on se rend service gratuitement'
const EASY_INTRO = 'Ici, des voisins s’aident. L’aide est gratuite.'

/** What a home page says about the reading mode: the body's class, its intro, the header's switch. */
function reading(body: string) {
  const p = page(body)
  return {
    easy: p.document.body.getAttribute('class') === 'easy-read',
    intro: p.text('.lead'),
    switchTo: p.all('.main-nav a.reading-switch')[0],
    switchHref: p.document.querySelector('.main-nav a.reading-switch')?.getAttribute('href'),
  }
}

describe('the easy-read switch: « Lecture facile » for anyone, signed in or not', () => {
  let t: TestApp
  let territory: Territory
  let host: string
  before(async () => {
    t = await buildTestApp()
    territory = await makeTerritory(t.app.services)
    host = territory.hostnames[0]!
  })
  after(() => t.close())

  it('turns a visitor’s pages to easy reading with a header link, and back', async () => {
    const visitor = new Client(t, host)
    const usual = reading((await visitor.get('/')).body)
    assert.deepEqual(
      [usual.easy, usual.switchTo, usual.switchHref],
      [false, 'Lecture facile', '/lecture/facile?retour=%2F'],
    )
    assert.match(usual.intro, new RegExp(USUAL_INTRO))

    const on = await visitor.get(usual.switchHref!)
    assert.equal(on.statusCode, 303)
    assert.equal(on.headers.location, '/')
    assert.equal(on.cookies.find((c) => c.name === 'lecture')?.value, 'facile')
    const easy = reading((await visitor.get('/')).body)
    assert.deepEqual([easy.easy, easy.switchTo], [true, 'Lecture habituelle'])
    assert.match(easy.intro, new RegExp(EASY_INTRO))
    assert.doesNotMatch(easy.intro, new RegExp(USUAL_INTRO))

    const off = await visitor.get(easy.switchHref!)
    assert.equal(off.statusCode, 303)
    const back = reading((await visitor.get('/')).body)
    assert.deepEqual([back.easy, back.switchTo], [false, 'Lecture facile'])
    assert.match(back.intro, new RegExp(USUAL_INTRO))
  })

  it('comes back to the page it was used on, its query included', async () => {
    const visitor = new Client(t, host)
    const search = reading((await visitor.get('/annonces?words=courses')).body)
    assert.equal(search.switchHref, '/lecture/facile?retour=%2Fannonces%3Fwords%3Dcourses')
    const res = await visitor.get(search.switchHref!)
    assert.equal(res.headers.location, '/annonces?words=courses')
    assert.ok(reading((await visitor.get('/annonces?words=courses')).body).easy)
  })

  it('shows a signed-in person their profile’s choice on any device, and this device’s switch wins', async () => {
    const easyReader = await makeAccount(t, territory, { easyRead: true })
    const phone = await new Client(t, host).signInDirectly(easyReader)
    assert.ok(reading((await phone.get('/')).body).easy, 'the profile’s option')
    await phone.get('/lecture/habituelle?retour=%2F')
    assert.equal(reading((await phone.get('/')).body).easy, false, 'the switch wins on this device')
    const computer = await new Client(t, host).signInDirectly(easyReader)
    assert.ok(reading((await computer.get('/')).body).easy, 'another device still follows the profile')

    const usualReader = await makeAccount(t, territory)
    const tablet = await new Client(t, host).signInDirectly(usualReader)
    assert.equal(reading((await tablet.get('/')).body).easy, false)
    await tablet.get('/lecture/facile?retour=%2F')
    assert.ok(reading((await tablet.get('/')).body).easy)
  })

  it('follows the profile again on this device once its option is saved', async () => {
    const person = await makeAccount(t, territory, { displayName: 'Jeanne' })
    const client = await new Client(t, host).signInDirectly(person)
    await client.get('/lecture/habituelle?retour=%2F')
    const form = page((await client.get('/compte/profil')).body)
    const values: Record<string, string> = {}
    for (const input of form.document.querySelectorAll('form[action="/compte/profil"] [name]')) {
      const name = input.getAttribute('name')!
      const type = input.getAttribute('type')
      if (name === '_csrf' || ((type === 'radio' || type === 'checkbox') && !input.hasAttribute('checked')))
        continue
      values[name] = input.getAttribute('value') ?? input.textContent ?? ''
    }
    const saved = await client.post('/compte/profil', { ...values, easyRead: '1' })
    assert.equal(saved.statusCode, 303, JSON.stringify(page(saved.body).errorSummary()))
    assert.equal(client.cookies.lecture, undefined)
    assert.ok(reading((await client.get('/')).body).easy)
  })

  it('never sends anyone to another site, whatever « retour » holds', async () => {
    const offSite = [
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      '/%2F/evil.example',
      '/\t/evil.example',
    ]
    for (const retour of [...offSite, ...HOSTILE]) {
      const what = JSON.stringify(retour.slice(0, 40))
      const res = await t.app.inject({ url: `/lecture/facile?retour=${inQuery(retour)}`, headers: { host } })
      assert.ok(res.statusCode === 303 || res.statusCode === 400, `${what}: ${res.statusCode}`)
      if (res.statusCode === 400) continue
      const location = String(res.headers.location)
      assert.match(location, /^\/(?![/\\])/, `${what}: ${location}`)
      assert.equal(new URL(location, 'http://entraide.invalid').origin, 'http://entraide.invalid', what)
    }
  })

  it('sets nothing for a mode it does not know, and reads a made-up cookie as no choice', async () => {
    for (const mode of [...HOSTILE.filter((h) => h.length < 20), 'FACILE', 'easy']) {
      const res = await t.app.inject({ url: `/lecture/${inQuery(mode)}?retour=%2F`, headers: { host } })
      assert.ok([303, 400, 404].includes(res.statusCode), `${JSON.stringify(mode)}: ${res.statusCode}`)
      assert.equal(
        res.cookies.find((c) => c.name === 'lecture'),
        undefined,
        `${JSON.stringify(mode)} sets no cookie`,
      )
    }
    for (const value of ['oui', '1', 'facile ', '__proto__']) {
      const res = await t.app.inject({ url: '/', headers: { host }, cookies: { lecture: value } })
      assert.equal(res.statusCode, 200)
      assert.equal(reading(res.body).easy, false, value)
    }
  })
})
