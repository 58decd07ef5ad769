import assert from 'node:assert/strict'
import { after, afterEach, before, describe, it } from 'node:test'
import pino from 'pino'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'
import { type SmtpReceiver, startSmtpReceiver } from '../../../test/helpers/smtp.ts'
import { maxBackoffMs } from '../jobs/backoff.ts'
import { JobWorker } from '../jobs/worker.ts'
import type { Territory } from '../tenancy/territory.ts'
import { Mailer } from './mailer.ts'

const RECIPIENT = 'marie.dupont@exemple.test'

describe('mail over SMTP', () => {
  let smtp: SmtpReceiver
  let t: TestApp
  let territory: Territory

  before(async () => {
    smtp = await startSmtpReceiver()
    t = await buildTestApp({ SMTP_URL: smtp.url })
    territory = await makeTerritory(t.app.services, {
      platformName: 'Entraide Calvados',
      primaryColor: '#7a1f5c',
    })
  })
  after(async () => {
    await t.close()
    await smtp.close()
  })
  afterEach(() => {
    smtp.setDown(false)
    smtp.failNext(0)
    smtp.messages.length = 0
  })

  it('sends the mail in French, with text and HTML parts, data escaped in the HTML', async () => {
    const { mailer, worker } = t.app.services
    const note = '<script>alert("x")</script>'
    const jobId = await mailer.send({
      territory,
      to: RECIPIENT,
      locale: 'fr',
      template: 'test',
      data: { note },
    })
    assert.equal(await worker.runDue(), 1)
    const mail = await smtp.waitFor((m) => m.to.includes(RECIPIENT))
    assert.equal(mail.subject, 'Courriel de test')
    assert.match(mail.text, /la plateforme Entraide Calvados peut envoyer des messages/)
    assert.match(mail.text, /Note : <script>alert\("x"\)<\/script>/, 'plain text carries data as it is')
    assert.match(mail.html, /<html lang="fr">/)
    assert.match(mail.html, /#7a1f5c/)
    assert.doesNotMatch(mail.html, /<script/)
    assert.match(mail.html, /&lt;script/)
    assert.equal(
      mail.messageId,
      `<${jobId}@entraide.localhost>`,
      'a resend after a crash carries the same id',
    )
    assert.match(mail.headers.get('from') ?? '', /Entraide Calvados.*<ne-pas-repondre@entraide\.localhost>/)
    assert.equal(mail.headers.get('reply-to'), 'contact@calvados.test')
    assert.equal((await t.app.services.jobs.get(jobId))?.status, 'done')
  })

  it('sends the mail in English to an English reader', async () => {
    const { mailer, worker } = t.app.services
    await mailer.send({ territory, to: 'john@example.test', locale: 'en', template: 'test', data: {} })
    await worker.runDue()
    const mail = await smtp.waitFor((m) => m.to.includes('john@example.test'))
    assert.equal(mail.subject, 'Test email')
    assert.match(mail.text, /the Entraide Calvados platform can send messages/)
    assert.match(mail.html, /<html lang="en">/)
  })

  it('keeps the mail queued while the server is down and sends it once it is back', async () => {
    const { mailer, worker, jobs } = t.app.services
    smtp.setDown(true)
    const jobId = await mailer.send({ territory, to: RECIPIENT, locale: 'fr', template: 'test', data: {} })
    await worker.runDue()
    let job = await jobs.get(jobId)
    assert.equal(job?.status, 'pending')
    assert.equal(job?.attempts, 1)
    assert.ok(job?.lastError)
    assert.equal(smtp.messages.length, 0)

    smtp.setDown(false)
    assert.equal(await worker.runDue(), 0, 'waits for its backoff')
    t.clock.advance(maxBackoffMs(1))
    assert.equal(await worker.runDue(), 1)
    await smtp.waitFor((m) => m.to.includes(RECIPIENT))
    job = await jobs.get(jobId)
    assert.equal(job?.status, 'done')
    assert.equal(smtp.messages.length, 1, 'sent exactly once')
  })

  it('writes no email address to the logs nor to the job when the server refuses', async () => {
    const lines: string[] = []
    const logger = pino({ level: 'trace' }, { write: (line: string) => lines.push(line) })
    const worker = new JobWorker(t.db, t.clock, { pollMs: 10, concurrency: 1, logger })
    const mailer = new Mailer({ ...t.app.services, worker })
    smtp.failNext(1)
    const jobId = await mailer.send({ territory, to: RECIPIENT, locale: 'fr', template: 'test', data: {} })
    await worker.runDue()
    const job = await t.app.services.jobs.get(jobId)
    assert.equal(job?.status, 'pending')
    assert.match(job?.lastError ?? '', /450/)
    assert.ok(
      lines.some((l) => l.includes('job failed')),
      'the failure is logged',
    )
    for (const text of [...lines, job?.lastError ?? '']) {
      assert.doesNotMatch(text, /marie|dupont|exemple\.test/)
    }
    t.clock.advance(maxBackoffMs(1))
    await worker.runDue()
    await smtp.waitFor((m) => m.to.includes(RECIPIENT))
  })

  it('sends no mail written in a transaction that rolls back', async () => {
    const { mailer, worker } = t.app.services
    await assert.rejects(
      t.db.db.transaction(async (tx) => {
        await mailer.send({
          territory,
          to: 'rollback@example.test',
          locale: 'fr',
          template: 'test',
          data: {},
          tx,
        })
        throw new Error('the change fails')
      }),
    )
    assert.equal(await worker.runDue(), 0)
    assert.equal(smtp.messages.length, 0)
  })

  it('refuses a malformed recipient without naming it', async () => {
    await assert.rejects(
      t.app.services.mailer.send({
        territory,
        to: 'a@b\r\nBcc: x@y',
        locale: 'fr',
        template: 'test',
        data: {},
      }),
      (error: Error) => error.message === 'invalid recipient address',
    )
  })
})

describe('mail without SMTP_URL outside production: the development outbox', () => {
  let t: TestApp
  let territory: Territory
  let jobId: string

  before(async () => {
    t = await buildTestApp()
    territory = await makeTerritory(t.app.services)
    jobId = await t.app.services.mailer.send({
      territory,
      to: RECIPIENT,
      locale: 'fr',
      template: 'test',
      data: { note: '<script>alert(1)</script>' },
    })
    await t.app.services.worker.runDue()
  })
  after(() => t.close())

  const get = (url: string, lang = 'fr') =>
    t.app.inject({ url, headers: { host: territory.hostnames[0]!, 'accept-language': lang } })

  it('lists the mail, newest first, with its Paris time, recipient and subject', async () => {
    const response = await get('/dev/emails')
    assert.equal(response.statusCode, 200)
    const p = page(response.body)
    assert.equal(p.h1(), 'Courriels de développement')
    assert.equal(p.text('caption'), 'Courriels, du plus récent au plus ancien')
    assert.deepEqual(p.all('th[scope="col"]'), ['Date', 'Destinataire', 'Objet'])
    assert.deepEqual(p.all('tbody td'), ['16 mars 2026 à 10:00', RECIPIENT, 'Courriel de test'])
    assert.equal(p.link('Courriel de test'), `/dev/emails/${jobId}`)
  })

  it('shows one mail: text version, and HTML version in a sandboxed frame', async () => {
    const response = await get(`/dev/emails/${jobId}`)
    assert.equal(response.statusCode, 200)
    const p = page(response.body)
    assert.equal(p.h1(), 'Courriel de test')
    assert.match(p.text('dl'), new RegExp(RECIPIENT.replace('.', '\\.')))
    assert.match(p.text('pre'), /la plateforme Entraide Calvados peut envoyer des messages/)
    assert.match(p.text('pre'), /Note : <script>alert\(1\)<\/script>/)
    const frame = p.document.querySelector('iframe')
    assert.equal(frame?.getAttribute('sandbox'), '')
    assert.equal(frame?.getAttribute('src'), `/dev/emails/${jobId}/html`)
    assert.equal(frame?.getAttribute('title'), 'Version HTML du courriel « Courriel de test »')
  })

  it('serves the HTML version under its own sandboxing policy', async () => {
    const response = await get(`/dev/emails/${jobId}/html`)
    assert.equal(response.statusCode, 200)
    const csp = String(response.headers['content-security-policy'])
    assert.match(csp, /^sandbox;/)
    assert.match(csp, /default-src 'none'/)
    assert.match(csp, /frame-ancestors 'self'/)
    assert.equal(response.headers['x-frame-options'], 'SAMEORIGIN')
    assert.match(response.body, /<html lang="fr">/)
    assert.doesNotMatch(response.body, /<script/)
  })

  it('speaks English to an English reader', async () => {
    const p = page((await get('/dev/emails', 'en')).body)
    assert.equal(p.h1(), 'Development emails')
    assert.deepEqual(p.all('th[scope="col"]'), ['Date', 'Recipient', 'Subject'])
    assert.match(p.all('tbody td')[0] ?? '', /16 March 2026 at 10:00/)
  })

  it('answers 404 for a mail that does not exist', async () => {
    const response = await get('/dev/emails/00000000-0000-4000-8000-999999999999')
    assert.equal(response.statusCode, 404)
  })
})
