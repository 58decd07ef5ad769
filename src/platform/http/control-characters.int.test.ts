import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import { Client } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'

const HOST = 'saisies.entraide.test'
const HOSTILE: string[] = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/hostile-inputs.json', import.meta.url), 'utf8'),
)
const REFUSED = /Ce texte contient un caractère invisible qui n’est pas accepté/
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is looked for
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is looked for
const ALL_CONTROL = /[\u0000-\u001f\u007f-\u009f]/g
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is looked for
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/

describe('hostile text in queries, bodies and paths', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp()
    await makeTerritory(t.app.services, { hostnames: [HOST] })
  })
  after(() => t.close())

  // As a browser sends it: an unpaired surrogate becomes U+FFFD.
  const query = (words: string) => new URLSearchParams({ words }).toString()
  const get = (url: string) => t.app.inject({ url, headers: { host: HOST } })

  it('answers the search page with results or a French refusal, never a 500', async () => {
    for (const words of HOSTILE) {
      const res = await get(`/annonces?${query(words)}`)
      const label = JSON.stringify(words.slice(0, 30))
      assert.ok(res.statusCode < 500, `${label}: ${res.statusCode}`)
      if (CONTROL.test(words)) {
        assert.equal(res.statusCode, 400, label)
        const { document } = page(res.body)
        // The search form again, not a bare error page: the summary links to the field, and
        // what was typed is kept less the invisible characters.
        const summary = document.querySelector('.error-summary')
        assert.match(summary?.textContent ?? '', REFUSED, label)
        assert.equal(summary?.querySelector('a')?.getAttribute('href'), '#words', label)
        const field = document.querySelector<HTMLInputElement>('input[name="words"]')
        assert.ok(field, `${label}: the search form is shown again`)
        assert.equal(field.getAttribute('value') ?? '', words.replace(ALL_CONTROL, '').slice(0, 300), label)
      }
    }
  })

  it('answers the search API with results or a problem in French, never a 500', async () => {
    for (const words of HOSTILE) {
      const res = await get(`/api/v1/listings/search?${query(words)}`)
      const label = JSON.stringify(words.slice(0, 30))
      assert.ok(res.statusCode < 500, `${label}: ${res.statusCode}`)
      if (CONTROL.test(words)) {
        assert.equal(res.statusCode, 400, label)
        assert.match(res.headers['content-type'] as string, /application\/problem\+json/)
        const problem = res.json() as { detail: string; errors: { pointer: string; detail: string }[] }
        assert.match(problem.detail, REFUSED, label)
        assert.deepEqual(
          problem.errors.map((e) => e.pointer),
          ['/words'],
        )
      }
    }
  })

  it('refuses a control character in a path parameter', async () => {
    const res = await get('/api/v1/communes/1%0014')
    assert.equal(res.statusCode, 400)
    assert.match((res.json() as { detail: string }).detail, REFUSED)
    const nul = await get(`/langue/${encodeURIComponent('e\u0000')}`)
    assert.equal(nul.statusCode, 400)
  })

  it('shows the sign-up form again with the French message, and creates no account', async () => {
    for (const text of HOSTILE) {
      t.clock.advance('61 minutes')
      const res = await new Client(t, HOST).post('/inscription', {
        displayName: text,
        email: `${text}@exemple.test`,
        password: text,
        commune: text,
        phone: '',
        charter: 'oui',
        privacy: 'oui',
      })
      const label = JSON.stringify(text.slice(0, 30))
      assert.ok(res.statusCode < 500, `${label}: ${res.statusCode}`)
      assert.equal(res.statusCode, 400, `${label}: nothing here makes a valid account`)
      if (CONTROL_BUT_LINES.test(text)) {
        const form = page(res.body)
        assert.ok(form.field('Votre nom'), `${label}: the form is shown again`)
        const summary = form.errorSummary()
        assert.ok(summary.length > 0, label)
        for (const error of summary) assert.match(error.text, REFUSED, label)
        assert.ok(
          summary.some((e) => e.href === '#displayName'),
          `${label}: links to the field`,
        )
        assert.doesNotMatch(form.field('Votre nom')?.getAttribute('value') ?? '', CONTROL, label)
      }
    }
    const result = (await t.db.db.execute(sql`select count(*)::int as count from accounts`)) as unknown as {
      rows: { count: number }[]
    }
    assert.equal(result.rows[0]?.count, 0)
  })
})
