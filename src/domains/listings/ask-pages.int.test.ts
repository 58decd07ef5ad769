import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { draftIdOf, fillAsk, storedDraft } from '../../../test/helpers/ask-pages.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'
import { makeCategory } from '../../../test/helpers/listings.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import type { Category } from '../categories/index.ts'
import { listByAuthor } from './listing.repository.ts'

/** Every page of an ask: one h1 that is the question, « Retour », « Continuer », nothing else to fill. */
function assertQuestionPage(html: string, question: string, back: string) {
  const p = page(html)
  assert.equal(p.document.querySelectorAll('h1').length, 1, `${question}: one h1`)
  assert.equal(p.h1(), question)
  assert.equal(p.link('Retour'), back, `${question}: Retour`)
  assert.deepEqual(p.all('main form button'), ['Continuer'])
  return p
}

/** The check page's answers as « label : value ». */
const answersOf = (p: ReturnType<typeof page>) =>
  [...p.document.querySelectorAll('.summary-list > div')].map(
    (row) =>
      `${row.querySelector('dt')?.textContent} : ${row.querySelector('.summary-value')?.textContent?.replace(/\s+/g, ' ')}`,
  )

describe('an ask one question per page', () => {
  let t: TestApp
  let calvados: Territory
  let category: Category
  const host = () => calvados.hostnames[0]!
  async function signedIn() {
    const account = await makeAccount(t, calvados)
    return { account, client: await new Client(t, host()).signInDirectly(account) }
  }

  before(async () => {
    t = await buildTestApp()
    calvados = await makeTerritory(t.app.services)
    category = await makeCategory(t, calvados, { name: { fr: 'Courses' } })
  })
  after(() => t.close())

  it('walks every page, follow-up questions included, to a published ask', async () => {
    const { account, client } = await signedIn()
    const first = await client.get('/annonces/nouvelle/demande')
    const aide = assertQuestionPage(first.body, 'De quelle aide avez-vous besoin ?', '/annonces/nouvelle')
    assert.match(aide.text('fieldset'), /Courses/)
    const start = await client.post('/annonces/demande', { categoryId: category.id })
    assert.equal(start.statusCode, 303)
    const id = draftIdOf(start.headers.location)
    const at = (slug: string) => `/annonces/demande/${id}/${slug}`
    assert.equal(start.headers.location, at('description'))
    const walk: [string, string, string, Record<string, string>, string][] = [
      [
        'description',
        'Que faut-il faire ?',
        at('aide'),
        { title: ' Courses  du samedi ', description: 'Porter les sacs.\nLe matin.' },
        'commune',
      ],
      ['commune', 'Dans quelle commune ?', at('description'), { commune: 'Bayeux (14400)' }, 'quand'],
      ['quand', 'Quand avez-vous besoin d’aide ?', at('commune'), { whenKind: 'period' }, 'periode'],
      [
        'periode',
        'Pendant quelle période ?',
        at('quand'),
        {
          'whenStart-day': '2',
          'whenStart-month': '4',
          'whenStart-year': '2026',
          'whenEnd-day': '30',
          'whenEnd-month': '04',
          'whenEnd-year': '2026',
        },
        'urgence',
      ],
      ['urgence', 'Est-ce urgent ?', at('periode'), { urgency: 'today' }, 'pour-qui'],
      ['pour-qui', 'Pour qui demandez-vous de l’aide ?', at('urgence'), { forWhom: 'other' }, 'personne'],
      [
        'personne',
        'Qui est la personne que vous aidez ?',
        at('pour-qui'),
        { onBehalfName: 'Marcel', onBehalfRelation: 'mon voisin', onBehalfConsent: 'oui' },
        'verifier',
      ],
    ]
    for (const [slug, question, back, body, next] of walk) {
      const shown = await client.get(at(slug))
      assert.equal(shown.statusCode, 200, slug)
      assertQuestionPage(shown.body, question, back)
      const res = await client.post(at(slug), body)
      assert.equal(res.statusCode, 303, `${slug}: ${JSON.stringify(page(res.body).errorSummary())}`)
      assert.equal(res.headers.location, at(next), slug)
    }
    const check = page((await client.get(at('verifier'))).body)
    assert.equal(check.h1(), 'Vérifiez votre demande')
    assert.equal(check.link('Retour'), at('personne'))
    assert.deepEqual(answersOf(check), [
      'Type d’aide : Courses',
      'Titre : Courses du samedi',
      'Description : Porter les sacs. Le matin.',
      'Commune : Bayeux (14400)',
      'Quand : Du 2 avril 2026 au 30 avril 2026',
      'Urgence : Aujourd’hui',
      'Pour qui : Pour Marcel (mon voisin)',
    ])
    assert.equal((await listByAuthor(t.db.db, calvados.id, account.id)).length, 0, 'nothing published yet')
    const refused = await client.post(at('publier'), {})
    assert.equal(refused.statusCode, 400)
    assert.deepEqual(page(refused.body).errorSummary(), [
      { text: 'Cochez la case pour accepter la charte de l’entraide gratuite', href: '#charter' },
    ])
    const published = await client.post(at('publier'), { charter: 'oui' })
    assert.equal(published.statusCode, 303)
    const [row] = await listByAuthor(t.db.db, calvados.id, account.id)
    assert.ok(row)
    assert.equal(published.headers.location, `/annonces/${row.id}?fait=publiee`)
    assert.equal(row.kind, 'ask')
    assert.equal(row.title, 'Courses du samedi')
    assert.equal(row.communeInsee, '14047')
    assert.equal(row.whenKind, 'period')
    assert.equal(row.whenStart?.toISOString().slice(0, 10), '2026-04-02')
    assert.equal(row.whenEnd?.toISOString().slice(0, 10), '2026-04-30')
    assert.equal(row.urgency, 'today')
    assert.equal(row.onBehalfName, 'Marcel')
    assert.equal(row.onBehalfConsent, true)
    assert.equal(await storedDraft(t, calvados, id, account.id), null, 'the draft goes with the publication')
    assert.equal((await client.get(at('verifier'))).statusCode, 404)
    assert.equal((await client.post(at('publier'), { charter: 'oui' })).statusCode, 404, 'a second click')
    assert.equal((await listByAuthor(t.db.db, calvados.id, account.id)).length, 1)
  })

  it('holds an ask that speaks of money, as the full form does', async () => {
    const { account, client } = await signedIn()
    const id = await fillAsk(client, category.id, [
      ['description', { title: 'Ménage', description: 'Je paie 15 euros de l’heure pour le ménage.' }],
      ['commune', { commune: 'Bayeux (14400)' }],
      ['quand', { whenKind: 'flexible' }],
      ['urgence', { urgency: 'week' }],
      ['pour-qui', { forWhom: 'self' }],
    ])
    const res = await client.post(`/annonces/demande/${id}/publier`, { charter: 'oui' })
    assert.equal(res.statusCode, 303)
    const [row] = await listByAuthor(t.db.db, calvados.id, account.id)
    assert.equal(row?.status, 'held')
    assert.equal(res.headers.location, `/annonces/${row?.id}?fait=relue`)
  })

  it('says what is wrong on each page, in French, and keeps the draft as it was', async () => {
    const { account, client } = await signedIn()
    const noCategory = await client.post('/annonces/demande', {})
    assert.equal(noCategory.statusCode, 400)
    assert.deepEqual(page(noCategory.body).errorSummary(), [
      { text: 'Choisissez une catégorie', href: '#categoryId' },
    ])
    const id = await fillAsk(client, category.id, [])
    const at = (slug: string) => `/annonces/demande/${id}/${slug}`
    const cases: [string, Record<string, string>, { text: string; href: string }[]][] = [
      [
        'description',
        {},
        [
          { text: 'Indiquez un titre', href: '#title' },
          { text: 'Décrivez l’aide demandée ou proposée', href: '#description' },
        ],
      ],
      [
        'description',
        { title: 'x'.repeat(121), description: 'ok' },
        [{ text: 'Ce texte doit faire 120 caractères au plus', href: '#title' }],
      ],
    ]
    for (const [slug, body, summary] of cases) {
      const res = await client.post(at(slug), body)
      assert.equal(res.statusCode, 400, slug)
      const p = page(res.body)
      assert.deepEqual(p.errorSummary(), summary, slug)
      assert.match(p.title(), /^Il y a un problème/)
    }
    for (const [slug, body] of [
      ['description', { title: 'Courses', description: 'Porter les sacs.' }],
      ['commune', { commune: 'Bayeux (14400)' }],
    ] as const)
      assert.equal((await client.post(at(slug), body)).statusCode, 303)
    const outside = await client.post(at('commune'), { commune: 'Qwxzvb' })
    assert.equal(outside.statusCode, 400)
    assert.equal(page(outside.body).errorSummary()[0]?.href, '#commune')
    assert.equal(page(outside.body).field('Commune')?.getAttribute('value'), 'Qwxzvb', 'kept as typed')
    const before = await storedDraft(t, calvados, id, account.id)
    assert.equal(before?.answers.communeInsee, '14047', 'the right answer stays')
    const quand = await client.post(at('quand'), {})
    assert.deepEqual(page(quand.body).errorSummary(), [{ text: 'Indiquez quand', href: '#whenKind' }])
    assert.equal((await client.post(at('quand'), { whenKind: 'date' })).headers.location, at('date'))
    const day = (d: string, m: string, y: string) => ({
      'whenStart-day': d,
      'whenStart-month': m,
      'whenStart-year': y,
    })
    const dates: [Record<string, string>, string][] = [
      [day('', '', ''), 'Indiquez la date : le jour, le mois et l’année'],
      [day('2', '', '2026'), 'La date doit comporter un mois'],
      [day('', '4', '2026'), 'La date doit comporter un jour'],
      [day('2', '4', ''), 'La date doit comporter une année'],
      [day('2', '4', '26'), 'L’année doit comporter 4 chiffres, par exemple 2026'],
      [day('31', '2', '2026'), 'Cette date n’existe pas : vérifiez le jour et le mois, par exemple 2 4 2026'],
      [
        day('deux', '4', '2026'),
        'Cette date n’existe pas : vérifiez le jour et le mois, par exemple 2 4 2026',
      ],
      [day('1', '3', '2026'), 'La date doit être aujourd’hui ou plus tard'],
    ]
    for (const [body, message] of dates) {
      const res = await client.post(at('date'), body)
      assert.equal(res.statusCode, 400, message)
      const p = page(res.body)
      assert.deepEqual(p.errorSummary(), [{ text: message, href: '#whenStart' }])
      assert.equal(p.field('Jour')?.getAttribute('value'), body['whenStart-day'], 'the day kept as typed')
    }
    assert.equal((await client.post(at('date'), day('16', '3', '2026'))).statusCode, 303, 'today is fine')
    assert.equal((await client.post(at('quand'), { whenKind: 'period' })).headers.location, at('periode'))
    const period = await client.post(at('periode'), {
      ...day('10', '4', '2026'),
      'whenEnd-day': '2',
      'whenEnd-month': '4',
      'whenEnd-year': '2026',
    })
    assert.deepEqual(page(period.body).errorSummary(), [
      { text: 'Le dernier jour doit venir après le premier', href: '#whenEnd' },
    ])
    assert.equal((await client.post(at('quand'), { whenKind: 'recurring' })).headers.location, at('rythme'))
    const rythme = await client.post(at('rythme'), { recurrence: '  ' })
    assert.deepEqual(page(rythme.body).errorSummary(), [
      { text: 'Indiquez le rythme, par exemple « tous les mardis »', href: '#recurrence' },
    ])
    assert.equal((await client.post(at('rythme'), { recurrence: 'tous les mardis' })).statusCode, 303)
    const urgence = await client.post(at('urgence'), { urgency: 'demain' })
    assert.deepEqual(page(urgence.body).errorSummary(), [
      { text: 'Indiquez si c’est urgent', href: '#urgency' },
    ])
    assert.equal((await client.post(at('urgence'), { urgency: 'no-rush' })).statusCode, 303)
    const forWhom = await client.post(at('pour-qui'), {})
    assert.deepEqual(page(forWhom.body).errorSummary(), [
      { text: 'Indiquez pour qui vous demandez de l’aide', href: '#forWhom' },
    ])
    assert.equal((await client.post(at('pour-qui'), { forWhom: 'other' })).statusCode, 303)
    const person = await client.post(at('personne'), {
      onBehalfName: 'Marcel',
      onBehalfRelation: 'mon voisin',
    })
    assert.deepEqual(page(person.body).errorSummary(), [
      { text: 'Confirmez que la personne est d’accord', href: '#onBehalfConsent' },
    ])
    const draft = await storedDraft(t, calvados, id, account.id)
    assert.equal(draft?.answers.onBehalfName, undefined, 'a wrong page writes nothing')
    assert.equal(draft?.answers.recurrence, 'tous les mardis')
    assert.equal(draft?.answers.whenStart, undefined, 'the dates of a former answer are dropped')
  })

  it('keeps the answers on the pages « Retour » leads back to', async () => {
    const { client } = await signedIn()
    const id = await fillAsk(client, category.id, [
      ['description', { title: 'Un titre à garder', description: 'Une description à garder.' }],
      ['commune', { commune: 'Bayeux (14400)' }],
    ])
    let at = `/annonces/demande/${id}/quand`
    const seen: string[] = []
    for (;;) {
      const p = page((await client.get(at)).body)
      seen.push(p.h1())
      const back = p.link('Retour')
      if (!back || back === '/annonces/nouvelle') break
      at = back
      if (at.endsWith('/commune'))
        assert.equal(
          page((await client.get(at)).body)
            .field('Commune')
            ?.getAttribute('value'),
          'Bayeux (14400)',
        )
      if (at.endsWith('/description')) {
        const d = page((await client.get(at)).body)
        assert.equal(d.field('Titre')?.getAttribute('value'), 'Un titre à garder')
        assert.equal(d.field('Description')?.textContent, 'Une description à garder.')
      }
      if (at.endsWith('/aide')) {
        const checked = page((await client.get(at)).body).document.querySelector(
          'input[name=categoryId]:checked',
        )
        assert.equal(checked?.getAttribute('value'), category.id)
      }
    }
    assert.deepEqual(seen, [
      'Quand avez-vous besoin d’aide ?',
      'Dans quelle commune ?',
      'Que faut-il faire ?',
      'De quelle aide avez-vous besoin ?',
    ])
  })

  it('« Modifier » leads to the page and back to the check page, through a new follow-up when one applies', async () => {
    const { client } = await signedIn()
    const id = await fillAsk(client, category.id)
    const at = (slug: string) => `/annonces/demande/${id}/${slug}`
    const check = page((await client.get(at('verifier'))).body)
    const change = check.link('Modifier le titre')
    assert.equal(change, `${at('description')}?depuis=verifier`)
    const form = page((await client.get(change!)).body)
    assert.equal(form.link('Retour'), at('verifier'))
    const saved = await client.post(at('description'), {
      title: 'Un nouveau titre',
      description: 'Porter les sacs.',
      depuis: 'verifier',
    })
    assert.equal(saved.headers.location, at('verifier'))
    assert.ok(answersOf(page((await client.get(at('verifier'))).body)).includes('Titre : Un nouveau titre'))
    // « Un jour précis » needs its date: that page comes first, then the check page again.
    const when = await client.post(at('quand'), { whenKind: 'date', depuis: 'verifier' })
    assert.equal(when.headers.location, `${at('date')}?depuis=verifier`)
    const dated = await client.post(at('date'), {
      'whenStart-day': '20',
      'whenStart-month': '3',
      'whenStart-year': '2026',
      depuis: 'verifier',
    })
    assert.equal(dated.headers.location, at('verifier'))
    assert.ok(answersOf(page((await client.get(at('verifier'))).body)).includes('Quand : Le 20 mars 2026'))
  })

  it('shows a draft to its author only: anyone else gets 404 and changes nothing', async () => {
    const owner = await signedIn()
    const id = await fillAsk(owner.client, category.id)
    const before = await storedDraft(t, calvados, id, owner.account.id)
    const other = await signedIn()
    const at = (slug: string) => `/annonces/demande/${id}/${slug}`
    for (const slug of ['aide', 'description', 'commune', 'quand', 'urgence', 'pour-qui', 'verifier'])
      assert.equal((await other.client.get(at(slug))).statusCode, 404, slug)
    assert.equal(
      (await other.client.post(at('description'), { title: 'Volé', description: 'Volé' })).statusCode,
      404,
    )
    assert.equal((await other.client.post(at('publier'), { charter: 'oui' })).statusCode, 404)
    assert.equal((await other.client.get('/annonces/demande/pas-un-id/aide')).statusCode, 404)
    assert.deepEqual(await storedDraft(t, calvados, id, owner.account.id), before)
    assert.equal((await listByAuthor(t.db.db, calvados.id, other.account.id)).length, 0)
    assert.equal((await listByAuthor(t.db.db, calvados.id, owner.account.id)).length, 0)
    const visitor = new Client(t, host())
    const signedOut = await visitor.get(at('description'))
    assert.equal(signedOut.statusCode, 303)
    assert.match(signedOut.headers.location ?? '', /^\/connexion/)
    const forged = await owner.client.post(
      at('description'),
      { title: 'x', description: 'y' },
      { withoutCsrf: true },
    )
    assert.equal(forged.statusCode, 403, 'no CSRF token, no change')
    assert.deepEqual(await storedDraft(t, calvados, id, owner.account.id), before)
  })
})
