import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'
import { buildCountingTestApp, type CountingTestApp } from '../../../test/helpers/statements.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { notify } from './notify.ts'

const profile = {
  displayName: 'Zoé',
  commune: 'Bayeux (14400)',
  phone: '',
  radiusKm: '20',
  'notify-matches': 'immediate',
  'notify-messages': 'daily',
  'notify-savedSearches': 'none',
  locale: 'fr',
}

/**
 * The header's « Notifications (2) » is counted for the pages a person is sent, whatever the
 * method: a form shown again with its errors and a refusal page carry it as any page does, while
 * a form answered by a redirect sends no count for a header nobody sees.
 */
describe('notifications: the header’s count, only for a page sent', () => {
  let t: CountingTestApp
  let territory: Territory
  const host = () => territory.hostnames[0]!
  before(async () => {
    t = await buildCountingTestApp()
    territory = await makeTerritory(t.app.services)
  })
  after(() => t.close())

  const figure = (html: string) =>
    page(html)
      .document.querySelector('.main-nav a[href="/notifications"]')
      ?.textContent?.replace(/\s+/g, ' ')
      .trim()
  const counts = (statements: string[]) => statements.filter((s) => /from "notifications"/.test(s)).length

  it('shows the figure on a page, a form with its errors and a refusal, and counts nothing for a redirect', async () => {
    const account = await makeAccount(t, territory)
    for (const title of ['Courses', 'Jardin'])
      await notify(t.app.services, t.db.db, {
        territory,
        accountId: account.id,
        kind: 'match.response',
        params: { name: 'Marc', title },
        link: '/notifications',
      })
    const client = await new Client(t, host()).signInDirectly(account)

    const home = await t.count(() => client.get('/'))
    assert.equal(figure(home.result.body), 'Notifications (2), 2 non lues')
    assert.equal(counts(home.statements), 1)

    const mistaken = await t.count(() => client.post('/compte/profil', { ...profile, displayName: '' }))
    assert.equal(mistaken.result.statusCode, 400)
    assert.match(page(mistaken.result.body).title(), /^Il y a un problème/)
    assert.equal(figure(mistaken.result.body), 'Notifications (2), 2 non lues')

    const refused = await client.post('/notifications/tout-lire', {}, { withoutCsrf: true })
    assert.equal(refused.statusCode, 403)
    assert.equal(figure(refused.body), 'Notifications (2), 2 non lues')

    const saved = await t.count(() => client.post('/compte/profil', profile))
    assert.equal(saved.result.statusCode, 303)
    assert.equal(counts(saved.statements), 0, saved.statements.join('\n'))
  })
})
