import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { buildTestApp, type TestApp } from '../../test/helpers/app.ts'
import { makeTerritory } from '../../test/helpers/factories.ts'
import { page } from '../../test/helpers/html.ts'
import { insertDevEmail } from './mail/dev-outbox.repository.ts'
import { DEV_OUTBOX_DAYS, scheduleMaintenance } from './maintenance.ts'
import { insertDevSms } from './sms/sms.repository.ts'
import type { Territory } from './tenancy/territory.ts'

const DAY_MS = 86_400_000

/**
 * The development outboxes hold real addresses and phone numbers wherever people try a server
 * that is not in production: a daily job empties them of what is older than a week.
 */
describe('maintenance: the development outboxes are emptied of what is older than a week', () => {
  let t: TestApp
  let territory: Territory
  before(async () => {
    t = await buildTestApp()
    territory = await makeTerritory(t.app.services)
  })
  after(() => t.close())

  const get = (url: string) => t.app.inject({ url, headers: { host: territory.hostnames[0]! } })
  const daysAgo = (days: number) => new Date(t.clock.now().getTime() - days * DAY_MS)

  it('removes the mails and SMS written more than a week before the job, and keeps the others', async () => {
    const { db } = t.db
    const write = async (who: string, days: number) => {
      await insertDevEmail(db, {
        id: t.app.services.ids(),
        territoryId: territory.id,
        recipient: `${who}@exemple.fr`,
        subject: `Pour ${who}`,
        html: '<p>Bonjour</p>',
        text: 'Bonjour',
        headers: {},
        createdAt: daysAgo(days),
      })
      await insertDevSms(db, {
        id: t.app.services.ids(),
        territoryId: territory.id,
        recipient: `+3360000000${days}`,
        sender: 'Entraide',
        body: `SMS pour ${who}`,
        segments: 1,
        createdAt: daysAgo(days),
      })
    }
    // The job runs a day from now: 6 days then is kept, DEV_OUTBOX_DAYS + 1 is not.
    await write('ancienne', DEV_OUTBOX_DAYS)
    await write('recente', DEV_OUTBOX_DAYS - 2)
    const listed = async (path: string) => page((await get(path)).body).all('tbody td')
    assert.ok((await listed('/dev/emails')).includes('ancienne@exemple.fr'))

    await scheduleMaintenance(t.app.services)
    t.clock.advance('1 days')
    await t.app.services.worker.runDue()

    const emails = await listed('/dev/emails')
    assert.ok(emails.includes('recente@exemple.fr'), emails.join(' | '))
    assert.ok(!emails.includes('ancienne@exemple.fr'), emails.join(' | '))
    const sms = (await get('/dev/sms')).body
    assert.match(sms, /SMS pour recente/)
    assert.doesNotMatch(sms, /SMS pour ancienne/)
  })
})
