import assert from 'node:assert/strict'
import { after, afterEach, before, describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import type { Account as AccountRow } from '../../../test/helpers/accounts.ts'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeMatch, storedMessages } from '../../../test/helpers/conversations.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { outboxMails } from '../../../test/helpers/outbox.ts'
import { type SmtpReceiver, startSmtpReceiver } from '../../../test/helpers/smtp.ts'
import { maxBackoffMs } from '../../platform/jobs/backoff.ts'
import { MAIL_JOB } from '../../platform/mail/mailer.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { readUnsubscribeToken } from '../notifications/index.ts'
import { CONVERSATION_JOBS, scheduleConversationJobs, sendMessageMail } from './conversation.jobs.ts'
import type { MatchRow } from './match.repository.ts'

/** Two people in an accepted match; the responder (Karim) writes to the author (Marie). */
async function conversationOf(t: TestApp, territory: Territory, author: Partial<AccountRow> = {}) {
  const marie = await makeAccount(t, territory, { displayName: 'Marie', ...author })
  const karim = await makeAccount(t, territory, { displayName: 'Karim' })
  const match = await makeMatch(t, territory, { author: marie, responder: karim })
  const host = territory.hostnames[0]!
  const clients = {
    marie: await new Client(t, host).signInDirectly(marie),
    karim: await new Client(t, host).signInDirectly(karim),
  }
  const path = `/mises-en-relation/${match.id}`
  return {
    marie,
    karim,
    match,
    clients,
    write: (who: 'marie' | 'karim', body: string) => clients[who].post(`${path}/messages`, { body }),
    open: (who: 'marie' | 'karim') => clients[who].get(`${path}/messages`),
  }
}

const mailJobsOf = async (t: TestApp, match: MatchRow) =>
  (await t.app.services.jobs.listByName(CONVERSATION_JOBS.mail)).filter((j) => j.payload.matchId === match.id)

