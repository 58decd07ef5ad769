import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { page } from '../../../test/helpers/html.ts'
import {
  caseCount,
  eventCount,
  LINE,
  type PhoneWorld,
  peopleCount,
  personForm,
  phoneWorld,
  postAsk,
  recordPerson,
} from '../../../test/helpers/phone.ts'
import { listings } from '../../schema.ts'
import { phonePeople } from './phone.schema.ts'

const HOSTILE: string[] = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/hostile-inputs.json', import.meta.url), 'utf8'),
)
const label = (field: string, text: string) => `${field} = ${JSON.stringify(text.slice(0, 30))}`

function assertEscaped(body: string, what: string) {
  assert.ok(!body.includes('<script>alert'), `${what}: escaped`)
  assert.ok(!body.includes('<img src=x'), `${what}: escaped`)
}

/** A 400 says why in French: the error summary, or the platform's « Demande incorrecte ». */
function assertSaysWhy(body: string, what: string) {
  const p = page(body)
  assert.ok(
    p.errorSummary().length > 0 || /Demande incorrecte|caractères/.test(p.text('main')),
    `${what}: says why`,
  )
}

describe('the phone line with hostile text in every field', () => {
  let t: TestApp
  let w: PhoneWorld
  let personId = ''
  let caseId = ''
  before(async () => {
    t = await buildTestApp()
    w = await phoneWorld(t)
    personId = await recordPerson(w, { phone: '02 61 91 00 09' })
    caseId = await postAsk(w, personId)
  })
  after(() => t.close())

  it('refuses an empty consent in French and writes nothing', async () => {
    const before = await peopleCount(t)
    const res = await (await w.client(w.agent)).post(
      `${LINE}/personnes`,
      personForm({ consentWording: '   ' }),
    )
    assert.equal(res.statusCode, 400)
    assert.deepEqual(page(res.body).errorSummary(), [
      {
        text: 'Notez le consentement tel qu’il a été lu à la personne : sans son accord, rien n’est enregistré',
        href: '#consentWording',
      },
    ])
    assert.equal(await peopleCount(t), before)
  })

  it('reads phone numbers in every French way and keeps them in E.164; refuses what is not one', async () => {
    const agent = await w.client(w.agent)
    const cases: [string, string][] = [
      ['02 31 12 34 56', '+33231123456'],
      ['02.31.12.34.57', '+33231123457'],
      ['0231123458', '+33231123458'],
      ['+33 2 31 12 34 59', '+33231123459'],
      ['0033 6 12 34 56 70', '+33612345670'],
      ['0590 12 34 56', '+590590123456'],
    ]
    for (const [typed, e164] of cases) {
      const res = await agent.post(`${LINE}/personnes`, personForm({ phone: typed }))
      assert.equal(res.statusCode, 303, typed)
      const [row] = await t.db.db.select().from(phonePeople).where(eq(phonePeople.phone, e164))
      assert.ok(row, `${typed} kept as ${e164}`)
    }
    for (const bad of ['12', '02 31', 'pas de téléphone', '+33 1234']) {
      const before = await peopleCount(t)
      const res = await agent.post(`${LINE}/personnes`, personForm({ phone: bad }))
      assert.equal(res.statusCode, 400, bad)
      assert.match(page(res.body).errorSummary()[0]?.text ?? '', /n’est pas un numéro de téléphone valide/)
      assert.equal(await peopleCount(t), before)
    }
  })

  it('keeps names with accents and apostrophes as typed, and finds them without either', async () => {
    const agent = await w.client(w.agent)
    for (const [first, last, phone] of [
      ['Hélène', 'Lefèvre', '02 31 20 00 01'],
      ['Aminata', 'N’Diaye', '02 31 20 00 02'],
      ['Seán', "O'Brien", '02 31 20 00 03'],
    ] as const)
      await recordPerson(w, { firstName: first, lastName: last, phone })
    for (const [typed, name] of [
      ['helene lefevre', 'Hélène Lefèvre'],
      ["n'diaye", 'Aminata N’Diaye'],
      ['obrien', null],
      ["o'brien", "Seán O'Brien"],
      ['o’brien', "Seán O'Brien"],
    ] as const) {
      const res = await agent.post(`${LINE}/recherche`, { name: typed, phone: '', commune: '' })
      assert.equal(res.statusCode, 200, typed)
      if (name) assert.ok(page(res.body).all('main li a').includes(name), `${typed} finds ${name}`)
    }
    const bad = await agent.post(`${LINE}/personnes`, personForm({ lastName: 'R2-D2' }))
    assert.equal(bad.statusCode, 400)
    assert.match(page(bad.body).errorSummary()[0]?.text ?? '', /lettres, des espaces, des apostrophes/)
  })

  it('warns of a number already recorded, links to its record, and records it once confirmed', async () => {
    const agent = await w.client(w.agent)
    const before = await peopleCount(t)
    const res = await agent.post(
      `${LINE}/personnes`,
      personForm({ phone: '02.61.91.00.09', firstName: 'Marcel' }),
    )
    assert.equal(res.statusCode, 400)
    const p = page(res.body)
    assert.ok(
      p.document.querySelector(`a[href^="${LINE}/personnes/${personId}"]`),
      'a link to the existing record',
    )
    assert.equal(await peopleCount(t), before)
    const confirmed = await agent.post(
      `${LINE}/personnes`,
      personForm({ phone: '02.61.91.00.09', firstName: 'Marcel', confirmDuplicate: 'oui' }),
    )
    assert.equal(confirmed.statusCode, 303)
  })

  it('answers each field of the person form with a French error and nothing written, or keeps the text as text', async () => {
    const agent = await w.client(w.agent)
    const fields = Object.keys(personForm())
    let n = 0
    for (const field of fields) {
      for (const text of HOSTILE) {
        n += 1
        const what = label(field, text)
        const before = await peopleCount(t)
        // A distinct number each time, so that no post is a duplicate of the last.
        const phone =
          field === 'phone'
            ? text
            : `02 31 30 ${String(Math.floor(n / 100) % 100).padStart(2, '0')} ${String(n % 100).padStart(2, '0')}`
        const res = await agent.post(`${LINE}/personnes`, personForm({ phone, [field]: text }))
        assert.ok([303, 400].includes(res.statusCode), `${what}: ${res.statusCode}`)
        assertEscaped(res.body, what)
        if (res.statusCode === 400) {
          assert.equal(await peopleCount(t), before, `${what}: nothing written`)
          assertSaysWhy(res.body, what)
          continue
        }
        const shown = await agent.get(res.headers.location as string)
        assert.equal(shown.statusCode, 200, what)
        assertEscaped(shown.body, what)
      }
    }
  })

  it('answers each field of the ask, the call, the note, the closing and the search the same way', async () => {
    const agent = await w.client(w.agent)
    const posts: [string, string[], Record<string, string>, () => Promise<number>][] = [
      [
        `${LINE}/personnes/${personId}/demande`,
        ['categoryId', 'title', 'description', 'urgency', 'commune'],
        {
          categoryId: w.groceries.id,
          title: 'Courses',
          description: 'Des courses.',
          urgency: 'week',
          commune: '',
        },
        () => t.db.db.$count(listings),
      ],
      [
        `${LINE}/dossiers/${caseId}/appel`,
        ['direction', 'result', 'note'],
        { direction: 'out', result: 'reached', note: '' },
        () => eventCount(t),
      ],
      [`${LINE}/dossiers/${caseId}/note`, ['noteText'], { noteText: 'Rappeler jeudi.' }, () => eventCount(t)],
      [
        `${LINE}/recherche`,
        ['name', 'phone', 'commune', 'reason'],
        { name: 'lefevre', phone: '', commune: '', reason: '' },
        () => peopleCount(t),
      ],
      [`${LINE}/personnes/${personId}/compte`, ['email'], { email: 'x@exemple.test' }, () => peopleCount(t)],
      [
        `${LINE}/personnes/${personId}/modifier`,
        ['firstName', 'phone', 'commune', 'sharedContact'],
        { ...personForm({ phone: '02 61 91 00 09' }), confirmDuplicate: 'oui' },
        () => peopleCount(t),
      ],
    ]
    for (const [url, fields, form, count] of posts) {
      for (const field of fields) {
        for (const text of HOSTILE) {
          const what = `${url.slice(LINE.length)} ${label(field, text)}`
          const before = await count()
          const res = await agent.post(url, { ...form, [field]: text })
          assert.ok([200, 303, 400].includes(res.statusCode), `${what}: ${res.statusCode}`)
          assertEscaped(res.body, what)
          if (res.statusCode === 400) {
            assert.equal(await count(), before, `${what}: nothing written`)
            assertSaysWhy(res.body, what)
          } else if (res.statusCode === 303) {
            assert.ok((res.headers.location as string).startsWith(LINE), `${what}: stays on the line`)
          }
        }
      }
    }
    const cases = await caseCount(t)
    assert.ok(cases >= 1)
  })

  it('refuses every hostile outcome, withdrawal reason and settings value, in words', async () => {
    const agent = await w.client(w.agent)
    const admin = await w.client(w.admin)
    for (const text of HOSTILE) {
      const closing = await agent.post(`${LINE}/dossiers/${caseId}/cloture`, {
        outcome: text,
        closingNote: '',
      })
      assert.equal(closing.statusCode, 400, label('outcome', text))
      assertEscaped(closing.body, label('outcome', text))
      const withdraw = await agent.post(`${LINE}/personnes/${personId}/retrait`, { reason: text })
      assert.equal(withdraw.statusCode, 400, label('reason', text))
      const delay = await admin.post(`${LINE}/reglages`, { delay: text, consentWording: '' })
      if (!/^\s*\d+\s*$/.test(text) || Number(text) < 1 || Number(text) > 720)
        assert.equal(delay.statusCode, 400, label('delay', text))
      const wording = await admin.post(`${LINE}/reglages`, { delay: '48', consentWording: text })
      assert.ok([303, 400].includes(wording.statusCode), label('consentWording', text))
      assertEscaped(wording.body, label('consentWording', text))
    }
    for (const text of HOSTILE) {
      const res = await agent.get(
        `${LINE}/personnes/${personId}?motif=${encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '\ufffd'))}`,
      )
      assert.ok([200, 400].includes(res.statusCode), label('motif', text))
    }
  })
})
