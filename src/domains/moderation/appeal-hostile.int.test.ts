import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { page } from '../../../test/helpers/html.ts'
import {
  appealCount,
  appealRows,
  makeSanction,
  type SanctionWorld,
  sanctionWorld,
} from '../../../test/helpers/sanctions.ts'
import { AppealService } from './appeal.service.ts'

const HOSTILE: string[] = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/hostile-inputs.json', import.meta.url), 'utf8'),
)
/** An unpaired surrogate cannot travel in an address or a form: the browser sends U+FFFD instead. */
const sent = (text: string) =>
  text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
const inPath = (text: string) => encodeURIComponent(sent(text))
const label = (field: string, text: string) => `${field} = ${JSON.stringify(text.slice(0, 30))}`

/** What no answer may ever hold: markup from the input, alive, a server error, or a way off the site. */
function assertSafe(
  res: { statusCode: number; body: string; headers: Record<string, unknown> },
  what: string,
) {
  assert.ok(res.statusCode < 500, `${what}: ${res.statusCode}`)
  assert.ok(!res.body.includes('<script>alert'), `${what}: escaped`)
  assert.ok(!res.body.includes('<img src=x'), `${what}: escaped`)
  const location = String(res.headers.location ?? '')
  assert.ok(location === '' || location.startsWith('/'), `${what}: stays on the site (${location})`)
  assert.ok(!('set-cookie' in res.headers) || !String(res.headers['set-cookie']).includes('x=1'), what)
}

/** A refusal says why in French: the error summary, or the page's words. */
function assertSaysWhy(body: string, what: string) {
  const p = page(body)
  assert.ok(
    p.errorSummary().length > 0 || /caractères|invisibles|Expliquez|Écrivez|Choisissez/.test(p.text('main')),
    `${what}: says why`,
  )
}

describe('appeals with hostile text in every field and parameter', () => {
  let t: TestApp
  let w: SanctionWorld
  before(async () => {
    t = await buildTestApp()
    w = await sanctionWorld(t)
  })
  after(() => t.close())

  /** A new decision to contest; `wait` starts a new window of the link's rate limit first. */
  const fresh = async (wait = true) => {
    if (wait) t.clock.advance('11 minutes')
    return makeSanction(t, w.territory, { accountId: w.person.id, kind: 'warn', decidedBy: w.judge.id })
  }

  it('files the statement from the link as plain text, or refuses it in words with nothing written', async () => {
    const client = await w.client()
    for (const text of HOSTILE) {
      const what = label('statement', text)
      const { id, token } = await fresh()
      const before = await appealCount(t)
      const res = await client.post(`/recours/${token}`, { statement: text })
      assertSafe(res, what)
      assert.ok([303, 400].includes(res.statusCode), `${what}: ${res.statusCode}`)
      if (res.statusCode === 400) {
        assertSaysWhy(res.body, what)
        assert.equal(await appealCount(t), before, `${what}: nothing written`)
        continue
      }
      const [appeal] = await appealRows(t, id)
      assert.equal(appeal?.statement, sent(text).replace(/\r\n?/g, '\n').trim(), what)
      assertSafe(await client.get(`/recours/${token}`), `${what}: shown back`)
    }
  })

  it('does the same from the account’s page', async () => {
    const client = await w.client(w.person)
    for (const text of HOSTILE) {
      const what = label('statement (account)', text)
      const { id } = await fresh()
      const before = await appealCount(t)
      const res = await client.post(`/mon-compte/decisions/${id}/recours`, { statement: text })
      assertSafe(res, what)
      assert.ok([303, 400].includes(res.statusCode), `${what}: ${res.statusCode}`)
      if (res.statusCode === 400) {
        assertSaysWhy(res.body, what)
        assert.equal(await appealCount(t), before, `${what}: nothing written`)
      }
    }
    assertSafe(await client.get('/mon-compte/decisions'), 'the list of decisions')
  })

  it('answers hostile tokens, ids and query values with 4xx, never an error', async () => {
    const client = await w.client(w.person)
    const reviewer = await w.client(w.reviewer, true)
    for (const text of HOSTILE) {
      const p = inPath(text)
      const what = label('param', text)
      for (const [c, url] of [
        [client, `/recours/${p}`],
        [client, `/mon-compte/decisions?fait=${p}`],
        [reviewer, `/administration/moderation/recours/${p}`],
        [reviewer, `/administration/moderation/recours/00000000-0000-4000-8000-000000000000?fait=${p}`],
      ] as const) {
        const res = await c.get(url)
        assertSafe(res, `${what} GET ${url}`)
      }
      for (const [c, url] of [
        [client, `/recours/${p}`],
        [client, `/mon-compte/decisions/${p}/recours`],
        [reviewer, `/administration/moderation/recours/${p}`],
      ] as const) {
        const res = await c.post(url, { statement: 'Un texte correct', decision: 'granted', answer: 'Oui' })
        assertSafe(res, `${what} POST ${url}`)
        assert.ok(res.statusCode >= 400, `${what} POST ${url}: ${res.statusCode}`)
      }
      const resend = await client.post('/recours/renvoyer', { decision: text })
      assertSafe(resend, `${what} resend`)
      assert.equal(resend.statusCode, 400, `${what} resend`)
    }
  })

  it('takes the reviewer’s answer as plain text or refuses it in words, on the page and through the API', async () => {
    const reviewer = await w.client(w.reviewer, true)
    // Filed through the use case: the staff session would not outlast the link's rate-limit windows.
    const file = async () => {
      const { id, token } = await fresh(false)
      await new AppealService(t.app.services).fileByToken(w.territory, token, 'Je conteste.')
      return (await appealRows(t, id))[0]!
    }
    let appeal = await file()
    for (const text of HOSTILE) {
      for (const field of ['answer', 'decision'] as const) {
        const what = label(field, text)
        const form = { decision: 'upheld', answer: 'Décision maintenue.', [field]: text }
        const res = await reviewer.post(`/administration/moderation/recours/${appeal.id}`, form)
        assertSafe(res, what)
        assert.ok([303, 400].includes(res.statusCode), `${what}: ${res.statusCode}`)
        if (res.statusCode === 400) {
          assertSaysWhy(res.body, what)
          assert.equal(
            (await appealRows(t, appeal.sanctionId))[0]?.status,
            'open',
            `${what}: nothing written`,
          )
        } else {
          const [stored] = await appealRows(t, appeal.sanctionId)
          assert.equal(stored?.answer, sent(text).replace(/\r\n?/g, '\n').trim(), what)
          assertSafe(
            await reviewer.get(`/administration/moderation/recours/${appeal.id}`),
            `${what}: shown back`,
          )
          appeal = await file()
        }
        const json = await reviewer.request({
          method: 'POST',
          url: `/api/v1/moderation/appeals/${appeal.id}/decision`,
          payload: { ...form, [field]: sent(text) },
          headers: { 'x-csrf-token': reviewer.csrfToken(), accept: 'application/json' },
          withoutCsrf: true,
        })
        assert.ok(json.statusCode < 500, `${what} (API): ${json.statusCode}`)
        assert.ok([200, 400].includes(json.statusCode), `${what} (API): ${json.statusCode}`)
        if (json.statusCode === 200) appeal = await file()
        else assert.ok(json.json().detail || json.json().errors, `${what} (API): says why`)
      }
    }
  })
})
