import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { makeListing } from '../../../test/helpers/listings.ts'
import { outboxMails } from '../../../test/helpers/outbox.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { remindExpiring } from './listing.jobs.ts'

const DAY_MS = 86_400_000

/** The links a mail's plain text holds. */
const linksOf = (text: string) => [...text.matchAll(/https?:\/\/\S+/g)].map((m) => m[0])

/** An app as `npm run dev` starts it, or as production does, with one territory and one author. */
async function world(env: Record<string, string>, hostnames: string[]) {
  const t = await buildTestApp(env)
  const territory = await makeTerritory(t.app.services, { slug: 'calvados', hostnames })
  const author = await makeAccount(t, territory)
  return { t, territory, author }
}

/** A listing about to expire: the job that warns its author mails a link to renew it. */
async function reminderLinks(t: TestApp, territory: Territory, author: { id: string; email: string }) {
  const listing = await makeListing(t, territory, author, {
    expiresAt: new Date(t.clock.now().getTime() + 2 * DAY_MS),
  })
  await remindExpiring(t.app.services)
  const [mail] = await outboxMails(t, author.email)
  assert.ok(mail, 'the reminder was mailed')
  return { links: linksOf(mail.text), listing }
}

describe('links in mail, on a development server', () => {
  let w: Awaited<ReturnType<typeof world>>
  before(async () => {
    // The default territory answers any Host: a forged one reaches it.
    const env = { NODE_ENV: 'development', PORT: '3000', DEFAULT_TERRITORY: 'calvados' }
    w = await world(env, ['127.0.0.1', 'localhost'])
  })
  after(async () => {
    await w?.t.close()
  })

  it('a mail a job writes links to the server with its port, over plain HTTP', async () => {
    const { links, listing } = await reminderLinks(w.t, w.territory, w.author)
    assert.deepEqual(links, [`http://127.0.0.1:3000/mes-annonces/${listing.id}/renouveler`])
  })

  it('a forged Host never ends up in a link: the territory’s own address with the port instead', async () => {
    const forged = new Client(w.t, 'arnaque.test')
    const res = await forged.post('/mot-de-passe-oublie', { email: w.author.email })
    assert.equal(res.statusCode, 200)
    const [mail] = await outboxMails(w.t, w.author.email)
    const [link] = linksOf(mail!.text)
    assert.match(link!, /^http:\/\/127\.0\.0\.1:3000\/mot-de-passe\/nouveau\?jeton=/)
  })

  it('a request to the server’s own address keeps the port the browser used', async () => {
    const mine = new Client(w.t, '127.0.0.1:3000')
    await mine.post('/mot-de-passe-oublie', { email: w.author.email })
    const [mail] = await outboxMails(w.t, w.author.email)
    assert.match(linksOf(mail!.text)[0]!, /^http:\/\/127\.0\.0\.1:3000\//)
  })
})
