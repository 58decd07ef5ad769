import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { expectAccessible } from './helpers/axe.ts'
import { type JourneyWithMail, startJourneyWithMail } from './helpers/journey.ts'
import { h1, main, pathOf } from './helpers/page.ts'
import { expectNoHorizontalScroll } from './helpers/reflow.ts'
import { signIn } from './helpers/session.ts'
import { signUpAndConfirm } from './helpers/signup.ts'
import { signInEnrollingSecondFactor } from './helpers/staff.ts'
import { tableRows } from './helpers/table.ts'

/** The demonstration's coordinator, who enrols her second factor at her first sign-in. */
const JULIE = {
  email: 'julie.coordinatrice@entraide.localhost',
  password: 'démo entraide calvados coordination',
}
const SOPHIE = {
  email: 'sophie.agent@entraide.localhost',
  password: 'démo entraide calvados accueil téléphonique',
}
const JEANNE = { email: 'jeanne.demo@entraide.localhost', password: 'jeanne cultive des tomates à Bayeux' }
const KARIM = {
  email: 'karim.demo@entraide.localhost',
  password: 'karim répare les vélos du quartier à Caen',
}
const LUCIE = {
  name: 'Lucie Girard',
  email: 'lucie.girard@example.org',
  password: 'lucie porte les courses du marché de Bayeux',
  commune: 'Bayeux',
}

const LIST = '/administration/demandes-sans-reponse'
/** The demonstration's two asks of Jeanne, unanswered for three days. */
const GROCERIES = 'Porter les courses de Madeleine le jeudi'
const APPOINTMENT = 'Prendre un rendez-vous médical en ligne'
/** The ask Sophie takes by phone for Odette Marie, of the demonstration's phone line. */
const DOOR = 'Réparer la porte d’entrée d’Odette'
const PLAN_PAGE = /^\/administration\/demandes-sans-reponse\/repartition\/[0-9a-f-]{36}$/

/** The next Thursday after today, in Paris, as a person types it in the day, month and year fields. */
function nextThursday(): { day: string; month: string; year: string } {
  const today = new Date(new Date().toLocaleString('en-US', { timeZone: 'Europe/Paris' }))
  const ahead = ((4 - today.getDay() + 7) % 7) + 7 * Number(today.getDay() === 4)
  const day = new Date(today.getFullYear(), today.getMonth(), today.getDate() + ahead)
  return { day: String(day.getDate()), month: String(day.getMonth() + 1), year: String(day.getFullYear()) }
}

/** Every page of the journey passes axe and fits a 360 px screen (and 200 % zoom) without scrolling sideways. */
async function looked(page: Page, label: string): Promise<void> {
  await expectAccessible(page, label)
  await expectNoHorizontalScroll(page, label)
}

/** The unanswered asks' table, one row per ask, keyed by its column headers. */
const unansweredRows = (page: Page) =>
  tableRows(main(page).getByRole('table', { name: /^Demandes sans réponse/ }))

/**
 * Issue 14's second journey, bulk dispatch. Three asks wait: the demonstration's two of Jeanne's
 * (she gives the groceries one its day, a Thursday) and a door to mend that Sophie takes by phone
 * for Odette Marie, which the list shows at once. Five volunteers: the demonstration's Amina, Bruno
 * and Céline, Karim, who says in his profile he mends things up to 50 km and when he is free, and
 * Lucie, who signs up in Bayeux and is free on Thursdays. Julie runs « Proposer pour toutes »,
 * reads the table and the map's text, takes one pair out and sends; Lucie accepts from her email
 * and Jeanne sees her response; Karim declines, and the door is back in Julie's list with no
 * proposal waiting.
 */
