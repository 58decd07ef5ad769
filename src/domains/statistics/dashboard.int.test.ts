import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { type BilanWorld, bilanWorld, seedRollups } from '../../../test/helpers/bilan-dashboard.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'

const BILAN = '/administration/bilan'

/** The figures of a section as the page shows them: words → value. */
function figures(p: ReturnType<typeof page>, sectionId: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const div of p.document.querySelectorAll(`#${sectionId} dl div`)) {
    const dt = div.querySelector('dt')?.textContent?.trim() ?? ''
    out[dt] = (div.querySelector('dd')?.textContent ?? '').replace(/\s+/g, ' ').trim()
  }
  return out
}

/** A table's rows as the page shows them, header cells included. */
function rows(p: ReturnType<typeof page>, selector: string): string[][] {
  return [...p.document.querySelectorAll(`${selector} tbody tr`)].map((tr) =>
    [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim()),
  )
}

describe('the staff dashboard of the bilan', () => {
  let t: TestApp
  let w: BilanWorld
  before(async () => {
    t = await buildTestApp()
    w = await bilanWorld(t)
  })
  after(() => t.close())

  it('is for staff who hold the permission, with their second factor, and only of their own territory', async () => {
    assert.equal((await (await w.residentClient()).get(BILAN)).statusCode, 403)
    assert.equal((await (await w.staff(w.moderator)).get(BILAN)).statusCode, 403)
    assert.equal((await (await w.staff(w.moderator)).get(`${BILAN}/export.csv`)).statusCode, 403)
    const noSecondFactor = await (await w.staff(w.coordinator, false)).get(BILAN)
    assert.equal(noSecondFactor.statusCode, 303)
    assert.match(noSecondFactor.headers.location as string, /^\/compte\/securite\?retour=/)
    assert.equal(
      (await (await w.staff(w.coordinator, false)).post(`${BILAN}/actualiser`, {})).statusCode,
      403,
    )
    // La Manche's session is not one on Calvados's host (sign in there first); on her own, her own figures.
    const elsewhere = await (await w.staff(w.mancheCoordinator)).get(BILAN)
    assert.equal(elsewhere.statusCode, 303)
    assert.match(elsewhere.headers.location as string, /^\/connexion\?retour=/)
    const manche = await w.staff(w.mancheCoordinator, true, w.manche.hostnames[0]!)
    const own = page((await manche.get(BILAN)).body)
    assert.equal(figures(own, 'demandes')['Demandes publiées'], '99')
    assert.equal(own.text('main').includes('Bayeux'), false)
    const home = page((await (await w.staff(w.coordinator)).get('/administration')).body)
    assert.equal(home.link('Bilan'), BILAN)
    const moderatorHome = page((await (await w.staff(w.moderator)).get('/administration')).body)
    assert.equal(moderatorHome.link('Bilan'), undefined)
  })

  it('shows the hand-counted figures of the last twelve months, one h1, labelled fields', async () => {
    const res = await (await w.staff(w.coordinator)).get(BILAN)
    assert.equal(res.statusCode, 200)
    const p = page(res.body)
    assert.equal(p.all('h1').length, 1)
    assert.equal(p.h1(), 'Bilan')
    for (const label of ['Du mois de', 'Au mois de (inclus)', 'Commune (facultatif)', 'Catégorie'])
      assert.ok(p.field(label), label)
    assert.equal((p.field('Du mois de') as unknown as HTMLSelectElement).value, '2025-04')
    assert.match(p.text(), /Chiffres arrêtés au 16 mars 2026 à 09:00/)
    assert.deepEqual(figures(p, 'demandes'), {
      'Demandes publiées': '8',
      'Demandes ayant reçu une réponse': '5',
      'Demandes où l’aide a été apportée': '2',
      'Propositions publiées': '3',
      'Propositions ayant reçu une réponse': '0',
      'Propositions où l’aide a été apportée': '0',
      'Part des demandes ayant une réponse en 24 h (%)': '37,5 %',
      'Part des demandes ayant une réponse en 72 h (%)': '50 %',
      'Délai médian de la première réponse (heures)': 'environ 4 h',
      'Délai médian jusqu’à l’aide apportée (heures)': 'environ 3 jours',
    })
    assert.match(p.text('#demandes'), /estimés à partir de tranches horaires/)
    assert.deepEqual(figures(p, 'benevoles'), { 'Bénévoles actifs': '14', 'Nouvelles inscriptions': '7' })
    assert.deepEqual(figures(p, 'appels'), {
      'Appels passés': '3',
      'Tout va bien': '2',
      'Pas de réponse': '1',
      'Besoin d’aide': '0',
      Inquiétude: '0',
    })
    const phone = figures(p, 'ligne')
    assert.equal(phone['Dossiers ouverts'], '2')
    assert.equal(phone['Dossiers clos'], '1')
    assert.equal(Object.values(phone).filter((v) => v === '1').length, 2)
    for (const empty of ['associations', 'missions', 'besoins', 'collectes'])
      assert.equal(p.text(`#${empty} p`), 'Rien sur cette période.', empty)
    assert.deepEqual(
      rows(p, '#tendances').filter((r) => r[1] !== '0'),
      [
        ['02/02/2026', '6', '4', '2'],
        ['09/03/2026', '2', '1', '0'],
      ],
    )
    // every chart is an SVG with its words, beside the same data as a table
    const charts = [...p.document.querySelectorAll('figure.chart-figure')]
    assert.deepEqual(
      charts.map((f) => f.closest('section.bilan-section')?.getAttribute('id')),
      ['tendances', 'par-categorie', 'par-commune'],
    )
    for (const f of charts) {
      assert.ok(f.querySelector('svg title')?.textContent, 'a titled SVG')
      assert.ok(f.querySelector('table tbody tr'), 'its table')
    }
    assert.ok(p.text('#par-categorie svg').includes('=HYPERLINK("http://evil.test";"x")'))
    assert.deepEqual(rows(p, '#par-categorie'), [
      ['Courses de première nécessité et médicaments', '6', '4', '66,7 %', '2'],
      ['=HYPERLINK("http://evil.test";"x")', '2', '1', '50 %', '0'],
    ])
  })

  it('hides a commune’s small count of volunteers, and the count that would give it away', async () => {
    const client = await w.staff(w.coordinator)
    const p = page((await client.get(BILAN)).body)
    // Bayeux has one volunteer; Caen (6) is hidden too, or 14 − 7 − 6 would tell Bayeux's.
    assert.deepEqual(rows(p, '#par-commune'), [
      ['Caen', '14118', '6', '4', '2', '< 5'],
      ['Bayeux', '14047', '2', '1', '0', '< 5'],
      ['Hérouville-Saint-Clair', '14327', '0', '0', '0', '7'],
    ])
    const bayeux = page((await client.get(`${BILAN}?commune=14047`)).body)
    assert.equal(figures(bayeux, 'benevoles')['Bénévoles actifs'], '< 5')
    assert.equal(figures(bayeux, 'demandes')['Demandes publiées'], '2')
    const caen = page((await client.get(`${BILAN}?commune=${encodeURIComponent('Caen (14000)')}`)).body)
    assert.equal(figures(caen, 'benevoles')['Bénévoles actifs'], '< 5')
    assert.equal(figures(caen, 'demandes')['Demandes publiées'], '6')
    assert.equal((caen.field('Commune') as unknown as HTMLInputElement).value, 'Caen (14000)')
    const childcare = page((await client.get(`${BILAN}?categorie=${w.childcare.id}`)).body)
    assert.equal(figures(childcare, 'benevoles')['Bénévoles actifs'], '< 5')
    const groceries = page((await client.get(`${BILAN}?categorie=${w.groceries.id}`)).body)
    assert.equal(figures(groceries, 'benevoles')['Bénévoles actifs'], '13')
    assert.equal(figures(groceries, 'demandes')['Demandes publiées'], '6')
  })

  it('filters by period, with presets that keep the rest of the filter', async () => {
    const client = await w.staff(w.coordinator)
    const p = page((await client.get(`${BILAN}?categorie=${w.groceries.id}`)).body)
    const since = p.link('Depuis le début')!
    assert.equal(since, `${BILAN}?du=2024-06&au=2026-03&categorie=${w.groceries.id}`)
    const all = page((await client.get(since)).body)
    assert.equal(figures(all, 'demandes')['Demandes publiées'], '11')
    const march = page((await client.get(`${BILAN}?du=2026-03&au=2026-03`)).body)
    assert.equal(figures(march, 'demandes')['Demandes publiées'], '2')
    assert.equal(figures(march, 'benevoles')['Bénévoles actifs'], '1')
    assert.equal(march.text('#appels p'), 'Rien sur cette période.')
    assert.equal(march.link('CSV (tableur)'), `${BILAN}/export.csv?du=2026-03&au=2026-03`)
  })

  it('refuses a filter it cannot compute with an error summary in French, and computes nothing', async () => {
    const client = await w.staff(w.coordinator)
    const cases: [string, { text: string; href: string }[]][] = [
      ['du=2026-13', [{ text: 'Choisissez le premier mois dans la liste', href: '#du' }]],
      ['au=2026-04', [{ text: 'Choisissez le dernier mois dans la liste', href: '#au' }]],
      ['du=2026-03&au=2026-01', [{ text: 'Le dernier mois doit venir après le premier', href: '#au' }]],
      ['du=2014-01&au=2026-03', [{ text: 'Choisissez une période de 10 ans au plus', href: '#du' }]],
      [
        'commune=Atlantide',
        [{ text: 'Indiquez une commune du territoire, ou laissez le champ vide', href: '#commune' }],
      ],
      [
        'commune=Saint-L%C3%B4',
        [{ text: 'Plusieurs communes peuvent correspondre : ajoutez le code postal', href: '#commune' }],
      ],
      [
        'commune=50502',
        [{ text: 'Indiquez une commune du territoire, ou laissez le champ vide', href: '#commune' }],
      ],
      [`categorie=${w.manche.id}`, [{ text: 'Choisissez une catégorie dans la liste', href: '#categorie' }]],
    ]
    for (const [query, summary] of cases) {
      const res = await client.get(`${BILAN}?${query}`)
      assert.equal(res.statusCode, 400, query)
      const p = page(res.body)
      assert.deepEqual(p.errorSummary(), summary, query)
      assert.equal(p.document.querySelector('#demandes'), null, query)
      assert.equal(p.all('h1').length, 1)
    }
  })

  it('answers hostile strings in every parameter with a 400 in French, never a 500 nor an echo', async () => {
    const client = await w.staff(w.coordinator)
    const hostile = [
      "' or 1=1 --",
      '<script>alert(1)</script>',
      '../../etc/passwd',
      '%00',
      '\u0000',
      '🙂'.repeat(300),
      'x'.repeat(3000),
      '2026-03\r\nSet-Cookie: a=b',
      '=HYPERLINK("x")',
    ]
    for (const param of ['du', 'au', 'commune', 'categorie'])
      for (const value of hostile)
        for (const path of [BILAN, `${BILAN}/export.csv`, `${BILAN}/export.xlsx`]) {
          const res = await client.get(`${path}?${param}=${encodeURIComponent(value)}`)
          assert.equal(res.statusCode, 400, `${path} ${param}=${JSON.stringify(value.slice(0, 20))}`)
          assert.match(res.headers['content-type'] as string, /^text\/html/)
          assert.equal(res.body.includes('<script>alert(1)</script>'), false)
          assert.equal(res.headers['set-cookie']?.toString().includes('a=b') ?? false, false)
        }
    const list = await client.get(`${BILAN}?du=2026-01&du=2026-02`)
    assert.equal(list.statusCode, 400)
  })

  it('renders for a territory without any figure yet: every section says there is nothing', async () => {
    const empty = await makeTerritory(t.app.services, { platformName: 'Entraide Orne', departements: ['61'] })
    const coordinator = await makeAccount(t, empty, { roles: ['coordinator'] })
    const client = await new Client(t, empty.hostnames[0]!).signInDirectly(coordinator, {
      staff: true,
      secondFactor: true,
    })
    const res = await client.get(BILAN)
    assert.equal(res.statusCode, 200)
    const p = page(res.body)
    // the rollup's progress is one for the whole install: the other territory's figures are drawn
    assert.match(p.text(), /Chiffres arrêtés au 16 mars 2026/)
    assert.equal(p.all('main section.bilan-section > h2').length, 11)
    assert.deepEqual(
      new Set(p.all('main section.bilan-section > p.notice')),
      new Set(['Rien sur cette période.']),
    )
    assert.equal(p.all('main section.bilan-section > p.notice').length, 11)
  })

  it('shows the ten communes that ask most, and all of them on « voir toutes »', async () => {
    const orne = await makeTerritory(t.app.services, { platformName: 'Entraide Orne', departements: ['61'] })
    const communes = (await t.app.services.communes.ofTerritory(orne)).slice(0, 12)
    await seedRollups(
      t,
      orne.id,
      communes.map((c, i) => ({
        day: '2026-02-03',
        metric: 'ask.posted',
        value: i + 1,
        commune: c.insee,
        category: '?',
      })),
    )
    const coordinator = await makeAccount(t, orne, { roles: ['coordinator'] })
    const client = await new Client(t, orne.hostnames[0]!).signInDirectly(coordinator, {
      staff: true,
      secondFactor: true,
    })
    const p = page((await client.get(BILAN)).body)
    const top = rows(p, '#par-commune')
    assert.equal(top.length, 10)
    assert.deepEqual(top[0]!.slice(0, 3), [communes[11]!.name, communes[11]!.insee, '12'])
    const all = p.link('Voir toutes les communes (12)')!
    assert.equal(all, `${BILAN}?du=2025-04&au=2026-03&communes=toutes#par-commune`)
    assert.equal(rows(page((await client.get(all)).body), '#par-commune').length, 12)
  })

  it('refreshes the figures on a POST with its token, and comes back to the same filter', async () => {
    const client = await w.staff(w.coordinator)
    assert.equal((await client.post(`${BILAN}/actualiser`, {}, { withoutCsrf: true })).statusCode, 403)
    const res = await client.post(`${BILAN}/actualiser`, {
      filtre: `du=2026-01&au=2026-03&categorie=${w.groceries.id}&retour=https://evil.test`,
    })
    assert.equal(res.statusCode, 303)
    assert.equal(
      res.headers.location,
      `${BILAN}?du=2026-01&au=2026-03&categorie=${w.groceries.id}&fait=actualise`,
    )
    const p = page((await client.get(res.headers.location as string)).body)
    assert.match(p.text(), /Les chiffres sont à jour/)
  })
})
