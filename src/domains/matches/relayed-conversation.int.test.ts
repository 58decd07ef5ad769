import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { Client } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { page } from '../../../test/helpers/html.ts'
import {
  caseRow,
  LINE,
  type PhoneWorld,
  phoneWorld,
  postAsk,
  recordPerson,
} from '../../../test/helpers/phone.ts'
import { type SmtpReceiver, startSmtpReceiver } from '../../../test/helpers/smtp.ts'
import { matches } from '../../../test/helpers/tables.ts'

const LINE_NAME = 'Accueil téléphonique du Département'

/**
 * The conversation of an ask the phone line posted for Mme Lefèvre: the agent who typed it is the
 * listing's author, yet the volunteer reads the line's name on the agent's messages, before an
 * agent decides for the person and after, and never the agent's own name.
 */
describe('matches: the conversation of a relayed ask names the line, never its agent', () => {
  let t: TestApp
  let w: PhoneWorld
  let smtp: SmtpReceiver
  let matchId = ''
  before(async () => {
    smtp = await startSmtpReceiver()
    t = await buildTestApp({ SMTP_URL: smtp.url })
    w = await phoneWorld(t)
    const caseId = await postAsk(w, await recordPerson(w))
    const listingId = (await caseRow(t, caseId))!.listingId!
    const karim = await new Client(t, w.host).signInDirectly(w.karim)
    const res = await karim.post(`/annonces/${listingId}/repondre`, {
      message: 'Je passe au marché le samedi, je peux prendre ses courses.',
      shares: ['email'],
    })
    assert.equal(res.statusCode, 303)
    matchId = /mises-en-relation\/([0-9a-f-]+)/.exec(res.headers.location as string)![1]!
  })
  after(async () => {
    await t.close()
    await smtp.close()
  })

  /** What Karim reads on the match page and on the conversation's own page. */
  async function karimReads() {
    const karim = await new Client(t, w.host).signInDirectly(w.karim)
    const match = await karim.get(`/mises-en-relation/${matchId}`)
    const conversation = await karim.get(`/mises-en-relation/${matchId}/messages`)
    assert.equal(match.statusCode, 200)
    assert.equal(conversation.statusCode, 200)
    return { match, conversation }
  }

  const senders = (html: string) => page(html).all('.messages .message-meta strong')

  async function agentWrites(body: string) {
    const res = await (await w.client(w.agent)).post(`/mises-en-relation/${matchId}/messages`, { body })
    assert.equal(res.statusCode, 303)
  }

  it('names the line on the agent’s message while the response waits for the person’s decision', async () => {
    await agentWrites('Bonjour, je transmets votre proposition à Mme Lefèvre.')
    const { match, conversation } = await karimReads()
    for (const res of [match, conversation]) {
      assert.deepEqual(senders(res.body), ['Vous', LINE_NAME])
      assert.doesNotMatch(res.body, /Sophie/)
    }
    assert.equal(page(conversation.body).h1(), `Conversation avec ${LINE_NAME}`)
  })

  it('names the line, not the agent, once an agent accepted for the person', async () => {
    const caseOf = await (await w.client(w.agent)).get(`${LINE}/annonces/${(await matchRow()).listingId}`)
    const accepted = await (await w.client(w.agent2)).post(
      `${caseOf.headers.location as string}/reponses/${matchId}/accepter`,
      {},
    )
    assert.equal(accepted.statusCode, 303)
    assert.equal((await matchRow()).relayName, 'Jeanne L.')
    await agentWrites('Mme Lefèvre vous attend samedi à 10 h.')
    const { match, conversation } = await karimReads()
    for (const res of [match, conversation]) {
      assert.deepEqual(senders(res.body), ['Vous', LINE_NAME, LINE_NAME])
      assert.match(page(res.body).text('main'), /Mme Lefèvre vous attend samedi à 10 h\./)
      assert.doesNotMatch(res.body, /Sophie/)
    }
    assert.equal(page(conversation.body).h1(), `Conversation avec ${LINE_NAME}`)
    const block = await (await new Client(t, w.host).signInDirectly(w.karim)).get(
      `/mises-en-relation/${matchId}/bloquer`,
    )
    assert.equal(page(block.body).h1(), `Bloquer ${LINE_NAME} ?`)
    assert.doesNotMatch(block.body, /Sophie/)
  })

  it('names the line in the volunteer’s emails too, never the agent', async () => {
    // A message Karim has not read yet is mailed to him, once the conversation's window has passed.
    await agentWrites('Elle vous remercie d’avance.')
    t.clock.advance(60 * 60 * 1000)
    await t.app.services.worker.runDue()
    const mail = await smtp.waitFor((m) => m.to.includes(w.karim.email) && /vous a écrit/.test(m.subject))
    assert.match(mail.subject, new RegExp(`^${LINE_NAME} vous a écrit`))
    assert.match(mail.text, /Elle vous remercie d’avance/)
    assert.doesNotMatch(`${mail.subject}\n${mail.text}`, /Sophie/)
  })

  it('still shows the volunteer’s name to the agent who reads the conversation', async () => {
    const res = await (await w.client(w.agent)).get(`/mises-en-relation/${matchId}/messages`)
    assert.deepEqual(senders(res.body), ['Karim', 'Vous', 'Vous', 'Vous'])
  })

  async function matchRow() {
    const [row] = await t.db.db.select().from(matches).where(eq(matches.id, matchId))
    return row!
  }
})