describe('dispatch: three asks nobody answered, proposed in bulk, accepted and declined', () => {
  let journey: JourneyWithMail
  let julie: Page
  let lucie: Page
  let groceriesPath = ''
  let planPath = ''

  before(async () => {
    // Jobs run in the server itself, so that proposals reach their volunteers by email.
    journey = await startJourneyWithMail({ JOBS_ENABLED: 'true' })
    julie = await journey.newPage()
    lucie = await journey.newPage()
  })
  after(async () => {
    await journey?.close()
  })

  it('Jeanne gives her groceries ask its day: next Thursday', async () => {
    const jeanne = await journey.newPage()
    await signIn(jeanne, JEANNE)
    await jeanne.goto('/mes-annonces')
    await looked(jeanne, 'my listings (Jeanne)')
    groceriesPath =
      (await main(jeanne).getByRole('link', { name: GROCERIES, exact: true }).getAttribute('href')) ?? ''
    await main(jeanne)
      .getByRole('link', { name: `Modifier ${GROCERIES}` })
      .click()
    assert.equal(await h1(jeanne), 'Modifier mon annonce')
    await looked(jeanne, 'the ask’s edit form (Jeanne)')
    const form = main(jeanne).locator('form')
    await form.getByLabel('Un jour précis').check()
    // The follow-up questions of « Quand ? » are folded until one opens them.
    await form.getByText('Les dates, ou le rythme').click()
    const date = form.getByRole('group', { name: 'Date, ou premier jour de la période' })
    const thursday = nextThursday()
    await date.getByLabel('Jour').fill(thursday.day)
    await date.getByLabel('Mois').fill(thursday.month)
    await date.getByLabel('Année').fill(thursday.year)
    await form.getByLabel(/^Je respecte la charte/).check()
    await form.getByRole('button', { name: 'Enregistrer les modifications' }).click()
    await jeanne.waitForURL((url) => url.pathname === groceriesPath)
    assert.match(await main(jeanne).innerText(), /Vos modifications sont enregistrées/)
    await looked(jeanne, 'the ask with its day (Jeanne)')
    await jeanne.context().close()
  })

  it('Sophie takes Odette Marie’s call and posts her ask: the line’s asks wait for no delay', async () => {
    const sophie = await journey.newPage()
    await signInEnrollingSecondFactor(sophie, SOPHIE)
    await sophie.goto('/administration/accueil-telephonique')
    await looked(sophie, 'the phone line’s queue (Sophie)')
    await main(sophie).getByRole('link', { name: 'Odette Marie' }).click()
    await looked(sophie, 'Odette Marie’s case (Sophie)')
    await main(sophie).getByRole('link', { name: 'Fiche de Odette Marie' }).click()
    await looked(sophie, 'Odette Marie’s record (Sophie)')
    await main(sophie).getByRole('link', { name: 'Nouvelle demande' }).click()
    assert.equal(await h1(sophie), 'Nouvelle demande pour Odette Marie')
    await looked(sophie, 'the ask form for Odette Marie (Sophie)')
    const form = main(sophie).locator('form')
    await form.getByLabel('Catégorie').selectOption({ label: 'Petites réparations et bricolage' })
    await form.getByLabel('Titre').fill(DOOR)
    await form
      .getByLabel('Description')
      .fill('La porte d’entrée frotte et ne ferme plus à clé ; il faudrait la raboter un peu.')
    await form.getByLabel('Cette semaine').check()
    await form.getByRole('button', { name: 'Publier la demande' }).click()
    await main(sophie)
      .getByText(/La demande est publiée/)
      .first()
      .waitFor()
    assert.match(await main(sophie).innerText(), /La demande est publiée/)
    await looked(sophie, 'the case with its ask (Sophie)')
    await sophie.context().close()
  })

  it('Karim says in his profile that he mends things up to 50 km, and when he is free', async () => {
    const karim = await journey.newPage()
    await signIn(karim, KARIM)
    await karim.goto('/compte/profil')
    assert.equal(await h1(karim), 'Modifier mon profil')
    await looked(karim, 'the profile with its availability (Karim)')
    const form = main(karim)
      .locator('form')
      .filter({ has: karim.getByRole('button', { name: 'Enregistrer' }) })
    await form.getByRole('radio', { name: '50 km' }).check()
    for (const slot of ['Mardi matin', 'Samedi matin', 'Samedi après-midi'])
      await form.getByRole('checkbox', { name: slot, exact: true }).check()
    await form.getByRole('button', { name: 'Enregistrer' }).click()
    await main(karim)
      .getByText(/Votre profil est enregistré/)
      .first()
      .waitFor()
    assert.match(await main(karim).innerText(), /Votre profil est enregistré/)
    await looked(karim, 'the profile saved (Karim)')
    await karim.context().close()
  })

  it('Lucie signs up in Bayeux and says she carries groceries, on Thursdays', async () => {
    await signUpAndConfirm(lucie, journey.smtp, LUCIE)
    await lucie.goto('/compte/profil')
    assert.equal(await h1(lucie), 'Modifier mon profil')
    await looked(lucie, 'the profile with its availability (Lucie)')
    const form = main(lucie)
      .locator('form')
      .filter({ has: lucie.getByRole('button', { name: 'Enregistrer' }) })
    await form.getByRole('checkbox', { name: 'Courses de première nécessité et médicaments' }).check()
    for (const slot of ['Jeudi matin', 'Jeudi après-midi'])
      await form.getByRole('checkbox', { name: slot, exact: true }).check()
    await form.getByRole('button', { name: 'Enregistrer' }).click()
    await main(lucie)
      .getByText(/Votre profil est enregistré/)
      .first()
      .waitFor()
    assert.match(await main(lucie).innerText(), /Votre profil est enregistré/)
    await looked(lucie, 'the profile saved (Lucie)')
  })

  it('Julie opens « Demandes sans réponse » from the staff home: the three asks wait', async () => {
    await signInEnrollingSecondFactor(julie, JULIE)
    await julie.goto('/administration')
    await looked(julie, 'the staff home (Julie)')
    await main(julie).getByRole('link', { name: 'Demandes sans réponse' }).click()
    assert.equal(pathOf(julie), LIST)
    assert.equal(await h1(julie), 'Demandes sans réponse')
    const rows = await unansweredRows(julie)
    assert.deepEqual(
      rows.map((r) => r.Demande?.replace(/\s+(urgente|accueil téléphonique)$/g, '')).sort(),
      [GROCERIES, APPOINTMENT, DOOR].sort(),
    )
    for (const r of rows) assert.equal(r.Propositions, 'aucune', `${r.Demande}: nothing proposed yet`)
    const door = rows.find((r) => r.Demande?.startsWith(DOOR))!
    assert.match(door.Demande!, /accueil téléphonique/, 'the relayed ask says so')
    await looked(julie, 'the asks without answer')
  })

  it('« Proposer pour toutes » gives each ask its lucie, with the reasons and a map in words', async () => {
    await main(julie).getByRole('button', { name: 'Proposer pour toutes' }).click()
    await julie.waitForURL((url) => PLAN_PAGE.test(url.pathname))
    planPath = pathOf(julie)
    assert.equal(await h1(julie), 'Répartition proposée')
    const text = await main(julie).innerText()
    assert.match(text, /3 demandes sur 3 ont un bénévole/)
    assert.match(text, /Chaque demande a trouvé un bénévole plausible/)
    assert.match(text, /Score total [\d\s\u202f]+(,\d)? \(/, 'a French decimal comma')
    const pairs = await tableRows(main(julie).getByRole('table', { name: 'Paires proposées' }))
    const volunteerOf = new Map(pairs.map((p) => [p.Demande, p.Bénévole]))
    // Lucie is free on Thursday afternoon, Bruno (Bayeux too) is not; Karim alone mends things.
    assert.equal(volunteerOf.get(GROCERIES), 'Lucie Girard')
    assert.equal(volunteerOf.get(APPOINTMENT), 'Céline Hébert')
    assert.equal(volunteerOf.get(DOOR), 'Karim Benali')
    const groceries = pairs.find((p) => p.Demande === GROCERIES)!
    assert.equal(groceries.Distance, '0 km')
    assert.match(groceries.Pourquoi ?? '', /aide en « Courses/)
    // The map is an image whose text alternative names the table above.
    const map = main(julie).getByRole('img', { name: /./ })
    assert.equal(await map.count(), 1)
    assert.match(await main(julie).locator('figure figcaption').innerText(), /tableau/i)
    await looked(julie, 'the plan')
  })

  it('Julie takes out Céline’s pair and sends the other two', async () => {
    await main(julie)
      .getByRole('checkbox', { name: `Retirer la paire ${APPOINTMENT} – Céline Hébert` })
      .check()
    await main(julie).getByRole('button', { name: 'Envoyer les propositions' }).click()
    await julie.waitForURL((url) => url.pathname === planPath)
    const text = await main(julie).innerText()
    assert.match(text, /Les propositions sont envoyées \(2\)/)
    assert.match(text, /2 propositions sont parties/)
    const review = await tableRows(main(julie).getByRole('table', { name: 'Paires proposées' }))
    assert.deepEqual(
      review.map((r) => [r.Demande, r['Après relecture']]).sort(),
      [
        [APPOINTMENT, 'retirée : rien n’est parti'],
        [DOOR, 'gardée'],
        [GROCERIES, 'gardée'],
      ].sort(),
      'what became of each pair, in words',
    )
    assert.equal(await main(julie).getByRole('button', { name: 'Envoyer les propositions' }).count(), 0)
    await looked(julie, 'the plan once sent')

    await julie.goto(LIST)
    const rows = new Map(
      (await unansweredRows(julie)).map((r) => [r.Demande?.split(/\s+(?=urgente|accueil)/)[0], r]),
    )
    assert.equal(rows.get(GROCERIES)?.Propositions, 'proposée à 1 bénévole')
    assert.equal(rows.get(DOOR)?.Propositions, 'proposée à 1 bénévole')
    assert.equal(rows.get(APPOINTMENT)?.Propositions, 'aucune', 'the pair taken out was not sent')
    await looked(julie, 'the asks without answer, proposals sent')
  })

  it('Lucie opens the proposal from her email and accepts', async () => {
    const mail = await journey.smtp.waitFor(
      (m) => m.to.includes(LUCIE.email) && /mes-propositions\//.test(m.text),
      15_000,
    )
    const link = new URL(/https?:\/\/\S+\/mes-propositions\/[0-9a-f-]{36}/.exec(mail.text)![0])
    await lucie.goto(link.pathname)
    assert.equal(await h1(lucie), `Proposition : « ${GROCERIES} »`)
    const proposal = await main(lucie).innerText()
    assert.match(proposal, /en attente de votre réponse/)
    assert.match(proposal, /Quand\s+\d{1,2} \S+ \d{4}\s+État/, 'the day the ask names, without an hour')
    await looked(lucie, 'the proposal (Lucie)')
    await main(lucie)
      .getByLabel('Un mot pour la personne (facultatif)')
      .fill('Je fais le marché jeudi, je passe prendre la liste de Madeleine.')
    await main(lucie).getByRole('button', { name: 'Je peux aider' }).click()
    await lucie.waitForURL((url) => url.searchParams.get('fait') === 'acceptee')
    const text = await main(lucie).innerText()
    assert.match(text, /Merci ! Votre réponse est envoyée : la personne va la confirmer/)
    assert.match(text, /vous avez accepté/)
    assert.equal(await main(lucie).getByRole('button', { name: 'Je peux aider' }).count(), 0)
    await looked(lucie, 'the proposal accepted (Lucie)')

    await main(lucie).getByRole('link', { name: 'Mes propositions' }).click()
    assert.equal(await h1(lucie), 'Mes propositions')
    assert.match(await main(lucie).innerText(), new RegExp(`${GROCERIES} — vous avez accepté`))
    await looked(lucie, 'my proposals (Lucie)')
  })

  it('Jeanne sees Lucie’s response on her ask', async () => {
    const jeanne = await journey.newPage()
    await signIn(jeanne, JEANNE)
    await jeanne.goto(groceriesPath)
    const text = await main(jeanne).innerText()
    assert.match(text, /Réponses à votre annonce \(1\)/)
    assert.match(text, /Lucie G/)
    assert.match(text, /je passe prendre la liste de Madeleine/)
    await looked(jeanne, 'the ask with its response (Jeanne)')
    await jeanne.context().close()
  })

  it('Karim follows his notification to « Mes propositions » and declines', async () => {
    const karim = await journey.newPage()
    await signIn(karim, KARIM)
    await karim
      .locator('header')
      .getByRole('link', { name: /^Notifications/ })
      .click()
    await looked(karim, 'the notifications (Karim)')
    await main(karim)
      .getByRole('link', { name: new RegExp(`vous propose une demande restée sans réponse : « ${DOOR} »`) })
      .click()
    assert.equal(await h1(karim), `Proposition : « ${DOOR} »`)
    assert.match(await main(karim).innerText(), /en attente de votre réponse/)
    await looked(karim, 'the proposal (Karim)')
    await main(karim).getByRole('button', { name: 'Je ne peux pas' }).click()
    await karim.waitForURL((url) => url.searchParams.get('fait') === 'declinee')
    const text = await main(karim).innerText()
    assert.match(text, /C’est noté, merci d’avoir répondu/)
    assert.match(text, /vous avez décliné/)
    await looked(karim, 'the proposal declined (Karim)')
    await main(karim).getByRole('link', { name: 'Mes propositions' }).click()
    assert.match(await main(karim).innerText(), new RegExp(`${DOOR} — vous avez décliné`))
    await looked(karim, 'my proposals (Karim)')
    await karim.context().close()
  })

  it('the door is back in Julie’s list with nothing proposed; the groceries have their answer', async () => {
    await julie.reload()
    const rows = new Map(
      (await unansweredRows(julie)).map((r) => [r.Demande?.split(/\s+(?=urgente|accueil)/)[0], r]),
    )
    assert.deepEqual([...rows.keys()].sort(), [APPOINTMENT, DOOR].sort())
    assert.equal(rows.get(DOOR)?.Propositions, 'aucune')
    await looked(julie, 'the asks without answer after the answers')
    assert.deepEqual(journey.pageProblems(), [])
  })
})