describe('conversations: message emails, batched', () => {
  let t: TestApp
  let territory: Territory

  before(async () => {
    t = await buildTestApp()
    territory = await makeTerritory(t.app.services, { platformName: 'Entraide Calvados' })
  })
  after(() => t.close())

  it('mails a burst of 20 messages once, then at most once more after 15 minutes', async () => {
    const c = await conversationOf(t, territory)
    for (let i = 1; i <= 20; i++) {
      assert.equal((await c.write('karim', `Message ${i}`)).statusCode, 303)
      t.clock.advance('10 seconds')
    }
    const first = await outboxMails(t, c.marie.email)
    assert.equal(first.length, 1, 'one email for the whole burst')
    const mail = first[0]!
    assert.equal(mail.subject, 'Karim vous a écrit sur Entraide Calvados')
    assert.match(mail.text, /Karim vous a envoyé 20 messages au sujet de « Annonce \d+ »/)
    assert.match(mail.text, /Et 10 messages plus anciens/)
    assert.match(mail.text, /> Message 20\n/)
    assert.doesNotMatch(mail.text, /> Message 10\n/, 'the latest ten are quoted')
    assert.match(mail.text, new RegExp(`/mises-en-relation/${c.match.id}#conversation`))
    assert.match(mail.text, /Ne donnez jamais d’argent/)

    // More messages within the window wait for its end, then go in one email.
    for (let i = 21; i <= 25; i++) {
      await c.write('karim', `Message ${i}`)
      t.clock.advance('1 minute')
    }
    assert.equal((await outboxMails(t, c.marie.email)).length, 1, 'nothing more within 15 minutes')
    t.clock.advance('10 minutes')
    const second = await outboxMails(t, c.marie.email)
    assert.equal(second.length, 2)
    assert.match(second[0]!.text, /Karim vous a envoyé 5 messages/)
    assert.doesNotMatch(second[0]!.text, /> Message 20\n/, 'a message is mailed once')

    // Read before the next window ends: nothing to say, no email.
    await c.write('karim', 'Message 26')
    assert.equal((await c.open('marie')).statusCode, 200)
    t.clock.advance('20 minutes')
    assert.equal((await outboxMails(t, c.marie.email)).length, 2)
    assert.equal((await outboxMails(t, c.karim.email)).length, 0, 'the writer gets nothing')
  })

  it('sends nothing when the recipient has already read the messages', async () => {
    const c = await conversationOf(t, territory)
    await c.write('karim', 'Bonjour')
    await c.open('marie')
    assert.equal((await outboxMails(t, c.marie.email)).length, 0)
    // The next message, once nothing was mailed, may be mailed at once.
    t.clock.advance('1 minute')
    await c.write('karim', 'Vous êtes là ?')
    const mails = await outboxMails(t, c.marie.email)
    assert.equal(mails.length, 1)
    assert.match(mails[0]!.text, /Karim vous a envoyé un message au sujet de/)
    assert.doesNotMatch(mails[0]!.text, /> Bonjour/, 'what was read is not mailed')
  })

  it('shows HTML in a message as text in the email, with one-click unsubscribe headers', async () => {
    const c = await conversationOf(t, territory)
    await c.write('karim', '<script>alert("x")</script> <a href="https://arnaque.test">payez ici</a>')
    const [mail] = await outboxMails(t, c.marie.email)
    assert.ok(mail)
    assert.doesNotMatch(mail.html, /<script>alert/)
    assert.doesNotMatch(mail.html, /href="https:\/\/arnaque\.test"/)
    assert.match(mail.html, /&lt;script>alert\(&quot;x&quot;\)/)
    assert.match(mail.text, /> <script>alert\("x"\)<\/script>/, 'plain text carries it as typed')
    const headers = mail.headers as Record<string, string>
    assert.equal(headers['List-Unsubscribe-Post'], 'List-Unsubscribe=One-Click')
    const url = /^<(.+)>$/.exec(headers['List-Unsubscribe'] ?? '')?.[1]
    assert.ok(url)
    const address = new URL(url)
    assert.equal(address.host, territory.hostnames[0])
    assert.equal(address.pathname, '/notifications/desabonnement')
    assert.deepEqual(
      readUnsubscribeToken(t.app.services.config.appSecret, address.searchParams.get('jeton') ?? ''),
      { accountId: c.marie.id, type: 'messages' },
    )
    assert.match(mail.text, /Ne plus recevoir ces courriels/)
  })

  it('mails nothing to someone who chose « jamais » for messages', async () => {
    const c = await conversationOf(t, territory, { notifications: { messages: 'none' } })
    await c.write('karim', 'Bonjour')
    assert.equal((await mailJobsOf(t, c.match)).length, 0)
    t.clock.advance('1 day')
    assert.equal((await outboxMails(t, c.marie.email)).length, 0)
  })

  it('gathers unread messages in one daily digest for those who chose « une fois par jour »', async () => {
    await scheduleConversationJobs(t.app.services)
    const c = await conversationOf(t, territory, { notifications: { messages: 'daily' } })
    const karim2 = await makeAccount(t, territory, { displayName: 'Sophie' })
    const other = await makeMatch(t, territory, { author: c.marie, responder: karim2 })
    await c.write('karim', 'Premier')
    await c.write('karim', 'Second')
    await new Client(t, territory.hostnames[0]!)
      .signInDirectly(karim2)
      .then((s) => s.post(`/mises-en-relation/${other.id}/messages`, { body: 'Bonjour de Sophie' }))
    assert.equal((await outboxMails(t, c.marie.email)).length, 0, 'no email at once')
    t.clock.advance('1 day')
    const mails = await outboxMails(t, c.marie.email)
    assert.equal(mails.length, 1)
    const digest = mails[0]!
    assert.equal(digest.subject, 'Vos nouveaux messages sur Entraide Calvados')
    assert.match(digest.text, /3 messages vous attendent/)
    assert.match(digest.text, /Karim vous a écrit 2 messages au sujet de « Annonce \d+ »/)
    assert.match(digest.text, /Sophie vous a écrit un message au sujet de/)
    assert.match(digest.text, new RegExp(`/mises-en-relation/${other.id}#conversation`))
    assert.ok((digest.headers as Record<string, string>)['List-Unsubscribe'])
    t.clock.advance('1 day')
    assert.equal((await outboxMails(t, c.marie.email)).length, 1, 'not twice')
  })

  it('writes one email even when the mail job runs twice (a retry after a crash)', async () => {
    const c = await conversationOf(t, territory)
    await c.write('karim', 'Une fois')
    const input = { territoryId: territory.id, matchId: c.match.id, recipientId: c.marie.id }
    assert.equal(await sendMessageMail(t.app.services, input), true)
    assert.equal(await sendMessageMail(t.app.services, input), false)
    t.clock.advance('1 hour')
    assert.equal(await sendMessageMail(t.app.services, input), false)
    assert.equal((await outboxMails(t, c.marie.email)).length, 1)
  })

  it('writes the message and its mail job in one transaction: a failed commit leaves neither', async () => {
    const c = await conversationOf(t, territory)
    // Fails at COMMIT, after the job was inserted: only a shared transaction takes the job back too.
    await t.db.db.execute(sql`
      create function refuse_message() returns trigger language plpgsql as $$
      begin
        if new.body = 'ÉCHEC' then raise exception 'message refused at commit'; end if;
        return new;
      end $$`)
    await t.db.db.execute(sql`
      create constraint trigger refuse_message after insert on messages
      deferrable initially deferred for each row execute function refuse_message()`)
    try {
      const failed = await c.write('karim', 'ÉCHEC')
      assert.equal(failed.statusCode, 500)
      assert.equal((await storedMessages(t, c.match.id)).length, 0)
      assert.equal((await mailJobsOf(t, c.match)).length, 0, 'no job for a message that was not saved')
      assert.equal((await outboxMails(t, c.marie.email)).length, 0)
    } finally {
      await t.db.db.execute(sql`drop trigger refuse_message on messages`)
      await t.db.db.execute(sql`drop function refuse_message()`)
    }
    assert.equal((await c.write('karim', 'Cette fois')).statusCode, 303)
    assert.equal((await mailJobsOf(t, c.match)).length, 1)
  })
})

