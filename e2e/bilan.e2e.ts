import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { after, before, describe, it } from 'node:test'
import ExcelJS from 'exceljs'
import type { Download, Page } from 'playwright-core'
import { expectAccessible } from './helpers/axe.ts'
import { type Journey, startJourney } from './helpers/journey.ts'
import { h1, main, tabTo } from './helpers/page.ts'
import { expectNoHorizontalScroll } from './helpers/reflow.ts'
import { signInEnrollingSecondFactor } from './helpers/staff.ts'

/** The demonstration's coordinator, who enrols her second factor at her first sign-in. */
const JULIE = {
  email: 'julie.coordinatrice@entraide.localhost',
  password: 'démo entraide calvados coordination',
}
const BILAN = '/administration/bilan'
/** The open data's columns, as its Table Schema documents them. */
const OPEN_DATA_COLUMNS = [
  'mois',
  'code_commune',
  'commune',
  'categorie',
  'categorie_libelle',
  'demandes_et_propositions',
  'avec_reponse',
  'aide_apportee',
  'benevoles_actifs',
]

/** Every page of the journey passes axe and fits a 360 px screen (and 200 % zoom) without scrolling sideways. */
async function looked(page: Page, label: string): Promise<void> {
  await expectAccessible(page, label)
  await expectNoHorizontalScroll(page, label)
}

/** The number shown under a headline figure's words, as a person reads it (« 1 234 » → 1234). */
async function headline(page: Page, label: string): Promise<number> {
  const item = main(page)
    .locator('dl.bilan-figures > div')
    .filter({ has: page.getByText(label, { exact: true }) })
  const shown = await item.locator('dd').first().innerText()
  return Number(shown.replace(/\s/g, ''))
}

/** Clicks a link that downloads, and reads the file the browser saved. */
async function download(page: Page, name: string): Promise<{ file: Download; body: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    main(page).getByRole('link', { name, exact: true }).click(),
  ])
  const path = await file.path()
  return { file, body: await readFile(path) }
}

