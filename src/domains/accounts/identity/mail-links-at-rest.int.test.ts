import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import { Client, makeAccount } from '../../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { makeTerritory } from '../../../../test/helpers/factories.ts'
import { page } from '../../../../test/helpers/html.ts'
import { firstLink } from '../../../../test/helpers/outbox.ts'
import { type SmtpReceiver, startSmtpReceiver } from '../../../../test/helpers/smtp.ts'
import type { Territory } from '../../../platform/tenancy/territory.ts'

const HOST = 'liens.entraide.test'

describe('secret links waiting in the mail queue', () => {
  let smtp: SmtpReceiver
  let t: TestApp
  let territory: Territory
  before(async () => {
    smtp = await startSmtpReceiver()
    t = await buildTestApp({ SMTP_URL: smtp.url })
    territory = await makeTerritory(t.app.services, { hostnames: [HOST] })
  })
  after(async () => {
    await t.close()
    await smtp.close()
  })

  /** Every job row as text: what a copy of the database, or a backup, would show. */
  const jobRows = async () => {
    const result = (await t.db.db.execute(
      sql`select name, payload::text as payload, last_error from jobs`,
    )) as unknown as {
      rows: { name: string; payload: string; last_error: string | null }[]
    }
    return result.rows
  }

  it('keeps a reset link out of the jobs table, and the mail still works', async () => {
    const account = await makeAccount(t, territory)
    const asked = await new Client(t, HOST).post('/mot-de-passe-oublie', { email: account.email })
    assert.equal(asked.statusCode, 200)
    await t.app.services.worker.runDue()
    await t.app.services.worker.runDue()
    const mail = await smtp.waitFor((m) => m.to.includes(account.email))
    const { path, jeton } = firstLink(mail.text)

    const rows = await jobRows()
    const mailRows = rows.filter((r) => r.name === 'mail.send')
    assert.equal(mailRows.length, 1)
    for (const row of rows) {
      assert.ok(!row.payload.includes(jeton), `${row.name}: the token is not stored in clear`)
      assert.ok(!row.last_error?.includes(jeton))
    }
    assert.ok(!mailRows[0]!.payload.includes(account.email), 'nor is the recipient of the mail')
    assert.ok(!mailRows[0]!.payload.includes('mot-de-passe'), 'nor its text')

    const form = await new Client(t, HOST).get(path)
    assert.equal(form.statusCode, 200)
    assert.equal(page(form.body).h1(), 'Choisir un nouveau mot de passe')
  })
})
