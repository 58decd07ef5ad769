import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { expectAccessible } from './helpers/axe.ts'
import {
  BAYEUX,
  CAEN,
  CLAIRE,
  FRONT_LINE,
  GENERAL,
  JEANNE,
  KARIM,
  MAKERS,
  REQUESTERS,
  STOCK,
  TITLE,
  VULNERABLE,
} from './helpers/campaign-cast.ts'
import {
  addPoint,
  askForMasks,
  expectFormError,
  expectToldWhereToCollect,
  fillMaskCampaign,
  ledgerByPoint,
  parisDay,
  type Requester,
  readProposal,
  recordBatch,
} from './helpers/campaigns.ts'
import { type JourneyWithMail, startJourneyWithMail } from './helpers/journey.ts'
import { h1, main, pathOf, tabTo } from './helpers/page.ts'
import { expectNoHorizontalScroll } from './helpers/reflow.ts'
import { signIn } from './helpers/session.ts'
import { signUpAndConfirm } from './helpers/signup.ts'
import { signInEnrollingSecondFactor } from './helpers/staff.ts'
import { count, tableRows } from './helpers/table.ts'

/**
 * Issue 12's first journey: Claire opens a mask campaign with two points; two makers declare
 * their capacity and hand over batches, which she confirms (one for fewer than declared); three
 * residents ask for more than was made; HiGHS shares the stock out by priority; each requester
 * learns where and when to collect; one collects; the ledger adds up, and the public progress
 * counts without naming anyone.
 */