describe('the bilan in a browser: the public page, the staff dashboard and the open data', () => {
  let journey: Journey
  let julie: Page
  /** Bayeux's asks, as the dashboard shows them */
  let bayeux = 0

  before(async () => {
    journey = await startJourney()
  })
  after(async () => {
    await journey?.close()
  })

  it('is reached from the footer, reads at 360 px, passes axe, and prints without the navigation', async () => {
    const page = await journey.newPage()
    await page.goto('/')
    await page.getByRole('contentinfo').getByRole('link', { name: 'Bilan de l’entraide' }).click()
    await page.waitForURL(/\/bilan$/)
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Bilan de l’entraide')
    assert.match(
      await page.getByRole('main').innerText(),
      /Chiffres arrêtés au \d+ \p{L}+ \d{4}\.|Le premier bilan paraîtra au début du mois prochain/u,
    )
    await expectAccessible(page)
    await expectNoHorizontalScroll(page)
    await page.emulateMedia({ media: 'print' })
    assert.equal(await page.getByRole('navigation', { name: 'Navigation principale' }).isVisible(), false)
    assert.equal(await page.locator('.footer-links').isVisible(), false)
    const openData = page.getByRole('link', { name: 'Données ouvertes du bilan' })
    const printed = await openData.evaluate((a) => getComputedStyle(a, '::after').content)
    assert.match(printed, /\/donnees-ouvertes/)
    await page.emulateMedia({ media: 'screen' })
    await openData.click()
    await page.waitForURL(/\/donnees-ouvertes$/)
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Données ouvertes')
    await expectAccessible(page)
    await expectNoHorizontalScroll(page)
    assert.deepEqual(journey.pageProblems(), [])
  })

  it('Julie opens the dashboard from the staff home, filters by Bayeux, and downloads both exports', async () => {
    julie = await journey.newPage({ acceptDownloads: true })
    await signInEnrollingSecondFactor(julie, JULIE)
    await julie.goto('/administration')
    await main(julie).getByRole('link', { name: 'Bilan', exact: true }).click()
    await julie.waitForURL((url) => url.pathname === BILAN)
    assert.equal(await h1(julie), 'Bilan')
    // Whether or not the rollup job has run yet on this fresh platform, Julie asks for today's figures.
    assert.match(
      await main(julie).innerText(),
      /Les chiffres n’ont pas encore été calculés\.|Chiffres arrêtés au \d+ \p{L}+ \d{4}/u,
    )
    await main(julie).getByRole('button', { name: 'Actualiser les chiffres' }).click()
    await julie.waitForURL((url) => url.pathname === BILAN && url.searchParams.get('fait') === 'actualise')
    assert.match(await main(julie).innerText(), /Les chiffres sont à jour\./)
    assert.match(await main(julie).innerText(), /Chiffres arrêtés au \d+ \p{L}+ \d{4}/u)
    assert.match(
      await main(julie).locator('.bilan-scope').innerText(),
      /toutes les communes · toutes les catégories$/,
    )
    const everywhere = await headline(julie, 'Demandes publiées')
    assert.ok(everywhere > 100, `a year of the demonstration's asks, not ${everywhere}`)
    await looked(julie, 'the bilan of the whole territory (Julie)')

    const form = main(julie).locator('form.bilan-filters')
    await form.getByLabel('Commune (facultatif)').fill('Bayeux')
    await form.getByRole('button', { name: 'Afficher le bilan' }).click()
    await julie.waitForURL((url) => url.pathname === BILAN && url.searchParams.has('commune'))
    assert.match(await main(julie).locator('.bilan-scope').innerText(), /· Bayeux · toutes les catégories$/)
    assert.equal(await form.getByLabel('Commune (facultatif)').inputValue(), 'Bayeux (14400)')
    bayeux = await headline(julie, 'Demandes publiées')
    assert.ok(bayeux > 0 && bayeux < everywhere, `Bayeux's asks: ${bayeux} of ${everywhere}`)
    await looked(julie, 'the bilan of Bayeux (Julie)')

    const xlsx = await download(julie, 'Excel (XLSX)')
    assert.match(xlsx.file.suggestedFilename(), /^bilan-[a-z0-9-]+-\d{4}-\d{2}-\d{4}-\d{2}\.xlsx$/)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer)
    assert.deepEqual(
      workbook.worksheets.map((s) => s.name),
      ['Chiffres clés', 'Demandes par semaine', 'Demandes par catégorie', 'Demandes et bénévoles par commu'],
    )
    const figures = workbook.getWorksheet('Chiffres clés')!
    const rows = figures.getSheetValues().filter(Boolean) as unknown[][]
    assert.deepEqual(rows[0]?.slice(1), ['Rubrique', 'Indicateur', 'Valeur'])
    const asks = rows.find((r) => r[1] === 'Demandes et propositions' && r[2] === 'Demandes publiées')
    assert.equal(asks?.[3], bayeux, 'the workbook holds the figure the page showed, as a number')
    const communes = workbook.getWorksheet('Demandes et bénévoles par commu')!
    const bayeuxRow = (communes.getSheetValues().filter(Boolean) as unknown[][]).find(
      (r) => r[1] === 'Bayeux',
    )
    assert.equal(bayeuxRow?.[2], '14047')
    assert.equal(bayeuxRow?.[3], bayeux)

    const csv = await download(julie, 'CSV (tableur)')
    assert.equal(csv.file.suggestedFilename(), xlsx.file.suggestedFilename().replace(/xlsx$/, 'csv'))
    const text = csv.body.toString('utf8')
    assert.ok(text.startsWith('\uFEFFChiffres clés\r\nRubrique;Indicateur;Valeur\r\n'), text.slice(0, 80))
    const lines = text.slice(1).split('\r\n')
    assert.ok(
      lines.includes(`Demandes et propositions;Demandes publiées;${bayeux}`),
      'the figure the page showed',
    )
    assert.ok(
      lines.some((l) => l.startsWith(`Bayeux;14047;${bayeux};`)),
      'Bayeux among the communes',
    )
    assert.deepEqual(journey.pageProblems(), [])
  })

  it('Julie filters by Caen with the keyboard only: Tab to the button, Enter', async () => {
    await julie.goto(BILAN)
    const field = main(julie).getByLabel('Commune (facultatif)')
    await field.focus()
    await julie.keyboard.press('Control+A')
    await julie.keyboard.type('Caen')
    await tabTo(julie, 'form.bilan-filters button[type=submit]')
    await julie.keyboard.press('Enter')
    await julie.waitForURL((url) => url.pathname === BILAN && url.searchParams.has('commune'))
    assert.match(await main(julie).locator('.bilan-scope').innerText(), /· Caen · toutes les catégories$/)
    assert.ok((await headline(julie, 'Demandes publiées')) > 0)
    await looked(julie, 'the bilan of Caen (Julie)')
    assert.deepEqual(journey.pageProblems(), [])
  })

  it('a visitor reads the open data’s CSV: the documented columns, and no count from 1 to 4', async () => {
    const visitor = await journey.newPage()
    // The figures are folded now: the public page shows them, with its charts.
    await visitor.goto('/bilan')
    assert.match(await main(visitor).innerText(), /Chiffres arrêtés au \d+ \p{L}+ \d{4}\./u)
    assert.ok((await main(visitor).locator('figure.chart-figure svg').count()) > 0, 'the charts')
    await looked(visitor, 'the public bilan with its figures')
    await main(visitor).getByRole('link', { name: 'Données ouvertes du bilan' }).click()
    await visitor.waitForURL(/\/donnees-ouvertes$/)
    await looked(visitor, 'the open data with its period')
    const href = await main(visitor)
      .getByRole('link', { name: 'Bilan mensuel (CSV, séparateur virgule, UTF-8)' })
      .getAttribute('href')
    assert.ok(href)
    assert.equal(new URL(href, visitor.url()).pathname, '/donnees-ouvertes/bilan-mensuel.csv')
    const res = await visitor.request.get(href)
    assert.equal(res.status(), 200)
    assert.match(res.headers()['content-type'] ?? '', /^text\/csv/)
    const [header, ...rows] = (await res.text()).split('\r\n').filter((l) => l !== '')
    assert.deepEqual(header?.split(','), OPEN_DATA_COLUMNS)
    assert.ok(rows.length > 0, 'the months the demonstration has history for')
    const counts = rows.flatMap((r) => r.split(',').slice(-4))
    assert.deepEqual(
      counts.filter((c) => /^[1-4]$/.test(c)),
      [],
    )
    assert.ok(counts.includes('< 5'), 'small counts read « < 5 »')
    assert.ok(rows.some((r) => r.includes(',14047,Bayeux,')))
    assert.deepEqual(journey.pageProblems(), [])
  })
})
