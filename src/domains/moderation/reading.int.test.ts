import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { page } from '../../../test/helpers/html.ts'
import {
  itemRow,
  type ModerationWorld,
  moderationWorld,
  QUEUE,
  queueItem,
  reportedMessage,
  versionOf,
} from '../../../test/helpers/moderation.ts'
import { auditLog } from '../../platform/audit/audit.schema.ts'
import { sanctions } from './moderation.schema.ts'

const HOSTILE: string[] = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/hostile-inputs.json', import.meta.url), 'utf8'),
)
const label = (field: string, text: string) => `${field} = ${JSON.stringify(text.slice(0, 30))}`

describe('reading a reported message, and hostile text in every field of the queue', () => {
  let t: TestApp
  let w: ModerationWorld
  let itemId = ''
  before(async () => {
    t = await buildTestApp()
    w = await moderationWorld(t)
    itemId = (await reportedMessage(t, w)).itemId
  })
  after(() => t.close())

  const readings = async () =>
    (
      await t.db.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'moderation.content-read'), eq(auditLog.targetId, itemId)))
    ).length

  it('hides the message until the moderator says why; then shows it with the ones around and audits it', async () => {
    const camille = await w.client(w.camille)
    const opened = await camille.get(`${QUEUE}/${itemId}`)
    assert.equal(opened.statusCode, 200)
    assert.ok(!opened.body.includes('Envoyez-moi 50 euros'))
    assert.ok(page(opened.body).field('Pourquoi lisez-vous ce message ?'))

    const refused = await camille.post(`${QUEUE}/${itemId}/lecture`, { readingReason: '' })
    assert.equal(refused.statusCode, 400)
    assert.deepEqual(
      page(refused.body)
        .errorSummary()
        .map((e) => e.text),
      ['Choisissez pourquoi vous lisez ce message.'],
    )
    const other = await camille.post(`${QUEUE}/${itemId}/lecture`, {
      readingReason: 'other',
      readingNote: '',
    })
    assert.equal(other.statusCode, 400)
    assert.equal(await readings(), 0)
    assert.ok(!refused.body.includes('Envoyez-moi 50 euros'))

    const read = await camille.post(`${QUEUE}/${itemId}/lecture`, { readingReason: 'report' })
    assert.equal(read.statusCode, 200)
    const p = page(read.body)
    assert.match(p.text('main'), /Échange entre Jeanne et Karim/)
    assert.deepEqual(p.all('.messages .message-body'), [
      'Bonjour',
      'Je peux venir samedi',
      'Envoyez-moi 50 euros',
      'Pardon ?',
      'Merci',
    ])
    assert.match(p.text('.message-reported'), /message signalé/)
    const [entry] = await t.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'moderation.content-read'), eq(auditLog.targetId, itemId)))
    assert.equal(entry!.actorId, w.camille.id)
    assert.equal((entry!.details as Record<string, unknown>).reason, 'report')
  })

  it('answers hostile query parameters with a French message, never an error or a redirect', async () => {
    const camille = await w.client(w.camille)
    for (const text of HOSTILE) {
      for (const name of ['cause', 'kind', 'sort', 'page']) {
        // URLSearchParams writes what an address can carry (a lone surrogate becomes U+FFFD).
        const res = await camille.get(`${QUEUE}?${new URLSearchParams({ [name]: text })}`)
        assert.ok(res.statusCode === 200 || res.statusCode === 400, `${label(name, text)}: ${res.statusCode}`)
        if (res.statusCode === 400)
          assert.match(page(res.body).text('main'), /liste|numéro|Demande incorrecte|caractères/)
        assert.ok(!res.body.includes('<script>alert'), label(name, text))
      }
    }
  })

  it('refuses hostile reading reasons in French and audits nothing; a hostile note is kept out of the log', async () => {
    const camille = await w.client(w.camille)
    const before = await readings()
    for (const text of HOSTILE) {
      const res = await camille.post(`${QUEUE}/${itemId}/lecture`, { readingReason: text })
      assert.equal(res.statusCode, 400, label('readingReason', text))
      const note = await camille.post(`${QUEUE}/${itemId}/lecture`, {
        readingReason: 'safety',
        readingNote: text,
      })
      assert.ok([200, 400].includes(note.statusCode), `${label('readingNote', text)}: ${note.statusCode}`)
      assert.ok(!note.body.includes('<script>alert'), label('readingNote', text))
    }
    const after = await t.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'moderation.content-read'), eq(auditLog.targetId, itemId)))
    assert.ok(after.length > before)
    for (const entry of after)
      for (const value of Object.values(entry.details as object))
        assert.ok(!HOSTILE.includes(String(value)) || value === '')
  })

  it('refuses hostile values in every decision field and writes nothing', async () => {
    const target = await queueItem(t, w.territory, {
      subjectKind: 'account',
      subjectId: w.jeanne.id,
      accountId: w.jeanne.id,
      cause: 'report',
    })
    const camille = await w.client(w.camille)
    const version = versionOf((await camille.get(`${QUEUE}/${target}`)).body)
    const valid = {
      version,
      decision: 'suspend',
      reason: 'abuse',
      explanation: 'Restez courtois.',
      days: '3',
    }
    for (const text of HOSTILE) {
      for (const field of ['decision', 'reason', 'days', 'version'] as const) {
        const res = await camille.post(`${QUEUE}/${target}/decision`, { ...valid, [field]: text })
        assert.ok([400, 409].includes(res.statusCode), `${label(field, text)}: ${res.statusCode}`)
        assert.ok(!res.body.includes('<script>alert'), label(field, text))
      }
      // The words themselves, on a version that changed meanwhile: checked, then refused, never stored.
      const words = await camille.post(`${QUEUE}/${target}/decision`, {
        ...valid,
        version: '999',
        explanation: text,
      })
      assert.ok([400, 409].includes(words.statusCode), `${label('explanation', text)}: ${words.statusCode}`)
    }
    assert.equal((await itemRow(t, target)).status, 'open')
    assert.equal(
      (await t.db.db.select().from(sanctions).where(eq(sanctions.accountId, w.jeanne.id))).length,
      0,
    )
  })
})