describe('campaigns: masks made, asked for, shared out by priority and handed over', () => {
  let journey: JourneyWithMail
  let claire: Page
  let campaignPath = ''
  /** the allocation's rows as the table shows them: priority, point and quantity */
  const allocated: { priority: string; point: string; quantity: number }[] = []
  const people = new Map<string, Page>()
  /** the allocation Claire marks « Remis » */
  let handed = { quantity: 0, point: '' }

  before(async () => {
    journey = await startJourneyWithMail()
    claire = await journey.newPage()
    await signInEnrollingSecondFactor(claire, CLAIRE)
  })
  after(async () => {
    await journey?.close()
  })

  it('Claire opens a mask campaign in preparation, with a point at Bayeux and one at Caen', async () => {
    await claire.goto('/administration/collectes')
    assert.equal(await h1(claire), 'Collectes solidaires')
    await expectAccessible(claire, '/administration/collectes')
    await main(claire).getByRole('link', { name: 'Ouvrir une collecte' }).click()
    assert.equal(await h1(claire), 'Ouvrir une collecte')
    await expectAccessible(claire, 'the campaign form')
    const form = main(claire).locator('form')
    // An end before the start first: said at the top and beside the field, nothing saved.
    await fillMaskCampaign(form, TITLE, parisDay(-1))
    const save = () => form.getByRole('button', { name: 'Enregistrer la collecte' }).click()
    await expectFormError(
      claire,
      save,
      /La fin doit être le jour du début ou après/,
      'the campaign form, wrong end',
    )
    await form.getByLabel('Fin').fill(parisDay(30))
    await save()
    await claire.waitForURL((url) => /^\/collectes\/[0-9a-f-]{36}\/gestion$/.test(url.pathname))
    campaignPath = pathOf(claire).replace(/\/gestion$/, '')
    assert.equal(await h1(claire), `Gestion : ${TITLE}`)
    assert.match(await main(claire).innerText(), /La collecte est enregistrée\./)
    await expectAccessible(claire, 'the new campaign’s back office')
    const visitor = await journey.newPage()
    assert.equal((await visitor.goto(campaignPath))?.status(), 404, 'a campaign in preparation is hidden')

    await main(claire).getByRole('link', { name: 'Points de collecte et de distribution' }).click()
    assert.equal(await h1(claire), `Points de « ${TITLE} »`)
    await expectAccessible(claire, 'the campaign’s points, none yet')
    await addPoint(claire, BAYEUX)
    await addPoint(claire, CAEN)
    const list = await main(claire).locator('ul.point-list').innerText()
    for (const p of [BAYEUX, CAEN])
      assert.match(list, new RegExp(`${p.name} – Collecte et distribution – ${p.commune}`))
    await expectAccessible(claire, 'the campaign’s two points')
  })

  it('she opens it to the public, who find both points on its page, even on a small phone', async () => {
    await claire.goto(`${campaignPath}/gestion`)
    await main(claire).getByRole('button', { name: 'Ouvrir la collecte' }).click()
    await claire.waitForURL((url) => url.searchParams.get('fait') === 'ouvert')
    assert.match(await main(claire).innerText(), /La collecte est ouverte\./)
    const visitor = await journey.newPage()
    await visitor.goto(campaignPath)
    assert.equal(await h1(visitor), TITLE)
    const text = await main(visitor).innerText()
    for (const p of [BAYEUX, CAEN]) {
      assert.match(text, new RegExp(p.name))
      assert.match(text, new RegExp(`Horaires : ${p.hours}`))
    }
    await expectAccessible(visitor, 'the public campaign page')
    await expectNoHorizontalScroll(visitor, 'the public campaign page')
  })

  it('Jeanne declares her capacity and hands 60 masks over at Bayeux', async () => {
    const jeanne = await journey.newPage()
    await signIn(jeanne, JEANNE)
    await jeanne.goto(campaignPath)
    await main(jeanne).getByRole('link', { name: 'Je fabrique' }).click()
    assert.equal(await h1(jeanne), `Je fabrique : ${TITLE}`)
    await expectAccessible(jeanne, 'the maker’s form')
    await jeanne.getByLabel('Combien pouvez-vous en fabriquer par semaine ? (masques)').fill('80')
    await jeanne.getByLabel('Combien en avez-vous déjà de prêts ? (masques)').fill('60')
    await jeanne.getByRole('button', { name: 'Enregistrer ma capacité' }).click()
    await jeanne.waitForURL((url) => url.searchParams.get('fait') === 'capacite')
    assert.match(await main(jeanne).innerText(), /En mon nom : 80 masques par semaine, 60 masques en stock/)
    await expectAccessible(jeanne, 'the maker’s form with its batch form')
    // Tomorrow first: a batch is recorded once handed over.
    await expectFormError(
      jeanne,
      () => recordBatch(jeanne, { quantity: 60, point: BAYEUX, day: parisDay(1) }),
      /Le dépôt ne peut pas être daté de demain ou après/,
      'the batch form, dated tomorrow',
    )
    await recordBatch(jeanne, { quantity: 60, point: BAYEUX, day: parisDay(0) })
    assert.equal(pathOf(jeanne), '/mes-collectes')
    assert.match(await main(jeanne).innerText(), /Votre lot est enregistré/)
    assert.match(await main(jeanne).innerText(), /60 masques\s+En attente de confirmation/)
    await expectAccessible(jeanne, '/mes-collectes')
    people.set('Jeanne', jeanne)
  })

  it('Karim declares his with the keyboard alone, and hands 40 masks over at Caen', async () => {
    const karim = await journey.newPage()
    await signIn(karim, KARIM)
    await karim.goto(`${campaignPath}/fabriquer`)
    // From the top of the page: the skip link, then Tab to each field, and Enter sends the form.
    await tabTo(karim, 'a.skip-link', 3)
    await karim.keyboard.press('Enter')
    await tabTo(karim, '#capacity')
    await karim.keyboard.type('120')
    await tabTo(karim, '#stock', 3)
    await karim.keyboard.type('40')
    await karim.keyboard.press('Enter')
    await karim.waitForURL((url) => url.searchParams.get('fait') === 'capacite')
    assert.match(await main(karim).innerText(), /120 masques par semaine, 40 masques en stock/)
    await recordBatch(karim, { quantity: 40, point: CAEN, day: parisDay(0) })
    assert.equal(pathOf(karim), '/mes-collectes')
  })

  it('Claire confirms them on receipt: 55 of Jeanne’s 60, all of Karim’s 40', async () => {
    await claire.goto(`${campaignPath}/gestion`)
    const makers = await tableRows(claire.getByRole('table', { name: /^Capacité par semaine/ }))
    assert.deepEqual(makers.map((m) => [m.Fabricant, m['Par semaine'], m['Stock détenu']]).sort(), [
      ['Jeanne Martin', '80', '60'],
      ['Karim Benali', '120', '40'],
    ])
    await expectAccessible(claire, 'the back office with batches to confirm')
    const batch = (who: string) => main(claire).locator('ul.batch-list > li', { hasText: `Lot de ${who}` })
    const jeannes = batch('Jeanne Martin : 60 masques')
    // More than was declared first: refused with its reason, nothing counted.
    await jeannes.getByLabel('Quantité reçue').fill('70')
    await expectFormError(
      claire,
      () => jeannes.getByRole('button', { name: /^Confirmer la réception/ }).click(),
      /La quantité ne peut pas dépasser 60/,
      'the receipt of a batch, more than declared',
    )
    await jeannes.getByLabel('Quantité reçue').fill('55')
    await jeannes.getByRole('button', { name: /^Confirmer la réception/ }).click()
    await claire.waitForURL((url) => url.searchParams.get('fait') === 'confirme')
    await batch('Karim Benali : 40 masques')
      .getByRole('button', { name: /^Confirmer la réception/ })
      .click()
    await claire.waitForURL((url) => url.searchParams.get('fait') === 'confirme')
    assert.match(await main(claire).innerText(), /Aucun lot en attente de confirmation/)
    const stock = await tableRows(claire.getByRole('table', { name: 'Stock de chaque point (masques)' }))
    assert.deepEqual(
      new Map(stock.map((s) => [s.Point, count(s['En stock'])])),
      new Map([
        [BAYEUX.name, 55],
        [CAEN.name, 40],
      ]),
    )
    await expectAccessible(claire, 'the back office, batches confirmed')
  })

  it('Jeanne sees that 55 of her 60 were counted, on her page and in a mail', async () => {
    const jeanne = people.get('Jeanne')!
    await jeanne.goto('/mes-collectes')
    assert.match(await main(jeanne).innerText(), /60 masques\s+Reçu : 55 masques/)
    const mail = await journey.smtp.waitFor(
      (m) => m.to.includes(JEANNE.email) && m.text.includes(TITLE),
      15_000,
    )
    assert.match(
      mail.text.replace(/\s+/g, ' '),
      /Votre lot de 60 masques pour « .* » est reçu : 55 masques ont été comptés/,
    )
  })

  it('three residents ask for 120 masks in all, each for a different priority', async () => {
    // Three people signing up at once, as they would; each then asks on their own.
    const pages = await Promise.all(
      REQUESTERS.map(async (r) => {
        const page = await journey.newPage()
        await signUpAndConfirm(page, journey.smtp, r)
        return page
      }),
    )
    for (const [i, r] of REQUESTERS.entries()) {
      const page = pages[i]!
      if (r === FRONT_LINE) {
        await page.goto(`${campaignPath}/demander`)
        await expectAccessible(page, 'the request form')
        // None first: said at the top and beside the field, nothing asked.
        await expectFormError(
          page,
          () => askForMasks(page, campaignPath, r, 0),
          /La quantité doit être d’au moins 1/,
          'the request form, a quantity of 0',
        )
      }
      await askForMasks(page, campaignPath, r)
      assert.equal(pathOf(page), '/mes-demandes-de-materiel')
      const text = await main(page).innerText()
      assert.match(text, /Votre demande est enregistrée/)
      assert.ok(text.includes(`${r.quantity} masques – ${r.priority} – En attente`), text)
      if (r === FRONT_LINE) await expectAccessible(page, '/mes-demandes-de-materiel, waiting')
      people.set(r.name, page)
    }
  })

  it('Claire proposes a distribution: the front line in full, then the rest by priority, within each point’s stock', async () => {
    await claire.goto(`${campaignPath}/gestion`)
    await main(claire).getByRole('link', { name: 'Répartition', exact: true }).click()
    assert.equal(await h1(claire), `Répartition : ${TITLE}`)
    assert.match(await main(claire).innerText(), /Aucune répartition n’a encore été proposée/)
    await expectAccessible(claire, 'the allocation page, nothing proposed')
    await main(claire).getByRole('button', { name: 'Proposer une répartition' }).click()
    await claire.waitForURL((url) => url.searchParams.get('fait') === 'proposee')
    const text = await main(claire).innerText()
    assert.match(text, /Proposition à valider/)
    assert.match(text, /Calculée en \d[\d\s\u202f,]* m?s\./, 'the solver’s time, in words')

    const proposal = await readProposal(claire)
    allocated.push(...proposal.rows)
    const served = (r: Requester) =>
      allocated.filter((a) => a.priority === r.priority).reduce((sum, a) => sum + a.quantity, 0)
    const demand = REQUESTERS.reduce((sum, r) => sum + r.quantity, 0)
    const total = allocated.reduce((sum, a) => sum + a.quantity, 0)
    assert.equal(served(FRONT_LINE), FRONT_LINE.quantity, 'the front line is served in full')
    assert.equal(total, Math.min(STOCK, demand), 'all the stock goes out, since more is asked')
    assert.equal(served(VULNERABLE), Math.min(VULNERABLE.quantity, STOCK - FRONT_LINE.quantity))
    assert.equal(served(GENERAL), Math.max(0, STOCK - FRONT_LINE.quantity - VULNERABLE.quantity))
    assert.deepEqual([...proposal.byPriority.values()], REQUESTERS.map(served), 'the totals by priority')
    assert.equal(
      [...proposal.byPoint.values()].reduce((sum, p) => sum + p.available, 0),
      STOCK,
    )
    for (const [at, { given, available }] of proposal.byPoint) {
      const rows = allocated.filter((a) => a.point === at).reduce((sum, a) => sum + a.quantity, 0)
      assert.equal(given, rows, `${at}: the totals add the rows up`)
      assert.ok(given <= available, `${at} gives ${given}, more than the ${available} it holds`)
    }
    await expectAccessible(claire, 'the allocation proposed')
    await expectNoHorizontalScroll(claire, 'the allocation page with its table')
    // On a phone its tables scroll in their own boxes, which the keyboard must reach as well.
    const wide = claire.viewportSize()
    await claire.setViewportSize({ width: 360, height: 800 })
    await expectAccessible(claire, 'the allocation proposed, on a 360 px phone')
    if (wide) await claire.setViewportSize(wide)
  })

  it('she applies it, and each requester is told where and when to collect', async () => {
    const apply = () => main(claire).getByRole('button', { name: 'Valider et prévenir' }).click()
    // Yesterday first: refused with its reason, nothing applied.
    await main(claire).getByLabel('À retirer à partir du').fill(parisDay(-1))
    await expectFormError(
      claire,
      apply,
      /La date de retrait ne peut pas être passée/,
      'applying from yesterday',
    )
    await main(claire).getByLabel('À retirer à partir du').fill(parisDay(1))
    await apply()
    await claire.waitForURL((url) => url.searchParams.get('fait') === 'appliquee')
    assert.match(await main(claire).innerText(), /La répartition est validée ; les demandeurs sont prévenus/)
    assert.match(await main(claire).innerText(), /Dernière répartition, validée/)
    await expectAccessible(claire, 'the allocation applied')

    assert.ok(allocated.length > 0, 'the proposal has rows')
    for (const r of REQUESTERS) {
      const rows = allocated.filter((a) => a.priority === r.priority)
      if (rows.length === 0) continue
      const page = people.get(r.name)!
      await expectToldWhereToCollect(page, journey.smtp, r, rows, [BAYEUX, CAEN])
      if (r === FRONT_LINE) await expectAccessible(page, '/mes-demandes-de-materiel, allocated')
    }
  })

  it('Claire hands the front line’s masks out, and the ledger adds up', async () => {
    await claire.goto(`${campaignPath}/gestion/demandes`)
    assert.equal(await h1(claire), `Demandes : ${TITLE}`)
    await expectAccessible(claire, 'the requests, allocated')
    const remis = claire.getByRole('button', { name: `Remis ${FRONT_LINE.name}` })
    const line = main(claire).locator('li', { has: remis }).first()
    const handOut = line.getByRole('button', { name: `Remis ${FRONT_LINE.name}` })
    const [, quantity, point] = /^(\d+) masques à (.+) \(à retirer\)/.exec(await line.innerText()) ?? []
    assert.ok(quantity && point, 'the allocation names its quantity and point')
    handed = { quantity: Number(quantity), point }
    await handOut.click()
    await claire.waitForURL((url) => url.searchParams.get('fait') === 'remis')
    assert.match(await main(claire).innerText(), /La remise est enregistrée/)
    assert.match(await main(claire).innerText(), new RegExp(`${quantity} masques à ${point} \\(remise\\)`))
    const ines = people.get(FRONT_LINE.name)!
    await ines.goto('/mes-demandes-de-materiel')
    assert.match(await main(ines).innerText(), new RegExp(`${quantity} masques retirés à ${point}`))

    await claire.goto(`${campaignPath}/gestion/registre`)
    assert.equal(await h1(claire), `Registre du stock : ${TITLE}`)
    await expectAccessible(claire, 'the ledger')
    for (const [at, l] of await ledgerByPoint(claire)) {
      assert.equal(l.received, at === BAYEUX.name ? 55 : 40, `${at}: received`)
      assert.equal(l.handedOut, at === handed.point ? handed.quantity : 0, `${at}: handed out`)
      assert.equal(l.onHand, l.received - l.handedOut, `${at}: received − handed out is the stock shown`)
      assert.equal(l.reserved, l.reservedEntries, `${at}: the reserved column adds its entries up too`)
    }
  })

  it('the public progress counts made and distributed by commune, naming no one', async () => {
    const visitor = await journey.newPage()
    await visitor.goto(`${campaignPath}/avancement`)
    assert.equal(await h1(visitor), `Avancement : ${TITLE}`)
    const all = await tableRows(visitor.getByRole('table', { name: 'En tout' }))
    assert.deepEqual(
      all.map((r) => Object.values(r)),
      [
        ['Fabriqués', `${STOCK} masques`],
        ['Distribués', `${handed.quantity} masques`],
        ['Demandes en attente', '0'],
      ],
    )
    const communes = await tableRows(visitor.getByRole('table', { name: /^Par commune/ }))
    assert.deepEqual(
      new Map(communes.map((c) => [c.Commune, [count(c.Fabriqués), count(c.Distribués)]])),
      new Map([
        ['Bayeux', [55, handed.point === BAYEUX.name ? handed.quantity : 0]],
        ['Caen', [40, handed.point === CAEN.name ? handed.quantity : 0]],
      ]),
    )
    const text = await main(visitor).innerText()
    for (const word of [...MAKERS, ...REQUESTERS.map((r) => r.name)].flatMap((n) => n.split(' ')))
      assert.ok(!text.includes(word), `the progress page names ${word}`)
    await expectAccessible(visitor, 'the public progress')
    // Expected: forms sent back with their errors (400), the campaign in preparation hidden (404).
    assert.deepEqual(journey.pageProblems(/status of (400|404)/), [])
  })
})