describe('conversations: a message sent while the mail server is down', () => {
  let smtp: SmtpReceiver
  let t: TestApp
  let territory: Territory

  before(async () => {
    smtp = await startSmtpReceiver()
    t = await buildTestApp({ SMTP_URL: smtp.url })
    territory = await makeTerritory(t.app.services)
  })
  after(async () => {
    await t.close()
    await smtp.close()
  })
  afterEach(() => smtp.setDown(false))

  it('is saved at once, and its email is sent once the server is back', async () => {
    const c = await conversationOf(t, territory)
    smtp.setDown(true)
    assert.equal((await c.write('karim', 'Je passe demain à 10 h')).statusCode, 303)
    assert.deepEqual(
      (await storedMessages(t, c.match.id)).map((m) => m.body),
      ['Je passe demain à 10 h'],
    )
    await t.app.services.worker.runDue()
    const [mailJob] = await t.app.services.jobs.listByName(MAIL_JOB)
    assert.equal(mailJob?.status, 'pending', 'the email waits to be retried')
    assert.ok(mailJob?.lastError)
    assert.equal(smtp.messages.length, 0)

    smtp.setDown(false)
    t.clock.advance(maxBackoffMs(1))
    await t.app.services.worker.runDue()
    const mail = await smtp.waitFor((m) => m.to.includes(c.marie.email))
    assert.equal(mail.subject, 'Karim vous a écrit sur Entraide Calvados')
    assert.match(mail.text, /Je passe demain à 10 h/)
    assert.equal(mail.headers.get('list-unsubscribe-post'), 'List-Unsubscribe=One-Click')
    assert.equal((await t.app.services.jobs.get(mailJob.id))?.status, 'done')
    assert.equal(smtp.messages.length, 1, 'sent exactly once')
  })
})
