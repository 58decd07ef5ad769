import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { SpawnedServer } from '../../e2e/helpers/server.ts'
import { type SmtpReceiver, startSmtpReceiver } from '../helpers/smtp.ts'
import { embeddedDirectory, preparePosters, startServer, withApp } from './support.ts'

const MAILS = 6
/** Shorter than the first retry's delay (15 to 30 s), so that every mail fails once, then goes. */
const DOWN_MS = 10_000

describe('the mail server down, then up again', () => {
  let dir: string
  let drop: () => Promise<void>
  let smtp: SmtpReceiver
  let server: SpawnedServer | undefined
  before(async () => {
    ;({ dir, drop } = await embeddedDirectory())
    smtp = await startSmtpReceiver()
  })
  after(async () => {
    await server?.stop()
    await smtp.close()
    await drop()
  })

  it('delivers every mail once, none lost and none twice', async () => {
    const recipients = Array.from({ length: MAILS }, (_, i) => `habitant${i}@exemple.test`)
    // Mails queued as the platform queues them (in its database), waiting for the worker.
    await withApp({ PGLITE_DIR: dir }, async (t) => {
      const { territory } = await preparePosters(t, 0)
      for (const to of recipients) {
        await t.app.services.mailer.send({ territory, to, locale: 'fr', template: 'test', data: {} })
      }
    })
    smtp.setDown(true)
    server = await startServer({
      PGLITE_DIR: dir,
      SMTP_URL: smtp.url,
      JOBS_ENABLED: 'true',
      JOBS_POLL_MS: '100',
    })
    await new Promise((r) => setTimeout(r, DOWN_MS))
    assert.equal(smtp.messages.length, 0, 'nothing gets through while the server turns connections away')
    smtp.setDown(false)

    for (const to of recipients) await smtp.waitFor((m) => m.to.includes(to), 90_000)
    // A mail sent twice would come a moment after the first: give it the time to show up.
    await new Promise((r) => setTimeout(r, 3_000))
    const received = smtp.messages.flatMap((m) => m.to).sort()
    assert.deepEqual(received, [...recipients].sort())
    assert.equal(new Set(smtp.messages.map((m) => m.messageId)).size, MAILS)
  })
})
