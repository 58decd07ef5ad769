import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { installModules } from '../../modules.ts'
import { ageOf, decodeCursor, encodeCursor, isPlatformPath, safeTarget } from './notification.ts'

// These tests read the module's texts and mails without building an app.
installModules()

describe('notification rules', () => {
  it('follows only paths of the platform', () => {
    for (const good of ['/', '/annonces/12', '/mises-en-relation/abc?onglet=messages#fin'])
      assert.equal(isPlatformPath(good), true, good)
    for (const bad of [
      'https://evil.example',
      '//evil',
      '/\\evil.example',
      '\\\\evil',
      'javascript:alert(1)',
      ' /annonces',
      '/annonces\n/x',
      'annonces',
      '',
    ])
      assert.equal(isPlatformPath(bad), false, JSON.stringify(bad))
    assert.equal(safeTarget('//evil'), '/notifications')
    assert.equal(safeTarget('/annonces/1'), '/annonces/1')
  })

  it('reads back its own cursors and nothing else', () => {
    const cursor = { createdAt: new Date('2026-03-16T09:00:00Z'), id: '00000000-0000-4000-8000-000000000001' }
    assert.deepEqual(decodeCursor(encodeCursor(cursor)), cursor)
    assert.equal(decodeCursor('abc'), null)
    assert.equal(decodeCursor(Buffer.from('pas une date|x').toString('base64url')), null)
    assert.equal(decodeCursor('a'.repeat(500)), null)
  })

  it('says how old a notification is, as people do', () => {
    const now = new Date('2026-03-16T09:00:00Z')
    const ago = (ms: number) => new Date(now.getTime() - ms)
    assert.equal(ageOf(ago(10_000), now, 'fr'), 'maintenant')
    assert.equal(ageOf(ago(5 * 60_000), now, 'fr'), 'il y a 5 minutes')
    assert.equal(ageOf(ago(3 * 3_600_000), now, 'fr'), 'il y a 3 heures')
    assert.equal(ageOf(ago(86_400_000), now, 'fr'), 'hier')
    assert.equal(ageOf(ago(3 * 3_600_000), now, 'en'), '3 hours ago')
    assert.equal(ageOf(ago(60 * 86_400_000), now, 'fr'), '15 janvier 2026')
  })
})

describe('the daily digest mail', () => {
  it('writes one line per notification, the count of the rest, and the way out', async () => {
    const { renderMail } = await import('../../platform/mail/templates.tsx')
    const mail = renderMail('notification-digest', {
      locale: 'fr',
      territory: null,
      data: {
        items: 'Zoé a répondu à « <b>Courses</b> »\nMarc vous remercie pour « Jardin »',
        more: '3',
        link: 'https://calvados.test/notifications',
        unsubscribe: 'https://calvados.test/notifications/desabonnement?jeton=x',
      },
      now: new Date('2026-03-16T09:00:00Z'),
      baseUrl: null,
    })
    assert.equal(mail.subject, 'Vos notifications du jour sur Entraide')
    assert.match(mail.text, /• Zoé a répondu à « <b>Courses<\/b> »\n/)
    assert.match(mail.text, /• Marc vous remercie pour « Jardin »/)
    assert.match(mail.text, /Et 3 autres, à retrouver sur la plateforme/)
    assert.match(mail.text, /Voir mes notifications\nhttps:\/\/calvados\.test\/notifications/)
    assert.doesNotMatch(mail.html, /<b>Courses/)
  })
})
