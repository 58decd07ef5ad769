import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'
import { makeCategory, makeListing } from '../../../test/helpers/listings.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'

const HOSTILE: string[] = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/hostile-inputs.json', import.meta.url), 'utf8'),
)
/** An unpaired surrogate cannot travel in an address: the browser sends U+FFFD instead. */
const inUrl = (text: string) => encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '\ufffd'))

// The search page as a person on a phone reads it: results first, what narrows them said in
// words, the place changeable, forgiving words, and ways on when nothing is found.
describe('the search page: results first, said plainly, forgiving', () => {
  let t: TestApp
  let calvados: Territory
  let me: Awaited<ReturnType<typeof makeAccount>>
  const host = () => calvados.hostnames[0]!
  const visitor = () => new Client(t, host())
  const get = async (url: string, client = visitor()) => {
    const res = await client.get(url)
    assert.equal(res.statusCode, 200, `${url}: ${res.body.slice(0, 300)}`)
    return page(res.body)
  }
  const titles = (p: ReturnType<typeof page>) => p.all('.results h3')

  before(async () => {
    t = await buildTestApp()
    calvados = await makeTerritory(t.app.services)
    const author = await makeAccount(t, calvados, { displayName: 'Zoé', communeInsee: '14118' })
    me = await makeAccount(t, calvados, { displayName: 'Odette', communeInsee: '14047', radiusKm: 5 })
    const repairs = await makeCategory(t, calvados, { slug: 'bricolage', name: { fr: 'Bricolage' } })
    const lessons = await makeCategory(t, calvados, {
      slug: 'devoirs',
      name: { fr: 'Aide aux devoirs' },
    })
    await makeListing(t, calvados, author, {
      title: 'Prête de vélos',
      description: 'Deux bicyclettes pour les enfants du quartier.',
      communeInsee: '14047',
      categoryId: repairs.id,
      kind: 'offer',
    })
    await makeListing(t, calvados, author, {
      title: 'Réparer un velo',
      description: 'La chaîne saute.',
      communeInsee: '14118',
      categoryId: repairs.id,
    })
    await makeListing(t, calvados, author, {
      title: 'Fixer une étagère',
      description: 'Trois planches au mur du salon.',
      communeInsee: '14118',
      categoryId: repairs.id,
    })
    await makeListing(t, calvados, author, {
      title: 'Réviser les mathématiques',
      description: 'Une élève de troisième, le mercredi.',
      communeInsee: '14118',
      categoryId: lessons.id,
    })
    await makeListing(t, calvados, me, {
      title: 'Mes courses du jeudi',
      description: 'Je ne peux plus porter les packs d’eau.',
      communeInsee: '14047',
      categoryId: lessons.id,
    })
  })
  after(() => t.close())

  it('puts the results before the filters, which stay closed until asked for', async () => {
    const p = await get('/annonces')
    const html = p.document.body.innerHTML
    assert.ok(titles(p).length > 0)
    assert.ok(html.indexOf('class="results"') < html.indexOf('id="filtres"'), 'results first')
    const filters = p.document.getElementById('filtres')!
    assert.equal(filters.tagName.toLowerCase(), 'details')
    assert.equal(filters.hasAttribute('open'), false)
    assert.equal(p.text('#filtres summary'), 'Filtres')
    // Its fields belong to the search form above the results: one submission carries them all.
    for (const name of ['kind', 'categories', 'commune', 'radiusKm', 'urgency', 'sort'])
      assert.equal(p.document.querySelector(`[name="${name}"]`)?.getAttribute('form'), 'recherche', name)
    assert.equal(p.document.querySelector('form#recherche')?.getAttribute('method'), 'get')
  })

  it('says the filters and the place in words, and « modifier » opens the filters without JavaScript', async () => {
    const p = await get('/annonces?kind=offer&categories=bricolage&commune=Bayeux&radiusKm=10')
    assert.deepEqual(p.all('#resume p'), [
      'Filtres : Propositions, Bricolage · retirer les filtres',
      'Autour de Bayeux, 10 km · modifier',
    ])
    assert.equal(p.text('#filtres summary'), 'Filtres (2 actifs)')
    const change = p.link('modifier')!
    assert.match(change, /filtres=1#filtres$/)
    const opened = await get(change.replace(/#.*$/, ''))
    assert.equal(opened.document.getElementById('filtres')?.hasAttribute('open'), true)
    assert.equal(opened.field('Autour de la commune')?.getAttribute('value'), 'Bayeux')
    const cleared = await get(p.link('retirer les filtres')!)
    assert.deepEqual(cleared.all('#resume p'), ['Autour de Bayeux, 10 km · modifier'])
    const everywhere = await get('/annonces')
    assert.deepEqual(everywhere.all('#resume p'), ['Sur tout le territoire · choisir une commune'])
  })

  it('shows a signed-in person everyone’s listings and their own, with no circle applied unasked', async () => {
    const client = await new Client(t, host()).signInDirectly(me)
    const p = await get('/annonces', client)
    assert.deepEqual(titles(p).sort(), [
      'Fixer une étagère',
      'Mes courses du jeudi',
      'Prête de vélos',
      'Réparer un velo',
      'Réviser les mathématiques',
    ])
    assert.deepEqual(p.all('#resume p'), ['Sur tout le territoire · choisir une commune'])
    assert.equal(p.field('Autour de la commune')?.getAttribute('value'), '')
  })

  it('says how many listings lie further away when the circle holds few', async () => {
    const p = await get('/annonces?words=velo&commune=Bayeux&radiusKm=10')
    assert.deepEqual(titles(p), ['Prête de vélos'])
    assert.equal(
      p.text('.search-beyond'),
      '1 autre annonce plus loin. Chercher à moins de 20 km · Chercher sur tout le territoire',
    )
    const wide = await get(p.link('Chercher sur tout le territoire')!)
    assert.deepEqual(titles(wide).sort(), ['Prête de vélos', 'Réparer un velo'])
    const all = await get('/annonces?commune=Bayeux&radiusKm=10')
    assert.equal(
      all.text('.search-beyond'),
      '3 autres annonces plus loin. Chercher à moins de 20 km · Chercher sur tout le territoire',
    )
  })

  it('finds words whatever their accents and number: « velo », « vélo », « vélos »', async () => {
    for (const words of ['velo', 'vélo', 'vélos', 'VELOS'])
      assert.deepEqual(
        titles(await get(`/annonces?words=${inUrl(words)}`)).sort(),
        ['Prête de vélos', 'Réparer un velo'],
        words,
      )
  })

  it('finds the listings of a category named by the words', async () => {
    assert.deepEqual(titles(await get('/annonces?words=bricolage')).sort(), [
      'Fixer une étagère',
      'Prête de vélos',
      'Réparer un velo',
    ])
    assert.deepEqual(titles(await get('/annonces?words=devoirs')).sort(), [
      'Mes courses du jeudi',
      'Réviser les mathématiques',
    ])
  })

  it('names the close words as the listings write them, accents included', async () => {
    const p = await get('/annonces?words=mathematiqeus')
    assert.deepEqual(titles(p), ['Réviser les mathématiques'])
    assert.match(p.text('main'), /Annonces avec des mots proches : mathématiques\./)
  })

  it('offers ways on when nothing is found', async () => {
    const p = await get('/annonces?words=xylophone&kind=ask&commune=Bayeux&radiusKm=5')
    assert.match(p.text('main'), /Aucune annonce ne correspond à cette recherche\./)
    const steps = [...p.document.querySelectorAll('.search-next li a')].map((a) => [
      a.textContent?.trim(),
      a.getAttribute('href'),
    ])
    assert.deepEqual(
      steps.map(([text]) => text),
      [
        'Chercher à moins de 10 km',
        'Chercher sur tout le territoire',
        'Retirer les filtres (type, catégories, urgence)',
        'Voir toutes les annonces, sans les mots « xylophone »',
        'Publier une demande d’aide',
        'Se connecter pour être prévenu des nouvelles annonces de cette recherche',
      ],
    )
    assert.equal(steps[1]![1], '/annonces?words=xylophone&kind=ask&commune=')
    assert.equal(steps[4]![1], '/annonces/nouvelle?type=demande')
    assert.match(steps[5]![1]!, /^\/connexion\?retour=%2Fannonces%3F/)
    const client = await new Client(t, host()).signInDirectly(me)
    const signedIn = await get('/annonces?words=xylophone', client)
    assert.equal(
      signedIn.link('Être prévenu par courriel des nouvelles annonces de cette recherche'),
      '#alerte',
    )
    assert.equal(signedIn.document.getElementById('alerte')?.tagName.toLowerCase(), 'form')
  })

  it('answers hostile text in the words, the place and the « filtres » switch without harm', async () => {
    for (const text of HOSTILE) {
      for (const query of [
        `filtres=${inUrl(text)}`,
        `words=${inUrl(text)}&filtres=1`,
        `commune=${inUrl(text)}`,
      ]) {
        const res = await visitor().get(`/annonces?${query}`)
        assert.ok([200, 400].includes(res.statusCode), `${query}: ${res.statusCode}`)
        assert.ok(!res.body.includes('<script>alert'), query)
        assert.ok(!res.body.includes('<img src=x'), query)
      }
    }
    // The switch only opens the filters; anything but « 1 » leaves them closed.
    const p = await get(`/annonces?filtres=${inUrl('<script>alert(1)</script>')}`)
    assert.equal(p.document.getElementById('filtres')?.hasAttribute('open'), false)
  })
})
